// Taking in rows that came over the network, on the server and in an office's app alike: the same
// path as merging a copy (electron/sync/merge.ts), with its pieces. The change-log rows go through
// the change log's path for copies (judged by the write policy as of their stamps, the refused
// ones held back), the text updates are checked and judged with them and settled
// (electron/sync/merge-text.ts), attached files' contents are taken when they match their hash.
// Rows already here are skipped, so taking the same rows twice changes nothing. After the two ends
// were apart (an office offline), fields and texts changed on both sides are recorded as a merge
// records them (the merge list shows them, to keep one or write a third).
import { createHash, randomUUID } from 'node:crypto';
import type { ApiEvent, MergeSummary } from '../../shared/api.js';
import { base64ToBytes, bytesToBase64 } from '../../shared/base64.js';
import { userError } from '../../shared/messages.js';
import { mergeStored } from '../docs/headless.js';
import { textUpdates } from '../docs/section-text.js';
import { docOf } from '../docs/text-check.js';
import type { OpenReport } from '../store/open-report.js';
import type { HeldChange, LoggedChange, TextCandidate } from '../sync/changes.js';
import { isStamp, parseStamp } from '../sync/hlc.js';
import { hasSigning, RECORD_COLUMNS, SIGNATURE_REASONS } from '../sync/signing.js';
import { KINDS, MAX_CLOCK_AHEAD_MS, recordConflict } from '../sync/merge.js';
import { annotationCheck, contributes, problemOf, settleText, storeTheirText, textToTake, type TheirText } from '../sync/merge-text.js';
import type { WireRows } from './protocol.js';

/** What taking a batch did. */
export interface Taken {
  /** Change-log rows newly stored here (held back or not): to pass on. */
  changes: LoggedChange[];
  /** Text updates newly stored here. */
  texts: TheirText[];
  /** Changes and text updates newly held back. */
  held: HeldChange[];
  /** Fields changed on both sides while apart, recorded as conflicts. */
  conflicts: number;
  /** Sections whose text both sides changed while apart (both texts kept for review). */
  bothEdited: string[];
}

/** This file's rows the other end lacked when they met again (what was done here while apart). */
export interface Apart {
  changes: readonly LoggedChange[];
  texts: readonly { hlc: string; sectionId: string }[];
}

export interface TakeOptions {
  /** Where the rows came from, in messages and in the merge list ("the office server at …"). */
  from: string;
  now?: () => number;
  /** Given when the rows come after the two ends were apart: what this end did meanwhile. */
  apart?: Apart | null;
  /**
   * On the office server: the signing keys that `keysOf` (the member the connection acts as, which
   * its invitation proves) introduces are confirmed at once by this secretariat member, as the
   * secretariat merging a copy confirms those the copy introduces.
   */
  confirm?: { keysOf: string; by: string } | null;
}

type Shown = Extract<ApiEvent, { kind: 'changed' }>['what'][number];

