// The recommendations the country received: imported from a list (OHCHR's thematic list, or a
// table), followed up by the country (responsible organization, implementation status, dated
// progress notes). Imports never touch what the country added, and re-importing a list updates
// rows by number: a recommendation's row id is made from its number, so every office importing the
// same list writes the same rows.
import { citedNumbers } from '../../shared/citations.js';
import type { ParsedInput, Result } from '../../shared/api.js';
import { clusterNamed, statusFromActions, type ActionCategory, type ImportProblem, type ImportSummary, type ImplementationStatus, type Mechanism, type FullRecommendation, type PlanAction, type Position, type ProgressNote, type Recommendation, type RecommendationImport } from '../../shared/domain.js';
import { headerKey } from '../import/ohchr-cells.js';
import { actionStatuses, evidenceByNote, readPlans } from './plan.js';
import { formatMessage, userError, type MessageKey } from '../../shared/messages.js';
import { shown, shownList } from '../../shared/synced.js';
import { recommendationRefsBySection, refreshStaleText } from '../docs/section-text.js';
import { prepared, type DB } from '../store/open.js';
import { getOrganization, getReport } from '../store/queries.js';
import type { Change } from '../sync/changes.js';
import { CurrentView, judge } from '../sync/policy.js';
import type { ServiceContext } from './context.js';
import { actor } from './access.js';
import { sectionOrThrow } from './sections.js';

interface RecommendationRow {
  id: string;
  number: string;
  text: string;
  states: string;
  position: string;
  position_source: string;
  cluster: string;
  themes: string;
  groups: string;
  sdgs: string;
  source: string;
  responsible_organization_id: string | null;
  implementation_status: ImplementationStatus;
  contributing_organization_ids: string;
  country_cluster: string;
  mechanism: Mechanism;
  body: string;
  document_symbol: string;
  paragraph: string;
  document_date: string;
  uhri_id: string;
  same_as: string | null;
  status_by_hand: number;
  action_category: number | null;
  public: number;
  deleted: number;
}

/** "115.23" -> "rec-115-23": the same id in every office for the same number. */
export function recommendationId(number: string): string {
  return `rec-${number.trim().replace(/[^0-9A-Za-z]+/g, '-')}`;
}

/** Orders "115.9" before "115.23", as the Working Group report does. */
export function compareNumbers(a: string, b: string): number {
  return compareParts(numberParts(a), numberParts(b)) || a.localeCompare(b);
}

const numberParts = (n: string) => n.split('.').map(Number);
function compareParts(pa: readonly number[], pb: readonly number[]): number {
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** Sorts by number as `compareNumbers` does, each number split once (thousands of rows). */
function byNumber<T>(items: readonly T[], numberOf: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, n: numberOf(item), parts: numberParts(numberOf(item)) }))
    .sort((a, b) => compareParts(a.parts, b.parts) || a.n.localeCompare(b.n))
    .map((x) => x.item);
}

interface Coverage {
  referencedIn: string[];
  linkedSections: string[];
}

/**
 * A recommendation as the list shows it. Its status follows from the statuses of its actions (its
 * own and its cluster's) unless set by hand.
 */
function toRecommendation(row: RecommendationRow, coverage: Coverage, actionStatuses: ReadonlyArray<Pick<PlanAction, 'status'>>): Recommendation {
  const set: ImplementationStatus = shown('recommendations', 'implementation_status', row.implementation_status);
  const byHand = row.status_by_hand === 1;
  return {
    id: row.id,
    number: row.number,
    text: row.text,
    states: shownList(row.states, 'strings'),
    position: (shown('recommendations', 'position', row.position) || null) as Position | null,
    positionSource: row.position_source,
    cluster: row.cluster,
    themes: shownList(row.themes, 'strings'),
    groups: shownList(row.groups, 'strings'),
    sdgs: shownList(row.sdgs, 'numbers'),
    source: row.source,
    responsibleOrganizationId: row.responsible_organization_id,
    contributingOrganizationIds: shownList(row.contributing_organization_ids, 'strings'),
    countryCluster: row.country_cluster ?? '',
    implementationStatus: byHand ? set : (statusFromActions(actionStatuses) ?? set),
    statusByHand: byHand,
    actionCategory: (shown('recommendations', 'action_category', row.action_category ?? null) as ActionCategory | null) ?? null,
    public: row.public === 1,
    origin: {
      mechanism: shown('recommendations', 'mechanism', row.mechanism ?? 'upr'),
      body: row.body ?? '',
      documentSymbol: row.document_symbol ?? '',
      paragraph: row.paragraph ?? '',
      documentDate: row.document_date ?? '',
      uhriId: row.uhri_id ?? '',
    },
    sameAs: row.same_as ?? null,
    ...coverage,
  };
}

