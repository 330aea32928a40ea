// The one write path for structured data. A change is a cell: (table, row, column, value). It is
// appended to the change log with a clock stamp and applied to the materialized table in the same
// transaction, last writer wins per cell by stamp, after the write policy has judged it
// (./policy.ts: shared/policy.ts as of the change's stamp).
// - A change made here (`write`) is judged against the report as it is now; one the policy refuses
//   refuses the whole batch, with the message that says why, and nothing is written.
// - Changes from a copy (`applyLoggedChanges`) are stored as they came, every one, then judged in
//   stamp order as of each one's stamp: one the policy refuses, or that names a field this app does
//   not know, is held back: kept in the log, listed in `held_changes`, never applied. When a
//   change that decides others' rights (a role, a section's lead, who made a row) arrives older
//   than changes already here, those are judged again from its stamp, so what is held back depends
//   only on the set of changes, never on the order they were merged in: a later copy that brings
//   a missing role change releases what it held back.
// Names are checked against the description (shared/synced.ts) before any SQL is built with them.
import type { Statement, Transaction } from 'better-sqlite3';
import { formatMessage, userError, type Message, type MessageKey, type MessageParams } from '../../shared/messages.js';
import { columnDefault } from '../../shared/synced.js';
import { SYNCED_TABLES, columnType, isSyncedTable, valueFits, type CellValue, type SyncedTable } from '../store/schema.js';
import type { DB } from '../store/open.js';
import { isStamp, type Clock } from './hlc.js';
import { CurrentView, LogView, judge, judgeTextAt } from './policy.js';
import { closedByStatus } from '../../shared/permissions.js';
import { currentKeyStore, hasSigning, SIGNATURE_REASONS, Signer, SignatureJudge } from './signing.js';
import { annotationCheck } from './merge-text.js';

export interface Change {
  table: SyncedTable;
  row: string;
  column: string;
  value: CellValue;
}

export interface LoggedChange {
  hlc: string;
  replica: string;
  author: string;
  tbl: string;
  row_id: string;
  col: string;
  value: CellValue;
  prev_hlc: string | null;
}

/** A change or a text update held back, and why. */
export interface HeldChange {
  kind: 'change' | 'text';
  hlc: string;
  reason: MessageKey;
  params: MessageParams;
}

/** What applying changes from a copy did. */
export interface Applied {
  /** Cells of the materialized tables written. */
  written: number;
  /** Changes newly held back (this batch's, and earlier ones judged again). */
  held: HeldChange[];
  /** Changes held back before and applied now. */
  released: string[];
}

/** A text update to judge with the change-log rows (see `TextJudge`). */
export interface TextCandidate {
  hlc: string;
  author: string;
  sectionId: string;
  /** Its replica and bytes, when it is not stored yet (a merge stores a copy's text after judging it). */
  replica?: string;
  data?: Uint8Array;
}

/**
 * For the text updates of a merge: whether an update by someone who may only mark passages (a
 * reviewer's comment anchor) changes nothing but marks. Given by the caller, who has the text.
 */
export type AnnotationCheck = (candidate: TextCandidate) => boolean;

/** Log rows per multi-row INSERT (8 parameters each, well under SQLite's 32,766). */
const INSERT_CHUNK = 100;
/** Upsert statements kept, one per table and set of columns won. */
const UPSERTS_KEPT = 256;
/** A batch writing this many columns of one row reads the row's stamps in one range, else cell by cell. */
const WHOLE_ROW_FROM = 4;
/** Cells whose newest stamp is kept from the writes here (`NewestWritten`) before it starts again. */
const NEWEST_KEPT = 50_000;

/**
 * The cells the policy reads to judge changes (who someone is, what a row belongs to): a change
 * to one of them, arriving older than changes already here, may change how those are judged.
 */
const DECIDING = new Set([
  'members.role',
  'members.organization_id',
  'members.deleted',
  'sections.lead_organization_id',
  'sections.parent_id',
  'sections.deleted',
  'comments.section_id',
  'comment_replies.comment_id',
  'recommendations.responsible_organization_id',
  'recommendation_notes.recommendation_id',
  'section_recommendations.section_id',
  'paragraph_settlements.section_id',
]);

/** The changes and text updates held back, in the file and in memory (there are few). */
export class HeldChanges {
  /** Stamps of change-log rows held back. */
  readonly changes = new Set<string>();
  /** Stamps of text updates held back. */
  readonly texts = new Set<string>();
  /** Counts the holds and releases: what was read knowing the held changes is stale once it moved. */
  revision = 0;
  private readonly put: Statement;
  private readonly drop: Statement;

