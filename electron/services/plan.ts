// The implementation plan (issue 16, point 4): actions and indicators for a recommendation, or for
// a cluster the country named (then shown with, and counted for, every recommendation in it), and
// the evidence files of progress notes. A recommendation's actions are written by those who follow
// it up (its lead ministry's drafters, the secretariat); a cluster's by the secretariat. Every
// change goes through the change log and its policy, as everything else does.
import path from 'node:path';
import type { ParsedInput, Result } from '../../shared/api.js';
import { type ActionStatus, type Evidence, type PlanAction, type PlanIndicator } from '../../shared/domain.js';
import { userError } from '../../shared/messages.js';
import { shown, shownList } from '../../shared/synced.js';
import { prepared, type DB } from '../store/open.js';
import { getOrganization } from '../store/queries.js';
import type { Change } from '../sync/changes.js';
import { actor } from './access.js';
import { attachmentMediaType, attachmentName, readBlob, readFileToAttach, storeBlob } from './attachments.js';
import type { ServiceContext } from './context.js';

export interface Plan {
  actions: PlanAction[];
  indicators: PlanIndicator[];
}

interface ActionRow {
  id: string;
  recommendation_id: string;
  cluster: string;
  title: string;
  lead_organization_id: string | null;
  partner_organization_ids: string;
  start_date: string;
  end_date: string;
  budget_line: string;
  status: string;
}

interface IndicatorRow {
  id: string;
  recommendation_id: string;
  cluster: string;
  name: string;
  baseline: string;
  target: string;
  unit: string;
  source: string;
}

function toAction(r: ActionRow): PlanAction {
  return {
    id: r.id,
    recommendationId: r.recommendation_id,
    cluster: r.cluster,
    title: r.title,
    leadOrganizationId: r.lead_organization_id,
    partnerOrganizationIds: shownList(r.partner_organization_ids, 'strings'),
    startDate: shown('actions', 'start_date', r.start_date),
    endDate: shown('actions', 'end_date', r.end_date),
    budgetLine: r.budget_line,
    status: shown('actions', 'status', r.status) as ActionStatus,
  };
}

function toIndicator(r: IndicatorRow): PlanIndicator {
  return { id: r.id, recommendationId: r.recommendation_id, cluster: r.cluster, name: r.name, baseline: r.baseline, target: r.target, unit: r.unit, source: r.source };
}

