// Signed changes: a copy cannot speak for another office.
//
// Each person gets an Ed25519 key pair (Node's own crypto) on the machine where they first act; the
// private key stays on that machine (`KeyStore`), the public key is recorded in the report as a
// `member_keys` row written through the change log like any other change, and the secretariat
// confirms it. What a person writes here is covered by records in `signatures`: one for their
// change-log rows of this session (their rows of this session's replica from its first stamp to its
// last), one for their text updates of each section in this session, each growing as they write on
// (see `Signer`). A record names the key's record before it (by its first stamp, which never
// changes), and is hashed with the content it covers and signed: one chain per key.
//
// A change that arrives from another office is judged with its record (`SignatureJudge`):
// - signed by a confirmed key of its author, over exactly what is here: accepted (the write policy
//   then judges it as before, a proven author's change);
// - no record, from an author who has signed changes since before it: held back (someone wrote it
//   in the file by hand); with no signed change of theirs before it, it is unsigned history, made
//   before signing began (or by an earlier version of the app), accepted and counted as such;
// - a record that does not match, or a key that is not the author's: held back;
// - a key the secretariat has not confirmed: held back until a confirmation arrives, then released.
// A key is confirmed when it is one of the report's roots (the first secretariat key of the report,
// kept in `meta`, which travels with every copy), or when a confirmed secretariat key signed its
// confirmation. All of it depends on the set of changes, never on the order of merging.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type Hash, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Message } from '../../shared/messages.js';
import type { CellValue, SyncedTable } from '../../shared/synced.js';
import type { DB } from '../store/open.js';
import type { LoggedChange } from './changes.js';
import { judge, LogView } from './policy.js';

/** A person's key on this machine. */
export interface SigningKey {
  /** The first 32 hex digits of the SHA-256 of the raw public key. */
  keyId: string;
  memberId: string;
  privateKey: KeyObject;
  /** The raw 32-byte public key, as base64. */
  publicKey: string;
}

/** Where this machine keeps its people's private keys, per report and member. */
export interface KeyStore {
  load(reportId: string, memberId: string): SigningKey | null;
  save(reportId: string, key: SigningKey): void;
}

/** Keys kept for this process only (tests, a report opened by a command that never signs twice). */
export class MemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, SigningKey>();
  load(reportId: string, memberId: string): SigningKey | null {
    return this.keys.get(`${reportId}\u0000${memberId}`) ?? null;
  }
  save(reportId: string, key: SigningKey): void {
    this.keys.set(`${reportId}\u0000${key.memberId}`, key);
  }
}

/**
 * The keys of a process given no store of its own (tests, tools): one machine, holding the key of
 * everyone who acts in it, for as long as it runs. Hosts give the user's data folder instead.
 */
export const PROCESS_KEYS = new MemoryKeyStore();

let keyStore: KeyStore = PROCESS_KEYS;

/** Where reports opened from now on keep their people's keys: hosts set the user's data folder's. */
export function useKeyStore(store: KeyStore): void {
  keyStore = store;
}

/** The key store reports opened now use. */
export function currentKeyStore(): KeyStore {
  return keyStore;
}

/**
 * Keys in files under `dir` (the user's data folder's `keys`), one per report and member, readable by
 * this user only. `protect`, in the desktop app, is the operating system's protection (Electron's
 * safeStorage): the file then holds the key encrypted for this user's login.
 */
export interface KeyProtection {
  /** Whether the operating system can protect data for this login now (asked when a key is saved). */
  available(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

/** The start of a key file whose key the operating system protects. */
const SEALED = Buffer.from('upr-sealed-key\n');

export class FileKeyStore implements KeyStore {
  constructor(
    private readonly dir: string,
    private readonly protect?: KeyProtection,
  ) {}

  private file(reportId: string, memberId: string): string {
    const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
    return path.join(this.dir, safe(reportId), `${safe(memberId)}.key`);
  }

  load(reportId: string, memberId: string): SigningKey | null {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.file(reportId, memberId));
    } catch {
      return null;
    }
    try {
      const sealed = bytes.subarray(0, SEALED.length).equals(SEALED);
      if (sealed && !this.protect) return null;
      const pem = sealed ? this.protect!.decrypt(bytes.subarray(SEALED.length)) : bytes.toString('utf8');
      return keyFromPrivate(createPrivateKey(pem), memberId);
    } catch {
      // A key file that cannot be read (another login's protection, damaged): a new key is made.
      return null;
    }
  }

  save(reportId: string, key: SigningKey): void {
    const file = this.file(reportId, key.memberId);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const pem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, this.protect?.available() ? Buffer.concat([SEALED, this.protect.encrypt(pem)]) : pem, { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
}

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key follows it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function keyFromPrivate(privateKey: KeyObject, memberId: string): SigningKey {
  const raw = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).subarray(SPKI_PREFIX.length);
  return { keyId: keyIdOf(raw), memberId, privateKey, publicKey: raw.toString('base64') };
}

export function newSigningKey(memberId: string): SigningKey {
  return keyFromPrivate(generateKeyPairSync('ed25519').privateKey, memberId);
}

export function keyIdOf(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 32);
}