  constructor(private readonly db: DB) {
    for (const r of db.prepare('SELECT kind, hlc FROM held_changes').all() as Array<{ kind: string; hlc: string }>) {
      (r.kind === 'text' ? this.texts : this.changes).add(r.hlc);
    }
    this.put = db.prepare('INSERT OR REPLACE INTO held_changes (kind, hlc, reason, params) VALUES (?, ?, ?, ?)');
    this.drop = db.prepare('DELETE FROM held_changes WHERE kind = ? AND hlc = ?');
  }

  set(kind: 'change' | 'text'): Set<string> {
    return kind === 'text' ? this.texts : this.changes;
  }

  hold(h: HeldChange): void {
    this.revision++;
    this.set(h.kind).add(h.hlc);
    this.put.run(h.kind, h.hlc, h.reason, JSON.stringify(h.params));
  }

  release(kind: 'change' | 'text', hlc: string): void {
    this.revision++;
    this.set(kind).delete(hlc);
    this.drop.run(kind, hlc);
  }

  /** The held changes with their reasons, newest first. */
  list(): HeldChange[] {
    return (this.db.prepare('SELECT kind, hlc, reason, params FROM held_changes ORDER BY hlc DESC').all() as Array<{ kind: 'change' | 'text'; hlc: string; reason: MessageKey; params: string }>).map(
      (r) => ({ kind: r.kind, hlc: r.hlc, reason: r.reason, params: JSON.parse(r.params) as MessageParams }),
    );
  }
}

/** Why a change from a copy cannot even be judged: a field this app does not know, or a value it cannot hold. */
function unreadable(c: LoggedChange): Message | null {
  if (!isStamp(c.hlc)) return { key: 'heldBadStamp' };
  if (!columnType(c.tbl, c.col)) return { key: 'unknownField', params: { field: `${c.tbl}.${c.col}` } };
  if (!valueFits(c.tbl, c.col, c.value)) return { key: 'wrongKind', params: { field: `${c.tbl}.${c.col}` } };
  if (typeof c.author !== 'string' || typeof c.row_id !== 'string' || c.row_id.length > 200) return { key: 'wrongKind', params: { field: `${c.tbl}.${c.col}` } };
  return null;
}

const NONE_WRITTEN: ReadonlyMap<string, string> = new Map();

/**
 * The newest stamp of each cell written here, so that a cell written again (a bulk edit, an import:
 * many writes in one transaction) finds the stamp its change follows without a seek in the log's
 * index. Kept only while that is certain: nothing but this log writes the change log, every write
 * from a copy forgets it (`forget`), and it is forgotten when the held changes moved, when another
 * connection committed to the file (`PRAGMA data_version`), or when the last row written here is no
 * longer in the log (a savepoint undone takes back the newest writes first, so while that row is
 * there every earlier one is too).
 */
class NewestWritten {
  private readonly stamps = new Map<string, string>();
  private lastWritten: string | null = null;
  private dataVersion: unknown = null;
  private heldRevision = -1;
  private readonly version: Statement;
  private readonly logged: Statement;

  constructor(
    db: DB,
    private readonly held: HeldChanges,
  ) {
    this.version = db.prepare('PRAGMA data_version').pluck();
    this.logged = db.prepare('SELECT 1 FROM change_log WHERE hlc = ?').pluck();
  }

  /** The kept stamps, once checked (forgotten when they may be stale); empty when there are none. */
  current(): ReadonlyMap<string, string> {
    if (this.lastWritten === null) return this.stamps;
    if (this.held.revision !== this.heldRevision || this.version.get() !== this.dataVersion || this.logged.get(this.lastWritten) === undefined) this.forget();
    return this.stamps;
  }

  /**
   * After a write here (checked with `current` before it): each cell's new newest stamp (keyed table
   * NUL row NUL column; null: not known), and the stamp of the last row written.
   */
  wrote(cells: ReadonlyArray<[string, string | null]>, last: string): void {
    if (this.lastWritten === null) {
      this.dataVersion = this.version.get();
      this.heldRevision = this.held.revision;
    }
    if (this.stamps.size + cells.length > NEWEST_KEPT) this.stamps.clear();
    for (const [cell, hlc] of cells) {
      if (hlc === null) this.stamps.delete(cell);
      else this.stamps.set(cell, hlc);
    }
    this.lastWritten = last;
  }

