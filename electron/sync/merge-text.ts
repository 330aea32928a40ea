// Section text in a merge. Every stored text update is one person's, stamped when it was made, so a
// copy's updates are taken one by one and judged like change-log rows (by the change log, in the
// same run, as of their stamps): the update of someone who may not write the section, or that
// does more than mark a passage when its author may only comment, is held back. Before that each
// is checked on its own (readable, only node types this app knows), and after, that the accepted
// ones integrate: an update that builds on text this file does not have is held back too, and
// released when what it needs arrives. Nothing of the copy's text is thrown away.
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { Message } from '../../shared/messages.js';
import { forgetCachedText, storeTextRow, textUpdates, type TextRow } from '../docs/section-text.js';
import { docOf, hasPending, marksOnly, textUpdateProblem } from '../docs/text-check.js';
import { mergeStored } from '../docs/headless.js';
import type { DB } from '../store/open.js';
import type { HeldChanges, TextCandidate } from './changes.js';

/** A text update in the copy, by its stamp. */
export interface TheirText extends TextRow {
  seq: number;
}

/**
 * The copy's text updates. A copy made before updates were stamped (schema 8 and older) gets the
 * stamps the migration to 9 gives, from when and by which session each was stored; all of its
 * updates count as folded.
 */
export function theirTextRows(other: DB, version: number): TheirText[] {
  const stamped =
    version >= 9
      ? 'hlc, folded'
      : `(CASE WHEN created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'
                THEN created_at ELSE '1970-01-01T00:00:00.000Z' END)
          || '-' || printf('%04x', seq % 65536) || '-'
          || (CASE WHEN length(replica) = 16 AND replica NOT GLOB '*[^0-9a-f]*'
                   THEN replica ELSE lower(substr(hex(replica) || '0000000000000000', 1, 16)) END) AS hlc, 1 AS folded`;
  const rows = other.prepare(`SELECT seq, section_id, replica, author, data, ${stamped} FROM section_updates ORDER BY seq`).all() as Array<{
    seq: number;
    section_id: string;
    replica: string;
    author: string;
    data: Uint8Array;
    hlc: string;
    folded: number;
  }>;
  return rows.map((r) => ({ seq: r.seq, sectionId: r.section_id, replica: r.replica, author: r.author, hlc: r.hlc, folded: r.folded === 1, data: r.data }));
}

/** Does `update` hold an insertion or a deletion the document lacks? */
export function contributes(doc: Y.Doc, update: Uint8Array): boolean {
  try {
    const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
    const meta = Y.parseUpdateMeta(update);
    for (const [client, clock] of meta.to) if (clock > (sv.get(client) ?? 0)) return true;
    const ours = Y.createDeleteSetFromStructStore(doc.store);
    for (const [client, items] of Y.decodeUpdate(update).ds.clients) {
      for (const item of items) {
        for (let clock = item.clock; clock < item.clock + item.len; clock++) {
          if (!Y.isDeleted(ours, Y.createID(client, clock))) return true;
        }
      }
    }
    return false;
  } catch {
    return true;
  }
}

/**
 * The copy's text updates this file lacks: those with stamps it does not have, and folded ones
 * (standing for several) that hold something its text does not. Read-only: nothing is stored.
 */