/** A key's fingerprint as people compare it (read aloud over the telephone): 8 groups of 4. */
export function fingerprint(keyId: string): string {
  return keyId.match(/.{1,4}/g)!.join(' ');
}

/** The public key of `keyId` from its base64, or null when it is not that key. */
function publicKeyObject(keyId: string, base64: string): KeyObject | null {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32 || keyIdOf(raw) !== keyId) return null;
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

/** A signature record, as stored. */
export interface SignatureRecord {
  hash: string;
  key_id: string;
  author: string;
  prev: string;
  kind: 'changes' | 'text';
  replica: string;
  section_id: string;
  first_hlc: string;
  last_hlc: string;
  count: number;
  signature: Buffer;
}

/** A change-log row as a record covers it: every column it travels with. */
export type SignedChange = LoggedChange;

export const RECORD_COLUMNS = 'hash, key_id, author, prev, kind, replica, section_id, first_hlc, last_hlc, count, signature';
const RECORD_PLACES = '?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?';
const SEP = '\u0000';

function cellText(v: CellValue): string {
  if (v === null) return 'n';
  if (typeof v === 'number') return `d${v}`;
  if (typeof v === 'bigint') return `d${String(v)}`;
  return `s${v}`;
}

type Head = Omit<SignatureRecord, 'hash' | 'signature'>;

/** A stored text update as a record covers it. */
export interface SignedText {
  hlc: string;
  sectionId: string;
  replica: string;
  author: string;
  data: Uint8Array;
}

function headText(r: Head): string {
  return ['upr-signature-1', r.key_id, r.author, r.prev, r.kind, r.replica, r.section_id, r.first_hlc, r.last_hlc, String(r.count)].join(SEP);
}

/**
 * The digest of what a record covers: one SHA-256 over its rows, one after another, each with every
 * column it travels with. The hash's state is kept while a record grows (`Hash.copy`), so a record
 * can take in the rows written after it without reading those before again.
 */
export function hashChanges(into: Hash, rows: readonly SignedChange[]): Hash {
  for (const c of rows) into.update(`${c.hlc}${SEP}${c.replica}${SEP}${c.author}${SEP}${c.tbl}${SEP}${c.row_id}${SEP}${c.col}${SEP}${cellText(c.value)}${SEP}${c.prev_hlc ?? ''}\n`);
  return into;
}

export function hashTexts(into: Hash, rows: readonly SignedText[]): Hash {
  for (const t of rows) {
    into.update(`${t.hlc}${SEP}${t.sectionId}${SEP}${t.replica}${SEP}${t.author}${SEP}${t.data.length}${SEP}`);
    into.update(t.data);
  }
  return into;
}

const digestOf = (h: Hash) => h.copy().digest('hex');

/** The record's hash: its head and the digest of what it covers. */
export function recordHash(head: Head, digest: string): string {
  return createHash('sha256').update(headText(head)).update(`\n${digest}`).digest('hex');
}

/** Why a change or text update from elsewhere is held back for its signature. */
export const SIGNATURE_REASONS = new Set(['heldUnsigned', 'heldBadSignature', 'heldUnconfirmedKey']);

/** The record a key is adding to in this process (the head of its chain), with its running digest. */
interface OpenRecord {
  head: Head;
  /** Its hash as the file holds it (behind `head` while `grown`). */
  hash: string;
  /** The running hash of the rows it covers. */
  rows: Hash;
  /**
   * It took in rows in memory since the file's copy was written (writes inside a larger
   * transaction): written once, by `settle`, rather than rehashed and rewritten at every write.
   */
  grown: boolean;
  /** Where the file's copy ends, and how many rows it covers (while `grown`). */
  stored: { last: string; count: number };
}

/**
 * The signing of one open report: its people's keys on this machine, and the records of what is
 * written here, in the transaction of what they cover.
 *
 * One record covers a run of a person's writes: the change-log batches of this session one after
 * another, or this session's text updates of one section one after another. A write that follows
 * the key's last record in the same run makes that record cover it too (the record is replaced by
 * one covering more, in the write's transaction); anything else the key signs in between starts a
 * new record. A record is signed ("sealed") when the write that made it is committed: at once for
 * a write of its own, and after the enclosing transaction for a write inside a larger one (an
 * import, a bulk action: one signature for all of it). A record not sealed yet is never taken by a
 * merge, and is this machine's own: one left by a crash is sealed when the report is next opened.
 *
 * Inside a larger transaction a change-log record is written unsigned by the first write and then
 * grows in memory; it is written as it has grown (`settle`) when it is sealed, and before anything
 * reads the records (judging, copying, sending). A crash between the commit and that leaves it
 * covering the first rows only: the next open's `seal(true)` takes in the rows after it.
 */