  forget(): void {
    this.stamps.clear();
    this.lastWritten = null;
  }
}

export class ChangeLog {
  readonly held: HeldChanges;
  /** The signing of what is written here, and the judging of signatures of what comes (null in a file from before signing). */
  readonly signer: Signer | null;
  /** Changes accepted in the last judging run as unsigned history (made before their author signed). */
  lastUnsigned = 0;
  private readonly insertLogs = new Map<number, Statement>();
  private readonly insertFresh = new Map<number, Statement>();
  private readonly rowStamps: Statement;
  private readonly cellStamps: Statement;
  private readonly cellHistory: Statement;
  private readonly searchThrough: Statement;
  private readonly searchPending: Statement;
  private readonly upserts = new Map<string, Statement>();
  private readonly newestWritten: NewestWritten;
  /** The newest stamp in the log: a change from a copy stamped before it may change how others are judged. */
  private newest: string;
  /** The two write paths, each in a transaction of its own (a savepoint inside another), made once. */
  private readonly local: Transaction<(author: string, changes: readonly Change[]) => void>;
  private readonly storeAll: Transaction<(changes: readonly LoggedChange[]) => void>;
  private readonly foreign: Transaction<(changes: readonly LoggedChange[], texts: readonly TextCandidate[], annotationOnly: AnnotationCheck, forceFrom?: string) => Applied>;

  constructor(
    private readonly db: DB,
    private readonly clock: Clock,
  ) {
    this.held = new HeldChanges(db);
    this.newestWritten = new NewestWritten(db, this.held);
    this.signer = hasSigning(db) ? new Signer(db, currentKeyStore()) : null;
    // Records an earlier run made and did not get to sign (it stopped first) are signed now.
    if (this.signer && !db.readonly) this.signer.seal(true);
    this.storeAll = db.transaction((changes: readonly LoggedChange[]) => {
      let inserted = 0;
      for (let i = 0; i < changes.length; i += INSERT_CHUNK) {
        const chunk = changes.slice(i, i + INSERT_CHUNK);
        const params: unknown[] = [];
        for (const c of chunk) params.push(c.hlc, c.replica, c.author, c.tbl, c.row_id, c.col, c.value, c.prev_hlc);
        inserted += this.insertIgnoring(chunk.length).run(params).changes;
      }
      if (inserted !== changes.length) throw new AlreadyLogged();
    });
    this.local = db.transaction((author: string, changes: readonly Change[]) => this.writeJudged(author, changes));
    this.foreign = db.transaction((changes: readonly LoggedChange[], texts: readonly TextCandidate[], annotationOnly: AnnotationCheck, forceFrom?: string) =>
      this.applyForeign(changes, texts, annotationOnly, forceFrom),
    );
    this.rowStamps = db.prepare(
      'SELECT row_id, col, max(hlc) AS hlc FROM change_log WHERE tbl = ? AND row_id IN (SELECT value FROM json_each(?)) GROUP BY row_id, col',
    );
    // The newest stamp of one cell, found by the cell index (no scan of the row's history).
    this.cellStamps = db.prepare('SELECT max(hlc) FROM change_log WHERE tbl = ? AND row_id = ? AND col = ?').pluck();
    this.cellHistory = db.prepare('SELECT hlc, value FROM change_log WHERE tbl = ? AND row_id = ? AND col = ? ORDER BY hlc DESC');
    this.searchThrough = db.prepare("SELECT value FROM search_state WHERE key = 'through'").pluck();
    this.searchPending = db.prepare('INSERT OR IGNORE INTO search_pending (tbl, row_id) VALUES (?, ?)');
    const newest = db.prepare('SELECT max(hlc) AS hlc FROM change_log').get() as { hlc: string | null };
    this.newest = newest.hlc ?? '';
    if (newest.hlc) clock.observe(newest.hlc);
  }

  /**
   * Writes changes made here by `author` in one transaction, each judged by the policy against the
   * report as it is now (and the batch's earlier changes): the first one refused throws its
   * message, and nothing is written.
   */
  write(author: string, changes: readonly Change[]): void {
    if (changes.length === 0) return;
    for (const c of changes) {
      if (!columnType(c.table, c.column)) throw userError('unknownField', { field: `${c.table}.${c.column}` });
      if (!valueFits(c.table, c.column, c.value)) throw userError('wrongKind', { field: `${c.table}.${c.column}` });
    }
    const inside = this.db.inTransaction;
    // Signed in the write's own transaction, or, inside a larger one, once that is over.
    this.sealNow = !inside;
    this.local.immediate(author, changes);
    this.sealAfter(inside);
  }

