// Merge review: where the same paragraph was edited in both copies since they parted, the merge
// joined the two edits character by character, which can run two sentences together. Each such
// paragraph is flagged, with its common text (as both copies had it when they parted), each side's,
// and the merged one, until someone settles it: keeping this report's paragraph, the copy's, the
// merged one, or their own wording. A settlement is a change-log row (so a settlement travels in
// copies and is settled everywhere), and a chosen text is a text update through the text write path.
//
// The texts come from the section's Yjs document, which keeps every item ever inserted: each side's
// state as the merge met it is kept (merge_revisions), their snapshots give each side's text, and
// the common text is the items both had, less those both had deleted. A paragraph is a top-level
// block (a heading, a paragraph, a list, a table), known by its Yjs item's id, the same in every copy.
import { createHash } from 'node:crypto';
import { $getRoot, $createTextNode, $isElementNode, $parseSerializedNode, type SerializedLexicalNode } from 'lexical';
import * as Y from 'yjs';
import type { FlaggedParagraph } from '../../shared/api.js';
import { outlineOrder } from '../../shared/domain.js';
import { userError } from '../../shared/messages.js';
import { FootnoteNode } from '../../shared/footnote-node.js';
import { editSection, readSection } from '../docs/headless.js';
import { textUpdates } from '../docs/section-text.js';
import { blockText, historyDoc } from '../docs/version-text.js';
import type { OpenReport } from '../store/open-report.js';
import { prepared, type DB } from '../store/open.js';
import { listSections } from '../store/queries.js';
import { writeText } from './text-log.js';

type Snap = Y.Snapshot;

function visible(item: Y.Item, snap: Snap): boolean {
  return item.id.clock < (snap.sv.get(item.id.client) ?? 0) && !Y.isDeleted(snap.ds, item.id);
}

function snapshotOf(state: Uint8Array): Snap {
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, state);
    return Y.snapshot(doc);
  } finally {
    doc.destroy();
  }
}

/** What both sides had: the items both had received, less those both had deleted. */
export function commonSnapshot(a: Snap, b: Snap): Snap {
  const sv = new Map<number, number>();
  for (const [client, clock] of a.sv) {
    const other = b.sv.get(client);
    if (other !== undefined) sv.set(client, Math.min(clock, other));
  }
  const ds = Y.createDeleteSet();
  for (const [client, ranges] of a.ds.clients) {
    const others = b.ds.clients.get(client);
    if (!others) continue;
    const out: Array<{ clock: number; len: number }> = [];
    let j = 0;
    for (const r of ranges) {
      const end = r.clock + r.len;
      while (j < others.length && others[j]!.clock + others[j]!.len <= r.clock) j++;
      for (let k = j; k < others.length && others[k]!.clock < end; k++) {
        const from = Math.max(r.clock, others[k]!.clock);
        const to = Math.min(end, others[k]!.clock + others[k]!.len);
        if (to > from) out.push({ clock: from, len: to - from });
      }
    }
    if (out.length) ds.clients.set(client, out as never);
  }
  return Y.createSnapshot(ds, sv);
}

/** Whether anything in `type` (its items, its attributes, what it holds) differs between two snapshots. */
function changedBetween(type: Y.AbstractType<unknown>, a: Snap, b: Snap): boolean {
  for (let n = type._start; n !== null; n = n.right) {
    const inA = visible(n, a);
    const inB = visible(n, b);
    if (inA !== inB) return true;
    if (inA && n.content instanceof Y.ContentType && changedBetween(n.content.type, a, b)) return true;
  }
  if (type._map.size) {
    const at = (s: Snap) => JSON.stringify(Y.typeMapGetAllSnapshot(type, s));
    if (at(a) !== at(b)) return true;
  }
  return false;
}

/** The section's top-level blocks, every one ever inserted, in document order. */
function allBlocks(doc: Y.Doc): Y.Item[] {
  const root = doc.get('root', Y.XmlText);
  const out: Y.Item[] = [];
  for (let n = root._start; n !== null; n = n.right) if (n.content instanceof Y.ContentType) out.push(n);
  return out;
}

const blockId = (item: Y.Item) => `${item.id.client}:${item.id.clock}`;