export class Signer {
  private readonly keys = new Map<string, SigningKey>();
  /** Keys recorded in the report (their `member_keys` row is in the log). */
  private readonly recorded = new Set<string>();
  /** Each key's newest record here (the chain's head). */
  private readonly heads = new Map<string, string>();
  /** The record each key is adding to in this process. */
  private readonly open = new Map<string, OpenRecord>();
  /** The newest stamp signed here in each stream (the change log, or one section's text), by anyone. */
  private readonly lastInStream = new Map<string, string>();
  /** Records made here not signed yet. */
  private readonly unsealed = new Set<string>();
  private sealScheduled = false;
  private readonly statements = new Map<string, import('better-sqlite3').Statement>();

  constructor(
    private readonly db: DB,
    public store: KeyStore,
  ) {
    SIGNERS.set(db, this);
  }

  private reportId(): string {
    return (this.db.prepare("SELECT value FROM meta WHERE key = 'report_id'").pluck().get() as string | undefined) ?? '';
  }

  private statement(sql: string): import('better-sqlite3').Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** The author's key on this machine, made (and kept in the store) the first time they act here. */
  keyFor(memberId: string): SigningKey {
    let key = this.keys.get(memberId);
    if (key) return key;
    const reportId = this.reportId();
    key = this.store.load(reportId, memberId) ?? undefined;
    if (!key) {
      key = newSigningKey(memberId);
      this.store.save(reportId, key);
    }
    this.keys.set(memberId, key);
    return key;
  }

  /** The author's key when this machine holds it already (never made here). */
  ownKey(memberId: string): SigningKey | null {
    const key = this.keys.get(memberId) ?? this.store.load(this.reportId(), memberId);
    if (key) this.keys.set(memberId, key);
    return key;
  }

  /**
   * Whether the key is one kept on this machine for its owner: its changes are this machine's own,
   * never held back here for want of confirmation (other offices hold them until it is confirmed).
   */
  isMine(keyId: string, owner: string): boolean {
    return this.ownKey(owner)?.keyId === keyId;
  }

  /**
   * The changes that record the key in the report, when it is not there yet: its row, confirmed at
   * once when it is the report's first secretariat key (the root every office trusts; kept in meta).
   */
  keyRecord(key: SigningKey, isSecretariat: boolean | (() => boolean)): Array<{ table: SyncedTable; row: string; column: string; value: CellValue }> {
    if (this.recorded.has(key.keyId)) return [];
    if (this.db.prepare("SELECT 1 FROM change_log WHERE tbl = 'member_keys' AND row_id = ? AND col = 'public_key'").get(key.keyId)) {
      this.recorded.add(key.keyId);
      return [];
    }
    // Asked only now (it reads the members): most writes are by someone whose key is recorded.
    const root = (typeof isSecretariat === 'function' ? isSecretariat() : isSecretariat) && roots(this.db).length === 0;
    const row = (column: string, value: CellValue) => ({ table: 'member_keys' as const, row: key.keyId, column, value });
    return [row('member_id', key.memberId), row('public_key', key.publicKey), row('made_at', new Date().toISOString()), ...(root ? [row('confirmed', 1)] : [])];
  }

  /** After the key's row is written: a root key is pinned in meta. */
  recordedKey(key: SigningKey, changes: ReadonlyArray<{ table: string; row: string; column: string; value: CellValue }>): void {
    this.recorded.add(key.keyId);
    if (changes.some((c) => c.table === 'member_keys' && c.row === key.keyId && c.column === 'confirmed' && c.value === 1) && roots(this.db).length === 0) {
      this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('signing_roots', ?)").run(JSON.stringify([key.keyId]));
    }
  }

  /** The key's newest record (the chain's head), named by its first stamp, which never changes. */
  private head(keyId: string): string {
    let h = this.heads.get(keyId);
    if (h === undefined) {
      h = (this.db.prepare('SELECT first_hlc FROM signatures WHERE key_id = ? ORDER BY first_hlc DESC LIMIT 1').pluck().get(keyId) as string | undefined) ?? '';
      this.heads.set(keyId, h);
    }
    return h;
  }

  /** Stores a record, signed now with `sealNowWith` when given (its write is not part of a larger transaction). */
  private put(head: Head, hash: string, sealNowWith: SigningKey | null): void {
    this.statement(`INSERT INTO signatures (${RECORD_COLUMNS}) VALUES (${RECORD_PLACES})`).run(
      hash, head.key_id, head.author, head.prev, head.kind, head.replica, head.section_id, head.first_hlc, head.last_hlc, head.count, this.signed(hash, sealNowWith),
    );
    this.heads.set(head.key_id, head.first_hlc);
  }

  /** The record's signature by `sealNowWith`, or none yet when not given (it is sealed later). */
  private signed(hash: string, sealNowWith: SigningKey | null): Buffer {
    if (sealNowWith) return sign(null, Buffer.from(hash, 'hex'), sealNowWith.privateKey);
    this.unsealed.add(hash);
    return Buffer.alloc(0);
  }

