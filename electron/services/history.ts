// The report's history: who changed what and when. Records come from the change log, the fields one
// person wrote in one record at once grouped into one entry; text comes from the stored updates, one
// person's updates to one section less than half an hour apart grouped into an editing session with
// the characters typed and deleted. Filtered by section, person, organization and days; newest
// first; written to XLSX or CSV for an audit.
import path from 'node:path';
import * as Y from 'yjs';
import { neutralizeFormula } from '../export/comment-matrix.js';
import { writeTableFile } from '../export/table-file.js';
import type { ParsedInput, Result } from '../../shared/api.js';
import type { HistoryEntry, HistoryFilter, HistoryPage, RecordEntry, TextEntry } from '../../shared/history.js';
import type { CellValue } from '../../shared/synced.js';
import { prepared, type DB } from '../store/open.js';
import { subjectNamer } from './sharing.js';
import type { ServiceContext } from './context.js';

/** Updates of one person to one section closer than this belong to one editing session. */
const SESSION_GAP_MS = 30 * 60 * 1000;
const DEFAULT_LIMIT = 500;
/** Long values (a comment's body, an input's full text) are cut here in the history. */
const VALUE_MAX = 500;

interface LogRow {
  hlc: string;
  author: string;
  tbl: string;
  row_id: string;
  col: string;
  value: CellValue;
}

interface UpdateRow {
  hlc: string;
  author: string;
  section_id: string;
  folded: number;
  data?: Uint8Array;
}

const at = (hlc: string) => hlc.slice(0, 24);

/** The history matching `filter`, newest first. */
export function readHistory(db: DB, filter: HistoryFilter = {}): HistoryPage {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const members = new Map((prepared(db, 'SELECT id, name, organization_id FROM members').all() as Array<{ id: string; name: string; organization_id: string }>).map((m) => [m.id, m]));
  const orgs = new Map((prepared(db, 'SELECT id, name FROM organizations').all() as Array<{ id: string; name: string }>).map((o) => [o.id, o.name]));
  const authors = filter.memberId ? [filter.memberId] : filter.organizationId ? [...members.values()].filter((m) => m.organization_id === filter.organizationId).map((m) => m.id) : null;
  const lo = filter.since ? `${filter.since}T00:00:00.000Z` : '';
  const hi = filter.until ? `${filter.until}T23:59:59.999Z\uffff` : '\uffff';
  const who = (id: string) => {
    const m = members.get(id);
    return { who: m?.name ?? id, whoId: id, organization: m ? (orgs.get(m.organization_id) ?? '') : '' };
  };

  const records = recordEntries(db, filter, authors, lo, hi, limit, who);
  const texts = textEntries(db, filter, authors, lo, hi, limit, who);
  const all: HistoryEntry[] = [...records.entries, ...texts.entries].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { entries: all.slice(0, limit), more: records.more || texts.more || all.length > limit };
}

type Who = (id: string) => { who: string; whoId: string; organization: string };