/** The id of a settlement row: the same for a paragraph in every copy. */
export function settlementId(sectionId: string, block: string): string {
  return createHash('sha256').update(`${sectionId}\u0000${block}`).digest('hex').slice(0, 32);
}

interface Revision {
  merge_id: string;
  section_id: string;
  local: Uint8Array;
  other: Uint8Array;
  merged_at: string;
}

/** The paragraphs edited in both copies and not settled yet, in outline order. */
export function flaggedParagraphs(db: DB): FlaggedParagraph[] {
  const revisions = prepared(
    db,
    `SELECT l.merge_id, l.section_id, l.state AS local, o.state AS other, coalesce(m.merged_at, '') AS merged_at
     FROM merge_revisions AS l JOIN merge_revisions AS o ON o.merge_id = l.merge_id AND o.section_id = l.section_id AND o.side = 'other'
     LEFT JOIN merges AS m ON m.id = l.merge_id
     WHERE l.side = 'local' ORDER BY merged_at`,
  ).all() as Revision[];
  if (revisions.length === 0) return [];
  const settled = new Set(prepared(db, 'SELECT id FROM paragraph_settlements WHERE deleted = 0').pluck().all() as string[]);
  const order = outlineOrder(listSections(db));
  const place = new Map(order.map((o, i) => [o.section.id, { i, label: o.label, title: o.section.title }]));
  const out: FlaggedParagraph[] = [];
  const seen = new Set<string>();
  const bySection = new Map<string, Revision[]>();
  for (const r of revisions) {
    if (!place.has(r.section_id)) continue;
    bySection.set(r.section_id, [...(bySection.get(r.section_id) ?? []), r]);
  }
  for (const [sectionId, revs] of bySection) {
    const doc = historyDoc(textUpdates(db, sectionId));
    try {
      const now = Y.snapshot(doc);
      for (const r of revs) {
        let local: Snap;
        let other: Snap;
        try {
          local = snapshotOf(r.local);
          other = snapshotOf(r.other);
        } catch {
          continue; // a record edited by hand: nothing to review in it
        }
        const common = commonSnapshot(local, other);
        for (const item of allBlocks(doc)) {
          const id = blockId(item);
          const key = settlementId(sectionId, id);
          if (seen.has(key) || settled.has(key) || !visible(item, common)) continue;
          const inL = visible(item, local);
          const inO = visible(item, other);
          if (!inL && !inO) continue;
          const type = (item.content as Y.ContentType).type;
          const changedL = !inL || changedBetween(type, common, local);
          const changedO = !inO || changedBetween(type, common, other);
          if (!changedL || !changedO) continue;
          seen.add(key);
          const text = (s: Snap | undefined) => blockText(type as Y.XmlText, s);
          const p = place.get(sectionId)!;
          out.push({
            sectionId,
            label: p.label,
            title: p.title,
            blockId: id,
            mergedAt: r.merged_at,
            common: text(common),
            local: inL ? text(local) : '',
            other: inO ? text(other) : '',
            merged: visible(item, now) ? text(undefined) : '',
          });
        }
      }
    } finally {
      doc.destroy();
    }
  }
  return out.sort((a, b) => place.get(a.sectionId)!.i - place.get(b.sectionId)!.i);
}

/** The flagged paragraph's block as one side had it (Lexical's JSON), or null where that side had deleted it. */
function blockAsIn(doc: Y.Doc, item: Y.Item, snap: Snap): SerializedLexicalNode | null {
  if (!visible(item, snap)) return null;
  const index = allBlocks(doc).filter((b) => visible(b, snap)).indexOf(item);
  const past = Y.createDocFromSnapshot(doc, snap);
  try {
    const reading = readSection([Y.encodeStateAsUpdate(past)]);
    if (reading.damaged) throw userError('textDamaged');
    return (reading.json.root.children[index] as SerializedLexicalNode | undefined) ?? null;
  } finally {
    past.destroy();
  }
}

export type Keep = 'local' | 'other' | 'merged' | 'edited';

/**
 * Settles a flagged paragraph: the text chosen (a side's paragraph, or the person's own wording)
 * replaces the merged one as a new text update, and the settlement is recorded through the change
 * log, both by `authorId`, who must be able to write the section.
 */
