// Merging a copy of the report that another office worked on. The other file is checked (ours, not
// newer, the same report, sound in the tables read from it), read without leaving anything beside
// it, this one is backed up, and then, in one transaction, the other's change-log rows this file
// lacks go through the change log's path for copies (./changes.ts: judged by the write policy as of
// their stamps, the refused ones held back, last writer wins per field among the rest) with the
// copy's text updates this file lacks (./merge-text.ts: each one person's, checked and judged the
// same way), and the contents of attached files come along. All of it is commutative, associative
// and idempotent, so offices that merge the same copies in any order end with the same report, and
// merging a copy twice changes nothing. What needs a person is recorded: fields changed in both
// copies since they parted (both values, who and when), sections whose text both changed (each
// side's text kept as a revision), and what was held back, with whom it claims to be from and why.
import { saveVersion } from '../services/versions.js';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import type { HeldBack, MergeSummary } from '../../shared/api.js';
import { userError } from '../../shared/messages.js';
import { textUpdates } from '../docs/section-text.js';
import { prepared, readReportFile, type DB } from '../store/open.js';
import type { OpenReport } from '../store/open-report.js';
import type { CellValue } from '../store/schema.js';
import type { HeldChange, LoggedChange, TextCandidate } from './changes.js';
import { backUp } from './copy.js';
import { isStamp, parseStamp } from './hlc.js';
import { roots, takeSignatures } from './signing.js';
import { annotationCheck, problemOf, settleText, storeTheirText, takeAttachments, textToTake, theirTextRows } from './merge-text.js';

/** A change stamped further ahead of this computer's clock than this is refused. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

/**
 * The tables a merge reads from the copy (and `quick_check` checks there): its log, text updates,
 * people and attachments' contents. Its materialized tables and search index are never read: this
 * file's follow from the log.
 */
const COPY_READS = ['meta', 'report', 'organizations', 'members', 'change_log', 'section_updates', 'blobs', 'signatures'];

/** The tables a merge report counts changes in, by what a person calls them. */
export const KINDS: Record<string, keyof MergeSummary['changed']> = {
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

const LOG_COLUMNS = 'hlc, replica, author, tbl, row_id, col, value, prev_hlc';

/**
 * The change-log rows with these stamps (sorted), in stamp order; `all` is every stamp of the log,
 * sorted. The rows a copy lacks are mostly its newest: when they are at least half of those from
 * the first of them on, that range is read in order and the wanted ones taken as it goes by (some
 * twice as fast as looking each up).
 */
function logRows(db: DB, stamps: readonly string[], all: readonly string[]): LoggedChange[] {
  if (stamps.length === 0) return [];
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]! < stamps[0]!) lo = mid + 1;
    else hi = mid;
  }
  if (all.length - lo <= 2 * stamps.length) {
    const rows: LoggedChange[] = [];
    let next = 0;
    for (const row of db.prepare(`SELECT ${LOG_COLUMNS} FROM change_log WHERE hlc >= ? ORDER BY hlc`).iterate(stamps[0]) as IterableIterator<LoggedChange>) {
      while (next < stamps.length && stamps[next]! < row.hlc) next++;
      if (next < stamps.length && stamps[next] === row.hlc) rows.push(row);
    }
    // Stamps that sort differently here than in SQLite (they are refused later) are looked up.
    if (rows.length === stamps.length) return rows;
  }
  return logRowsByStamp(db, stamps);
}

function logRowsByStamp(db: DB, stamps: readonly string[]): LoggedChange[] {
  const rows: LoggedChange[] = [];
  // Iterating costs less than one large `all()` when there are many.
  for (const row of db
    .prepare(`SELECT ${LOG_COLUMNS} FROM change_log WHERE hlc IN (SELECT value FROM json_each(?)) ORDER BY hlc`)
    .iterate(JSON.stringify(stamps)) as IterableIterator<LoggedChange>) {
    rows.push(row);
  }
  return rows;
}