  /** Whether the write under way signs its record at once (it is not part of a larger transaction). */
  private sealNow = false;

  /** Signs what was just written: now, or once the transaction it is part of is over. */
  sealAfter(insideAnother: boolean): void {
    if (this.signer && insideAnother) this.signer.sealSoon();
  }

  private writeJudged(author: string, given: readonly Change[]): void {
    const view = new CurrentView(this.db, this.held.changes);
    // The author's key on this machine, recorded in the report with their first change here.
    const key = this.signer?.keyFor(author) ?? null;
    const keyChanges = key ? this.signer!.keyRecord(key, () => view.actor(author)?.role === 'secretariat' || !view.hasSecretariat()) : [];
    const changes = keyChanges.length ? [...keyChanges, ...given] : given;
    changes.forEach((c, i) => {
      const denied = judge(view, c, author);
      if (denied) throw userError(denied.key, denied.params);
      // Laid over the tables for the changes after it in the batch.
      if (i < changes.length - 1) view.lay(c.table, c.row, c.column, c.value, author);
    });
    const logged = changes.map((c) => ({
      hlc: this.clock.tick(),
      replica: this.clock.replica,
      author,
      tbl: c.table,
      row_id: c.row,
      col: c.column,
      value: c.value,
      prev_hlc: null,
    }));
    this.writeLocal(logged);
    if (key) {
      this.signer!.signChanges(key, logged, this.sealNow);
      if (keyChanges.length) this.signer!.recordedKey(key, keyChanges);
      // A key confirmed (or withdrawn) here: what was held back for it is judged again.
      if (changes.some((c) => c.table === 'member_keys' && c.column !== 'public_key')) this.rejudgeSignatures();
    }
  }

  /**
   * Records the author's key in the report before their first text update here (a batch of its own),
   * and gives it, to sign the update with. Null in a file from before signing.
   */
  keyForText(author: string): import('./signing.js').SigningKey | null {
    if (!this.signer) return null;
    const key = this.signer.keyFor(author);
    const view = new CurrentView(this.db, this.held.changes);
    // A batch of the key's row alone (writeJudged adds it to the changes it is given, here none).
    if (this.signer.keyRecord(key, view.actor(author)?.role === 'secretariat' || !view.hasSecretariat()).length) {
      const inside = this.db.inTransaction;
      this.sealNow = !inside;
      this.local.immediate(author, []);
      this.sealAfter(inside);
    }
    return key;
  }

  /** Judges again everything held back for its signature (a key was confirmed or withdrawn). */
  rejudgeSignatures(): Applied {
    const from = this.db
      .prepare(`SELECT min(hlc) FROM held_changes WHERE reason IN (${[...SIGNATURE_REASONS].map(() => '?').join(', ')})`)
      .pluck()
      .get(...SIGNATURE_REASONS) as string | null;
    if (!from) return { written: 0, held: [], released: [] };
    return this.foreign.immediate([], [], annotationCheck(this.db, new Map()), from);
  }

  /** One change from a copy: true when the materialized table changed. */
  applyLoggedChange(change: LoggedChange): boolean {
    return this.applyLoggedChanges([change]).written > 0;
  }

  /**
   * Stores change-log rows from a copy (those not already here, exactly as they came), judges them
   * as of their stamps and applies those the policy allows, last writer wins per cell; the others
   * are held back. `texts` are text updates stored with them, judged in the same run (their
   * verdicts are in `held` with kind 'text'); `annotationOnly` checks those whose author may only
   * mark passages.
   */
  applyLoggedChanges(changes: readonly LoggedChange[], texts: readonly TextCandidate[] = [], annotationOnly: AnnotationCheck = () => false): Applied {
    return this.foreign.immediate(changes, texts, annotationOnly);
  }