export function settleParagraph(report: OpenReport, authorId: string, input: { sectionId: string; blockId: string; keep: Keep; text?: string }): { changed: boolean } {
  const db = report.db;
  const flag = flaggedParagraphs(db).find((f) => f.sectionId === input.sectionId && f.blockId === input.blockId);
  if (!flag) throw userError('paragraphNotFlagged');
  if (input.keep === 'edited' && !input.text?.trim()) throw userError('settleEmpty');
  const revision = prepared(
    db,
    `SELECT l.state AS local, o.state AS other FROM merge_revisions AS l JOIN merge_revisions AS o ON o.merge_id = l.merge_id AND o.section_id = l.section_id AND o.side = 'other'
     WHERE l.side = 'local' AND l.section_id = ? ORDER BY l.rowid DESC`,
  ).all(input.sectionId) as Array<{ local: Uint8Array; other: Uint8Array }>;
  const updates = textUpdates(db, input.sectionId);
  const doc = historyDoc(updates);
  let update: Uint8Array | null = null;
  try {
    const item = allBlocks(doc).find((b) => blockId(b) === input.blockId);
    if (!item) throw userError('paragraphNotFlagged');
    const nowIndex = visible(item, Y.snapshot(doc)) ? allBlocks(doc).filter((b) => visible(b, Y.snapshot(doc))).indexOf(item) : -1;
    if (input.keep === 'local' || input.keep === 'other') {
      // The side's paragraph as the latest merge that kept both met it.
      const state = revision.find((r) => {
        const s = snapshotOf(r.local);
        return visible(item, commonSnapshot(s, snapshotOf(r.other)));
      });
      if (!state) throw userError('paragraphNotFlagged');
      const wanted = blockAsIn(doc, item, snapshotOf(input.keep === 'local' ? state.local : state.other));
      update = editSection(updates, () => {
        const root = $getRoot();
        const current = nowIndex >= 0 ? root.getChildren()[nowIndex] : undefined;
        if (wanted) {
          const node = $parseSerializedNode(wanted);
          if (current) current.replace(node);
          else root.append(node);
        } else current?.remove();
      });
    } else if (input.keep === 'edited') {
      const words = input.text!.trim();
      update = editSection(updates, () => {
        const root = $getRoot();
        const current = nowIndex >= 0 ? root.getChildren()[nowIndex] : undefined;
        if (!current || !$isElementNode(current) || !['paragraph', 'heading', 'quote'].includes(current.getType())) throw userError('settleEditNotText');
        // The words are replaced; its footnotes stay (shown in brackets in the review, not typed again).
        const notes = current.getChildren().filter((n) => n instanceof FootnoteNode) as FootnoteNode[];
        let typed = words;
        for (const note of notes) typed = typed.split(` [${note.getFootnoteText()}]`).join('');
        for (const child of current.getChildren()) if (!(child instanceof FootnoteNode)) child.remove();
        const first = current.getFirstChild();
        const run = $createTextNode(typed.trim());
        if (first) first.insertBefore(run);
        else current.append(run);
      });
    }
  } finally {
    doc.destroy();
  }
  const id = settlementId(input.sectionId, input.blockId);
  db.transaction(() => {
    if (update) writeText(report, input.sectionId, update, authorId, 'edit');
    report.write(authorId, [
      { table: 'paragraph_settlements', row: id, column: 'section_id', value: input.sectionId },
      { table: 'paragraph_settlements', row: id, column: 'block', value: input.blockId },
      { table: 'paragraph_settlements', row: id, column: 'kept', value: input.keep },
      { table: 'paragraph_settlements', row: id, column: 'settled_by', value: authorId },
      { table: 'paragraph_settlements', row: id, column: 'settled_at', value: new Date().toISOString() },
    ]);
  }).immediate();
  if (update) {
    report.emit({ kind: 'text', sectionId: input.sectionId, update: Buffer.from(update).toString('base64'), origin: '' });
    report.scheduleRecount();
  }
  report.emit({ kind: 'changed', what: ['sections'] });
  return { changed: update !== null };
}
