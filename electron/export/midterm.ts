// The mid-term report (issue 16, point 7): the State's voluntary report, about half-way between two
// reviews, on how far the UPR recommendations it received have been implemented, in the form OHCHR's
// template gives: an introduction with the figures, then the recommendations cluster by cluster
// (number and text, recommending States, position, responsible institution, status, the progress
// notes and the actions), then the annex matrix. It is the national report's model (model.ts), so
// the Word and PDF writers lay it out as they lay out the report, every text escaped as they do.
// Only the UPR's recommendations: the treaty bodies' and special procedures' are not the review's.
import { clusterOf, type FullRecommendation, type ImplementationStatus, type PlanAction } from '../../shared/domain.js';
import { EXPORT_WORDS } from '../../shared/report-words.js';
import { compareNumbers, listRecommendations } from '../services/recommendations.js';
import type { DB } from '../store/open.js';
import { getReport, listOrganizations } from '../store/queries.js';
import { bodyWords } from './document.js';
import { MIDTERM_WORDS, type MidtermWords } from './midterm-words.js';
import type { Annex, Block, ExportDocument, HeadingBlock, Inline, ParagraphBlock } from './model.js';

/** The statuses in the order the introduction counts them: the furthest along first. */
const STATUS_ORDER: readonly ImplementationStatus[] = ['implemented', 'partially_implemented', 'in_progress', 'not_started', 'not_applicable'];

/** A cluster of the report and its recommendations in number order; `name` '' for those without one. */
export interface MidtermCluster {
  name: string;
  recommendations: FullRecommendation[];
}

/**
 * The UPR recommendations as the report presents them: by cluster (the country's own, else the
 * list's), clusters in alphabetical order in the report's language, those without one last.
 */
export function midtermClusters(all: readonly FullRecommendation[], language: string): MidtermCluster[] {
  const byName = new Map<string, FullRecommendation[]>();
  for (const r of all.filter((x) => x.origin.mechanism === 'upr')) {
    const name = clusterOf(r).trim();
    const cluster = byName.get(name);
    if (cluster) cluster.push(r);
    else byName.set(name, [r]);
  }
  return [...byName]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, language)))
    .map(([name, recommendations]) => ({ name, recommendations: recommendations.sort((a, b) => compareNumbers(a.number, b.number)) }));
}

/** The lines of a text that has any, blank ones left out. */
const lines = (text: string) => text.split(/\r?\n/).filter((line) => line.trim() !== '');

/** Plain text as runs: its lines kept, as a break each. */
function runs(text: string): Inline[] {
  return lines(text).flatMap((line, i): Inline[] => [...(i > 0 ? [{ kind: 'break' as const }] : []), { kind: 'text', text: line.trim() }]);
}

const heading = (level: HeadingBlock['level'], label: string, text: string): HeadingBlock => ({ kind: 'heading', level, label, runs: runs(text) });

/** What the body and the annex say of one recommendation, in the report's words. */
class FollowUpText {
  private readonly organizations: Map<string, string>;
  constructor(
    private readonly m: MidtermWords,
    private readonly language: ExportDocument['language'],
    organizations: ReadonlyArray<{ id: string; name: string }>,
    private readonly asOf: string,
  ) {
    this.organizations = new Map(organizations.map((o) => [o.id, o.name]));
  }

  organization(id: string | null): string {
    return id ? (this.organizations.get(id) ?? '') : '';
  }

  position(r: FullRecommendation): string {
    return r.position ? EXPORT_WORDS[this.language].positions[r.position] : this.m.noPositionValue;
  }

  status(r: FullRecommendation): string {
    return EXPORT_WORDS[this.language].statuses[r.implementationStatus];
  }

  /** Its progress notes up to the report's date, oldest first: the narrative of what was done. */
  notes(r: FullRecommendation) {
    return r.notes.filter((n) => n.date <= this.asOf).sort((a, b) => a.date.localeCompare(b.date));
  }

  /** A note as the text tells it: dated, with the action it reports on. */
  note(r: FullRecommendation, note: FullRecommendation['notes'][number]): string {
    return this.m.dated(this.m.date(note.date), note.text.trim(), r.actions.find((a) => a.id === note.actionId)?.title ?? '');
  }

  action(a: PlanAction): string {
    const day = (iso: string) => (iso ? this.m.date(iso) : '');
    return this.m.action(a.title, this.m.actionStatuses[a.status], this.organization(a.leadOrganizationId), day(a.startDate), day(a.endDate));
  }

  /** Who recommended it, the position, the institutions and the status, as sentences. */
  facts(r: FullRecommendation): string {
    const contributing = r.contributingOrganizationIds.map((id) => this.organization(id)).filter(Boolean);
    return [
      ...(r.states.length ? [this.m.fact(EXPORT_WORDS[this.language].recommendationHeaders.states, r.states.join(', '))] : []),
      this.m.fact(this.m.position, this.position(r)),
      this.m.fact(this.m.responsible, this.organization(r.responsibleOrganizationId) || this.m.notAssigned),
      ...(contributing.length ? [this.m.fact(this.m.contributing, contributing.join(', '))] : []),
      this.m.fact(this.m.status, this.status(r)),
    ].join(this.m.factSeparator);
  }
}