  private applyForeign(changes: readonly LoggedChange[], texts: readonly TextCandidate[], annotationOnly: AnnotationCheck, forceFrom?: string): Applied {
    this.newestWritten.forget();
    // Each cell's newest stamp before these came (read before they are in the log's index, where
    // finding them would cost more than the rest of the reading).
    const rowsIn = this.byRow(changes);
    const before = changes.length ? this.currentStamps(rowsIn) : new Map<string, Map<string, string>>();
    const fresh = this.store(changes);
    // A text update already here was judged as of its stamp too: a change older than it (a role,
    // a lead) must have it judged again, as must one older than the newest change-log row.
    const newestText = (this.db.prepare('SELECT max(hlc) FROM section_updates').pluck().get() as string | null) ?? '';
    const newestBefore = this.newest > newestText ? this.newest : newestText;
    for (const c of fresh) if (c.hlc > this.newest && isStamp(c.hlc)) this.newest = c.hlc;
    const outcome: Applied = { written: 0, held: [], released: [] };
    if (fresh.length === 0 && texts.length === 0 && !forceFrom) return outcome;

    // From where judging must run again: the oldest fresh change that decides others' rights (or
    // makes a row) and is older than what was here.
    let from: string | null = null;
    for (const c of fresh) {
      if (c.hlc >= newestBefore || (from !== null && c.hlc >= from) || unreadable(c)) continue;
      if (DECIDING.has(`${c.tbl}.${c.col}`) || this.makesRow(c)) from = c.hlc;
    }
    if (forceFrom && (from === null || forceFrom < from)) from = forceFrom;
    // A key confirmed or withdrawn, or recorded, by this copy: what is held back for signatures is judged again.
    if (this.signer && fresh.some((c) => c.tbl === 'member_keys')) {
      const heldFrom = this.db
        .prepare(`SELECT min(hlc) FROM held_changes WHERE reason IN (${[...SIGNATURE_REASONS].map(() => '?').join(', ')})`)
        .pluck()
        .get(...SIGNATURE_REASONS) as string | null;
      if (heldFrom && (from === null || heldFrom < from)) from = heldFrom;
    }
    // Everything to judge, in stamp order (each list is in stamp order already).
    const freshStamps = from === null ? null : new Set(fresh.map((c) => c.hlc));
    const again = from === null ? [] : (this.db.prepare('SELECT * FROM change_log WHERE hlc >= ? ORDER BY hlc').all(from) as LoggedChange[]).filter((c) => !freshStamps!.has(c.hlc));
    const textStamps = new Set(texts.map((t) => t.hlc));
    const againTexts = from === null ? [] : (this.db.prepare('SELECT hlc, author, section_id AS sectionId FROM section_updates WHERE hlc >= ? ORDER BY hlc').all(from) as TextCandidate[]).filter((t) => !textStamps.has(t.hlc));
    const items = mergeSorted(
      mergeSorted(
        fresh.map((c): Item => ({ kind: 'change', c, hlc: c.hlc, fresh: true })),
        again.map((c): Item => ({ kind: 'change', c, hlc: c.hlc, fresh: false })),
      ),
      mergeSorted(
        [...texts].sort(byStamp).map((t): Item => ({ kind: 'text', t, hlc: t.hlc, fresh: true })),
        againTexts.map((t): Item => ({ kind: 'text', t, hlc: t.hlc, fresh: false })),
      ),
    );

    const view = new LogView(this.db, this.held.changes);
    const names = new Map((this.db.prepare('SELECT id, name FROM members').all() as Array<{ id: string; name: string }>).map((m) => [m.id, m.name]));
    const given = texts.filter((t) => t.data && t.replica !== undefined).map((t) => ({ hlc: t.hlc, sectionId: t.sectionId, replica: t.replica!, author: t.author, data: t.data! }));
    const signatures = this.signer ? new SignatureJudge(this.db, this.held.changes, (id) => names.get(id) ?? id, (k, owner) => this.signer!.isMine(k, owner), given, fresh) : null;
    const flipped = new Set<string>();
    const accepted: LoggedChange[] = [];
    const verdict = (kind: 'change' | 'text', hlc: string, denied: Message | null, isFresh: boolean) => {
      const was = this.held.set(kind).has(hlc);
      if (denied) {
        if (!was || isFresh) outcome.held.push({ kind, hlc, reason: denied.key, params: denied.params ?? {} });
        this.held.hold({ kind, hlc, reason: denied.key, params: denied.params ?? {} });
      } else if (was) {
        this.held.release(kind, hlc);
        outcome.released.push(hlc);
      }
      return was !== (denied !== null);
    };
    for (const item of items) {
      if (item.kind === 'text') {
        view.at = item.t.hlc;
        verdict('text', item.t.hlc, signatures?.text(item.t) ?? this.judgeText(view, item.t, annotationOnly), item.fresh);
        continue;
      }
      const c = item.c;
      const isFresh = item.fresh;
      view.at = c.hlc;
      const denied = unreadable(c) ?? signatures?.change(c) ?? judge(view, { table: c.tbl as SyncedTable, row: c.row_id, column: c.col, value: c.value }, c.author);
      const changed = verdict('change', c.hlc, denied, isFresh);
      if (isFresh && !denied) accepted.push(c);
      else if (!isFresh && changed) flipped.add(`${c.tbl}\u0000${c.row_id}\u0000${c.col}`);
    }

    this.lastUnsigned = signatures?.unsigned ?? 0;
    this.listLate(fresh);
    // Usually every change that came is accepted: their rows are those grouped above.
    outcome.written += this.materialize(accepted.length === changes.length ? rowsIn : this.byRow(accepted), before);
    if (flipped.size) outcome.written += this.recompute(flipped);
    return outcome;
  }

