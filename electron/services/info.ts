// `upr info`: what a report holds, with word counts per section and in total.
import { reportWords } from '../../shared/words.js';
import { outlineOrder } from '../../shared/domain.js';
import { damagedSections, refreshStaleText } from '../docs/section-text.js';
import { listComments } from './comments.js';
import { previousReport, type PreviousReport } from './next-report.js';
import type { OpenReport } from '../store/open-report.js';
import { getReport, listMembers, listOrganizations, listSections, sectionWordCounts } from '../store/queries.js';

export interface ReportInfo {
  path: string;
  title: string;
  country: string;
  cycle: number;
  language: string;
  deadline: string;
  wordLimit: number;
  totalWords: number;
  sections: Array<{ label: string; depth: number; title: string; status: string; lead: string | null; dueDate: string; words: number; wordBudget: number | null; damaged: boolean }>;
  members: Array<{ name: string; organization: string; role: string }>;
  counts: { sections: number; organizations: number; members: number; changes: number; textUpdates: number };
  /** Review comments by where they stand; `detached` ones lost their passage. */
  comments: { total: number; open: number; answered: number; closed: number; detached: number };
  /** The report this one was started from as the next cycle's, or null. */
  previousReport: PreviousReport;
}

export function reportInfo(report: OpenReport): ReportInfo {
  refreshStaleText(report.db);
  const r = getReport(report.db);
  const orgs = listOrganizations(report.db);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const words = sectionWordCounts(report.db);
  const damaged = damagedSections(report.db);
  const outline = outlineOrder(listSections(report.db));
  const members = listMembers(report.db);
  const count = (sql: string) => (report.db.prepare(sql).get() as { n: number }).n;
  const sections = outline.map(({ section: s, depth, label }) => ({
    label,
    depth,
    title: s.title,
    status: s.status,
    lead: s.leadOrganizationId ? (orgName.get(s.leadOrganizationId) ?? null) : null,
    dueDate: s.dueDate,
    words: words.get(s.id) ?? 0,
    wordBudget: s.wordBudget,
    damaged: damaged.has(s.id),
  }));
  const comments = listComments(report.db);
  const inState = (state: string) => comments.filter((c) => c.state === state).length;
  return {
    path: report.path,
    title: r.title,
    country: r.country,
    cycle: r.cycle,
    language: r.language,
    deadline: r.deadline,
    wordLimit: r.wordLimit,
    // The sections' text and headings, as the limit counts them (and as the app's header shows).
    totalWords: reportWords(sections),
    sections,
    members: members.map((m) => ({ name: m.name, organization: orgName.get(m.organizationId) ?? '', role: m.role })),
    counts: {
      sections: sections.length,
      organizations: orgs.length,
      members: members.length,
      changes: count('SELECT count(*) AS n FROM change_log'),
      textUpdates: count('SELECT count(*) AS n FROM section_updates'),
    },
    comments: {
      total: comments.length,
      open: inState('open'),
      answered: inState('answered'),
      closed: inState('closed'),
      detached: comments.filter((c) => c.detached).length,
    },
    previousReport: previousReport(report.db),
  };
}

export function formatInfo(info: ReportInfo): string {
  const lines = [
    info.title,
    `${info.country}, cycle ${info.cycle}, language ${info.language}${info.deadline ? `, due ${info.deadline}` : ''}`,
    `${info.totalWords.toLocaleString('en')} of ${info.wordLimit.toLocaleString('en')} words`,
    ...(info.previousReport ? [`follows the cycle ${info.previousReport.cycle} report “${info.previousReport.title}” (${info.previousReport.file})`] : []),
    '',
    'Sections:',
    ...info.sections.map(
      (s) =>
        `${'  '.repeat(s.depth + 1)}${s.label}. ${s.title} [${s.status.replace(/_/g, ' ')}] ${s.damaged ? 'text cannot be read' : `${s.words}${s.wordBudget !== null ? `/${s.wordBudget}` : ''} words`}${s.lead ? `, lead: ${s.lead}` : ''}${s.dueDate ? `, due ${s.dueDate}` : ''}`,
    ),
    '',
    'Members:',
    ...info.members.map((m) => `  ${m.name} (${m.organization}), ${m.role}`),
    '',
    `Comments: ${info.comments.total} (${info.comments.open} open, ${info.comments.answered} answered, ${info.comments.closed} closed${info.comments.detached ? `; ${info.comments.detached} whose passage was deleted` : ''})`,
    `${info.counts.organizations} organizations, ${info.counts.changes} changes in the log, ${info.counts.textUpdates} text updates`,
  ];
  return lines.join('\n');
}