/** Which live sections refer to each recommendation number in their text, and which are linked to each id. */
function coverageOf(db: DB): { byNumber: Map<string, string[]>; byId: Map<string, string[]> } {
  refreshStaleText(db);
  const live = new Set((prepared(db, 'SELECT id FROM sections WHERE deleted = 0').all() as Array<{ id: string }>).map((s) => s.id));
  const byNumber = new Map<string, string[]>();
  // Cited as a chip, or written as a plain number of the list (typed before it was imported, pasted).
  const known = new Set(prepared(db, 'SELECT number FROM recommendations WHERE deleted = 0').pluck().all() as string[]);
  const plain = new Map((prepared(db, 'SELECT section_id, plain FROM section_text').all() as Array<{ section_id: string; plain: string }>).map((r) => [r.section_id, r.plain]));
  for (const [sectionId, numbers] of recommendationRefsBySection(db)) {
    if (!live.has(sectionId)) continue;
    for (const n of new Set([...numbers, ...citedNumbers(plain.get(sectionId) ?? '', known)])) byNumber.set(n, [...(byNumber.get(n) ?? []), sectionId]);
  }
  const byId = new Map<string, string[]>();
  const links = prepared(db, 'SELECT section_id, recommendation_id FROM section_recommendations WHERE deleted = 0').all() as Array<{
    section_id: string;
    recommendation_id: string;
  }>;
  for (const l of links) {
    if (live.has(l.section_id)) byId.set(l.recommendation_id, [...(byId.get(l.recommendation_id) ?? []), l.section_id]);
  }
  return { byNumber, byId };
}

/** The progress notes of every recommendation (or of one), oldest first, with their evidence files. */
function notesByRecommendation(db: DB, recommendationId?: string): Map<string, ProgressNote[]> {
  const names = new Map((prepared(db, 'SELECT id, name FROM members').all() as Array<{ id: string; name: string }>).map((m) => [m.id, m.name]));
  const notes = new Map<string, ProgressNote[]>();
  const rows = (
    recommendationId === undefined
      ? prepared(db, 'SELECT * FROM recommendation_notes WHERE deleted = 0 ORDER BY date, created_at, id').all()
      : prepared(db, 'SELECT * FROM recommendation_notes WHERE deleted = 0 AND recommendation_id = ? ORDER BY date, created_at, id').all(recommendationId)
  ) as Array<{ id: string; recommendation_id: string; date: string; text: string; author_id: string; action_id: string; public: number }>;
  const evidence = evidenceByNote(db);
  for (const n of rows) {
    const list = notes.get(n.recommendation_id) ?? [];
    list.push({ id: n.id, date: n.date, text: n.text, authorName: names.get(n.author_id) ?? '', actionId: n.action_id ?? '', public: n.public === 1, evidence: evidence.get(n.id) ?? [] });
    notes.set(n.recommendation_id, list);
  }
  return notes;
}

/** The live recommendations' rows, the sections addressing each and the statuses of their actions, for the list. */
function listRows(db: DB, plans: (id: string, cluster: string) => ReadonlyArray<Pick<PlanAction, 'status'>>): Array<{ row: RecommendationRow; r: Recommendation }> {
  const rows = prepared(db, 'SELECT * FROM recommendations WHERE deleted = 0').all() as RecommendationRow[];
  const { byNumber: citing, byId } = coverageOf(db);
  return byNumber(
    rows.map((row) => ({
      row,
      r: toRecommendation(row, { referencedIn: citing.get(row.number) ?? [], linkedSections: byId.get(row.id) ?? [] }, plans(row.id, row.country_cluster ?? '')),
    })),
    (x) => x.r.number,
  );
}

/**
 * The recommendations as the view lists them: what the table, the filters and the counts need, in
 * number order. Of the implementation plan only the actions' statuses are read (for the status
 * that follows from them); the follow-up itself is `recommendationFollowUp`'s, for the one shown.
 */