/** The tables an event names, by what a window shows. */
const SHOWN_AS: Record<string, Shown> = {
  report: 'report',
  organizations: 'organizations',
  members: 'members',
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


/** Decodes a batch as it came; throws a message when it cannot be read. */
function decode(wire: WireRows, from: string): { changes: LoggedChange[]; texts: TheirText[]; blobs: Array<{ sha256: string; data: Uint8Array }>; signatures: Array<Record<string, unknown>> } {
  try {
    const changes = wire.changes.map((c) => ({ ...c })).sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
    const texts = wire.texts.map((t, i): TheirText => ({ seq: i, hlc: t.hlc, sectionId: t.section, replica: t.replica, author: t.author, folded: t.folded, data: base64ToBytes(t.data) }));
    const blobs = wire.blobs.map((b) => ({ sha256: b.sha256, data: base64ToBytes(b.data) }));
    const signatures = wire.signatures.map((r) => ({ ...r, signature: Buffer.from(base64ToBytes(String(r.signature))) }));
    return { changes, texts, blobs, signatures };
  } catch {
    throw userError('networkGarbled', { name: from });
  }
}

/** Takes in a batch of rows from the network. Throws (storing nothing) for a stamp unreadable or far ahead. */
export function takeRows(report: OpenReport, wire: WireRows, { from, now = Date.now, apart = null, confirm = null }: TakeOptions): Taken {
  const { db } = report;
  const batch = decode(wire, from);
  for (const r of [...batch.changes, ...batch.texts]) if (!isStamp(r.hlc)) throw userError('mergeBadStamp', { name: from });
  let newest: { hlc: string; author: string } | null = null;
  for (const r of [...batch.changes, ...batch.texts]) if (!newest || r.hlc > newest.hlc) newest = r;
  const ahead = newest ? parseStamp(newest.hlc)!.millis - now() : 0;
  if (ahead > MAX_CLOCK_AHEAD_MS) throw userError('mergeClockAhead', { name: from, office: officeOf(report, newest!.author), minutes: Math.round(ahead / 60_000) });

  // What is not here yet: a change with a stamp this file lacks; a text update likewise, or a folded
  // one (standing for several) that holds something this file's text does not.
  const hasChange = db.prepare('SELECT 1 FROM change_log WHERE hlc = ?').pluck();
  const storedText = db.prepare('SELECT data FROM section_updates WHERE hlc = ?').pluck();
  const incoming = batch.changes.filter((c) => hasChange.get(c.hlc) === undefined);
  const texts = textToTake(
    db,
    batch.texts.filter((t) => {
      const here = storedText.get(t.hlc) as Uint8Array | undefined;
      return !here || (t.folded && Buffer.compare(here, t.data) !== 0);
    }),
  );
  const taken: Taken = { changes: incoming, texts, held: [], conflicts: 0, bothEdited: [] };
  const blobsWanted = batch.blobs.filter((b) => createHash('sha256').update(b.data).digest('hex') === b.sha256);
  if (incoming.length === 0 && texts.length === 0) {
    storeBlobs(report, blobsWanted);
    return taken;
  }

  const textSections = [...new Set(texts.map((t) => t.sectionId))];
  // After being apart: each side's text of the sections both wrote in, as they met.
  const ownTexts = new Set(apart?.texts.map((t) => t.hlc) ?? []);
  const compared = apart ? textSections.filter((id) => apart.texts.some((t) => t.sectionId === id)) : [];
  const before = new Map(compared.map((id) => [id, mergeStored(textUpdates(db, id))]));
  const theirs = new Map(
    compared.map((id) => {
      const common = db.prepare('SELECT hlc, data FROM section_updates WHERE section_id = ? ORDER BY seq').all(id) as Array<{ hlc: string; data: Uint8Array }>;
      return [id, mergeStored([...common.filter((r) => !ownTexts.has(r.hlc)).map((r) => r.data), ...texts.filter((t) => t.sectionId === id).map((t) => t.data)])];
    }),
  );

  db.transaction(() => {
    // The signature records first: the rows are judged with them (as a merge takes the copy's).
    const records = storeSignatures(report, batch.signatures);
    if (confirm) confirmKeys(report, incoming, confirm);
    const byStamp = new Map(texts.map((t) => [t.hlc, t]));
    const judged: TextCandidate[] = [];
    for (const t of texts) {
      const problem = problemOf(t.data);
      if (!problem) {
        judged.push({ hlc: t.hlc, author: t.author, sectionId: t.sectionId, replica: t.replica, data: t.data });
        continue;
      }
      const h: HeldChange = { kind: 'text', hlc: t.hlc, reason: problem.key, params: problem.params ?? {} };
      report.log.held.hold(h);
      taken.held.push(h);
    }
    const outcome = report.log.applyLoggedChanges(incoming, judged, annotationCheck(db, byStamp));
    taken.held.push(...outcome.held);
    storeTheirText(db, texts);
    const sectionOf = db.prepare('SELECT section_id FROM section_updates WHERE hlc = ?').pluck();
    const affected = new Set([
      ...textSections,
      ...outcome.held.filter((h) => h.kind === 'text').map((h) => sectionOf.get(h.hlc) as string | undefined),
      ...outcome.released.map((h) => sectionOf.get(h) as string | undefined),
    ]);
    affected.delete(undefined);
    const settled = settleText(db, report.log.held, affected as Set<string>);
    for (const h of settled.held) taken.held.push({ kind: 'text', hlc: h.hlc, reason: 'heldTextNeeds', params: {} });
    // Records that came after the rows they cover (a record extended since, or sealed late): what
    // was held back for want of them is judged again.
    if (records && report.db.prepare(`SELECT 1 FROM held_changes WHERE reason IN (${[...SIGNATURE_REASONS].map(() => '?').join(', ')}) LIMIT 1`).get(...SIGNATURE_REASONS)) {
      const again = report.log.rejudgeSignatures();
      taken.held.push(...again.held);
    }
    storeBlobs(report, blobsWanted);
    if (newest) report.clock.observe(newest.hlc);
    if (apart) recordMeeting(report, taken, apart, { from, now, before, theirs, compared });
  }).immediate();

  tell(report, taken);
  return taken;
}

/**
 * Signature records as they came (one that does not fit the table is as if it were not there; one
 * here unsealed takes the signature that came). Returns how many are new here.
 */
function storeSignatures(report: OpenReport, records: ReadonlyArray<Record<string, unknown>>): number {
  if (records.length === 0 || !hasSigning(report.db)) return 0;
  const columns = RECORD_COLUMNS.split(',').map((c) => c.trim());
  const put = report.db.prepare(
    `INSERT INTO signatures (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
     ON CONFLICT (hash) DO UPDATE SET signature = excluded.signature WHERE length(signatures.signature) = 0 AND length(excluded.signature) > 0`,
  );
  let taken = 0;
  for (const r of records) {
    try {
      taken += put.run(...columns.map((c) => r[c] ?? '')).changes;
    } catch {
      // Not the shape of a record.
    }
  }
  report.log.signer?.forget();
  return taken;
}

/** Confirms the keys the connection's own member introduces, not confirmed yet (see `TakeOptions.confirm`). */
function confirmKeys(report: OpenReport, incoming: readonly LoggedChange[], { keysOf, by }: { keysOf: string; by: string }): void {
  if (!hasSigning(report.db)) return;
  const confirmed = new Set(report.db.prepare('SELECT id FROM member_keys WHERE confirmed = 1').pluck().all() as string[]);
  const keys = new Set<string>();
  for (const c of incoming) {
    if (c.tbl === 'member_keys' && c.col === 'member_id' && c.value === keysOf && c.author === keysOf && !confirmed.has(c.row_id) && /^[0-9a-f]{32}$/.test(c.row_id)) keys.add(c.row_id);
  }
  if (keys.size) report.log.write(by, [...keys].map((k) => ({ table: 'member_keys' as const, row: k, column: 'confirmed', value: 1 })));
}

/** The contents of attached files, each checked against its hash already. */
function storeBlobs(report: OpenReport, blobs: ReadonlyArray<{ sha256: string; data: Uint8Array }>): void {
  const put = report.db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)');
  for (const b of blobs) put.run(b.sha256, b.data.length, b.data);
}

