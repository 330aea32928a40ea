// Merging a copy of the report that another office worked on. The other file is checked (ours, not
// newer, sound, the same report), this one is backed up, and then, in one transaction, the other's
// change-log rows this file lacks go through the same path as local edits (last writer wins per
// field by clock stamp) and each section's text takes the Yjs changes it lacks. Both are
// commutative, associative and idempotent, so offices that merge the same copies in any order end
// with the same report, and merging a copy twice changes nothing.
// What needs a person is recorded: fields changed in both copies since they parted (both values,
// who and when), and sections whose text both changed (each side's text kept as a revision).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { MergeSummary } from '../../shared/api.js';
import { userError } from '../../shared/messages.js';
import { appendTextUpdate } from '../docs/section-text.js';
import { inspectReportFile, type DB } from '../store/open.js';
import type { OpenReport } from '../store/open-report.js';
import type { CellValue } from '../store/schema.js';
import type { LoggedChange } from './changes.js';
import { backUp } from './copy.js';
import { isStamp, parseStamp } from './hlc.js';

/** A change stamped further ahead of this computer's clock than this is refused. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

/** The tables a merge report counts changes in, by what a person calls them. */
const KINDS: Record<string, keyof MergeSummary['changed']> = {
  sections: 'sections',
  comments: 'comments',
  comment_replies: 'comments',
  recommendations: 'recommendations',
  recommendation_notes: 'recommendations',
  section_recommendations: 'recommendations',
  inputs: 'inputs',
  input_links: 'inputs',
  attachments: 'inputs',
};

/** Change-log rows handed to the change log at a time. */
const APPLY_CHUNK = 5_000;

/** The stamps only in `a` and those only in `b`; both sorted. */
function sortedDifference(a: readonly string[], b: readonly string[]): { onlyA: string[]; onlyB: string[] } {
  const onlyA: string[] = [];
  const onlyB: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) onlyA.push(a[i++]!);
    else if (i >= a.length || b[j]! < a[i]!) onlyB.push(b[j++]!);
    else {
      i++;
      j++;
    }
  }
  return { onlyA, onlyB };
}

/** The change-log rows with these stamps (sorted), in stamp order. */
function logRows(db: DB, stamps: readonly string[]): LoggedChange[] {
  if (stamps.length === 0) return [];
  const rows: LoggedChange[] = [];
  // Iterating costs less than one large `all()` when there are many.
  for (const row of db
    .prepare('SELECT hlc, replica, author, tbl, row_id, col, value, prev_hlc FROM change_log WHERE hlc IN (SELECT value FROM json_each(?)) ORDER BY hlc')
    .iterate(JSON.stringify(stamps)) as IterableIterator<LoggedChange>) {
    rows.push(row);
  }
  return rows;
}

function meta(db: DB, key: string): string | null {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

/**
 * A section's text as one Yjs update. Its stored updates are applied to a document in one
 * transaction and the document encoded: for a copy holding a keystroke per update, some five times
 * faster than `Y.mergeUpdates` over hundreds of updates at once.
 */
function mergedState(db: DB, sectionId: string): Uint8Array | null {
  const rows = db.prepare('SELECT data FROM section_updates WHERE section_id = ? ORDER BY seq').pluck().all(sectionId) as Uint8Array[];
  if (rows.length <= 1) return rows[0] ?? null;
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of rows) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** Does `from` hold anything (inserts or deletions) that `to` lacks? */
function holdsMore(from: Uint8Array, to: Uint8Array | null): boolean {
  if (!to) return true;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, to);
    const before = Y.encodeStateAsUpdate(doc);
    Y.applyUpdate(doc, from);
    const after = Y.encodeStateAsUpdate(doc);
    return before.length !== after.length || before.some((b, i) => b !== after[i]);
  } finally {
    doc.destroy();
  }
}

export interface MergeOptions {
  /** Where backups go (the user's data folder's `backups`). */
  backupDir: string;
  now?: () => number;
}