export function listRecommendationRows(db: DB): Recommendation[] {
  return listRows(db, actionStatuses(db)).map((x) => x.r);
}

/** Every recommendation with its whole follow-up, in number order: for the exports and the matrix. */
export function listRecommendations(db: DB): FullRecommendation[] {
  const notes = notesByRecommendation(db);
  const plans = readPlans(db);
  return listRows(db, (id, cluster) => plans.of(id, cluster).actions).map(({ row, r }) => ({ ...r, ...plans.of(row.id, row.country_cluster ?? ''), notes: notes.get(row.id) ?? [] }));
}

/** One recommendation with its whole follow-up: the actions and indicators (its own and its cluster's) and its progress notes. */
export function fullRecommendation(db: DB, id: string): FullRecommendation {
  const row = prepared(db, 'SELECT * FROM recommendations WHERE id = ? AND deleted = 0').get(id) as RecommendationRow | undefined;
  if (!row) throw userError('recommendationMissing');
  const plan = readPlans(db, { recommendationId: row.id, cluster: row.country_cluster ?? '' }).of(row.id, row.country_cluster ?? '');
  const { byNumber, byId } = coverageOf(db);
  const r = toRecommendation(row, { referencedIn: byNumber.get(row.number) ?? [], linkedSections: byId.get(row.id) ?? [] }, plan.actions);
  return { ...r, ...plan, notes: notesByRecommendation(db, row.id).get(row.id) ?? [] };
}

/** Where a recommendation comes from: the columns an import from the Index writes. */
function originCells(r: RecommendationImport): Record<string, string> {
  if (!r.origin) return {};
  const o = r.origin;
  return { mechanism: o.mechanism, body: o.body, document_symbol: o.documentSymbol, paragraph: o.paragraph, document_date: o.documentDate, uhri_id: o.uhriId };
}

/** The columns an import writes; the country's own (responsible organization, status, notes, clusters, repeats) are not among them. */
function importedCells(r: RecommendationImport, source: string): Record<string, string> {
  return {
    number: r.number,
    text: r.text,
    states: JSON.stringify(r.states),
    position: r.position ?? '',
    position_source: r.positionSource,
    cluster: r.cluster,
    themes: JSON.stringify(r.themes),
    groups: JSON.stringify(r.groups),
    sdgs: JSON.stringify(r.sdgs),
    source,
    ...originCells(r),
  };
}

/** What importing one row does: the row it writes, and which of its cells. */
export interface PlannedRow {
  id: string;
  status: 'new' | 'changed' | 'unchanged' | 'repeated';
  /** The cells to write (for a new row, all of them). */
  cells: Array<[string, string | number]>;
}

/**
 * The row each imported recommendation goes to, and what changes there. A list's row is keyed on its
 * number. A row of the Index is keyed on its annotation id: the row it made before, or, for a UPR
 * recommendation, the one a thematic list made (by its number where the Index's text gives it,
 * else by the same words), to which it only adds where it comes from; else a row of its own.
 */
export function planImport(db: DB, rows: readonly RecommendationImport[], source: string): PlannedRow[] {
  const all = prepared(db, 'SELECT * FROM recommendations').all() as RecommendationRow[];
  const byId = new Map(all.map((r) => [r.id, r]));
  const byUhri = new Map(all.filter((r) => r.uhri_id).map((r) => [r.uhri_id, r]));
  const uprByWords = new Map<string, RecommendationRow>();
  for (const r of all) if (r.mechanism === 'upr' && !r.uhri_id && !r.deleted && !r.id.startsWith('rec-uhri-')) uprByWords.set(headerKey(r.text), r);
  const seen = new Set<string>();
  return rows.map((r) => {
    let id = recommendationId(r.number);
    let onlyOrigin = false;
    const uhri = r.origin?.uhriId;
    if (uhri) {
      const known = byUhri.get(uhri);
      const listRow =
        r.origin!.mechanism !== 'upr' ? undefined : /^\d+\.\d+$/.test(r.number) ? byId.get(id) : uprByWords.get(headerKey(r.text));
      if (known) id = known.id;
      else if (listRow) id = listRow.id;
      else id = `rec-uhri-${uhri}`;
      // A row of the Index's own is the Index's to update; one a list made keeps the list's words.
      onlyOrigin = !id.startsWith('rec-uhri-') && byId.has(id);
    }
    if (seen.has(id)) return { id, status: 'repeated', cells: [] };
    seen.add(id);
    const existing = byId.get(id);
    const wanted = onlyOrigin ? originCells(r) : importedCells(r, source);
    if (!existing) return { id, status: 'new', cells: [...Object.entries(wanted), ['implementation_status', 'not_started'], ['deleted', 0]] };
    const differ: Array<[string, string | number]> = Object.entries(wanted).filter(
      ([column, value]) => column !== 'source' && existing[column as keyof RecommendationRow] !== value,
    );
    if (existing.deleted) differ.push(['deleted', 0]);
    if (differ.length === 0) return { id, status: 'unchanged', cells: [] };
    if (!onlyOrigin && existing.source !== source) differ.push(['source', source]);
    return { id, status: 'changed', cells: differ };
  });
}