export function textToTake(db: DB, theirs: readonly TheirText[]): TheirText[] {
  const take = theirs.filter((t) => !t.folded);
  const folded = new Map<string, TheirText[]>();
  for (const t of theirs) {
    if (!t.folded) continue;
    const list = folded.get(t.sectionId);
    if (list) list.push(t);
    else folded.set(t.sectionId, [t]);
  }
  // A folded update is compared with this file's text of its section.
  for (const [sectionId, rows] of folded) {
    const ours = textUpdates(db, sectionId);
    const doc = docOf(ours.length ? mergeStored(ours) : null);
    try {
      for (const r of rows) if (contributes(doc, r.data)) take.push(r);
    } finally {
      doc.destroy();
    }
  }
  return take.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

/** The problem an update has on its own (unreadable, a node type this app does not know), as a held reason. */
export function problemOf(update: Uint8Array): Message | null {
  return textUpdateProblem(update);
}

/**
 * For the change log's judging: whether an update by someone who may only mark passages changes
 * nothing but marks, against the section's text as this file has it.
 */
export function annotationCheck(db: DB, rows: ReadonlyMap<string, TheirText>): (t: TextCandidate) => boolean {
  const storedRow = db.prepare('SELECT data FROM section_updates WHERE hlc = ?').pluck();
  const olderStored = db.prepare('SELECT data FROM section_updates WHERE section_id = ? AND hlc < ? ORDER BY hlc').pluck();
  return (t) => {
    const data = rows.get(t.hlc)?.data ?? (storedRow.get(t.hlc) as Uint8Array | undefined);
    if (!(data instanceof Uint8Array)) return false;
    // Judged against every update of the section stamped before it, here or in the copy, held back
    // or not: what it builds on is then the same whatever order the copies came in (against only
    // what is here and accepted, an update whose base is missing would change nothing, and pass).
    const older = [
      ...(olderStored.all(t.sectionId, t.hlc) as Uint8Array[]),
      ...[...rows.values()].filter((r) => r.sectionId === t.sectionId && r.hlc < t.hlc).map((r) => r.data),
    ];
    return marksOnly(older, data) !== null;
  };
}

/**
 * Stores the copy's updates, as they came. A folded update whose stamp this file already has
 * stands for that same update and more of the same person's (folding keeps the newest one's
 * stamp): the two are folded into the one stored here.
 */
export function storeTheirText(db: DB, rows: readonly TheirText[]): void {
  const here = db.prepare('SELECT seq, data, author FROM section_updates WHERE hlc = ?');
  const fold = db.prepare('UPDATE section_updates SET data = ?, folded = 1 WHERE seq = ?');
  for (const r of rows) {
    // An update that is not folded is taken only when its stamp is not here (textToTake).
    const ours = r.folded ? (here.get(r.hlc) as { seq: number; data: Uint8Array; author: string } | undefined) : undefined;
    if (!ours) storeTextRow(db, r);
    // The same stamp from another author is not the same update: a file edited by hand.
    else if (ours.author === r.author) fold.run(Y.mergeUpdates([ours.data, r.data]), ours.seq);
  }
}

/**
 * Settles which of a section's updates integrate: every update not held back for what it is or
 * who made it is applied together; those still waiting for text this file does not have are held
 * back ('heldTextNeeds'), and those held back so before that now integrate are released. The
 * result depends only on the set of updates. Returns the stamps newly held and released.
 */
export function settleText(db: DB, held: HeldChanges, sectionIds: Iterable<string>): { held: TextCandidate[]; released: string[] } {
  const out = { held: [] as TextCandidate[], released: [] as string[] };
  const needs = new Set(db.prepare("SELECT hlc FROM held_changes WHERE kind = 'text' AND reason = 'heldTextNeeds'").pluck().all() as string[]);
  for (const sectionId of new Set(sectionIds)) {
    const rows = db.prepare('SELECT hlc, author, data FROM section_updates WHERE section_id = ? ORDER BY hlc').all(sectionId) as Array<{ hlc: string; author: string; data: Uint8Array }>;
    const candidates = rows.filter((r) => !held.texts.has(r.hlc) || needs.has(r.hlc));
    const doc = new Y.Doc({ gc: false });
    try {
      doc.transact(() => {
        for (const r of candidates) Y.applyUpdate(doc, r.data);
      });
      const stuck = hasPending(doc) ? new Set(candidates.filter((r) => !integrated(doc, r.data)).map((r) => r.hlc)) : new Set<string>();
      for (const r of candidates) {
        if (stuck.has(r.hlc) && !held.texts.has(r.hlc)) {
          held.hold({ kind: 'text', hlc: r.hlc, reason: 'heldTextNeeds', params: {} });
          out.held.push({ hlc: r.hlc, author: r.author, sectionId });
        } else if (!stuck.has(r.hlc) && needs.has(r.hlc)) {
          held.release('text', r.hlc);
          out.released.push(r.hlc);
        }
      }
    } finally {
      doc.destroy();
    }
    forgetCachedText(db, [sectionId]);
  }
  return out;
}

/** Is every insertion and deletion of `update` in the document (none of it left pending)? */
function integrated(doc: Y.Doc, update: Uint8Array): boolean {
  return !contributes(doc, update);
}

/** Attachments' contents the copy has and this file lacks, checked against their hash; returns how many were taken. */
export function takeAttachments(db: DB, other: DB): number {
  const hasBlobs = other.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'blobs'").get();
  if (!hasBlobs) return 0;
  const wanted = db
    .prepare("SELECT DISTINCT value FROM change_log WHERE tbl = 'attachments' AND col = 'sha256' AND typeof(value) = 'text' AND value NOT IN (SELECT sha256 FROM blobs)")
    .pluck()
    .all() as string[];
  const read = other.prepare('SELECT data FROM blobs WHERE sha256 = ?').pluck();
  const put = db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)');
  let taken = 0;
  for (const sha256 of wanted) {
    const data = read.get(sha256) as Uint8Array | undefined;
    if (!(data instanceof Uint8Array)) continue;
    // A copy's bytes are taken only if they are what the attachment was made with.
    if (createHash('sha256').update(data).digest('hex') !== sha256) continue;
    put.run(sha256, data.length, data);
    taken++;
  }
  return taken;
}