/** Items of the plan grouped by the recommendation or the cluster they are for; `of` gives a recommendation's own, then its cluster's. */
function grouped<T extends { recommendationId: string; cluster: string }>(items: T[]): (id: string, cluster: string) => T[] {
  const byRec = new Map<string, T[]>();
  const byCluster = new Map<string, T[]>();
  for (const item of items) {
    const [map, key] = item.recommendationId ? [byRec, item.recommendationId] : [byCluster, item.cluster];
    if (!key) continue;
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return (id, cluster) => [...(byRec.get(id) ?? []), ...(cluster ? (byCluster.get(cluster) ?? []) : [])];
}

const ACTIONS_OF_ONE = 'SELECT * FROM actions WHERE deleted = 0 AND (recommendation_id = ? OR (? <> \'\' AND COALESCE(recommendation_id, \'\') = \'\' AND cluster = ?)) ORDER BY start_date, created_at, id';
const INDICATORS_OF_ONE = 'SELECT * FROM indicators WHERE deleted = 0 AND (recommendation_id = ? OR (? <> \'\' AND COALESCE(recommendation_id, \'\') = \'\' AND cluster = ?)) ORDER BY rowid';

/**
 * The implementation plan: every recommendation's actions and indicators, or (with `only`) those
 * of one recommendation and its cluster alone.
 */
export function readPlans(db: DB, only?: { recommendationId: string; cluster: string }): { of: (recommendationId: string, cluster: string) => Plan } {
  const one = only ? [only.recommendationId, only.cluster, only.cluster] : null;
  const actionRows = (one ? prepared(db, ACTIONS_OF_ONE).all(...one) : prepared(db, 'SELECT * FROM actions WHERE deleted = 0 ORDER BY start_date, created_at, id').all()) as ActionRow[];
  const indicatorRows = (one ? prepared(db, INDICATORS_OF_ONE).all(...one) : prepared(db, 'SELECT * FROM indicators WHERE deleted = 0 ORDER BY rowid').all()) as IndicatorRow[];
  const actions = grouped(actionRows.map(toAction));
  const indicators = grouped(indicatorRows.map(toIndicator));
  return { of: (id, cluster) => ({ actions: actions(id, cluster), indicators: indicators(id, cluster) }) };
}

/** The statuses of the actions each recommendation's status follows from (its own and its cluster's): what the list needs of the plan. */
export function actionStatuses(db: DB): (recommendationId: string, cluster: string) => Array<Pick<PlanAction, 'status'>> {
  const rows = prepared(db, 'SELECT recommendation_id, cluster, status FROM actions WHERE deleted = 0').all() as Array<Pick<ActionRow, 'recommendation_id' | 'cluster' | 'status'>>;
  return grouped(rows.map((a) => ({ recommendationId: a.recommendation_id ?? '', cluster: a.cluster ?? '', status: shown('actions', 'status', a.status) as ActionStatus })));
}

export function evidenceByNote(db: DB): Map<string, Evidence[]> {
  const byNote = new Map<string, Evidence[]>();
  const rows = prepared(db, 'SELECT id, note_id, name, media_type, size FROM evidence WHERE deleted = 0 ORDER BY created_at, id').all() as Array<{
    id: string;
    note_id: string;
    name: string;
    media_type: string;
    size: number;
  }>;
  for (const e of rows) byNote.set(e.note_id, [...(byNote.get(e.note_id) ?? []), { id: e.id, name: e.name, mediaType: e.media_type, size: e.size }]);
  return byNote;
}

function liveRecommendation(db: DB, id: string): void {
  if (!prepared(db, 'SELECT 1 FROM recommendations WHERE id = ? AND deleted = 0').get(id)) throw userError('recommendationMissing');
}

/** The recommendation or cluster an item is for: exactly one of them. */
function targetOf(db: DB, input: { recommendationId?: string | undefined; cluster?: string | undefined }): { recommendation_id: string; cluster: string } {
  if (input.recommendationId) {
    liveRecommendation(db, input.recommendationId);
    return { recommendation_id: input.recommendationId, cluster: '' };
  }
  const cluster = input.cluster?.trim() ?? '';
  if (!prepared(db, 'SELECT 1 FROM recommendations WHERE deleted = 0 AND country_cluster = ? LIMIT 1').get(cluster)) throw userError('planClusterMissing', { cluster });
  return { recommendation_id: '', cluster };
}

function write(ctx: ServiceContext, changes: Change[]): void {
  if (!changes.length) return;
  ctx.report.write(actor(ctx).id, changes);
  ctx.report.emit({ kind: 'changed', what: ['recommendations'] });
}

/** Creates an action (no id) or changes one: only the cells that differ are written. */
export function saveAction(ctx: ServiceContext, input: ParsedInput<'plan.saveAction'>): Result<'plan.saveAction'> {
  const { db } = ctx.report;
  for (const org of [input.leadOrganizationId, ...input.partnerOrganizationIds]) if (org && !getOrganization(db, org)) throw userError('organizationMissing');
  if (input.startDate && input.endDate && input.endDate < input.startDate) throw userError('planEndBeforeStart');
  const existing = input.id ? (prepared(db, 'SELECT * FROM actions WHERE id = ? AND deleted = 0').get(input.id) as ActionRow | undefined) : undefined;
  if (input.id && !existing) throw userError('planActionMissing');
  const target = existing ? { recommendation_id: existing.recommendation_id, cluster: existing.cluster } : targetOf(db, input);
  const id = existing?.id ?? ctx.report.newId();
  const cells: Record<string, string | number | null> = {
    ...(existing ? {} : { ...target, created_at: new Date().toISOString() }),
    title: input.title,
    lead_organization_id: input.leadOrganizationId,
    partner_organization_ids: JSON.stringify([...new Set(input.partnerOrganizationIds)].filter((o) => o !== input.leadOrganizationId)),
    start_date: input.startDate,
    end_date: input.endDate,
    budget_line: input.budgetLine,
    status: input.status,
  };
  write(
    ctx,
    Object.entries(cells)
      .filter(([column, value]) => !existing || existing[column as keyof ActionRow] !== value)
      .map(([column, value]) => ({ table: 'actions', row: id, column, value })),
  );
  return { id };
}

export function deleteAction(ctx: ServiceContext, input: ParsedInput<'plan.deleteAction'>): void {
  if (!prepared(ctx.report.db, 'SELECT 1 FROM actions WHERE id = ? AND deleted = 0').get(input.id)) throw userError('planActionMissing');
  write(ctx, [{ table: 'actions', row: input.id, column: 'deleted', value: 1 }]);
}

export function saveIndicator(ctx: ServiceContext, input: ParsedInput<'plan.saveIndicator'>): Result<'plan.saveIndicator'> {
  const { db } = ctx.report;
  const existing = input.id ? (prepared(db, 'SELECT * FROM indicators WHERE id = ? AND deleted = 0').get(input.id) as IndicatorRow | undefined) : undefined;
  if (input.id && !existing) throw userError('planIndicatorMissing');
  const target = existing ? null : targetOf(db, input);
  const id = existing?.id ?? ctx.report.newId();
  const cells: Record<string, string> = { ...(target ?? {}), name: input.name, baseline: input.baseline, target: input.target, unit: input.unit, source: input.source };
  write(
    ctx,
    Object.entries(cells)
      .filter(([column, value]) => !existing || existing[column as keyof IndicatorRow] !== value)
      .map(([column, value]) => ({ table: 'indicators', row: id, column, value })),
  );
  return { id };
}

export function deleteIndicator(ctx: ServiceContext, input: ParsedInput<'plan.deleteIndicator'>): void {
  if (!prepared(ctx.report.db, 'SELECT 1 FROM indicators WHERE id = ? AND deleted = 0').get(input.id)) throw userError('planIndicatorMissing');
  write(ctx, [{ table: 'indicators', row: input.id, column: 'deleted', value: 1 }]);
}

/**
 * A progress note's evidence file: the bytes stored once by their hash in `blobs`, the metadata
 * through the change log, in one transaction; read from disk by the main process, no further than
 * the limit. Empty or too large, nothing is written.
 */
export function attachEvidence(ctx: ServiceContext, input: ParsedInput<'plan.attachEvidence'>): Result<'plan.attachEvidence'> {
  const { db } = ctx.report;
  const note = prepared(db, 'SELECT recommendation_id FROM recommendation_notes WHERE id = ? AND deleted = 0').get(input.noteId) as { recommendation_id: string } | undefined;
  if (!note) throw userError('planNoteMissing');
  const file = path.resolve(input.path);
  const name = attachmentName(input.name ?? path.basename(file));
  const bytes = readFileToAttach(file, name);
  if (bytes.length === 0) throw userError('attachmentEmpty', { name });
  const id = ctx.report.newId();
  const cell = (column: string, value: string | number): Change => ({ table: 'evidence', row: id, column, value });
  db.transaction(() => {
    const sha256 = storeBlob(db, bytes);
    write(ctx, [
      cell('recommendation_id', note.recommendation_id),
      cell('note_id', input.noteId),
      cell('name', name),
      cell('media_type', attachmentMediaType('', name)),
      cell('size', bytes.length),
      cell('sha256', sha256),
      cell('created_at', new Date().toISOString()),
    ]);
  }).immediate();
  return { id };
}

/** An evidence file's bytes, checked against the hash it was attached with. */
export function evidenceContent(ctx: ServiceContext, input: ParsedInput<'plan.evidence'>): Result<'plan.evidence'> {
  const row = prepared(ctx.report.db, 'SELECT name, media_type, sha256 FROM evidence WHERE id = ? AND deleted = 0').get(input.id) as
    | { name: string; media_type: string; sha256: string }
    | undefined;
  if (!row) throw userError('attachmentMissing');
  return { name: row.name, mediaType: row.media_type, data: readBlob(ctx.report.db, row.sha256, row.name).toString('base64') };
}

/**
 * Actions past their end date and not completed or cancelled as of `today` (YYYY-MM-DD), the
 * longest overdue first, each with the number of its recommendation (none for a cluster's).
 */
export function overdueActions(ctx: ServiceContext, input: ParsedInput<'plan.overdue'>): Result<'plan.overdue'> {
  const rows = prepared(
    ctx.report.db,
    `SELECT a.*, r.number AS number FROM actions a LEFT JOIN recommendations r ON r.id = a.recommendation_id AND r.deleted = 0
     WHERE a.deleted = 0 AND a.end_date <> '' AND a.end_date < ? AND a.status IN ('planned', 'under_way')
       AND (COALESCE(a.recommendation_id, '') = '' OR r.id IS NOT NULL)
     ORDER BY a.end_date, a.created_at, a.id`,
  ).all(input.today) as Array<ActionRow & { number: string | null }>;
  // A value the schema allows but no form writes (a date typed by hand with sqlite3) is left out rather than shown wrong.
  return rows.map((r) => ({ action: toAction(r), number: r.number ?? '' })).filter((o) => /^\d{4}-\d{2}-\d{2}$/.test(o.action.endDate));
}