/**
 * Writes a list's recommendations in one transaction: new numbers are created, known ones updated
 * where the list says something new, and nothing the country added is touched. A number given
 * twice in the list is imported once (the first) and the other reported.
 */
export function importRecommendations(
  ctx: ServiceContext,
  rows: readonly RecommendationImport[],
  problems: readonly ImportProblem[],
  source: string,
): ImportSummary {
  const author = actor(ctx);
  const summary: ImportSummary = { read: rows.length, created: 0, updated: 0, unchanged: 0, skipped: [...problems] };
  const changes: Change[] = [];
  const plans = planImport(ctx.report.db, rows, source);
  plans.forEach((plan, i) => {
    const r = rows[i]!;
    if (plan.status === 'repeated') {
      const params = { number: r.number };
      summary.skipped.push({ row: i + 1, reason: formatMessage('importRowRepeated', params), excerpt: r.text.slice(0, 80), key: 'importRowRepeated', params });
      return;
    }
    if (plan.status === 'new') summary.created++;
    else if (plan.status === 'changed') summary.updated++;
    else summary.unchanged++;
    for (const [column, value] of plan.cells) changes.push({ table: 'recommendations', row: plan.id, column, value });
  });
  ctx.report.write(author.id, changes);
  if (changes.length) ctx.report.emit({ kind: 'changed', what: ['recommendations'] });
  return summary;
}

export function updateRecommendation(ctx: ServiceContext, input: ParsedInput<'recommendations.update'>): FullRecommendation {
  const { db } = ctx.report;
  const current = fullRecommendation(db, input.id);
  const changes: Change[] = [];
  if (input.responsibleOrganizationId !== undefined && input.responsibleOrganizationId !== current.responsibleOrganizationId) {
    if (input.responsibleOrganizationId && !getOrganization(db, input.responsibleOrganizationId)) throw userError('organizationMissing');
    changes.push({ table: 'recommendations', row: current.id, column: 'responsible_organization_id', value: input.responsibleOrganizationId });
  }
  if (input.implementationStatus !== undefined && (input.implementationStatus !== current.implementationStatus || !current.statusByHand)) {
    changes.push({ table: 'recommendations', row: current.id, column: 'implementation_status', value: input.implementationStatus });
    if (!current.statusByHand) changes.push({ table: 'recommendations', row: current.id, column: 'status_by_hand', value: 1 });
  }
  // Back to following the actions.
  if (input.followActions && current.statusByHand) changes.push({ table: 'recommendations', row: current.id, column: 'status_by_hand', value: 0 });
  if (input.actionCategory !== undefined && input.actionCategory !== current.actionCategory) {
    changes.push({ table: 'recommendations', row: current.id, column: 'action_category', value: input.actionCategory });
  }
  if (changes.length) {
    ctx.report.write(ctx.me!.id, changes);
    ctx.report.emit({ kind: 'changed', what: ['recommendations'] });
  }
  return fullRecommendation(db, current.id);
}

/**
 * The same follow-up for many recommendations, in one change set: each row is judged by the write
 * policy first, and when any may not be changed by this person nothing is written, with the
 * numbers of those rows and the policy's reason. Rows already so are left out of the change set.
 */