function recordEntries(db: DB, filter: HistoryFilter, authors: string[] | null, lo: string, hi: string, limit: number, who: Who): { entries: RecordEntry[]; more: boolean } {
  const byAuthor = authors ? ` AND author IN (${authors.map(() => '?').join(',') || "''"})` : '';
  const params = [lo, hi, ...(authors ?? [])];
  // Read before the log is iterated: naming a comment may refresh the text cache, which writes.
  const names = new Map([...(prepared(db, 'SELECT id, name FROM members').all() as Array<{ id: string; name: string }>)].map((m) => [m.id, m.name]));
  const subject = subjectNamer(db, names);
  const sectionOf = sectionFinder(db);
  const firstOf = prepared(db, 'SELECT min(hlc) FROM change_log WHERE tbl = ? AND row_id = ?').pluck();
  let rows: Iterable<LogRow>;
  if (filter.sectionId) {
    // A section's own record and those that belong to it: its comments and their replies, its links.
    const s = filter.sectionId;
    rows = prepared(
      db,
      `SELECT hlc, author, tbl, row_id, col, value FROM change_log WHERE hlc >= ? AND hlc <= ?${byAuthor} AND (
         (tbl = 'sections' AND row_id = ?)
         OR (tbl = 'comments' AND row_id IN (SELECT id FROM comments WHERE section_id = ?))
         OR (tbl = 'comment_replies' AND row_id IN (SELECT r.id FROM comment_replies AS r JOIN comments AS c ON c.id = r.comment_id WHERE c.section_id = ?))
         OR (tbl = 'section_recommendations' AND row_id IN (SELECT id FROM section_recommendations WHERE section_id = ?))
         OR (tbl = 'input_links' AND row_id IN (SELECT id FROM input_links WHERE target_kind = 'section' AND target_id = ?)))
       ORDER BY hlc DESC`,
    ).iterate(...params, s, s, s, s, s) as Iterable<LogRow>;
  } else {
    rows = prepared(db, `SELECT hlc, author, tbl, row_id, col, value FROM change_log WHERE hlc >= ? AND hlc <= ?${byAuthor} ORDER BY hlc DESC`).iterate(...params) as Iterable<LogRow>;
  }
  const entries: RecordEntry[] = [];
  let open: RecordEntry | null = null;
  let more = false;
  for (const r of rows) {
    // The fields one person wrote in one record within the same second: one entry.
    if (open && open.whoId === r.author && open.table === r.tbl && open.row === r.row_id && at(r.hlc).slice(0, 19) === open.at.slice(0, 19)) {
      open.fields.push(field(r));
      if (firstOf.get(r.tbl, r.row_id) === r.hlc) open.created = true;
      continue;
    }
    if (entries.length === limit) {
      more = true;
      break;
    }
    open = {
      kind: 'record',
      at: at(r.hlc),
      ...who(r.author),
      sectionId: sectionOf(r.tbl, r.row_id),
      table: r.tbl,
      row: r.row_id,
      subject: r.tbl === 'versions' ? { kind: 'other', label: versionName(db, r.row_id) } : subject(r.tbl, r.row_id),
      created: firstOf.get(r.tbl, r.row_id) === r.hlc,
      fields: [field(r)],
    };
    entries.push(open);
  }
  for (const e of entries) e.fields.reverse();
  return { entries, more };
}

function field(r: LogRow): { table: string; column: string; value: CellValue } {
  const value = r.tbl === 'versions' && r.col === 'state' ? '' : typeof r.value === 'string' && r.value.length > VALUE_MAX ? `${r.value.slice(0, VALUE_MAX)}…` : r.value;
  return { table: r.tbl, column: r.col, value };
}

function versionName(db: DB, id: string): string {
  return (prepared(db, 'SELECT name FROM versions WHERE id = ?').pluck().get(id) as string | undefined) ?? id;
}

/** The section a record belongs to, where it belongs to one. */
function sectionFinder(db: DB): (table: string, row: string) => string | null {
  const one = (sql: string, row: string) => (prepared(db, sql).pluck().get(row) as string | undefined) ?? null;
  return (table, row) => {
    switch (table) {
      case 'sections':
        return row;
      case 'comments':
        return one('SELECT section_id FROM comments WHERE id = ?', row);
      case 'comment_replies':
        return one('SELECT c.section_id FROM comment_replies AS r JOIN comments AS c ON c.id = r.comment_id WHERE r.id = ?', row);
      case 'section_recommendations':
        return one('SELECT section_id FROM section_recommendations WHERE id = ?', row);
      default:
        return null;
    }
  };
}

function textEntries(db: DB, filter: HistoryFilter, authors: string[] | null, lo: string, hi: string, limit: number, who: Who): { entries: TextEntry[]; more: boolean } {
  const bySection = filter.sectionId ? ' AND section_id = ?' : '';
  const byAuthor = authors ? ` AND author IN (${authors.map(() => '?').join(',') || "''"})` : '';
  const rows = prepared(
    db,
    `SELECT seq, hlc, author, section_id, folded FROM section_updates AS u WHERE hlc >= ? AND hlc <= ?${bySection}${byAuthor}
     AND NOT EXISTS (SELECT 1 FROM held_changes AS h WHERE h.kind = 'text' AND h.hlc = u.hlc) ORDER BY hlc DESC`,
  ).iterate(lo, hi, ...(filter.sectionId ? [filter.sectionId] : []), ...(authors ?? [])) as Iterable<UpdateRow & { seq: number }>;
  const titles = new Map((prepared(db, 'SELECT id, title FROM sections').all() as Array<{ id: string; title: string }>).map((s) => [s.id, s.title]));
  const entries: TextEntry[] = [];
  const seqs = new Map<TextEntry, number[]>();
  /** The session still open for each person and section (the oldest update seen so far is its start). */
  const open = new Map<string, TextEntry>();
  let more = false;
  for (const r of rows) {
    const key = `${r.author}\u0000${r.section_id}`;
    const session = open.get(key);
    const time = Date.parse(at(r.hlc));
    if (session && Date.parse(session.from) - time <= SESSION_GAP_MS) {
      session.from = at(r.hlc);
      session.saves++;
      session.folded ||= r.folded === 1;
      seqs.get(session)!.push(r.seq);
      continue;
    }
    if (entries.length === limit) {
      more = true;
      break;
    }
    const started: TextEntry = {
      kind: 'text',
      at: at(r.hlc),
      from: at(r.hlc),
      ...who(r.author),
      sectionId: r.section_id,
      sectionTitle: titles.get(r.section_id) ?? '',
      typed: 0,
      deleted: 0,
      saves: 1,
      folded: r.folded === 1,
    };
    open.set(key, started);
    seqs.set(started, [r.seq]);
    entries.push(started);
  }
  // What each session typed and deleted, read from its updates.
  const data = prepared(db, 'SELECT data FROM section_updates WHERE seq = ?').pluck();
  for (const e of entries) {
    for (const seq of seqs.get(e)!) {
      const counted = countChanges(data.get(seq) as Uint8Array);
      e.typed += counted.typed;
      e.deleted += counted.deleted;
    }
  }
  return { entries, more };
}

