import type { ParsedInput } from '../../shared/api.js';
import { outlineOrder, type Report, type Workspace } from '../../shared/domain.js';
import type { Change } from '../sync/changes.js';
import { damagedSections, refreshStaleText } from '../docs/section-text.js';
import { prepared, type DB } from '../store/open.js';
import { getReport, listMembers, listOrganizations, listSections, sectionWordCounts } from '../store/queries.js';
import type { ServiceContext } from './context.js';
import { actor } from './access.js';
import { openCommentCounts } from './comments.js';
import { previousReport } from './next-report.js';
import { reportWords } from '../../shared/words.js';

const REPORT_COLUMNS = {
  title: 'title',
  country: 'country',
  cycle: 'cycle',
  language: 'language',
  deadline: 'deadline',
  wordLimit: 'word_limit',
  session: 'session',
  symbol: 'symbol',
  lockAtReview: 'lock_at_review',
  distribution: 'distribution',
  issued: 'issued',
} as const;

export function updateReport({ report, me }: ServiceContext, input: ParsedInput<'report.update'>): Report {
  const author = actor({ report, me });
  const current = getReport(report.db);
  const changes: Change[] = [];
  for (const [key, column] of Object.entries(REPORT_COLUMNS) as Array<[keyof typeof REPORT_COLUMNS, string]>) {
    const value = input[key];
    // A flag is stored as 1 or 0.
    if (value !== undefined && value !== current[key]) changes.push({ table: 'report', row: current.id, column, value: typeof value === 'boolean' ? (value ? 1 : 0) : value });
  }
  report.write(author.id, changes);
  if (changes.length) report.emit({ kind: 'changed', what: ['report'] });
  return getReport(report.db);
}

/** Everything the workspace screen shows, in one read. */
export function loadWorkspace({ report, me }: ServiceContext): Workspace {
  refreshStaleText(report.db);
  const counts = sectionWordCounts(report.db);
  const open = openCommentCounts(report.db);
  const damaged = damagedSections(report.db);
  const listed = listSections(report.db);
  const statusSet = statusChanges(report.db, listed.map((s) => s.id));
  const sections = listed.map((s) => ({
    ...s,
    words: counts.get(s.id) ?? 0,
    openComments: open.get(s.id) ?? 0,
    damaged: damaged.has(s.id),
    statusSet: statusSet.get(s.id) ?? null,
  }));
  return {
    path: report.path,
    report: getReport(report.db),
    organizations: listOrganizations(report.db),
    members: listMembers(report.db),
    sections: outlineOrder(sections).map((e) => e.section),
    me,
    totalWords: reportWords(outlineOrder(sections).map((e) => ({ label: e.label, title: e.section.title, words: e.section.words }))),
    sentCopy: sentCopy(report.db),
    previousReport: previousReport(report.db),
  };
}

/**
 * Who set each section's present status, and when: the newest applied change of its status in the
 * change log (changes held back never count), with its author's name as the report has them. One
 * look-up a section down the log's cell index, however long the log.
 */
function statusChanges(db: DB, sectionIds: readonly string[]): Map<string, { by: string; at: string }> {
  const newest = prepared(
    db,
    `SELECT c.hlc, coalesce(m.name, '') AS by FROM change_log c LEFT JOIN members m ON m.id = c.author
      WHERE c.tbl = 'sections' AND c.row_id = ? AND c.col = 'status'
        AND NOT EXISTS (SELECT 1 FROM held_changes h WHERE h.kind = 'change' AND h.hlc = c.hlc)
      ORDER BY c.hlc DESC LIMIT 1`,
  );
  const found = new Map<string, { by: string; at: string }>();
  for (const id of sectionIds) {
    const row = newest.get(id) as { hlc: string; by: string } | undefined;
    if (row) found.set(id, { by: row.by, at: row.hlc.slice(0, 24) });
  }
  return found;
}

/** Where this file came from, if it was sent as a copy; a note that cannot be read is none. */
function sentCopy(db: DB): Workspace['sentCopy'] {
  const value = prepared(db, "SELECT value FROM meta WHERE key = 'sent_copy'").pluck().get() as string | undefined;
  if (!value) return null;
  try {
    const note = JSON.parse(value) as Record<string, unknown>;
    const { from, by, at } = note;
    return typeof from === 'string' && typeof by === 'string' && typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? { from, by, at } : null;
  } catch {
    return null;
  }
}