  /**
   * The key's open record of this stream (its change-log rows, or its text of one section, in this
   * session) when the rows given continue it and it is still in the file (a transaction undone
   * since takes it back); else null.
   */
  private continuing(key: SigningKey, stream: string, replica: string, first: string): OpenRecord | null {
    const open = this.open.get(stream);
    if (!open) return null;
    const o = open.head;
    // Nothing else of this person's was written in the stream since.
    if (o.replica !== replica || o.last_hlc >= first || this.lastInStream.get(stream) !== o.last_hlc) {
      this.settleRecord(stream, open);
      this.open.delete(stream);
      return null;
    }
    return open;
  }

  private extendOrStart(key: SigningKey, kind: 'changes' | 'text', replica: string, sectionId: string, first: string, last: string, count: number, add: (into: Hash) => Hash, sealNow: boolean): void {
    const stream = `${key.keyId}\u0000${kind}\u0000${sectionId}`;
    let open = this.continuing(key, stream, replica, first);
    if (open && kind === 'changes' && !sealNow && (open.grown || this.unsealed.has(open.hash))) {
      // Inside a larger transaction, a record the file holds unsigned takes the rows in memory.
      if (!open.grown) open.stored = { last: open.head.last_hlc, count: open.head.count };
      add(open.rows);
      open.head.last_hlc = last;
      open.head.count += count;
      open.grown = true;
      this.lastInStream.set(stream, last);
      return;
    }
    // A write of its own after a larger transaction: the record is written as it grew, then extended.
    if (open?.grown) open = this.settleRecord(stream, open);
    let done = false;
    let head: Head;
    let rows: Hash;
    let hash: string;
    if (open) {
      // The record takes in these rows, in place (its hash changes with what it covers).
      head = { ...open.head, last_hlc: last, count: open.head.count + count };
      rows = add(open.rows.copy());
      hash = recordHash(head, digestOf(rows));
      this.unsealed.delete(open.hash);
      done = this.statement('UPDATE signatures SET hash = ?, last_hlc = ?, count = ?, signature = ? WHERE hash = ?').run(hash, last, head.count, this.signed(hash, sealNow ? key : null), open.hash).changes === 1;
      if (!done) this.heads.delete(key.keyId);
    }
    if (!done) {
      // A transaction undone since took the record back: a new one starts.
      head = { key_id: key.keyId, author: key.memberId, prev: this.head(key.keyId), kind, replica, section_id: sectionId, first_hlc: first, last_hlc: last, count };
      rows = add(createHash('sha256'));
      hash = recordHash(head, digestOf(rows));
      this.put(head, hash, sealNow ? key : null);
    }
    this.open.set(stream, { head: head!, hash: hash!, rows: rows!, grown: false, stored: { last, count: head!.count } });
    this.lastInStream.set(stream, last);
  }

  /**
   * Writes a record that grew in memory as it now is (unsigned), in the transaction under way; it
   * stays the stream's open record. Returns it, or null when none of its rows is left (a
   * transaction undone since took them back).
   */
  private settleRecord(stream: string, open: OpenRecord): OpenRecord | null {
    if (!open.grown) return open;
    open.grown = false;
    const h = open.head;
    const stored = open.hash;
    this.unsealed.delete(stored);
    // The rows the file's copy covers are there while it is (it was written after them); those taken
    // in since are counted.
    const since = this.statement('SELECT count(*) FROM change_log WHERE hlc > ? AND hlc <= ? AND replica = ? AND author = ?').pluck();
    if (since.get(open.stored.last, h.last_hlc, h.replica, h.author) === h.count - open.stored.count) {
      const hash = recordHash(h, digestOf(open.rows));
      if (this.statement('UPDATE signatures SET hash = ?, last_hlc = ?, count = ?, signature = ? WHERE hash = ?').run(hash, h.last_hlc, h.count, Buffer.alloc(0), stored).changes === 1) {
        open.hash = hash;
        this.unsealed.add(hash);
        return open;
      }
    }
    // A savepoint undone since took back some of its rows (or the record's row): it covers what is
    // left of them, named as before by its key and first stamp.
    const rows = this.statement('SELECT hlc, replica, author, tbl, row_id, col, value, prev_hlc FROM change_log WHERE hlc >= ? AND hlc <= ? AND replica = ? AND author = ? ORDER BY hlc').all(
      h.first_hlc,
      h.last_hlc,
      h.replica,
      h.author,
    ) as SignedChange[];
    const inFile = this.statement('SELECT hash, signature FROM signatures WHERE kind = ? AND replica = ? AND first_hlc = ? AND key_id = ? AND section_id = ?').get(h.kind, h.replica, h.first_hlc, h.key_id, h.section_id) as
      | { hash: string; signature: Buffer }
      | undefined;
    if (rows.length === 0) {
      if (inFile) this.statement('DELETE FROM signatures WHERE hash = ?').run(inFile.hash);
      this.open.delete(stream);
      this.heads.delete(h.key_id);
      return null;
    }
    const head: Head = { ...h, last_hlc: rows[rows.length - 1]!.hlc, count: rows.length };
    const digest = hashChanges(createHash('sha256'), rows);
    const hash = recordHash(head, digestOf(digest));
    if (inFile?.hash !== hash) {
      if (inFile) this.statement('UPDATE signatures SET hash = ?, last_hlc = ?, count = ?, signature = ? WHERE hash = ?').run(hash, head.last_hlc, head.count, Buffer.alloc(0), inFile.hash);
      else this.put(head, hash, null);
      this.unsealed.add(hash);
    } else if (inFile.signature.length === 0) this.unsealed.add(hash);
    const settled: OpenRecord = { head, hash, rows: digest, grown: false, stored: { last: head.last_hlc, count: head.count } };
    this.open.set(stream, settled);
    this.lastInStream.set(stream, head.last_hlc);
    return settled;
  }

