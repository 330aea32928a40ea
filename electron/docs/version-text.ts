// A section's text at a past moment, from the updates the file keeps. Every update is stored and
// none is garbage-collected (see compactSectionText), so a Yjs snapshot (the state vector and the
// delete set at that moment) is all a version needs to keep: the document built from today's
// updates, read through the snapshot, is the text as it was. The text is read here straight from
// the Yjs structure Lexical's binding writes (an XmlText per block, strings for text, elements for
// footnotes and recommendation references), as paragraphs of plain text: what a comparison shows
// and a redline carries.
import * as Y from 'yjs';
import { mergeStored } from './headless.js';

/** A section's document able to show any past state (nothing garbage-collected); the caller destroys it. */
export function historyDoc(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  if (updates.length) Y.applyUpdate(doc, mergeStored(updates));
  return doc;
}

/** The snapshot of the document as it is, as base64 (what a version keeps for each section). */
export function snapshotNow(doc: Y.Doc): string {
  return Buffer.from(Y.encodeSnapshotV2(Y.snapshot(doc))).toString('base64');
}

/**
 * The snapshot a version kept, when it can be read and this document holds everything it shows
 * (a file that has not received some of the updates the version saw cannot rebuild it): else null.
 */
export function usableSnapshot(doc: Y.Doc, base64: string): Y.Snapshot | null {
  let snap: Y.Snapshot;
  try {
    snap = Y.decodeSnapshotV2(new Uint8Array(Buffer.from(base64, 'base64')));
  } catch {
    return null;
  }
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of snap.sv) if (clock > (have.get(client) ?? 0)) return null;
  return snap;
}

/** Whether the two snapshots show the same text (then a comparison need not read it). */
export function sameSnapshot(a: Y.Snapshot, b: Y.Snapshot): boolean {
  return Y.equalSnapshots(a, b);
}

/** The element types that hold blocks rather than words (the walk goes through them). */
export const BLOCKS_IN = new Set(['root', 'list', 'table', 'tablecell', 'quote']);

/**
 * The section's paragraphs at `snap` (or now), the empty ones left out: headings, paragraphs and list items one each, a
 * table's row one paragraph with its cells separated by " | "; footnotes inline in brackets,
 * recommendation references by their number.
 */
export function paragraphsAt(doc: Y.Doc, snap?: Y.Snapshot): string[] {
  const out: string[] = [];
  const root = doc.get('root', Y.XmlText);
  walkBlocks(root, 'root', snap, out);
  // Empty paragraphs are spacing, not text: a comparison and a reader skip them.
  return out.filter((p) => p.trim() !== '');
}

/** One top-level block's words at `snap` (or now): its paragraphs (a list's items, a table's rows) on lines of their own. */
export function blockText(block: Y.XmlText, snap?: Y.Snapshot): string {
  const out: string[] = [];
  walkBlocks(block, typeOf(block, snap), snap, out);
  return out.filter((p) => p.trim() !== '').join('\n');
}

/** A Lexical node's type as its Yjs element says it (at `snap`, or now). */
export function typeOf(t: Y.XmlText | Y.XmlElement, snap?: Y.Snapshot): string {
  const attrs = snap ? (Y.typeMapGetAllSnapshot(t, snap) as Record<string, unknown>) : (t.getAttributes() as Record<string, unknown>);
  const type = attrs.__type;
  return typeof type === 'string' ? type : '';
}

function walkBlocks(t: Y.XmlText, type: string, snap: Y.Snapshot | undefined, out: string[]): void {
  if (type === 'tablerow') {
    const cells: string[] = [];
    for (const op of t.toDelta(snap) as Array<{ insert: unknown }>) {
      if (op.insert instanceof Y.XmlText) {
        const inner: string[] = [];
        walkBlocks(op.insert, typeOf(op.insert, snap), snap, inner);
        cells.push(inner.join(' '));
      }
    }
    out.push(cells.join(' | '));
    return;
  }
  if (BLOCKS_IN.has(type) || type === 'table') {
    for (const op of t.toDelta(snap) as Array<{ insert: unknown }>) {
      if (op.insert instanceof Y.XmlText) walkBlocks(op.insert, typeOf(op.insert, snap), snap, out);
    }
    return;
  }
  // A list item may hold a nested list: its own words first, then the nested items.
  let text = '';
  const nested: Y.XmlText[] = [];
  for (const op of t.toDelta(snap) as Array<{ insert: unknown }>) {
    const insert = op.insert;
    if (typeof insert === 'string') text += insert;
    else if (insert instanceof Y.XmlText) {
      const inner = typeOf(insert, snap);
      if (inner === 'list') nested.push(insert);
      // An inline element (a link): its words are the paragraph's.
      else text += inlineText(insert, snap);
    } else if (insert instanceof Y.XmlElement) text += decoratorText(insert, snap);
  }
  out.push(text);
  for (const list of nested) walkBlocks(list, 'list', snap, out);
}

function inlineText(t: Y.XmlText, snap?: Y.Snapshot): string {
  let text = '';
  for (const op of t.toDelta(snap) as Array<{ insert: unknown }>) {
    if (typeof op.insert === 'string') text += op.insert;
    else if (op.insert instanceof Y.XmlText) text += inlineText(op.insert, snap);
    else if (op.insert instanceof Y.XmlElement) text += decoratorText(op.insert, snap);
  }
  return text;
}

function decoratorText(el: Y.XmlElement, snap?: Y.Snapshot): string {
  const attrs = (snap ? Y.typeMapGetAllSnapshot(el, snap) : el.getAttributes()) as Record<string, unknown>;
  if (attrs.__type === 'footnote') return ` [${String(attrs.__text ?? '')}]`;
  const number = attrs.__number ?? attrs.__recommendationNumber;
  if (typeof number === 'string' && number) return number;
  return '';
}