export function updateManyRecommendations(ctx: ServiceContext, input: ParsedInput<'recommendations.updateMany'>): Result<'recommendations.updateMany'> {
  const { db } = ctx.report;
  const author = actor(ctx);
  const ids = [...new Set(input.ids)];
  // The rows' own fields only: their notes and the sections addressing them play no part here.
  const rows = new Map((prepared(db, 'SELECT * FROM recommendations WHERE deleted = 0').all() as RecommendationRow[]).map((r) => [r.id, toRecommendation(r, { referencedIn: [], linkedSections: [] }, [])]));
  const missing = ids.filter((id) => !rows.has(id));
  if (missing.length) throw userError('recommendationsMissing', { count: missing.length, id: missing[0]! });
  for (const org of [input.responsibleOrganizationId, ...(input.addContributors ?? [])]) {
    if (org && !getOrganization(db, org)) throw userError('organizationMissing');
  }
  const changes: Change[] = [];
  const language = getReport(db).language;
  let unchanged = 0;
  for (const id of ids) {
    const current = rows.get(id)!;
    const before = changes.length;
    if (input.responsibleOrganizationId !== undefined && input.responsibleOrganizationId !== current.responsibleOrganizationId) {
      changes.push({ table: 'recommendations', row: id, column: 'responsible_organization_id', value: input.responsibleOrganizationId });
    }
    if (input.implementationStatus !== undefined && (input.implementationStatus !== current.implementationStatus || !current.statusByHand)) {
      if (input.implementationStatus !== current.implementationStatus) changes.push({ table: 'recommendations', row: id, column: 'implementation_status', value: input.implementationStatus });
      // A status given by hand stays, whatever the actions say, until the person goes back to them.
      if (!current.statusByHand) changes.push({ table: 'recommendations', row: id, column: 'status_by_hand', value: 1 });
    }
    if (input.addContributors) {
      // The lead is not also a contributor; each contributor once, in the order they were added.
      const lead = input.responsibleOrganizationId !== undefined ? input.responsibleOrganizationId : current.responsibleOrganizationId;
      const next = [...new Set([...current.contributingOrganizationIds, ...input.addContributors])].filter((org) => org !== lead);
      if (next.join() !== current.contributingOrganizationIds.join()) changes.push({ table: 'recommendations', row: id, column: 'contributing_organization_ids', value: JSON.stringify(next) });
    }
    const cluster = input.clusterBy ? clusterNamed(current, input.clusterBy, language) || current.countryCluster : input.countryCluster;
    if (cluster !== undefined && cluster !== current.countryCluster) {
      changes.push({ table: 'recommendations', row: id, column: 'country_cluster', value: cluster });
    }
    if (changes.length === before) unchanged++;
  }
  writeJudged(ctx, author.id, changes, (row) => rows.get(row)!.number);
  return { changed: ids.length - unchanged, unchanged };
}

/**
 * Writes a batch of changes to recommendations once every one is allowed: judged here, row by row,
 * so that the person hears which rows and why before anything is written (the change log judges
 * every change again as it writes them); when any is refused, nothing is written.
 */
function writeJudged(ctx: ServiceContext, authorId: string, changes: readonly Change[], numberOf: (row: string) => string): void {
  const view = new CurrentView(ctx.report.db, ctx.report.log.held.changes);
  const denied = changes.flatMap((c) => {
    const why = judge(view, c, authorId);
    return why ? [{ number: numberOf(c.row), why }] : [];
  });
  if (denied.length) {
    const numbers = [...new Set(denied.map((d) => d.number))];
    const first = denied[0]!.why;
    throw userError('bulkDenied', {
      count: numbers.length,
      numbers: numbers.length > 5 ? `${numbers.slice(0, 5).join(', ')}…` : numbers.join(', '),
      reason: formatMessage(first.key as MessageKey, first.params),
    });
  }
  if (changes.length) {
    ctx.report.write(authorId, [...changes]);
    ctx.report.emit({ kind: 'changed', what: ['recommendations'] });
  }
}

/**
 * Marks recommendations as the same as another, followed up there; with `sameAs` null, as the same
 * as none. Never a chain: marked the same as one that is itself a repeat, they go to the one it
 * repeats, and those that repeated them go there too. A recommendation is never its own repeat.
 */
