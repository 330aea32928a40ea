// Reading the rows a peer lacks. Each end of a connection says what its file holds as a summary:
// per replica (an app session, which stamps its rows in order), how many change-log rows and text
// updates it has and the newest stamp. A peer whose count up to that stamp is the same holds the
// same rows up to it, and is sent only the newer ones; where the counts differ (text folded
// differently on each side, a copy merged out of order) every row of that replica is sent, and the
// receiving end keeps those it lacks, as a merge does. Rows made here since they were last sent are
// followed by replica and sequence (`LocalFeed`), without reading the whole log.
import { prepared, type DB } from '../store/open.js';
import type { CellValue } from '../store/schema.js';
import type { LoggedChange } from '../sync/changes.js';
import { hasSigning, RECORD_COLUMNS, type SignatureRecord } from '../sync/signing.js';
import { bytesToBase64 } from '../../shared/base64.js';
import type { Summary, WireRows } from './protocol.js';

/** A stored text update, as read to be sent. */
export interface StoredText {
  seq: number;
  hlc: string;
  sectionId: string;
  replica: string;
  author: string;
  folded: boolean;
  data: Uint8Array;
}

/** A text update as SQLite gives it. */
type StoredRow = Omit<StoredText, 'folded'> & { folded: number };

const CHANGE_COLUMNS = 'hlc, replica, author, tbl, row_id, col, value, prev_hlc';
const TEXT_COLUMNS = 'seq, hlc, section_id AS sectionId, replica, author, folded, data';

/** What this file holds, per replica. */
export function summarize(db: DB): Summary {
  const of = (table: string) => {
    const out: Summary['changes'] = {};
    for (const r of db.prepare(`SELECT replica, count(*) AS n, max(hlc) AS newest FROM ${table} GROUP BY replica`).all() as Array<{ replica: string; n: number; newest: string }>) {
      out[r.replica] = [r.n, r.newest];
    }
    return out;
  };
  return { changes: of('change_log'), texts: of('section_updates') };
}

/**
 * From which stamp on each replica's rows must be sent to a peer that holds `theirs`: after their
 * newest where they hold as many rows up to it as this file does, else from the start ('').
 */
function sendFrom(db: DB, table: string, theirs: Summary['changes']): Map<string, string> {
  const counts = new Map<string, number>();
  for (const [replica, hlc] of db.prepare(`SELECT replica, hlc FROM ${table}`).raw().iterate() as Iterable<[string, string]>) {
    const known = Object.hasOwn(theirs, replica) ? theirs[replica]! : undefined;
    if (known && hlc <= known[1]) counts.set(replica, (counts.get(replica) ?? 0) + 1);
  }
  const from = new Map<string, string>();
  for (const [replica, [count, newest]] of Object.entries(theirs)) from.set(replica, counts.get(replica) === count ? newest : '');
  return from;
}

/**
 * The rows this file has that a peer holding `theirs` lacks (or may lack), in stamp order; only
 * those `author` made when given (a connection speaks for its member only).
 */
export function rowsMissingFrom(db: DB, theirs: Summary, author: string | null): { changes: LoggedChange[]; texts: StoredText[] } {
  const fromChanges = sendFrom(db, 'change_log', theirs.changes);
  const fromTexts = sendFrom(db, 'section_updates', theirs.texts);
  const wanted = (from: Map<string, string>, r: { replica: string; hlc: string; author: string }) =>
    (author === null || r.author === author) && r.hlc > (from.get(r.replica) ?? '');
  const changes: LoggedChange[] = [];
  for (const c of db.prepare(`SELECT ${CHANGE_COLUMNS} FROM change_log ORDER BY hlc`).iterate() as Iterable<LoggedChange>) if (wanted(fromChanges, c)) changes.push(c);
  const texts: StoredText[] = [];
  for (const t of db.prepare(`SELECT ${TEXT_COLUMNS} FROM section_updates ORDER BY hlc`).iterate() as Iterable<StoredRow>) {
    if (wanted(fromTexts, t)) texts.push({ ...t, folded: t.folded === 1 });
  }
  return { changes, texts };
}

/** The rows this session makes (its replica's), by one member (or anyone: null), as they are stored: each taken once. */
export class LocalFeed {
  private lastChange: string;
  private lastTextSeq: number;

  constructor(
    private readonly db: DB,
    private readonly replica: string,
    private readonly author: string | null,
  ) {
    this.lastChange = '';
    this.lastTextSeq = 0;
    this.skipToNow();
  }

  /** From now on, only rows made after this moment. */
  skipToNow(): void {
    this.lastChange = (prepared(this.db, 'SELECT max(hlc) FROM change_log WHERE replica = ?').pluck().get(this.replica) as string | null) ?? '';
    this.lastTextSeq = (prepared(this.db, 'SELECT max(seq) FROM section_updates WHERE replica = ?').pluck().get(this.replica) as number | null) ?? 0;
  }

