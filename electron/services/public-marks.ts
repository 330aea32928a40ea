// What goes into the public tracker (issue 16, point 9): the secretariat marks recommendations,
// their progress notes and consultation inputs public, many at once, and takes them out again.
// Written only through the change log, whose policy lets the secretariat alone set the flag
// (shared/synced.ts: the 'publish' grant), whether the change is made here or merged from a copy.
// Rows already so are left out of the change set; a row that is not there refuses the whole call.
import type { ParsedInput, Result } from '../../shared/api.js';
import { userError, type MessageKey } from '../../shared/messages.js';
import { prepared } from '../store/open.js';
import type { Change } from '../sync/changes.js';
import type { ServiceContext } from './context.js';
import { actor } from './access.js';

type Marked = 'recommendations' | 'recommendation_notes' | 'inputs';

const MISSING: Record<Marked, MessageKey> = {
  recommendations: 'recommendationsMissing',
  recommendation_notes: 'planNoteMissing',
  inputs: 'inputMissing',
};

/** The table is one of the three named above (a constant, never a caller's string). */
function setPublic(ctx: ServiceContext, table: Marked, input: { ids: string[]; public: boolean }): { changed: number; unchanged: number } {
  const author = actor(ctx);
  const ids = [...new Set(input.ids)];
  const current = new Map((prepared(ctx.report.db, `SELECT id, public FROM ${table} WHERE deleted = 0`).all() as Array<{ id: string; public: number }>).map((r) => [r.id, r.public]));
  const missing = ids.filter((id) => !current.has(id));
  if (missing.length) throw userError(MISSING[table], { count: missing.length, id: missing[0]! });
  const value = input.public ? 1 : 0;
  const changes: Change[] = ids.filter((id) => current.get(id) !== value).map((row) => ({ table, row, column: 'public', value }));
  if (changes.length) {
    ctx.report.write(author.id, changes);
    ctx.report.emit({ kind: 'changed', what: [table === 'inputs' ? 'inputs' : 'recommendations'] });
  }
  return { changed: changes.length, unchanged: ids.length - changes.length };
}

export function setRecommendationsPublic(ctx: ServiceContext, input: ParsedInput<'recommendations.setPublic'>): Result<'recommendations.setPublic'> {
  return setPublic(ctx, 'recommendations', input);
}

export function setNotesPublic(ctx: ServiceContext, input: ParsedInput<'recommendations.setNotePublic'>): Result<'recommendations.setNotePublic'> {
  return setPublic(ctx, 'recommendation_notes', input);
}

export function setInputsPublic(ctx: ServiceContext, input: ParsedInput<'inputs.setPublic'>): Result<'inputs.setPublic'> {
  return setPublic(ctx, 'inputs', input);
}