  /** Writes every record that grew in memory as it now is (before the records are read or sealed). */
  settle(): void {
    for (const [stream, open] of this.open) if (open.grown) this.settleRecord(stream, open);
  }

  /**
   * A record of changes left unsigned by an earlier run, taking in the rows of its author and
   * session after it that no record covers (that run stopped after committing them and before it
   * wrote the record as it had grown); the record as it was when there are none.
   */
  private grownAfterCrash(r: SignatureRecord): SignatureRecord {
    const next = this.statement("SELECT min(first_hlc) FROM signatures WHERE kind = 'changes' AND replica = ? AND first_hlc > ? AND author = ?").pluck().get(r.replica, r.first_hlc, r.author) as string | null;
    const after = this.statement('SELECT count(*) AS n, max(hlc) AS last FROM change_log WHERE hlc > ? AND (? IS NULL OR hlc < ?) AND replica = ? AND author = ?').get(r.last_hlc, next, next, r.replica, r.author) as {
      n: number;
      last: string | null;
    };
    if (after.n === 0 || after.last === null) return r;
    const grown: SignatureRecord = { ...r, last_hlc: after.last, count: r.count + after.n };
    const hash = recomputedHash(this.db, grown);
    if (!hash) return r;
    this.statement('UPDATE signatures SET hash = ?, last_hlc = ?, count = ? WHERE hash = ?').run(hash, grown.last_hlc, grown.count, r.hash);
    return { ...grown, hash };
  }

  /** Signs a batch of change-log rows written here (one replica, in stamp order). */
  signChanges(key: SigningKey, rows: readonly SignedChange[], sealNow = false): void {
    if (rows.length === 0) return;
    this.extendOrStart(key, 'changes', rows[0]!.replica, '', rows[0]!.hlc, rows[rows.length - 1]!.hlc, rows.length, (h) => hashChanges(h, rows), sealNow);
  }

  /** Signs a text update stored here. */
  signText(key: SigningKey, row: SignedText, sealNow = false): void {
    this.extendOrStart(key, 'text', row.replica, row.sectionId, row.hlc, row.hlc, 1, (h) => hashTexts(h, [row]), sealNow);
  }

  /**
   * Signs the records made here and not signed yet (`everything`: also those left unsigned by an
   * earlier run of the app that stopped before sealing, found in the file). A record whose key is
   * not on this machine is left for `upr check` to name.
   */
  seal(everything = false): number {
    this.sealScheduled = false;
    const grown = [...this.open.values()].some((o) => o.grown);
    const found = everything ? (this.db.prepare('SELECT hash FROM signatures WHERE length(signature) = 0').pluck().all() as string[]) : [];
    if (!grown && found.length === 0 && this.unsealed.size === 0) return 0;
    const read = this.statement(`SELECT ${RECORD_COLUMNS} FROM signatures WHERE hash = ?`);
    const write = this.statement('UPDATE signatures SET signature = ? WHERE hash = ? AND length(signature) = 0');
    let sealed = 0;
    this.db.transaction(() => {
      this.settle();
      for (const hash of new Set([...found, ...this.unsealed])) {
        this.unsealed.delete(hash);
        let r = read.get(hash) as SignatureRecord | undefined;
        if (!r || r.signature.length) continue;
        const key = this.ownKey(r.author);
        if (!key || key.keyId !== r.key_id) continue;
        if (everything) {
          // From an earlier run: signed only if it still covers exactly what it was made over.
          if (recomputedHash(this.db, r) !== r.hash) continue;
          if (r.kind === 'changes') r = this.grownAfterCrash(r);
        }
        sealed += write.run(sign(null, Buffer.from(r.hash, 'hex'), key.privateKey), r.hash).changes;
      }
    }).immediate();
    return sealed;
  }

  /** Seals once the transaction under way is over (a write inside a larger one). */
  sealSoon(): void {
    if (this.sealScheduled) return;
    this.sealScheduled = true;
    setImmediate(() => {
      try {
        if (this.db.open) this.seal();
      } catch {
        // The file is busy or closing: sealed when it is next opened.
      }
    });
  }

