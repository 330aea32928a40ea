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
import { inspectReportFile, prepared, type DB } from '../store/open.js';
import type { OpenReport } from '../store/open-report.js';
import type { CellValue } from '../store/schema.js';
import type { LoggedChange } from './changes.js';
import { backUp } from './copy.js';
import { parseStamp } from './hlc.js';

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

function meta(db: DB, key: string): string | null {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

function mergedState(db: DB, sectionId: string): Uint8Array | null {
  const rows = db.prepare('SELECT data FROM section_updates WHERE section_id = ? ORDER BY seq').all(sectionId) as Array<{ data: Uint8Array }>;
  return rows.length ? Y.mergeUpdates(rows.map((r) => r.data)) : null;
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

    // What the other has that this file lacks.
    const known = new Set(db.prepare('SELECT hlc FROM change_log').pluck().all() as string[]);
    const theirs = other.prepare('SELECT hlc, replica, author, tbl, row_id, col, value, prev_hlc FROM change_log ORDER BY hlc').all() as LoggedChange[];
    const incoming = theirs.filter((c) => !known.has(c.hlc));
    const otherHlcs = new Set(theirs.map((c) => c.hlc));
    // This file's own changes since the copies parted (the other lacks them), newest per field:
    // only a field among these can have been changed on both sides.
    const ownSince = new Map<string, { hlc: string; value: CellValue; author: string }>();
    const byStamp = prepared(db, 'SELECT tbl, row_id, col, value, author FROM change_log WHERE hlc = ?');
    for (const hlc of known) {
      if (otherHlcs.has(hlc)) continue;
      const row = byStamp.get(hlc) as { tbl: string; row_id: string; col: string; value: CellValue; author: string };
      const cell = `${row.tbl}\u0000${row.row_id}\u0000${row.col}`;
      const seen = ownSince.get(cell);
      if (!seen || seen.hlc < hlc) ownSince.set(cell, { hlc, value: row.value, author: row.author });
    }
    const names = new Map((other.prepare('SELECT m.id, m.name, o.name AS org FROM members m LEFT JOIN organizations o ON o.id = m.organization_id').all() as Array<{ id: string; name: string; org: string | null }>).map((m) => [m.id, m]));
    const office = (author: string) => names.get(author)?.org ?? names.get(author)?.name ?? author;

    // A clock far ahead would win every field for days: refused, naming the office.
    const limit = now() + MAX_CLOCK_AHEAD_MS;
    for (const c of incoming) {
      const stamp = parseStamp(c.hlc);
      if (!stamp) throw userError('mergeBadStamp', { name });
      if (stamp.millis > limit) {
        throw userError('mergeClockAhead', { name, office: office(c.author), minutes: Math.round((stamp.millis - now()) / 60_000) });
      }
    }

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
      const byCell = new Map<string, LoggedChange>();
      for (const c of incoming) byCell.set(`${c.tbl}\u0000${c.row_id}\u0000${c.col}`, c); // the newest incoming per cell (ordered by hlc)
      const rowsChanged = new Map<string, Set<string>>();
      for (const c of byCell.values()) {
        const kind = KINDS[c.tbl] ?? 'other';
        const set = rowsChanged.get(kind) ?? new Set<string>();
        set.add(`${c.tbl}\u0000${c.row_id}`);
        rowsChanged.set(kind, set);
        const ours = ownSince.get(`${c.tbl}\u0000${c.row_id}\u0000${c.col}`);
        if (!ours || ours.value === c.value) continue;
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
      for (const [kind, rows] of rowsChanged) summary.changed[kind as keyof MergeSummary['changed']] += rows.size;

      // The rows, through the path local edits take (names checked against the schema there).
      for (const c of incoming) {
        report.log.applyLoggedChange({ ...c });
        report.clock.observe(c.hlc);
      }

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
