import type { ParsedInput } from '../../shared/api.js';
import { outlineOrder, type Report, type Workspace } from '../../shared/domain.js';
import type { Change } from '../sync/changes.js';
import { damagedSections, refreshStaleText } from '../docs/section-text.js';
import { prepared, type DB } from '../store/open.js';
import { getReport, listMembers, listOrganizations, listSections, sectionWordCounts } from '../store/queries.js';
import type { ServiceContext } from './context.js';
import { actor } from './access.js';
import { openCommentCounts } from './comments.js';
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
} as const;

export function updateReport({ report, me }: ServiceContext, input: ParsedInput<'report.update'>): Report {
  const author = actor({ report, me });
  const current = getReport(report.db);
  const changes: Change[] = [];
  for (const [key, column] of Object.entries(REPORT_COLUMNS) as Array<[keyof typeof REPORT_COLUMNS, string]>) {
    const value = input[key];
    if (value !== undefined && value !== current[key]) changes.push({ table: 'report', row: current.id, column, value });
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
  const statusSet = statusChanges(report.db);
  const sections = listSections(report.db).map((s) => ({
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
  };
}

/**
 * Who set each section's present status, and when: the newest applied change of its status in the
 * change log (changes held back never count), with its author's name as the report has them.
 */
function statusChanges(db: DB): Map<string, { by: string; at: string }> {
  const rows = prepared(
    db,
    `SELECT c.row_id AS id, max(c.hlc) AS hlc, coalesce(m.name, '') AS by
       FROM change_log c LEFT JOIN members m ON m.id = c.author
      WHERE c.tbl = 'sections' AND c.col = 'status' AND c.hlc NOT IN (SELECT hlc FROM held_changes WHERE kind = 'change')
      GROUP BY c.row_id`,
  ).all() as Array<{ id: string; hlc: string; by: string }>;
  return new Map(rows.map((r) => [r.id, { by: r.by, at: r.hlc.slice(0, 24) }]));
}