export function setSameRecommendations(ctx: ServiceContext, input: ParsedInput<'recommendations.setSame'>): Result<'recommendations.setSame'> {
  const { db } = ctx.report;
  const author = actor(ctx);
  const rows = new Map((prepared(db, 'SELECT id, number, same_as FROM recommendations WHERE deleted = 0').all() as Array<{ id: string; number: string; same_as: string | null }>).map((r) => [r.id, r]));
  const ids = [...new Set(input.ids)];
  const missing = [...ids, ...(input.sameAs ? [input.sameAs] : [])].filter((id) => !rows.has(id));
  if (missing.length) throw userError('recommendationsMissing', { count: missing.length, id: missing[0]! });
  // The one followed up: the one named, or the one it repeats (a hand-edited chain is followed to its end, loops broken).
  let main = input.sameAs;
  for (const seen = new Set<string>(); main && rows.get(main)?.same_as && rows.has(rows.get(main)!.same_as!) && !seen.has(main); ) {
    seen.add(main);
    main = rows.get(main)!.same_as!;
  }
  const marked = new Set(ids.filter((id) => id !== main));
  const changes: Change[] = [];
  const set = (id: string, value: string | null) => {
    if ((rows.get(id)!.same_as ?? null) !== value) changes.push({ table: 'recommendations', row: id, column: 'same_as', value });
  };
  for (const id of marked) set(id, main);
  if (main) {
    set(main, null);
    // Those that repeated the ones now marked follow them to the one followed up.
    for (const r of rows.values()) if (r.same_as && marked.has(r.same_as) && !marked.has(r.id) && r.id !== main) set(r.id, main);
  }
  writeJudged(ctx, author.id, changes, (row) => rows.get(row)!.number);
  const changed = new Set(changes.map((c) => c.row));
  return { changed: changed.size, unchanged: ids.filter((id) => !changed.has(id)).length };
}

export function addProgressNote(ctx: ServiceContext, input: ParsedInput<'recommendations.addNote'>): Result<'recommendations.addNote'> {
  const current = fullRecommendation(ctx.report.db, input.recommendationId);
  // A note reports on one of the recommendation's own actions, or its cluster's.
  if (input.actionId && !current.actions.some((a) => a.id === input.actionId)) throw userError('planActionMissing');
  const author = actor(ctx);
  const id = ctx.report.newId();
  const cell = (column: string, value: string): Change => ({ table: 'recommendation_notes', row: id, column, value });
  ctx.report.write(author.id, [
    cell('recommendation_id', current.id),
    cell('date', input.date),
    cell('text', input.text),
    cell('author_id', author.id),
    cell('created_at', new Date().toISOString()),
    ...(input.actionId ? [cell('action_id', input.actionId)] : []),
  ]);
  ctx.report.emit({ kind: 'changed', what: ['recommendations'] });
  return { ...fullRecommendation(ctx.report.db, current.id), noteId: id };
}

/**
 * Links a section to a recommendation it addresses without citing it in its text (or removes the
 * link): for those who may write the section.
 */
export function linkRecommendation(ctx: ServiceContext, input: ParsedInput<'recommendations.link'>): FullRecommendation {
  const { db } = ctx.report;
  const current = fullRecommendation(db, input.recommendationId);
  const section = sectionOrThrow(ctx, input.sectionId);
  const author = actor(ctx);
  const id = `${section.id}~${current.id}`.slice(0, 64);
  const linked = prepared(db, 'SELECT deleted FROM section_recommendations WHERE id = ?').get(id) as { deleted: number } | undefined;
  const want = input.linked ? 0 : 1;
  if (!linked || linked.deleted !== want) {
    ctx.report.write(author.id, [
      { table: 'section_recommendations', row: id, column: 'section_id', value: section.id },
      { table: 'section_recommendations', row: id, column: 'recommendation_id', value: current.id },
      { table: 'section_recommendations', row: id, column: 'deleted', value: want },
    ]);
    ctx.report.emit({ kind: 'changed', what: ['recommendations'] });
  }
  return fullRecommendation(db, current.id);
}

export function recommendationsOf(ctx: ServiceContext): Result<'recommendations.list'> {
  return listRecommendationRows(ctx.report.db);
}

export function recommendationOf(ctx: ServiceContext, input: ParsedInput<'recommendations.get'>): Result<'recommendations.get'> {
  return fullRecommendation(ctx.report.db, input.id);
}
