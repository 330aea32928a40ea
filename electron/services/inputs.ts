// Consultation inputs: civil-society submissions, minutes of public consultations, notes from UN
// agencies. The secretariat registers them, links them to the sections and recommendations they
// concern, and records how each was reflected in the report (and why not). Everyone signed in reads
// them. Attached files are in ./attachments.ts.
import { createHash } from 'node:crypto';
import type { ParsedInput, Result } from '../../shared/api.js';
import {
  outlineOrder,
  type Attachment,
  type ConsultationInput,
  type InputChannel,
  type InputDisposition,
  type OrganizationKind,
  type Section,
} from '../../shared/domain.js';
import { userError } from '../../shared/messages.js';
import { shown } from '../../shared/synced.js';
import { prepared, type DB } from '../store/open.js';
import { getOrganization } from '../store/queries.js';
import type { Change } from '../sync/changes.js';
import type { ServiceContext } from './context.js';
import { actor } from './access.js';
import { compareNumbers } from './recommendations.js';
import { sectionOrThrow } from './sections.js';

interface InputRow {
  id: string;
  title: string;
  source_organization_id: string | null;
  received_on: string;
  channel: string;
  summary: string;
  full_text: string;
  themes: string;
  disposition: string;
  rationale: string;
  decided_by: string;
  decided_at: string;
  public: number;
}

type LinkTarget = 'section' | 'recommendation';

/**
 * Orders rows by the clock stamp of their creation: unlike wall-clock times it never ties, and it
 * orders inputs registered in different offices the same way everywhere.
 */
function madeAt(table: 'inputs' | 'attachments', alias: string): string {
  return `(SELECT min(hlc) FROM change_log WHERE tbl = '${table}' AND row_id = ${alias}.id AND col = 'created_at'), ${alias}.id`;
}