function officeOf(report: OpenReport, author: string): string {
  const m = report.db.prepare('SELECT m.name, o.name AS org FROM members m LEFT JOIN organizations o ON o.id = m.organization_id WHERE m.id = ?').get(author) as
    | { name: string; org: string | null }
    | undefined;
  return m?.org ?? m?.name ?? author;
}

/** Does `from` hold anything (inserts or deletions) that `to` lacks? */
function holdsMore(from: Uint8Array, to: Uint8Array): boolean {
  const doc = docOf(to);
  try {
    return contributes(doc, from);
  } finally {
    doc.destroy();
  }
}

/**
 * After being apart, as a merge records it: fields changed on both sides (the newest of each side,
 * with different values) as conflicts, sections whose text both changed with each side's text.
 * Listed in the merge list as coming from `from`.
 */
function recordMeeting(
  report: OpenReport,
  taken: Taken,
  apart: Apart,
  ctx: { from: string; now: () => number; before: Map<string, Uint8Array>; theirs: Map<string, Uint8Array>; compared: string[] },
): void {
  const { db } = report;
  const held = report.log.held;
  const applied = taken.changes.filter((c) => !held.changes.has(c.hlc));
  const appliedText = taken.texts.filter((t) => !held.texts.has(t.hlc));
  if (applied.length === 0 && appliedText.length === 0) return;
  const mergeId = randomUUID();
  const summary: MergeSummary = {
    file: ctx.from,
    offices: [...new Set([...applied, ...appliedText].map((r) => officeOf(report, r.author)))].sort(),
    rows: taken.changes.length,
    changed: { sections: 0, comments: 0, recommendations: 0, inputs: 0, other: 0 },
    texts: new Set(appliedText.map((t) => t.sectionId)).size,
    bothEdited: [],
    conflicts: [],
    backup: '',
    held: [],
    released: 0,
    attachments: 0,
  };
  const rows = new Map<string, Set<string>>();
  for (const c of applied) rows.set(c.tbl, (rows.get(c.tbl) ?? new Set()).add(c.row_id));
  for (const [tbl, ids] of rows) summary.changed[Object.hasOwn(KINDS, tbl) ? KINDS[tbl]! : 'other'] += ids.size;

  const ours = new Map<string, LoggedChange>();
  for (const c of apart.changes) ours.set(`${c.tbl}\u0000${c.row_id}\u0000${c.col}`, c);
  const newestOfBoth = new Map<string, LoggedChange>();
  for (const c of applied) {
    const cell = `${c.tbl}\u0000${c.row_id}\u0000${c.col}`;
    if (ours.has(cell)) newestOfBoth.set(cell, c);
  }
  for (const [cell, c] of newestOfBoth) {
    const mine = ours.get(cell)!;
    if (mine.value === c.value || held.changes.has(mine.hlc)) continue;
    recordConflict(db, mergeId, summary, mine, c);
  }
  const keepRevision = db.prepare('INSERT INTO merge_revisions (id, merge_id, section_id, side, state) VALUES (?, ?, ?, ?, ?)');
  for (const id of ctx.compared) {
    const mine = ctx.before.get(id)!;
    const theirs = ctx.theirs.get(id)!;
    if (!appliedText.some((t) => t.sectionId === id) || !holdsMore(mine, theirs) || !holdsMore(theirs, mine)) continue;
    summary.bothEdited.push(id);
    keepRevision.run(randomUUID(), mergeId, id, 'local', mine);
    keepRevision.run(randomUUID(), mergeId, id, 'other', theirs);
  }
  taken.conflicts = summary.conflicts.length;
  taken.bothEdited = summary.bothEdited;
  db.prepare('INSERT INTO merges (id, merged_at, file, summary) VALUES (?, ?, ?, ?)').run(mergeId, new Date(ctx.now()).toISOString(), ctx.from, JSON.stringify(summary));
}

/** Tells the windows and tabs what changed: each text update that now shows, and the kinds of rows. */
function tell(report: OpenReport, taken: Taken): void {
  const held = report.log.held;
  const what = new Set<Shown>();
  for (const c of taken.changes) if (!held.changes.has(c.hlc)) what.add(Object.hasOwn(SHOWN_AS, c.tbl) ? SHOWN_AS[c.tbl]! : 'report');
  for (const t of taken.texts) {
    if (held.texts.has(t.hlc)) continue;
    report.emit({ kind: 'text', sectionId: t.sectionId, update: bytesToBase64(t.data), origin: 'network' });
  }
  if (taken.texts.length) {
    what.add('words');
    report.scheduleRecount();
  }
  if (what.size) report.emit({ kind: 'changed', what: [...what] });
}
