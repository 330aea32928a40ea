// Section text: the Yjs state for the editor, updates from the editor, and a headless reading.
import type { ParsedInput, Result } from '../../shared/api.js';
import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from '../../shared/base64.js';
import { userError } from '../../shared/messages.js';
import { readSectionText, textState } from '../docs/section-text.js';
import { writeText } from '../sync/text-log.js';
import type { ServiceContext } from './context.js';
import { actor } from './access.js';
import { sectionOrThrow } from './sections.js';

export function loadText(ctx: ServiceContext, input: ParsedInput<'text.load'>): Result<'text.load'> {
  sectionOrThrow(ctx, input.sectionId);
  return { sectionId: input.sectionId, state: bytesToBase64(textState(ctx.report.db, input.sectionId)) };
}

/** Typing from the editor: checked, judged and stored by the text write path (electron/sync/text-log.ts). */
export function pushText(ctx: ServiceContext, input: ParsedInput<'text.push'>): Result<'text.push'> {
  const section = sectionOrThrow(ctx, input.sectionId);
  const author = actor(ctx);
  writeText(ctx.report, section.id, base64ToBytes(input.update), author.id, 'edit');
  ctx.report.emit({ kind: 'text', sectionId: section.id, update: input.update, origin: ctx.origin ?? '' });
  ctx.report.scheduleRecount();
  return { ok: true };
}

/** The report's side of Yjs's sync steps (see `text.sync`). */
export function syncText(ctx: ServiceContext, input: ParsedInput<'text.sync'>): Result<'text.sync'> {
  sectionOrThrow(ctx, input.sectionId);
  const state = textState(ctx.report.db, input.sectionId);
  let theirs: Uint8Array;
  try {
    theirs = base64ToBytes(input.stateVector);
    Y.decodeStateVector(theirs);
  } catch {
    throw userError('textUnreadable');
  }
  return { sectionId: input.sectionId, update: bytesToBase64(Y.diffUpdate(state, theirs)), stateVector: bytesToBase64(Y.encodeStateVectorFromUpdate(state)) };
}

export function textContent(ctx: ServiceContext, input: ParsedInput<'text.content'>): Result<'text.content'> {
  sectionOrThrow(ctx, input.sectionId);
  const r = readSectionText(ctx.report.db, input.sectionId);
  return { sectionId: input.sectionId, plain: r.plain, words: r.words, footnoteWords: r.footnoteWords, json: r.json };
}