  /** Forgets cached heads (after records came from a copy). */
  forget(): void {
    this.settle();
    this.heads.clear();
    this.open.clear();
  }
}

/** The rows of a replica (in stamp order) from `first` to `last`, when there are exactly `count`. */
function inRange(rows: readonly SignedChange[] | undefined, first: string, last: string, count: number): SignedChange[] | null {
  if (!rows) return null;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.hlc < first) lo = mid + 1;
    else hi = mid;
  }
  const end = lo + count;
  if (end > rows.length || rows[end - 1]!.hlc > last || (end < rows.length && rows[end]!.hlc <= last)) return null;
  return rows.slice(lo, end) as SignedChange[];
}

/**
 * The hash of a record from the rows in the file it says it covers (and `given` text updates not
 * stored yet); '' when they are not exactly as many as it says.
 */
function recomputedHash(db: DB, r: SignatureRecord, given?: ReadonlyMap<string, SignedText>, givenChanges?: ReadonlyMap<string, readonly SignedChange[]>): string {
  const head: Head = { key_id: r.key_id, author: r.author, prev: r.prev, kind: r.kind, replica: r.replica, section_id: r.section_id, first_hlc: r.first_hlc, last_hlc: r.last_hlc, count: r.count };
  if (r.kind === 'changes') {
    // The rows a merge just brought, when they are all the record covers (read from the file else).
    const rows =
      inRange(givenChanges?.get(`${r.replica}\u0000${r.author}`), r.first_hlc, r.last_hlc, r.count) ??
      (db
        .prepare('SELECT hlc, replica, author, tbl, row_id, col, value, prev_hlc FROM change_log WHERE hlc >= ? AND hlc <= ? AND replica = ? AND author = ? ORDER BY hlc')
        .all(r.first_hlc, r.last_hlc, r.replica, r.author) as SignedChange[]);
    if (rows.length !== r.count || !rows.every((c) => c.author === r.author)) return '';
    return recordHash(head, digestOf(hashChanges(createHash('sha256'), rows)));
  }
  const stored = db
    .prepare('SELECT hlc, section_id AS sectionId, replica, author, data FROM section_updates WHERE section_id = ? AND hlc >= ? AND hlc <= ? AND replica = ? AND author = ?')
    .all(r.section_id, r.first_hlc, r.last_hlc, r.replica, r.author) as SignedText[];
  const byStamp = new Map(stored.map((t) => [t.hlc, t]));
  for (const t of given?.values() ?? []) {
    if (t.sectionId === r.section_id && t.replica === r.replica && t.author === r.author && t.hlc >= r.first_hlc && t.hlc <= r.last_hlc) byStamp.set(t.hlc, t);
  }
  const rows = [...byStamp.values()].sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
  if (rows.length !== r.count || !rows.every((t) => t.author === r.author)) return '';
  return recordHash(head, digestOf(hashTexts(createHash('sha256'), rows)));
}

/** The signer of each open report's database, so that what copies a file can sign it first. */
const SIGNERS = new WeakMap<DB, Signer>();

/**
 * Signs what is not signed yet in this database (a write inside a transaction not over when the
 * file is copied): every copy, packet and push leaves with its records signed.
 */
export function sealBeforeSending(db: DB): void {
  const signer = SIGNERS.get(db);
  if (!db.inTransaction) signer?.seal();
  // Inside a transaction they cannot be signed yet, but every record is in the file as it has grown.
  else signer?.settle();
}

/** The report's root keys (confirmed by being the first secretariat key), from meta. */
export function roots(db: DB): string[] {
  const raw = db.prepare("SELECT value FROM meta WHERE key = 'signing_roots'").pluck().get() as string | undefined;
  if (!raw) return [];
  try {
    const list = JSON.parse(raw) as unknown;
    return Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string' && /^[0-9a-f]{32}$/.test(k)) : [];
  } catch {
    return [];
  }
}

/** Does the file have the signing tables (schema 18 on)? */
export function hasSigning(db: DB): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'signatures'").get();
}

/**
 * Takes the copy's signature records this file lacks (before the rows they cover are judged).
 * Returns how many came. A record that does not fit the table's shape is left out.
 */
export function takeSignatures(db: DB, other: DB): number {
  if (!hasSigning(other) || !hasSigning(db)) return 0;
  const ours = new Set(db.prepare('SELECT hash FROM signatures').pluck().all() as string[]);
  const put = db.prepare(`INSERT OR IGNORE INTO signatures (${RECORD_COLUMNS}) VALUES (${RECORD_PLACES})`);
  let taken = 0;
  for (const r of other.prepare(`SELECT ${RECORD_COLUMNS} FROM signatures`).iterate() as Iterable<SignatureRecord>) {
    // One not signed yet is only ever the machine's own that made it: never taken from a copy.
    if (ours.has(r.hash) || !Buffer.isBuffer(r.signature) || r.signature.length === 0) continue;
    try {
      taken += put.run(r.hash, r.key_id, r.author, r.prev, r.kind, r.replica, r.section_id, r.first_hlc, r.last_hlc, r.count, r.signature).changes;
    } catch {
      // Not the shape of a record (a value of the wrong type): as if it were not there.
    }
  }
  return taken;
}