  private judgeText(view: LogView, t: TextCandidate, annotationOnly: AnnotationCheck): Message | null {
    const { may, denied } = judgeTextAt(view, t.sectionId, t.author);
    if (may === 'write') return null;
    // One who may comment only marks passages; a drafter of an approved (or locked at review) section is told why.
    if (may === 'annotate') return annotationOnly(t) ? null : closedByStatus(denied) ? denied : { key: 'heldTextByReviewer' };
    return denied;
  }

  /** Is this the first change of its row (no change of the row stamped before it here)? */
  private makesRow(c: LoggedChange): boolean {
    const first = this.db.prepare('SELECT min(hlc) FROM change_log WHERE tbl = ? AND row_id = ?').pluck().get(c.tbl, c.row_id) as string | null;
    return first === c.hlc;
  }

  /** Inserts the rows not already in the log, as they came; returns those, in stamp order. */
  private store(changes: readonly LoggedChange[]): LoggedChange[] {
    // Usually every row is new (a merge reads only the rows this file lacks): all go in, in chunks,
    // in a savepoint; when some were here already, that is undone and they go in one by one to
    // tell which were.
    try {
      this.storeAll(changes);
      return [...changes].sort(byStamp);
    } catch (e) {
      if (!(e instanceof AlreadyLogged)) throw e;
    }
    const fresh = changes.filter((c) => this.insertIgnoring(1).run(c.hlc, c.replica, c.author, c.tbl, c.row_id, c.col, c.value, c.prev_hlc).changes === 1);
    return fresh.sort(byStamp);
  }

  /** Changes made here: stamped just now, so judged already and newest in every cell they touch. */
  private writeLocal(changes: LoggedChange[]): void {
    const byRow = this.byRow(changes);
    const current = this.currentStamps(byRow, this.newestWritten.current());
    const won: Array<{ tbl: string; row: string; cells: Map<string, CellValue> }> = [];
    const newest: Array<[string, string | null]> = [];
    for (const [key, list] of byRow) {
      const stamps = current.get(key) ?? new Map<string, string>();
      const cells = new Map<string, CellValue>();
      for (const c of list) {
        const prev = stamps.get(c.col) ?? null;
        c.prev_hlc = prev;
        stamps.set(c.col, c.hlc);
        cells.set(c.col, c.value);
        // The cell's newest stamp now, as it always is (the clock has seen every stamp in the log).
        newest.push([`${key}\u0000${c.col}`, prev === null || prev < c.hlc ? c.hlc : null]);
      }
      won.push({ tbl: list[0]!.tbl, row: list[0]!.row_id, cells });
    }
    for (let i = 0; i < changes.length; i += INSERT_CHUNK) {
      const chunk = changes.slice(i, i + INSERT_CHUNK);
      const params: unknown[] = [];
      for (const c of chunk) params.push(c.hlc, c.replica, c.author, c.tbl, c.row_id, c.col, c.value, c.prev_hlc);
      this.insertMany(chunk.length).run(params);
    }
    for (const c of changes) if (c.hlc > this.newest) this.newest = c.hlc;
    this.listLate(changes);
    for (const { tbl, row, cells } of won) this.upsert(tbl, [...cells.keys()]).run(row, ...cells.values());
    this.newestWritten.wrote(newest, changes[changes.length - 1]!.hlc);
  }

  /** The changes of each row (keyed table NUL row), in stamp order. */
  private byRow(changes: readonly LoggedChange[]): Map<string, LoggedChange[]> {
    const byRow = new Map<string, LoggedChange[]>();
    for (const c of changes) {
      const key = `${c.tbl}\u0000${c.row_id}`;
      const list = byRow.get(key);
      if (list) list.push(c);
      else byRow.set(key, [c]);
    }
    for (const list of byRow.values()) list.sort(byStamp);
    return byRow;
  }

