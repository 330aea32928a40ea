// Section text: the Yjs state for the editor, updates from the editor, and a headless reading.
import * as Y from 'yjs';
import type { ParsedInput, Result } from '../../shared/api.js';
import { base64ToBytes, bytesToBase64 } from '../../shared/base64.js';
import { denySectionText } from '../../shared/permissions.js';
import { appendTextUpdate, readSectionText, textState } from '../docs/section-text.js';
import { allowOrThrow, type ServiceContext } from './context.js';
import { sectionOrThrow } from './sections.js';
import { userError } from '../../shared/messages.js';

export function loadText(ctx: ServiceContext, input: ParsedInput<'text.load'>): Result<'text.load'> {
  sectionOrThrow(ctx, input.sectionId);
  return { sectionId: input.sectionId, state: bytesToBase64(textState(ctx.report.db, input.sectionId)) };
}

export function pushText(ctx: ServiceContext, input: ParsedInput<'text.push'>): Result<'text.push'> {
  const section = sectionOrThrow(ctx, input.sectionId);
  const author = allowOrThrow(denySectionText(ctx.me, section), ctx.me);
  const update = base64ToBytes(input.update);
  try {
    Y.decodeUpdate(update);
  } catch {
    throw userError('textUnreadable');
  }
  appendTextUpdate(ctx.report.db, section.id, update, ctx.report.replica, author.id);
  ctx.report.emit({ kind: 'text', sectionId: section.id, update: input.update, origin: ctx.origin ?? '' });
  ctx.report.scheduleRecount();
  return { ok: true };
}

export function textContent(ctx: ServiceContext, input: ParsedInput<'text.content'>): Result<'text.content'> {
  sectionOrThrow(ctx, input.sectionId);
  const r = readSectionText(ctx.report.db, input.sectionId);
  return { sectionId: input.sectionId, plain: r.plain, words: r.words, footnoteWords: r.footnoteWords, json: r.json };
}