  /** Rows stored since the last call. */
  take(): { changes: LoggedChange[]; texts: StoredText[] } {
    const changes = prepared(this.db, `SELECT ${CHANGE_COLUMNS} FROM change_log WHERE hlc > ? AND replica = ? AND ? IN (author, '') ORDER BY hlc`)
      .all(this.lastChange, this.replica, this.author ?? '') as LoggedChange[];
    if (changes.length) this.lastChange = changes.at(-1)!.hlc;
    const rows = prepared(this.db, `SELECT ${TEXT_COLUMNS} FROM section_updates WHERE seq > ? AND replica = ? AND ? IN (author, '') ORDER BY seq`)
      .all(this.lastTextSeq, this.replica, this.author ?? '') as StoredRow[];
    if (rows.length) this.lastTextSeq = rows.at(-1)!.seq;
    return { changes, texts: rows.map((t) => ({ ...t, folded: t.folded === 1 })) };
  }

  /** How many rows of this session wait to be sent since `since` (stamps): for "N changes waiting". */
  countSince(since: string): number {
    const a = prepared(this.db, "SELECT count(*) FROM change_log WHERE hlc > ? AND replica = ? AND ? IN (author, '')").pluck().get(since, this.replica, this.author ?? '') as number;
    const b = prepared(this.db, "SELECT count(*) FROM section_updates WHERE hlc > ? AND replica = ? AND ? IN (author, '')").pluck().get(since, this.replica, this.author ?? '') as number;
    return a + b;
  }
}

/**
 * Rows as they travel, in batches of about `per` rows, each with the signature records that cover
 * its rows and the attached files' contents its changes name. The rows one record covers go in one
 * message: a record is checked against all the rows it covers. (Sign what was written here first:
 * `Signer.seal(true)`.)
 */
export function toWire(db: DB, changes: readonly LoggedChange[], texts: readonly StoredText[], per: number): WireRows[] {
  const signed = hasSigning(db);
  const blob = prepared(db, 'SELECT data FROM blobs WHERE sha256 = ?').pluck();
  const lists = new Map<string, SignatureRecord[]>();
  /** The records of one stream (kind, replica, section), in the order they start. */
  const recordsOf = (kind: 'changes' | 'text', replica: string, sectionId: string) => {
    const key = `${kind}\u0000${replica}\u0000${sectionId}`;
    let list = lists.get(key);
    if (!list) {
      list = signed
        ? (prepared(db, `SELECT ${RECORD_COLUMNS} FROM signatures WHERE kind = ? AND replica = ? AND section_id = ? ORDER BY first_hlc`).all(kind, replica, sectionId) as SignatureRecord[])
        : [];
      lists.set(key, list);
    }
    return list;
  };
  /** The records that cover a row (those starting at or before it and reaching it). */
  const covering = (kind: 'changes' | 'text', replica: string, sectionId: string, hlc: string): SignatureRecord[] => {
    const list = recordsOf(kind, replica, sectionId);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.first_hlc <= hlc) lo = mid + 1;
      else hi = mid;
    }
    const found: SignatureRecord[] = [];
    for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) if (list[i]!.last_hlc >= hlc) found.push(list[i]!);
    return found;
  };

  const batches: WireRows[] = [];
  let batch: WireRows = { changes: [], texts: [], blobs: [], signatures: [] };
  const seen = new Set<string>();
  let group = '';
  /** Starts a new message when this one is full, but never inside the rows of one record. */
  const place = (records: SignatureRecord[], hlc: string) => {
    const starts = records.length ? records.map((r) => `${r.kind}\u0000${r.replica}\u0000${r.section_id}\u0000${r.first_hlc}`).sort()[0]! : `row\u0000${hlc}`;
    if (batch.changes.length + batch.texts.length >= per && starts !== group) {
      batches.push(batch);
      batch = { changes: [], texts: [], blobs: [], signatures: [] };
      seen.clear();
    }
    group = starts;
    for (const r of records) {
      if (seen.has(r.hash)) continue;
      seen.add(r.hash);
      batch.signatures.push(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'signature' ? bytesToBase64(v as Uint8Array) : (v as string | number)])));
    }
  };
  for (const c of changes) {
    place(covering('changes', c.replica, '', c.hlc), c.hlc);
    batch.changes.push({ hlc: c.hlc, replica: c.replica, author: c.author, tbl: c.tbl, row_id: c.row_id, col: c.col, value: c.value as CellValue, prev_hlc: c.prev_hlc });
    if (c.tbl === 'attachments' && c.col === 'sha256' && typeof c.value === 'string') {
      const data = blob.get(c.value) as Uint8Array | undefined;
      if (data instanceof Uint8Array) batch.blobs.push({ sha256: c.value, data: bytesToBase64(data) });
    }
  }
  for (const t of texts) {
    place(covering('text', t.replica, t.sectionId, t.hlc), t.hlc);
    batch.texts.push({ hlc: t.hlc, section: t.sectionId, replica: t.replica, author: t.author, folded: t.folded, data: bytesToBase64(t.data) });
  }
  if (batch.changes.length || batch.texts.length || batches.length === 0) batches.push(batch);
  return batches;
}

/** The newest stamp among rows, or '' for none. */
export function newestStamp(rows: { changes: readonly { hlc: string }[]; texts: readonly { hlc: string }[] }): string {
  let newest = '';
  for (const r of rows.changes) if (r.hlc > newest) newest = r.hlc;
  for (const r of rows.texts) if (r.hlc > newest) newest = r.hlc;
  return newest;
}