/** The report's own text about one recommendation: its words as received, the facts, the progress and its own actions. */
function recommendationBlocks(r: FullRecommendation, tell: FollowUpText, m: MidtermWords, paragraph: (runs: Inline[]) => ParagraphBlock): Block[] {
  const own = r.actions.filter((a) => a.recommendationId === r.id);
  const notes = tell.notes(r);
  return [
    heading(3, '', m.recommendation(r.number)),
    paragraph(runs(r.text)),
    paragraph(runs(tell.facts(r))),
    heading(4, '', m.progress),
    // A note's lines are its author's paragraphs, numbered as the report's are (a line broken inside
    // a justified paragraph would be stretched across the column).
    ...(notes.length ? notes.flatMap((n) => lines(tell.note(r, n)).map((line) => paragraph(runs(line)))) : [paragraph(runs(m.noProgress))]),
    ...(own.length ? [heading(4, '', m.actions), { kind: 'list' as const, ordered: false, items: own.map((a) => ({ runs: runs(tell.action(a)), children: [] })) }] : []),
  ];
}

/**
 * The annex: OHCHR's matrix, one row a recommendation in the body's order (so cluster by cluster),
 * with what was done in one cell. No column of its own for the cluster: a seventh would not fit the
 * page's width without cutting words.
 */
function matrix(recommendations: readonly FullRecommendation[], tell: FollowUpText, m: MidtermWords, language: ExportDocument['language']): Annex {
  const h = m.headers;
  const w = EXPORT_WORDS[language];
  return {
    label: w.annex('').trim(),
    title: m.annexTitle,
    headers: [h.recommendation, h.states, h.position, h.status, h.progress, h.responsible],
    widths: [22, 15, 12, 15, 22, 14],
    empty: w.noRecommendations,
    rows: recommendations.map((r) => [
      `${r.number}\n${r.text.trim()}`,
      r.states.join(', '),
      tell.position(r),
      tell.status(r),
      [...r.actions.map((a) => tell.action(a)), ...tell.notes(r).map((n) => tell.note(r, n))].join('\n'),
      [r.responsibleOrganizationId, ...r.contributingOrganizationIds].map((id) => tell.organization(id)).filter(Boolean).join('\n'),
    ]),
  };
}

/** The mid-term report of the open report, as of `asOf` (an ISO day: its date, and the last day of progress it tells). */
export function buildMidtermDocument(db: DB, asOf: string): ExportDocument {
  const report = getReport(db);
  const language = report.language;
  const w = EXPORT_WORDS[language];
  const m = MIDTERM_WORDS[language];
  // The report being prepared is the next cycle's: its recommendations were received in the one before.
  const cycle = m.cycle(Math.max(1, report.cycle - 1));
  const clusters = midtermClusters(listRecommendations(db), language);
  const all = clusters.flatMap((c) => c.recommendations);
  const tell = new FollowUpText(m, language, listOrganizations(db), asOf);

  let numbered = 0;
  const paragraph = (content: Inline[]): ParagraphBlock => ({ kind: 'paragraph', number: ++numbered, runs: content });
  const count = (status: ImplementationStatus) => all.filter((r) => r.implementationStatus === status).length;
  const supported = all.filter((r) => r.position === 'supported').length;
  const noted = all.filter((r) => r.position === 'noted').length;
  const statuses = STATUS_ORDER.map((s) => m.figure(w.statuses[s].toLocaleLowerCase(language), count(s))).join(m.listSeparator);

  const body: Block[] = [
    heading(1, 'A.', m.introduction),
    paragraph(runs(m.purpose(m.date(asOf), cycle))),
    paragraph(runs(m.method)),
    paragraph(runs([m.received(all.length, supported, noted), ...(all.length > supported + noted ? [m.noPosition(all.length - supported - noted)] : [])].join(m.factSeparator))),
    paragraph(runs(m.fact(m.status, statuses))),
    paragraph(runs(m.arrangement)),
    heading(1, 'B.', m.implementation),
  ];
  clusters.forEach((c, i) => {
    body.push(heading(2, `${i + 1}.`, c.name || m.otherRecommendations));
    // A cluster's own actions count for every recommendation in it: told once, before them.
    const forCluster = [...new Map(c.recommendations.flatMap((r) => r.actions.filter((a) => a.cluster !== '')).map((a) => [a.id, a])).values()];
    if (forCluster.length) body.push(heading(3, '', m.clusterActions), { kind: 'list', ordered: false, items: forCluster.map((a) => ({ runs: runs(tell.action(a)), children: [] })) });
    for (const r of c.recommendations) body.push(...recommendationBlocks(r, tell, m, paragraph));
  });

  const country = report.country.charAt(0).toLocaleUpperCase(language) + report.country.slice(1);
  return {
    language,
    direction: language === 'ar' ? 'rtl' : 'ltr',
    cover: {
      organization: w.organization,
      // A mid-term report is published by OHCHR as the State sends it, without a document symbol or a session.
      symbol: '',
      council: w.council,
      workingGroup: w.workingGroup,
      session: '',
      distribution: w.distribution.general,
      date: w.date(asOf),
      original: w.original,
      submitted: m.heading(cycle),
      country,
      title: m.title(report.country, cycle),
    },
    body,
    annexes: [matrix(all, tell, m, language)],
    words: { body: bodyWords(body), footnotes: 0, limit: report.wordLimit },
  };
}
