// Checks a text update must pass before it is stored, the same for a drafter's typing, a comment's
// anchor and text merged from a copy:
// - it can be read as a Yjs update;
// - every node it creates is of a type this app knows (a newer version's node would make the
//   section unreadable here);
// - it integrates with the text as stored: nothing in it waits for text this file does not have
//   (Yjs would keep such structs or deletions pending, out of sight, and apply them whenever the
//   missing text arrives: a deletion of words not typed yet);
// - for someone who may only mark passages, it changes nothing but the marks.
import { createHeadlessEditor } from '@lexical/headless';
import * as Y from 'yjs';
import { markedPassage, withoutAnnotations } from '../../shared/annotations.js';
import { SECTION_NODES } from '../../shared/nodes.js';
import { readSection } from './headless.js';

/** Every node type the section editor knows, as Lexical's Yjs binding stores it (`__type`). */
export const KNOWN_NODE_TYPES: ReadonlySet<string> = (() => {
  const editor = createHeadlessEditor({ namespace: 'types', nodes: [...SECTION_NODES], onError: () => {} });
  return new Set([...(editor as unknown as { _nodes: Map<string, unknown> })._nodes.keys(), 'linebreak']);
})();

/** Decodes the update; null when it cannot be read. */
function decode(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> | null {
  try {
    return Y.decodeUpdate(update);
  } catch {
    return null;
  }
}

export type TextProblem = { key: 'textUnreadable' } | { key: 'textUnknownNode'; params: { type: string } };

/** What is wrong with the update on its own (unreadable, an unknown node type), or null. */
export function textUpdateProblem(update: Uint8Array): TextProblem | null {
  const decoded = decode(update);
  if (!decoded) return { key: 'textUnreadable' };
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item) || s.parentSub !== '__type') continue;
    const content = s.content as { arr?: unknown[]; str?: string };
    const values = content.arr ?? (content.str !== undefined ? [content.str] : []);
    for (const v of values) {
      if (typeof v !== 'string' || !KNOWN_NODE_TYPES.has(v)) return { key: 'textUnknownNode', params: { type: String(v).slice(0, 80) } };
    }
  }
  return null;
}

/** A document holding `state`; the caller destroys it. */
export function docOf(state: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

/** Does the document hold structs or deletions waiting for text it does not have? */
export function hasPending(doc: Y.Doc): boolean {
  const store = doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
  return store.pendingStructs !== null || store.pendingDs !== null;
}

/** Does `update` integrate fully with `state` (nothing in it waits for text `state` lacks)? */
export function integrates(state: Uint8Array | null, update: Uint8Array): boolean {
  const doc = docOf(state);
  try {
    Y.applyUpdate(doc, update);
    return !hasPending(doc);
  } catch {
    return false;
  } finally {
    doc.destroy();
  }
}

/**
 * Whether `update`, applied to the text made of `updates`, changes nothing but annotations: the
 * text without marks is the same, and every comment marked before still marks the same passage.
 * Returns the passages marked after it by comment id (so a new comment's quote can be read), or
 * null when it changes more (or cannot be read).
 */
export function marksOnly(updates: readonly Uint8Array[], update: Uint8Array): { marked: (id: string) => string } | null {
  try {
    const before = readSection(updates);
    const after = readSection([...updates, update]);
    if (before.damaged || after.damaged) return null;
    if (JSON.stringify(withoutAnnotations(before.json)) !== JSON.stringify(withoutAnnotations(after.json))) return null;
    for (const other of before.markIds) {
      if (markedPassage(after.json, other) !== markedPassage(before.json, other)) return null;
    }
    return { marked: (id) => markedPassage(after.json, id) };
  } catch {
    return null;
  }
}