function meta(db: DB, key: string): string | null {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

/**
 * A section's text as one Yjs update, from the given updates (in order). They are applied to a
 * document in one transaction and the document encoded: for a copy holding a keystroke per update,
 * some five times faster than `Y.mergeUpdates` over hundreds of updates at once.
 */
function stateOf(updates: readonly Uint8Array[]): Uint8Array | null {
  if (updates.length === 0) return null;
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of updates) {
        try {
          Y.applyUpdate(doc, update);
        } catch {
          // One that cannot be read is held back by the merge, and left out of the text compared here.
        }
      }
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

/** Are the two paths one file (the same real path, or the same file on disk under two names)? */
export function sameFile(a: string, b: string): boolean {
  const real = (f: string) => {
    try {
      return fs.realpathSync(f);
    } catch {
      return path.resolve(f);
    }
  };
  if (real(a) === real(b)) return true;
  const sa = fs.statSync(a, { throwIfNoEntry: false });
  const sb = fs.statSync(b, { throwIfNoEntry: false });
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

export interface MergeOptions {
  /** Where backups go (the user's data folder's `backups`). */
  backupDir: string;
  now?: () => number;
  /**
   * The copy as the person knows it, said in messages and kept as where the merge came from: in
   * browser mode `otherFile` is the server's copy of the file they chose, whose folder they never saw.
   */
  shownAs?: string;
  /**
   * Saves a version of this file as it is before the copy's changes go in (named after the copy),
   * by this member: only when the copy brings something.
   */
  versionBy?: string;
  /**
   * The secretariat member merging, who confirms the signing keys the copy introduces for people
   * of this report (having checked their fingerprints with them): their changes are then applied
   * rather than held back until the keys are confirmed one by one.
   */
  confirmKeysBy?: string;
}

export function mergeCopy(report: OpenReport, otherFile: string, { backupDir, now = Date.now, shownAs, versionBy, confirmKeysBy }: MergeOptions): MergeSummary {
  const resolved = path.resolve(otherFile);
  const name = shownAs ? path.basename(shownAs.replace(/\\/g, '/')) : path.basename(resolved);
  const file = shownAs ? name : resolved;
  if (sameFile(resolved, report.path)) throw userError('mergeOwnFile');
  const db = report.db;
  return readReportFile(resolved, (other, { schemaVersion }) => {
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
    const incoming = logRows(other, missing, theirStamps);
    // This file's own changes since the copies parted, newest per field: only a field among these
    // can have been changed on both sides.
    const ownSince = new Map<string, { hlc: string; value: CellValue; author: string }>();
    for (const row of logRows(db, ownOnly, ourStamps)) ownSince.set(`${row.tbl}\u0000${row.row_id}\u0000${row.col}`, { hlc: row.hlc, value: row.value, author: row.author });
    const names = new Map(
      (other.prepare('SELECT m.id, m.name, o.name AS org FROM members m LEFT JOIN organizations o ON o.id = m.organization_id').all() as Array<{ id: string; name: string; org: string | null }>).map((m) => [m.id, m]),
    );
    const office = (author: string) => names.get(author)?.org ?? names.get(author)?.name ?? author;

    // Text: the copy's updates this file lacks (read-only so far). One with a stamp this file has
    // is the same update, unless folded (standing for several) and not the same bytes.
    const ourText = db.prepare('SELECT hlc, section_id AS sectionId, data FROM section_updates').all() as Array<{ hlc: string; sectionId: string; data: Buffer }>;
    const ourTextByStamp = new Map(ourText.map((t) => [t.hlc, t.data]));
    const theirAll = theirTextRows(other, schemaVersion);
    const theirTextByStamp = new Map(theirAll.map((t) => [t.hlc, t.data]));
    const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined) => !!a && !!b && Buffer.compare(a, b) === 0;
    const texts = textToTake(db, theirAll.filter((t) => !ourTextByStamp.has(t.hlc) || (t.folded && !sameBytes(ourTextByStamp.get(t.hlc), t.data))));

    // A clock far ahead would win every field for days: refused, naming the office.
    // Stamps sort by time, so the newest is the last; each is checked for its shape.
    for (const c of incoming) if (!isStamp(c.hlc)) throw userError('mergeBadStamp', { name });
    for (const t of texts) if (!isStamp(t.hlc)) throw userError('mergeBadStamp', { name });
    const newest = [incoming.at(-1), texts.at(-1)].filter((x) => x !== undefined).sort((a, b) => (a.hlc < b.hlc ? 1 : -1))[0];
    const ahead = newest ? parseStamp(newest.hlc)!.millis - now() : 0;
    if (ahead > MAX_CLOCK_AHEAD_MS) throw userError('mergeClockAhead', { name, office: office(newest!.author), minutes: Math.round(ahead / 60_000) });

    const textSections = [...new Set(texts.map((t) => t.sectionId))];
    const summary: MergeSummary = {
      file,
      offices: [],
      rows: incoming.length,
      changed: { sections: 0, comments: 0, recommendations: 0, inputs: 0, other: 0 },
      texts: textSections.length,
      bothEdited: [],
      conflicts: [],
      backup: '',
      held: [],
      released: 0,
      attachments: 0,
    };
    const blobsWanted = attachmentsMissing(db, other, incoming);
    if (incoming.length === 0 && texts.length === 0 && !blobsWanted) return summary;

    // Sections both copies wrote in since they parted: each side's text as they met, to compare,
    // where this file has updates the copy does not (elsewhere the copy's text holds all of this one's).
    const oursBeyond = new Set(ourText.filter((o) => !sameBytes(theirTextByStamp.get(o.hlc), o.data)).map((o) => o.sectionId));
    const compared = textSections.filter((id) => oursBeyond.has(id));
    const ourTextBefore = new Map(compared.map((id) => [id, stateOf(textUpdates(db, id))]));
    const theirText = new Map(compared.map((id) => [id, stateOf(theirAll.filter((t) => t.sectionId === id).map((t) => t.data))]));

    summary.backup = backUp(db, backupDir);
    if (versionBy) saveVersion(report, versionBy, 'merge', name);
    const mergeId = randomUUID();
    db.transaction(() => {
      // The copy's text updates, each stored as it came; one that cannot be read, or holds a node
      // type this app does not know, is held back at once; the others are judged with the rows.
      const byStamp = new Map(texts.map((t) => [t.hlc, t]));
      const judged: TextCandidate[] = [];
      const held: HeldChange[] = [];
      // The copy's signature records, with the rows they cover; a file that has no signing root yet
      // takes the copy's (the report's first secretariat key), as every office's file does.
      takeSignatures(db, other);
      report.log.signer?.forget();
      const theirRoots = roots(other);
      if (roots(db).length === 0 && theirRoots.length > 0) db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('signing_roots', ?)").run(JSON.stringify(theirRoots));
      if (confirmKeysBy) summary.keysConfirmed = confirmNewKeys(report, incoming, confirmKeysBy);
      for (const t of texts) {
        const problem = problemOf(t.data);
        if (!problem) {
          judged.push({ hlc: t.hlc, author: t.author, sectionId: t.sectionId, replica: t.replica, data: t.data });
          continue;
        }
        const h: HeldChange = { kind: 'text', hlc: t.hlc, reason: problem.key, params: problem.params ?? {} };
        report.log.held.hold(h);
        held.push(h);
      }
      // The rows, through the change log's path for copies (names checked against the schema
      // there), judged as of their stamps, with the text updates.
      const outcome = report.log.applyLoggedChanges(incoming, judged, annotationCheck(db, byStamp));
      held.push(...outcome.held);
      let released = outcome.released.length;
      storeTheirText(db, texts);
      // Whether each section's text integrates, where text came or verdicts on text changed.
      const affected = new Set([...textSections, ...outcome.held.filter((h) => h.kind === 'text').map((h) => sectionOfText(db, h.hlc)), ...outcome.released.map((h) => sectionOfText(db, h))]);
      affected.delete('');
      const settled = settleText(db, report.log.held, affected);
      for (const h of settled.held) held.push({ kind: 'text', hlc: h.hlc, reason: 'heldTextNeeds', params: {} });
      released += settled.released.length;
      summary.attachments = takeAttachments(db, other);
      for (const stamp of [incoming.at(-1)?.hlc, texts.at(-1)?.hlc]) if (stamp) report.clock.observe(stamp);
      summary.held = describeHeld(db, held, names);
      summary.released = released;
      summary.unsigned = report.log.lastUnsigned;

      // What the copy brought is what was applied: changes held back are listed apart.
      const heldNow = report.log.held;
      const applied = heldNow.changes.size ? incoming.filter((c) => !heldNow.changes.has(c.hlc)) : incoming;
      const appliedText = heldNow.texts.size ? texts.filter((t) => !heldNow.texts.has(t.hlc)) : texts;
      const authors = new Set([...new Set(applied.map((c) => c.author)), ...appliedText.map((t) => t.author)]);
      summary.offices = [...new Set([...authors].map(office))].sort();
      summary.texts = new Set(appliedText.map((t) => t.sectionId)).size;
      // Fields changed on both sides since the copies parted: this file has a change the other
      // lacks, and the other a change this file lacks, with different values.
      const rowsChanged = new Map<string, Set<string>>();
      const newestOfBoth = new Map<string, LoggedChange>();
      for (const c of applied) {
        const rows = rowsChanged.get(c.tbl);
        if (rows) rows.add(c.row_id);
        else rowsChanged.set(c.tbl, new Set([c.row_id]));
        if (ownSince.size === 0) continue;
        const cell = `${c.tbl}\u0000${c.row_id}\u0000${c.col}`;
        if (ownSince.has(cell)) newestOfBoth.set(cell, c); // the newest incoming (ordered by stamp)
      }
      for (const [tbl, rows] of rowsChanged) summary.changed[Object.hasOwn(KINDS, tbl) ? KINDS[tbl]! : 'other'] += rows.size;
      for (const [cell, c] of newestOfBoth) {
        const ours = ownSince.get(cell)!;
        if (ours.value === c.value || report.log.held.changes.has(ours.hlc)) continue;
        recordConflict(db, mergeId, summary, ours, c);
      }
      for (const id of compared) {
        const ours = ourTextBefore.get(id) ?? null;
        const theirs = theirText.get(id) ?? null;
        if (!appliedText.some((t) => t.sectionId === id) || !ours || !theirs || !holdsMore(ours, theirs) || !holdsMore(theirs, ours)) continue;
        // Both sides wrote in this section since they parted: keep both texts as they met.
        summary.bothEdited.push(id);
        const keep = db.prepare('INSERT INTO merge_revisions (id, merge_id, section_id, side, state) VALUES (?, ?, ?, ?, ?)');
        keep.run(randomUUID(), mergeId, id, 'local', ours);
        keep.run(randomUUID(), mergeId, id, 'other', theirs);
      }
      db.prepare('INSERT INTO merges (id, merged_at, file, summary) VALUES (?, ?, ?, ?)').run(mergeId, new Date(now()).toISOString(), file, JSON.stringify(summary));
    }).immediate();
    // What the merge wrote itself (keys confirmed) is signed now that it is committed.
    report.log.signer?.seal();
    return summary;
  }, { tables: COPY_READS });
}

/**
 * Confirms, by `by`, the signing keys the copy introduces for members of this report that are not
 * confirmed here: the merge's own changes, signed by `by`. Returns how many.
 */
/**
 * A field both sides changed since they parted, each to its own value: listed in the merge's
 * summary and kept in the file (merge_conflicts) until someone settles it.
 */
export function recordConflict(
  db: DB,
  mergeId: string,
  summary: Pick<MergeSummary, 'conflicts'>,
  ours: Pick<LoggedChange, 'value' | 'author' | 'hlc'>,
  theirs: LoggedChange,
): void {
  const conflict = {
    id: randomUUID(),
    table: theirs.tbl,
    row: theirs.row_id,
    column: theirs.col,
    local: { value: ours.value, author: ours.author, at: ours.hlc },
    other: { value: theirs.value, author: theirs.author, at: theirs.hlc },
    shown: ours.hlc > theirs.hlc ? ('local' as const) : ('other' as const),
  };
  summary.conflicts.push(conflict);
  prepared(
    db,
    `INSERT INTO merge_conflicts (id, merge_id, tbl, row_id, col, local_hlc, local_value, local_author, other_hlc, other_value, other_author)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(conflict.id, mergeId, theirs.tbl, theirs.row_id, theirs.col, ours.hlc, ours.value, ours.author, theirs.hlc, theirs.value, theirs.author);
}

function confirmNewKeys(report: OpenReport, incoming: readonly LoggedChange[], by: string): number {
  const members = new Set(report.db.prepare('SELECT id FROM members WHERE deleted = 0').pluck().all() as string[]);
  const confirmed = new Set(report.db.prepare('SELECT id FROM member_keys WHERE confirmed = 1').pluck().all() as string[]);
  const keys = new Set<string>();
  for (const c of incoming) {
    if (c.tbl === 'member_keys' && c.col === 'member_id' && typeof c.value === 'string' && members.has(c.value) && !confirmed.has(c.row_id) && /^[0-9a-f]{32}$/.test(c.row_id)) keys.add(c.row_id);
  }
  if (keys.size) report.log.write(by, [...keys].map((k) => ({ table: 'member_keys' as const, row: k, column: 'confirmed', value: 1 })));
  return keys.size;
}

/** Whether the copy brings attachments' contents this file lacks (for records here or in the copy). */
function attachmentsMissing(db: DB, other: DB, incoming: readonly LoggedChange[]): boolean {
  if (!other.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'blobs'").get()) return false;
  const wanted = new Set(db.prepare("SELECT DISTINCT value FROM change_log WHERE tbl = 'attachments' AND col = 'sha256' AND value NOT IN (SELECT sha256 FROM blobs)").pluck().all() as string[]);
  for (const c of incoming) if (c.tbl === 'attachments' && c.col === 'sha256' && typeof c.value === 'string') wanted.add(c.value);
  const has = other.prepare('SELECT 1 FROM blobs WHERE sha256 = ?');
  const ours = db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?');
  for (const sha of wanted) if (!ours.get(sha) && has.get(sha)) return true;
  return false;
}

function sectionOfText(db: DB, hlc: string): string {
  return (db.prepare('SELECT section_id FROM section_updates WHERE hlc = ?').pluck().get(hlc) as string | undefined) ?? '';
}

interface Held {
  table: string;
  row: string;
  column: string;
  author: string;
  value: CellValue;
}

/** The held changes as the merge report lists them: what, who it claims to be from (by the name either file has), when, why. */
function describeHeld(db: DB, held: readonly HeldChange[], theirNames: ReadonlyMap<string, { name: string }>): HeldBack[] {
  const ourNames = new Map((db.prepare('SELECT id, name FROM members').all() as Array<{ id: string; name: string }>).map((m) => [m.id, m.name]));
  const seen = new Set<string>();
  const out: HeldBack[] = [];
  for (const h of held) {
    if (seen.has(`${h.kind}:${h.hlc}`)) continue;
    seen.add(`${h.kind}:${h.hlc}`);
    const row =
      h.kind === 'change'
        ? (db.prepare('SELECT tbl AS "table", row_id AS row, col AS "column", author, value FROM change_log WHERE hlc = ?').get(h.hlc) as Held | undefined)
        : (db.prepare("SELECT 'sections' AS \"table\", section_id AS row, '' AS \"column\", author, NULL AS value FROM section_updates WHERE hlc = ?").get(h.hlc) as Held | undefined);
    if (!row) continue;
    out.push({
      kind: h.kind,
      table: row.table,
      row: row.row,
      column: row.column,
      authorName: ourNames.get(row.author) ?? theirNames.get(row.author)?.name ?? row.author,
      at: h.hlc.slice(0, 24),
      value: typeof row.value === 'string' ? row.value.slice(0, 500) : row.value,
      reason: h.reason,
      params: h.params,
    });
  }
  return out;
}