  /**
   * Applies accepted changes from a copy (already in the log; by row): each cell takes the value of its
   * newest change not held back, when that is one of these. `before`: each cell's newest stamp not
   * held back before they came (a cell whose older changes were judged anew is recomputed after).
   */
  private materialize(byRow: Map<string, LoggedChange[]>, before: Map<string, Map<string, string>>): number {
    let changed = 0;
    for (const [key, list] of byRow) {
      const stamps = before.get(key);
      const cells = new Map<string, CellValue>();
      // In stamp order: the last that is newer than what the cell had wins.
      for (const c of list) if (!stamps?.has(c.col) || stamps.get(c.col)! < c.hlc) cells.set(c.col, c.value);
      if (cells.size === 0) continue;
      this.upsert(list[0]!.tbl, [...cells.keys()]).run(list[0]!.row_id, ...cells.values());
      changed += cells.size;
    }
    return changed;
  }

  /**
   * Cells whose changes were judged anew: each takes its newest change not held back again, or
   * its default when none is left; a row left with no change at all is removed.
   */
  private recompute(cells: ReadonlySet<string>): number {
    const rows = new Map<string, Set<string>>();
    for (const key of cells) {
      const [tbl, row, col] = key.split('\u0000') as [string, string, string];
      const k = `${tbl}\u0000${row}`;
      const set = rows.get(k) ?? new Set<string>();
      set.add(col);
      rows.set(k, set);
    }
    let written = 0;
    for (const [key, cols] of rows) {
      const [tbl, row] = key.split('\u0000') as [string, string];
      if (!isSyncedTable(tbl)) continue;
      if (!this.rowHasAccepted(tbl, row)) {
        this.db.prepare(`DELETE FROM ${tbl} WHERE id = ?`).run(row);
        written++;
        continue;
      }
      const known = [...cols].filter((col) => columnType(tbl, col));
      const values = known.map((col) => {
        const hlc = this.newestAccepted(tbl, row, col);
        if (hlc === null) return columnDefault(tbl, col);
        return (this.db.prepare('SELECT value FROM change_log WHERE hlc = ?').get(hlc) as { value: CellValue }).value;
      });
      if (known.length) this.upsert(tbl, known).run(row, ...values);
      written += known.length;
    }
    return written;
  }

  private rowHasAccepted(tbl: SyncedTable, row: string): boolean {
    for (const h of this.db.prepare('SELECT hlc FROM change_log WHERE tbl = ? AND row_id = ?').pluck().iterate(tbl, row) as Iterable<string>) {
      if (!this.held.changes.has(h)) return true;
    }
    return false;
  }

  /**
   * The newest stamp not held back of each cell of these rows (keyed table NUL row): a row whose
   * batch writes many of its columns is read in one range, the others cell by cell through the
   * index, so a row with a long history (a section edited thousands of times) costs one seek a cell.
   */
  private currentStamps(byRow: Map<string, LoggedChange[]>, written: ReadonlyMap<string, string> = NONE_WRITTEN): Map<string, Map<string, string>> {
    const wholeRows = new Map<string, string[]>();
    const someCells = new Map<string, Array<[string, string]>>();
    for (const list of byRow.values()) {
      const { tbl, row_id } = list[0]!;
      const cols = new Set(list.map((c) => c.col));
      if (cols.size >= WHOLE_ROW_FROM) {
        const ids = wholeRows.get(tbl) ?? [];
        ids.push(row_id);
        wholeRows.set(tbl, ids);
      } else {
        const pairs = someCells.get(tbl) ?? [];
        for (const col of cols) pairs.push([row_id, col]);
        someCells.set(tbl, pairs);
      }
    }
    const stamps = new Map<string, Map<string, string>>();
    const note = (tbl: string, row: string, col: string, hlc: string | null) => {
      if (hlc === null) return;
      if (this.held.changes.has(hlc)) hlc = this.newestAccepted(tbl, row, col);
      if (hlc === null) return;
      const key = `${tbl}\u0000${row}`;
      const cells = stamps.get(key);
      if (cells) cells.set(col, hlc);
      else stamps.set(key, new Map([[col, hlc]]));
    };
    for (const [tbl, ids] of wholeRows) {
      for (const s of this.rowStamps.all(tbl, JSON.stringify(ids)) as Array<{ row_id: string; col: string; hlc: string }>) note(tbl, s.row_id, s.col, s.hlc);
    }
    for (const [tbl, pairs] of someCells) {
      for (const [row, col] of pairs) note(tbl, row, col, written.get(`${tbl}\u0000${row}\u0000${col}`) ?? (this.cellStamps.get(tbl, row, col) as string | null));
    }
    return stamps;
  }