/** What a record is worth: it verifies, and by which key and author. */
interface Verified {
  ok: boolean;
  keyId: string;
  author: string;
}

/**
 * Judges changes and text updates by their signatures, for one run of judging over the log as it
 * now is (after a copy's rows and records are stored). See the top of this file.
 */
export class SignatureJudge {
  private readonly verified = new Map<string, Verified>();
  private readonly givenTexts = new Map<string, SignedText>();
  private readonly givenChanges = new Map<string, SignedChange[]>();
  private readonly textRecords = new Map<string, SignatureRecord[]>();
  private readonly byReplica = new Map<string, SignatureRecord[]>();
  private readonly firstSigned = new Map<string, string>();
  private readonly publicKeys = new Map<string, KeyObject | null>();
  private readonly owners = new Map<string, string>();
  private confirmed: Set<string> | null = null;
  /** Unsigned changes accepted as history in this run. */
  unsigned = 0;

  constructor(
    private readonly db: DB,
    private readonly held: ReadonlySet<string>,
    private readonly names: (memberId: string) => string = (id) => id,
    private readonly mine: (keyId: string, owner: string) => boolean = () => false,
    /** Text updates being judged before they are stored (a merge stores a copy's text after). */
    given: readonly SignedText[] = [],
    /** Change-log rows a merge just stored, in stamp order: read from here rather than the file. */
    givenChanges: readonly SignedChange[] = [],
  ) {
    for (const t of given) this.givenTexts.set(t.hlc, t);
    for (const c of givenChanges) {
      const k = `${c.replica}\u0000${c.author}`;
      const list = this.givenChanges.get(k);
      if (list) list.push(c);
      else this.givenChanges.set(k, [c]);
    }
    // Records grown in memory by writes here are judged as the file will hold them.
    SIGNERS.get(db)?.settle();
    for (const r of db.prepare('SELECT author, min(first_hlc) AS first FROM signatures GROUP BY author').all() as Array<{ author: string; first: string }>) this.firstSigned.set(r.author, r.first);
  }

  private keyCell(keyId: string, column: string, oldest = false): CellValue | undefined {
    const row = this.db.prepare(`SELECT value FROM change_log WHERE tbl = 'member_keys' AND row_id = ? AND col = ? ORDER BY hlc ${oldest ? 'ASC' : 'DESC'} LIMIT 1`).get(keyId, column) as { value: CellValue } | undefined;
    return row?.value;
  }

  /** The key's public key, from its row in the log (a key names itself: only its own bytes fit its id). */
  private publicKey(keyId: string): KeyObject | null {
    if (!this.publicKeys.has(keyId)) {
      let found: KeyObject | null = null;
      for (const v of this.db.prepare("SELECT value FROM change_log WHERE tbl = 'member_keys' AND row_id = ? AND col = 'public_key'").pluck().all(keyId) as CellValue[]) {
        if (typeof v === 'string' && (found = publicKeyObject(keyId, v))) break;
      }
      this.publicKeys.set(keyId, found);
    }
    return this.publicKeys.get(keyId)!;
  }

  /** Whose key it is: the member its first row names (never changed afterwards). */
  owner(keyId: string): string {
    let o = this.owners.get(keyId);
    if (o === undefined) {
      const v = this.keyCell(keyId, 'member_id', true);
      o = typeof v === 'string' ? v : '';
      this.owners.set(keyId, o);
    }
    return o;
  }

  /** Checks a record against what it covers and its key; a record not sealed yet counts only when made on this machine. */
  verifyRecord(r: SignatureRecord): boolean {
    const cached = this.verified.get(r.hash);
    if (cached) return cached.ok;
    let ok: boolean;
    try {
      const hash = recomputedHash(this.db, r, this.givenTexts, this.givenChanges);
      if (hash !== r.hash || this.owner(r.key_id) !== r.author) ok = false;
      else if (!Buffer.isBuffer(r.signature) || r.signature.length === 0) ok = this.mine(r.key_id, r.author);
      else {
        const key = this.publicKey(r.key_id);
        ok = !!key && verify(null, Buffer.from(hash, 'hex'), key, r.signature);
      }
    } catch {
      ok = false;
    }
    this.verified.set(r.hash, { ok, keyId: r.key_id, author: r.author });
    return ok;
  }

  private recordsOf(replica: string, author: string): SignatureRecord[] {
    const k = `${replica}\u0000${author}`;
    let list = this.byReplica.get(k);
    if (!list) {
      list = this.db.prepare(`SELECT ${RECORD_COLUMNS} FROM signatures WHERE kind = 'changes' AND replica = ? AND author = ? ORDER BY first_hlc`).all(replica, author) as SignatureRecord[];
      this.byReplica.set(k, list);
    }
    return list;
  }