export function mergeCopy(report: OpenReport, otherFile: string, { backupDir, now = Date.now }: MergeOptions): MergeSummary {
  const file = path.resolve(otherFile);
  const name = path.basename(file);
  if (file === path.resolve(report.path)) throw userError('mergeOwnFile');
  inspectReportFile(file);
  const db = report.db;
  const other = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ourId = meta(db, 'report_id');
    const theirId = meta(other, 'report_id');
    if (!ourId || ourId !== theirId) {
      const title = (other.prepare('SELECT title FROM report LIMIT 1').get() as { title: string } | undefined)?.title ?? '';
      throw userError('mergeOtherReport', { name, title });
    }

    // What the other has that this file lacks, and what this file has that the other lacks: the
    // two logs' stamps side by side (both in stamp order), then only those rows read.
    const ourStamps = db.prepare('SELECT hlc FROM change_log ORDER BY hlc').pluck().all() as string[];
    const theirStamps = other.prepare('SELECT hlc FROM change_log ORDER BY hlc').pluck().all() as string[];
    const { onlyA: missing, onlyB: ownOnly } = sortedDifference(theirStamps, ourStamps);
    const incoming = logRows(other, missing);
    // This file's own changes since the copies parted, newest per field: only a field among these
    // can have been changed on both sides.
    const ownSince = new Map<string, { hlc: string; value: CellValue; author: string }>();
    for (const row of logRows(db, ownOnly)) ownSince.set(`${row.tbl}\u0000${row.row_id}\u0000${row.col}`, { hlc: row.hlc, value: row.value, author: row.author });
    const names = new Map((other.prepare('SELECT m.id, m.name, o.name AS org FROM members m LEFT JOIN organizations o ON o.id = m.organization_id').all() as Array<{ id: string; name: string; org: string | null }>).map((m) => [m.id, m]));
    const office = (author: string) => names.get(author)?.org ?? names.get(author)?.name ?? author;

    // A clock far ahead would win every field for days: refused, naming the office.
    // Stamps sort by time, so the newest is the last; each is checked for its shape.
    for (const c of incoming) if (!isStamp(c.hlc)) throw userError('mergeBadStamp', { name });
    const newest = incoming.at(-1);
    const ahead = newest ? parseStamp(newest.hlc)!.millis - now() : 0;
    if (ahead > MAX_CLOCK_AHEAD_MS) throw userError('mergeClockAhead', { name, office: office(newest!.author), minutes: Math.round(ahead / 60_000) });

    // Text: each section's state in both files.
    const sectionIds = other.prepare('SELECT DISTINCT section_id FROM section_updates').pluck().all() as string[];
    const texts = sectionIds.map((id) => ({ id, theirs: mergedState(other, id)!, ours: mergedState(db, id) }));
    const textChanges = texts.filter((t) => holdsMore(t.theirs, t.ours));

    const summary: MergeSummary = {
      file,
      offices: [...new Set(incoming.map((c) => office(c.author)))].sort(),
      rows: incoming.length,
      changed: { sections: 0, comments: 0, recommendations: 0, inputs: 0, other: 0 },
      texts: textChanges.length,
      bothEdited: [],
      conflicts: [],
      backup: '',
    };
    if (incoming.length === 0 && textChanges.length === 0) return summary;

    summary.backup = backUp(db, backupDir);
    const mergeId = randomUUID();
    db.transaction(() => {
      // Fields changed on both sides since the copies parted: this file has a change the other
      // lacks, and the other a change this file lacks, with different values.
      const rowsChanged = new Map<keyof MergeSummary['changed'], Set<string>>();
      const newestOfBoth = new Map<string, LoggedChange>();
      for (const c of incoming) {
        const kind = KINDS[c.tbl] ?? 'other';
        const rows = rowsChanged.get(kind);
        if (rows) rows.add(`${c.tbl}\u0000${c.row_id}`);
        else rowsChanged.set(kind, new Set([`${c.tbl}\u0000${c.row_id}`]));
        if (ownSince.size === 0) continue;
        const cell = `${c.tbl}\u0000${c.row_id}\u0000${c.col}`;
        if (ownSince.has(cell)) newestOfBoth.set(cell, c); // the newest incoming (ordered by stamp)
      }
      for (const [cell, c] of newestOfBoth) {
        const ours = ownSince.get(cell)!;
        if (ours.value === c.value) continue;
        const conflict = {
          id: randomUUID(),
          table: c.tbl,
          row: c.row_id,
          column: c.col,
          local: { value: ours.value, author: ours.author, at: ours.hlc },
          other: { value: c.value, author: c.author, at: c.hlc },
          shown: ours.hlc > c.hlc ? ('local' as const) : ('other' as const),
        };
        summary.conflicts.push(conflict);
        db.prepare(
          `INSERT INTO merge_conflicts (id, merge_id, tbl, row_id, col, local_hlc, local_value, local_author, other_hlc, other_value, other_author)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(conflict.id, mergeId, c.tbl, c.row_id, c.col, ours.hlc, ours.value, ours.author, c.hlc, c.value, c.author);
      }
      for (const [kind, rows] of rowsChanged) summary.changed[kind] += rows.size;

      // The rows, through the path local edits take (names checked against the schema there).
      for (let i = 0; i < incoming.length; i += APPLY_CHUNK) report.log.applyLoggedChanges(incoming.slice(i, i + APPLY_CHUNK));
      if (incoming.length) report.clock.observe(incoming[incoming.length - 1]!.hlc);

      // The text: what the other file's copy of each section holds that this one lacks.
      for (const t of textChanges) {
        const ourState = t.ours;
        const diff = ourState ? Y.diffUpdate(t.theirs, Y.encodeStateVectorFromUpdate(ourState)) : t.theirs;
        if (ourState && holdsMore(ourState, t.theirs)) {
          // Both sides wrote in this section since they parted: keep both texts as they met.
          summary.bothEdited.push(t.id);
          const keep = db.prepare('INSERT INTO merge_revisions (id, merge_id, section_id, side, state) VALUES (?, ?, ?, ?, ?)');
          keep.run(randomUUID(), mergeId, t.id, 'local', ourState);
          keep.run(randomUUID(), mergeId, t.id, 'other', t.theirs);
        }
        const last = other.prepare('SELECT replica, author FROM section_updates WHERE section_id = ? ORDER BY seq DESC LIMIT 1').get(t.id) as { replica: string; author: string };
        appendTextUpdate(db, t.id, diff, last.replica, last.author);
      }
      db.prepare('INSERT INTO merges (id, merged_at, file, summary) VALUES (?, ?, ?, ?)').run(mergeId, new Date(now()).toISOString(), file, JSON.stringify(summary));
    })();
    return summary;
  } finally {
    other.close();
  }
}