  private newestAccepted(tbl: string, row: string, col: string): string | null {
    for (const e of this.cellHistory.iterate(tbl, row, col) as Iterable<{ hlc: string }>) if (!this.held.changes.has(e.hlc)) return e.hlc;
    return null;
  }

  /**
   * Rows just logged with a stamp no later than the newest the search index has taken in (merged
   * from a copy) are listed for it to read again; later ones it finds by stamp (electron/search).
   */
  private listLate(logged: readonly LoggedChange[]): void {
    const through = this.searchThrough.get() as string | undefined;
    if (through === undefined) return;
    for (const c of logged) if (c.hlc <= through && isSyncedTable(c.tbl)) this.searchPending.run(c.tbl, c.row_id);
  }

  private insertMany(rows: number): Statement {
    let stmt = this.insertLogs.get(rows);
    if (!stmt) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
      stmt = this.db.prepare(`INSERT INTO change_log (hlc, replica, author, tbl, row_id, col, value, prev_hlc) VALUES ${values}`);
      this.insertLogs.set(rows, stmt);
    }
    return stmt;
  }

  /** Inserts rows not already in the log (those already there are left as they are). */
  private insertIgnoring(rows: number): Statement {
    let stmt = this.insertFresh.get(rows);
    if (!stmt) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
      stmt = this.db.prepare(`INSERT OR IGNORE INTO change_log (hlc, replica, author, tbl, row_id, col, value, prev_hlc) VALUES ${values}`);
      this.insertFresh.set(rows, stmt);
    }
    return stmt;
  }

  /** `INSERT ... ON CONFLICT DO UPDATE` of some cells of a row; every name has passed `columnType`. */
  private upsert(table: string, columns: string[]): Statement {
    const key = `${table}.${columns.join('.')}`;
    let stmt = this.upserts.get(key);
    if (!stmt) {
      if (this.upserts.size >= UPSERTS_KEPT) this.upserts.clear();
      stmt = this.db.prepare(
        `INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})
         ON CONFLICT (id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
      );
      this.upserts.set(key, stmt);
    }
    return stmt;
  }
}

/** A change or a text update to judge, with its stamp; `fresh`: it came in this run. */
type Item = ({ kind: 'change'; c: LoggedChange } | { kind: 'text'; t: TextCandidate }) & { hlc: string; fresh: boolean };

function byStamp(a: { hlc: string }, b: { hlc: string }): number {
  return a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0;
}

/** Two lists in stamp order as one. */
function mergeSorted(a: Item[], b: Item[]): Item[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Item[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.hlc <= b[j]!.hlc)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** A batch met a row already in the log: its savepoint is undone and the rows go in one by one. */
class AlreadyLogged extends Error {}

/** A held change, said in English (the CLI, the merge report's fallback). */
export function describeHeld(h: HeldChange): string {
  return formatMessage(h.reason, h.params);
}

/** `INSERT ... ON CONFLICT DO UPDATE` of one cell; both names must have passed `columnType`. */
function materializer(db: DB, cache: Map<string, Statement>, table: string, column: string): Statement {
  const key = `${table}.${column}`;
  let stmt = cache.get(key);
  if (!stmt) {
    stmt = db.prepare(
      `INSERT INTO ${table} (id, ${column}) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET ${column} = excluded.${column}`,
    );
    cache.set(key, stmt);
  }
  return stmt;
}

/** Rebuilds every materialized table from the change log: the newest stamp of each cell not held back wins. */
export function rebuildMaterializedTables(db: DB): void {
  db.transaction(() => {
    for (const table of Object.keys(SYNCED_TABLES)) db.exec(`DELETE FROM ${table}`);
    const winners = db.prepare(
      `SELECT tbl, row_id, col, value FROM change_log AS c
       WHERE hlc = (SELECT max(hlc) FROM change_log AS n WHERE tbl = c.tbl AND row_id = c.row_id AND col = c.col
                    AND NOT EXISTS (SELECT 1 FROM held_changes h WHERE h.kind = 'change' AND h.hlc = n.hlc))`,
    );
    const stmts = new Map<string, Statement>();
    for (const row of winners.all() as Array<{ tbl: string; row_id: string; col: string; value: CellValue }>) {
      if (!columnType(row.tbl, row.col)) continue;
      materializer(db, stmts, row.tbl, row.col).run(row.row_id, row.value);
    }
  }).immediate();
}
