import type { ParsedInput } from '../../shared/api.js';
import { outlineOrder, type Report, type Workspace } from '../../shared/domain.js';
import type { Change } from '../sync/changes.js';
import { damagedSections, refreshStaleText } from '../docs/section-text.js';
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
  const sections = listSections(report.db).map((s) => ({ ...s, words: counts.get(s.id) ?? 0, openComments: open.get(s.id) ?? 0, damaged: damaged.has(s.id) }));
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