/** Themes are stored as a JSON list; a cell merged from elsewhere that is not one reads as none. */
function parseThemes(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

function cleanThemes(themes: readonly string[]): string {
  return JSON.stringify([...new Set(themes.map((t) => t.trim()).filter(Boolean))]);
}

/**
 * The id of the link between an input and a section or recommendation, made from both ends so that
 * two offices making the same link write the same row. Hashed, because two ids side by side would
 * not fit the API's 64-character ids.
 */
export function inputLinkId(inputId: string, kind: LinkTarget, targetId: string): string {
  return `il-${createHash('sha256').update(`${inputId}\n${kind}\n${targetId}`).digest('hex').slice(0, 40)}`;
}

/**
 * Every consultation input not deleted (or only `onlyId`), undated ones last, otherwise by the date
 * received and then the order they were registered in, with names resolved and links to sections
 * and recommendations that still exist.
 */
export function listInputs(db: DB, onlyId?: string): ConsultationInput[] {
  const names = new Map((prepared(db, 'SELECT id, name FROM members').all() as Array<{ id: string; name: string }>).map((m) => [m.id, m.name]));
  // Deleted organizations keep their names here: an input still came from them.
  const orgs = new Map(
    (prepared(db, 'SELECT id, name, kind FROM organizations').all() as Array<{ id: string; name: string; kind: OrganizationKind }>).map((o) => [o.id, o]),
  );
  const sectionRows = prepared(db, 'SELECT id, parent_id AS parentId, position FROM sections WHERE deleted = 0').all() as Section[];
  const sectionOrder = new Map(outlineOrder(sectionRows).map((e, i) => [e.section.id, i]));
  const numbers = new Map((prepared(db, 'SELECT id, number FROM recommendations WHERE deleted = 0').all() as Array<{ id: string; number: string }>).map((r) => [r.id, r.number]));

  const sections = new Map<string, string[]>();
  const recommendations = new Map<string, string[]>();
  const links = prepared(db, 'SELECT input_id, target_kind, target_id FROM input_links WHERE deleted = 0').all() as Array<{
    input_id: string;
    target_kind: string;
    target_id: string;
  }>;
  for (const l of links) {
    const [byInput, exists] = l.target_kind === 'section' ? [sections, sectionOrder.has(l.target_id)] : [recommendations, numbers.has(l.target_id)];
    if (!exists) continue;
    byInput.set(l.input_id, [...(byInput.get(l.input_id) ?? []), l.target_id]);
  }
  for (const ids of sections.values()) ids.sort((a, b) => sectionOrder.get(a)! - sectionOrder.get(b)!);
  for (const ids of recommendations.values()) ids.sort((a, b) => compareNumbers(numbers.get(a)!, numbers.get(b)!));

  const attachments = new Map<string, Attachment[]>();
  const attachmentRows = prepared(
    db,
    `SELECT id, input_id, name, media_type, size, sha256 FROM attachments AS a WHERE deleted = 0 ORDER BY ${madeAt('attachments', 'a')}`,
  ).all() as Array<{ id: string; input_id: string; name: string; media_type: string; size: number; sha256: string }>;
  for (const a of attachmentRows) {
    const list = attachments.get(a.input_id) ?? [];
    list.push({ id: a.id, name: a.name, mediaType: a.media_type, size: a.size, sha256: a.sha256 });
    attachments.set(a.input_id, list);
  }

  const rows = (
    onlyId
      ? prepared(db, 'SELECT * FROM inputs WHERE id = ? AND deleted = 0').all(onlyId)
      : prepared(db, `SELECT * FROM inputs AS i WHERE deleted = 0 ORDER BY received_on = '', received_on, ${madeAt('inputs', 'i')}`).all()
  ) as InputRow[];
  return rows.map((row) => {
    const source = row.source_organization_id ? orgs.get(row.source_organization_id) : undefined;
    return {
      id: row.id,
      title: row.title,
      sourceOrganizationId: row.source_organization_id,
      sourceOrganizationName: source?.name ?? '',
      sourceKind: source?.kind ?? null,
      receivedOn: row.received_on,
      channel: shown<InputChannel>('inputs', 'channel', row.channel),
      summary: row.summary,
      fullText: row.full_text,
      themes: parseThemes(row.themes),
      sectionIds: sections.get(row.id) ?? [],
      recommendationIds: recommendations.get(row.id) ?? [],
      attachments: attachments.get(row.id) ?? [],
      disposition: (shown('inputs', 'disposition', row.disposition) || null) as InputDisposition | null,
      rationale: row.rationale,
      decidedByName: names.get(row.decided_by) ?? '',
      decidedAt: row.decided_at,
      public: row.public === 1,
    };
  });
}

export function inputOrThrow(db: DB, id: string): ConsultationInput {
  const input = listInputs(db, id)[0];
  if (!input) throw userError('inputMissing');
  return input;
}

/** One row per input for the consultation log annexed to the report; values raw, labels come later. */
function sourceOrThrow(db: DB, organizationId: string | null): void {
  if (organizationId && !getOrganization(db, organizationId)) throw userError('organizationMissing');
}

function changed(ctx: ServiceContext): void {
  ctx.report.emit({ kind: 'changed', what: ['inputs'] });
}

export function createInput(ctx: ServiceContext, input: ParsedInput<'inputs.create'>): ConsultationInput {
  const author = actor(ctx);
  const { db } = ctx.report;
  sourceOrThrow(db, input.sourceOrganizationId);
  const id = ctx.report.newId();
  const cell = (column: string, value: string | null): Change => ({ table: 'inputs', row: id, column, value });
  ctx.report.write(author.id, [
    cell('title', input.title),
    cell('source_organization_id', input.sourceOrganizationId),
    cell('received_on', input.receivedOn),
    cell('channel', input.channel),
    cell('summary', input.summary),
    cell('full_text', input.fullText),
    cell('themes', cleanThemes(input.themes)),
    cell('created_at', new Date().toISOString()),
  ]);
  changed(ctx);
  return inputOrThrow(db, id);
}

/** Writes only the fields that change, so an edit in one office does not undo another's edit of another field. */
export function updateInput(ctx: ServiceContext, input: ParsedInput<'inputs.update'>): ConsultationInput {
  const author = actor(ctx);
  const { db } = ctx.report;
  const current = inputOrThrow(db, input.id);
  const changes: Change[] = [];
  const set = (column: string, value: string | null, was: string | null) => {
    if (value !== was) changes.push({ table: 'inputs', row: current.id, column, value });
  };
  if (input.title !== undefined) set('title', input.title, current.title);
  if (input.sourceOrganizationId !== undefined && input.sourceOrganizationId !== current.sourceOrganizationId) {
    sourceOrThrow(db, input.sourceOrganizationId);
    set('source_organization_id', input.sourceOrganizationId, current.sourceOrganizationId);
  }
  if (input.receivedOn !== undefined) set('received_on', input.receivedOn, current.receivedOn);
  if (input.channel !== undefined) set('channel', input.channel, current.channel);
  if (input.summary !== undefined) set('summary', input.summary, current.summary);
  if (input.fullText !== undefined) set('full_text', input.fullText, current.fullText);
  if (input.themes !== undefined) set('themes', cleanThemes(input.themes), JSON.stringify(current.themes));
  if (changes.length) {
    ctx.report.write(author.id, changes);
    changed(ctx);
  }
  return inputOrThrow(db, current.id);
}

/** Soft: the input leaves every list, and its row stays in the log. */
export function deleteInput(ctx: ServiceContext, input: ParsedInput<'inputs.delete'>): Result<'inputs.delete'> {
  const author = actor(ctx);
  const current = inputOrThrow(ctx.report.db, input.id);
  ctx.report.write(author.id, [{ table: 'inputs', row: current.id, column: 'deleted', value: 1 }]);
  changed(ctx);
  return { id: current.id };
}

function targetOrThrow(ctx: ServiceContext, kind: LinkTarget, id: string): void {
  if (kind === 'section') sectionOrThrow(ctx, id);
  else if (!prepared(ctx.report.db, 'SELECT 1 FROM recommendations WHERE id = ? AND deleted = 0').get(id)) throw userError('recommendationMissing');
}

/** Links an input to a section or a recommendation, or unlinks it; a link made again is the same row, undeleted. */
export function linkInput(ctx: ServiceContext, input: ParsedInput<'inputs.link'>): ConsultationInput {
  const author = actor(ctx);
  const { db } = ctx.report;
  const current = inputOrThrow(db, input.inputId);
  // Unlinking needs no target: one deleted since must still be unlinkable.
  if (input.linked) targetOrThrow(ctx, input.targetKind, input.targetId);
  const id = inputLinkId(current.id, input.targetKind, input.targetId);
  const row = prepared(db, 'SELECT deleted FROM input_links WHERE id = ?').get(id) as { deleted: number } | undefined;
  const cell = (column: string, value: string | number): Change => ({ table: 'input_links', row: id, column, value });
  let changes: Change[] = [];
  if (input.linked && !row) {
    changes = [cell('input_id', current.id), cell('target_kind', input.targetKind), cell('target_id', input.targetId), cell('deleted', 0)];
  } else if (row && row.deleted === (input.linked ? 1 : 0)) {
    changes = [cell('deleted', input.linked ? 0 : 1)];
  }
  if (changes.length) {
    ctx.report.write(author.id, changes);
    changed(ctx);
  }
  return inputOrThrow(db, current.id);
}

/** Records how an input was reflected in the report; anything short of fully needs a rationale. */
export function decideInput(ctx: ServiceContext, input: ParsedInput<'inputs.decide'>): ConsultationInput {
  const author = actor(ctx);
  const current = inputOrThrow(ctx.report.db, input.inputId);
  if (input.disposition !== 'reflected' && !input.rationale) throw userError('inputRationaleRequired');
  const cell = (column: string, value: string): Change => ({ table: 'inputs', row: current.id, column, value });
  ctx.report.write(author.id, [
    cell('disposition', input.disposition),
    cell('rationale', input.rationale),
    cell('decided_by', author.id),
    cell('decided_at', new Date().toISOString()),
  ]);
  changed(ctx);
  return inputOrThrow(ctx.report.db, current.id);
}

export function inputsOf(ctx: ServiceContext): Result<'inputs.list'> {
  return listInputs(ctx.report.db);
}