/** Characters an update inserts and deletes (an unreadable one counts nothing: `upr check` names it). */
export function countChanges(update: Uint8Array): { typed: number; deleted: number } {
  try {
    const { structs, ds } = Y.decodeUpdate(update);
    let typed = 0;
    for (const s of structs) {
      const content = (s as { content?: unknown }).content;
      if (content instanceof Y.ContentString) typed += content.str.length;
    }
    let deleted = 0;
    for (const items of ds.clients.values()) for (const item of items) deleted += item.len;
    return { typed, deleted };
  } catch {
    return { typed: 0, deleted: 0 };
  }
}

export function historyOf(ctx: ServiceContext, input: ParsedInput<'history.list'>): Result<'history.list'> {
  return readHistory(ctx.report.db, input);
}

const HISTORY_COLUMNS = [
  { key: 'when', width: 18, wrap: false },
  { key: 'until', width: 18, wrap: false },
  { key: 'who', width: 22, wrap: true },
  { key: 'organization', width: 26, wrap: true },
  { key: 'section', width: 30, wrap: true },
  { key: 'what', width: 30, wrap: true },
  { key: 'change', width: 60, wrap: true },
] as const;

const HEADERS = ['When (UTC)', 'Session began (UTC)', 'Who', 'Organization', 'Section', 'What', 'Change'];

/** "2026-12-06 14:05" from an ISO time. */
const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/**
 * The history matching the filter as a file for an audit, in English (field names as the schema
 * has them, people, organizations and sections by name), every entry (no limit unless given).
 */
export async function exportHistory(ctx: ServiceContext, input: ParsedInput<'history.export'>): Promise<Result<'history.export'>> {
  const db = ctx.report.db;
  const page = readHistory(db, { limit: 1_000_000, ...input.filter });
  const titles = new Map((prepared(db, 'SELECT id, title FROM sections').all() as Array<{ id: string; title: string }>).map((s) => [s.id, s.title]));
  const rows = page.entries.map((e): string[] => {
    const section = e.sectionId ? (titles.get(e.sectionId) ?? '') : '';
    if (e.kind === 'text') {
      return [minute(e.at), minute(e.from), e.who, e.organization, section, 'Text', `${e.typed} characters typed, ${e.deleted} deleted, in ${e.saves} ${e.saves === 1 ? 'save' : 'saves'}`];
    }
    const what = `${e.table.replace(/_/g, ' ')}${e.subject.label ? `: ${e.subject.label}` : ''}${e.created ? ' (made)' : ''}`;
    const change = e.fields.map((f) => `${f.column.replace(/_/g, ' ')} = ${f.value === null ? '' : String(f.value)}`).join('; ');
    return [minute(e.at), '', e.who, e.organization, section, what, change];
  });
  const file = path.resolve(input.path);
  const title = (prepared(db, 'SELECT title FROM report LIMIT 1').pluck().get() as string | undefined) ?? '';
  await writeTableFile(file, input.format, { title, subject: 'History of the report', sheet: 'History', columns: HISTORY_COLUMNS, headers: HEADERS, rows: rows.map((r) => r.map(neutralizeFormula)) });
  return { path: file, rows: rows.length };
}
