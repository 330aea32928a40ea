// The recommendations as open data (issue 16, point 10), for national tracking databases, IMPACT
// OSS and researchers: CSV (a row a recommendation, in English column names, the last progress
// note) or JSON (every field, the progress notes in full). Each recommendation carries the keys
// others can match it by: its number in the Working Group's report, the list it was imported from
// and the source of its position; for one from the Universal Human Rights Index, its mechanism,
// body, document symbol, paragraph and annotation id. People, ministries and sections are given by name, never by the
// app's own ids alone. Read only; the file is written through a temporary one renamed when complete.
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput, Result } from '../../shared/api.js';
import { addressedIn, outlineOrder, type FullRecommendation, type Mechanism } from '../../shared/domain.js';
import { neutralizeFormula } from '../export/comment-matrix.js';
import { writeTableFile } from '../export/table-file.js';
import { writeThroughTemporary } from '../export/write-file.js';
import { prepared, type DB } from '../store/open.js';
import { getReport, listSections } from '../store/queries.js';
import type { ServiceContext } from './context.js';
import { listRecommendations } from './recommendations.js';

const HEADERS = [
  'Number',
  'Recommendation',
  'Mechanism',
  'Recommending body',
  'Document symbol',
  'Paragraph',
  'Document date',
  'UHRI annotation id',
  'Recommending States',
  'Position',
  'Position source',
  'Cluster (list)',
  'Cluster (country)',
  'Themes',
  'Affected persons',
  'SDGs',
  'Source list',
  'Lead ministry',
  'Contributing ministries',
  'Implementation status',
  'Addressed in the report',
  'Actions',
  'Actions completed',
  'Progress notes',
  'Last progress',
  'Last progress date',
];

const MECHANISM_NAMES: Record<Mechanism, string> = { upr: 'UPR', treaty_body: 'Treaty body', special_procedure: 'Special procedure' };

const COLUMNS = HEADERS.map((h) => ({ key: h, width: h === 'Recommendation' || h === 'Last progress' ? 60 : 20, wrap: h === 'Recommendation' || h === 'Last progress' }));

interface Names {
  organization: (id: string | null) => string;
  sections: (r: FullRecommendation) => string[];
}

function namesOf(db: DB): Names {
  const orgs = new Map((prepared(db, 'SELECT id, name FROM organizations').all() as Array<{ id: string; name: string }>).map((o) => [o.id, o.name]));
  const labels = new Map(outlineOrder(listSections(db)).map((e) => [e.section.id, e.label ? `${e.label}. ${e.section.title}` : e.section.title]));
  return {
    organization: (id) => (id ? (orgs.get(id) ?? '') : ''),
    sections: (r) => addressedIn(r).flatMap((id) => (labels.has(id) ? [labels.get(id)!] : [])),
  };
}

/** A recommendation as the JSON file gives it: every field by name, the notes in full. */
function asRecord(r: FullRecommendation, names: Names) {
  return {
    number: r.number,
    text: r.text,
    mechanism: r.origin.mechanism,
    recommendingBody: r.origin.body,
    documentSymbol: r.origin.documentSymbol,
    paragraph: r.origin.paragraph,
    documentDate: r.origin.documentDate,
    uhriAnnotationId: r.origin.uhriId,
    sameAs: r.sameAs,
    recommendingStates: r.states,
    position: r.position,
    positionSource: r.positionSource,
    clusterInList: r.cluster,
    clusterOfCountry: r.countryCluster,
    themes: r.themes,
    affectedPersons: r.groups,
    sdgs: r.sdgs,
    sourceList: r.source,
    leadMinistry: names.organization(r.responsibleOrganizationId),
    contributingMinistries: r.contributingOrganizationIds.map(names.organization).filter(Boolean),
    implementationStatus: r.implementationStatus,
    addressedIn: names.sections(r),
    statusSetByHand: r.statusByHand,
    actionCategory: r.actionCategory,
    actions: r.actions.map((a) => ({
      title: a.title,
      forCluster: a.cluster || null,
      lead: names.organization(a.leadOrganizationId),
      partners: a.partnerOrganizationIds.map(names.organization).filter(Boolean),
      start: a.startDate,
      end: a.endDate,
      budgetLine: a.budgetLine,
      status: a.status,
    })),
    indicators: r.indicators.map((i) => ({ name: i.name, baseline: i.baseline, target: i.target, unit: i.unit, source: i.source, forCluster: i.cluster || null })),
    progress: r.notes.map((n) => ({ date: n.date, text: n.text, by: n.authorName, action: r.actions.find((a) => a.id === n.actionId)?.title ?? null, evidence: n.evidence.map((e) => e.name) })),
  };
}

function asRow(r: FullRecommendation, names: Names): Array<string | number> {
  const last = r.notes.at(-1);
  return [
    r.number,
    r.text,
    MECHANISM_NAMES[r.origin.mechanism],
    r.origin.body,
    r.origin.documentSymbol,
    r.origin.paragraph,
    r.origin.documentDate,
    r.origin.uhriId,
    r.states.join('; '),
    r.position ?? '',
    r.positionSource,
    r.cluster,
    r.countryCluster,
    r.themes.join('; '),
    r.groups.join('; '),
    r.sdgs.join('; '),
    r.source,
    names.organization(r.responsibleOrganizationId),
    r.contributingOrganizationIds.map(names.organization).filter(Boolean).join('; '),
    r.implementationStatus,
    names.sections(r).join('; '),
    r.actions.filter((a) => a.status !== 'cancelled').length,
    r.actions.filter((a) => a.status === 'completed').length,
    r.notes.length,
    last?.text ?? '',
    last?.date ?? '',
  ].map((v) => (typeof v === 'number' ? v : neutralizeFormula(v)));
}

export async function exportOpenData(ctx: ServiceContext, input: ParsedInput<'recommendations.export'>): Promise<Result<'recommendations.export'>> {
  const db = ctx.report.db;
  const all = listRecommendations(db);
  const names = namesOf(db);
  const file = path.resolve(input.path);
  const report = getReport(db);
  if (input.format === 'csv') {
    await writeTableFile(file, 'csv', { title: report.title, subject: 'Recommendations', sheet: 'Recommendations', columns: COLUMNS, headers: HEADERS, rows: all.map((r) => asRow(r, names)) });
  } else {
    const data = {
      report: { title: report.title, country: report.country, cycle: report.cycle },
      exportedAt: new Date().toISOString(),
      recommendations: all.map((r) => asRecord(r, names)),
    };
    await writeThroughTemporary(file, (tmp) => fs.promises.writeFile(tmp, `${JSON.stringify(data, null, 2)}\n`, { encoding: 'utf8', flag: 'wx', flush: true }));
  }
  return { path: file, rows: all.length };
}