  /** The records that say they cover a text update: its author's of that section and session. */
  private textCovering(sectionId: string, replica: string, author: string, hlc: string): SignatureRecord[] {
    const k = `${sectionId}\u0000${replica}\u0000${author}`;
    let list = this.textRecords.get(k);
    if (!list) {
      list = this.db
        .prepare(`SELECT ${RECORD_COLUMNS} FROM signatures WHERE kind = 'text' AND section_id = ? AND replica = ? AND author = ? ORDER BY first_hlc`)
        .all(sectionId, replica, author) as SignatureRecord[];
      this.textRecords.set(k, list);
    }
    return list.filter((r) => r.first_hlc <= hlc && r.last_hlc >= hlc);
  }

  /** The records that say they cover a change-log row (a record covers its author's rows of one session). */
  private covering(c: { hlc: string; replica: string; author: string }): SignatureRecord[] {
    const list = this.recordsOf(c.replica, c.author);
    // The last record starting at or before the stamp, and a few before it (a person's records of
    // one session never overlap; one that claims to is checked with them).
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.first_hlc <= c.hlc) lo = mid + 1;
      else hi = mid;
    }
    const found: SignatureRecord[] = [];
    for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) if (list[i]!.last_hlc >= c.hlc) found.push(list[i]!);
    return found;
  }

  /**
   * The confirmed keys: the roots, then every key whose newest confirmation (or withdrawal) the
   * policy allows, signed by a key confirmed already, until nothing more is added.
   */
  confirmedKeys(): Set<string> {
    if (this.confirmed) return this.confirmed;
    const confirmed = new Set(roots(this.db));
    const changes = this.db
      .prepare("SELECT hlc, replica, author, tbl, row_id, col, value, prev_hlc FROM change_log WHERE tbl = 'member_keys' AND col IN ('confirmed', 'deleted') ORDER BY hlc DESC")
      .all() as SignedChange[];
    const view = new LogView(this.db, this.held);
    const allowed = new Map<string, boolean>();
    for (let grew = true; grew; ) {
      grew = false;
      const decided = new Set<string>();
      for (const c of changes) {
        if (decided.has(c.row_id)) continue;
        const signer = this.covering(c).find((r) => this.verifyRecord(r));
        if (!signer || !confirmed.has(signer.key_id)) continue;
        let ok = allowed.get(c.hlc);
        if (ok === undefined) {
          view.at = c.hlc;
          ok = judge(view, { table: 'member_keys', row: c.row_id, column: c.col, value: c.value }, c.author) === null;
          allowed.set(c.hlc, ok);
        }
        if (!ok) continue;
        decided.add(c.row_id);
        const on = c.col === 'confirmed' ? c.value === 1 : c.value !== 1;
        if (on && !confirmed.has(c.row_id)) {
          confirmed.add(c.row_id);
          grew = true;
        }
      }
    }
    this.confirmed = confirmed;
    return confirmed;
  }

  /** Why a change-log row is held back for its signature, or null. */
  change(c: SignedChange): Message | null {
    const records = this.covering(c);
    if (records.length === 0) return this.unsignedVerdict(c.author, c.hlc);
    const good = records.find((r) => this.verifyRecord(r));
    if (!good) return { key: 'heldBadSignature', params: { name: this.names(c.author) } };
    // A key's own first row (the key introducing itself) needs no confirmation.
    if (c.tbl === 'member_keys' && c.row_id === good.key_id) return null;
    return this.confirmedVerdict(good.key_id, c.author);
  }

  /** Why a text update is held back for its signature, or null. */
  text(t: { hlc: string; author: string; sectionId: string; replica?: string }): Message | null {
    const replica = t.replica ?? (this.db.prepare('SELECT replica FROM section_updates WHERE hlc = ?').pluck().get(t.hlc) as string | undefined) ?? '';
    const records = this.textCovering(t.sectionId, replica, t.author, t.hlc);
    if (records.length === 0) return this.unsignedVerdict(t.author, t.hlc);
    const good = records.find((r) => this.verifyRecord(r));
    if (!good) return { key: 'heldBadSignature', params: { name: this.names(t.author) } };
    return this.confirmedVerdict(good.key_id, t.author);
  }

  private unsignedVerdict(author: string, hlc: string): Message | null {
    const since = this.firstSigned.get(author);
    if (since !== undefined && since < hlc) return { key: 'heldUnsigned', params: { name: this.names(author), since: since.slice(0, 10) } };
    this.unsigned++;
    return null;
  }

  private confirmedVerdict(keyId: string, author: string): Message | null {
    if (this.confirmedKeys().has(keyId) || this.mine(keyId, author)) return null;
    return { key: 'heldUnconfirmedKey', params: { name: this.names(author), fingerprint: fingerprint(keyId) } };
  }
}
