// Reads of the materialized tables, mapped to domain objects. Deleted rows are never returned.
import type { Member, Organization, Report, Section } from '../../shared/domain.js';
import path from 'node:path';
import { userError } from '../../shared/messages.js';
import { shown } from '../../shared/synced.js';
import { prepared, type DB } from './open.js';

interface ReportRow {
  id: string;
  title: string;
  country: string;
  cycle: number;
  language: Report['language'];
  deadline: string;
  word_limit: number;
  session: string;
  symbol: string;
  lock_at_review: number;
  distribution: string;
  issued: string;
}
interface SectionRow {
  id: string;
  parent_id: string | null;
  position: string;
  title: string;
  lead_organization_id: string | null;
  due_date: string;
  word_budget: number | null;
  status: Section['status'];
}

export function getReport(db: DB): Report {
  const row = prepared(db, 'SELECT * FROM report WHERE deleted = 0 LIMIT 1').get() as ReportRow | undefined;
  // A report always has its settings row (opening checks it); a file without one is damaged.
  if (!row) throw userError('damaged', { name: path.basename(db.name) });
  return {
    id: row.id,
    title: row.title,
    country: row.country,
    cycle: shown('report', 'cycle', row.cycle),
    language: shown('report', 'language', row.language),
    deadline: shown('report', 'deadline', row.deadline),
    wordLimit: shown('report', 'word_limit', row.word_limit),
    session: row.session,
    symbol: row.symbol,
    lockAtReview: row.lock_at_review === 1,
    distribution: shown('report', 'distribution', row.distribution),
    issued: shown('report', 'issued', row.issued),
  };
}

export function listOrganizations(db: DB): Organization[] {
  return (prepared(db, 'SELECT id, name, kind FROM organizations WHERE deleted = 0 ORDER BY name COLLATE NOCASE, id').all() as Organization[]).map((o) => ({ ...o, kind: shown('organizations', 'kind', o.kind) }));
}

export function getOrganization(db: DB, id: string): Organization | undefined {
  return prepared(db, 'SELECT id, name, kind FROM organizations WHERE id = ? AND deleted = 0').get(id) as Organization | undefined;
}

export function listMembers(db: DB): Member[] {
  return (
    prepared(db, 'SELECT id, name, organization_id AS organizationId, role FROM members WHERE deleted = 0 ORDER BY name COLLATE NOCASE, id').all() as Member[]
  ).map((m) => ({ ...m, role: shown('members', 'role', m.role) }));
}

export function getMember(db: DB, id: string): Member | undefined {
  const m = prepared(db, 'SELECT id, name, organization_id AS organizationId, role FROM members WHERE id = ? AND deleted = 0').get(id) as Member | undefined;
  return m && { ...m, role: shown('members', 'role', m.role) };
}

function toSection(row: SectionRow): Section {
  return {
    id: row.id,
    parentId: row.parent_id,
    position: row.position,
    title: row.title,
    leadOrganizationId: row.lead_organization_id,
    dueDate: shown('sections', 'due_date', row.due_date),
    wordBudget: shown('sections', 'word_budget', row.word_budget),
    status: shown('sections', 'status', row.status),
  };
}

export function listSections(db: DB): Section[] {
  return (prepared(db, 'SELECT * FROM sections WHERE deleted = 0 ORDER BY position, id').all() as SectionRow[]).map(toSection);
}

export function getSection(db: DB, id: string): Section | undefined {
  const row = prepared(db, 'SELECT * FROM sections WHERE id = ? AND deleted = 0').get(id) as SectionRow | undefined;
  return row && toSection(row);
}

export function sectionWordCounts(db: DB): Map<string, number> {
  const rows = prepared(db, 'SELECT section_id, words FROM section_text').all() as Array<{ section_id: string; words: number }>;
  return new Map(rows.map((r) => [r.section_id, r.words]));
}
