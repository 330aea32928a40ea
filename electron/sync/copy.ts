// A closed copy of a report: what a merge keeps as a backup, and what "Send a copy" packs. Made by
// SQLite's `VACUUM INTO` (a consistent, compacted snapshot even while the report is open and being
// written), under a temporary name beside the target, switched out of WAL so it is one
// self-contained file, then renamed: a copy is never half written and never a file copy of a
// live database. A backup before a merge may instead be a file copy of the checkpointed file taken
// while holding the write lock (`copyCheckpointed`): the same closed snapshot, uncompacted, faster.
// A copy sent to another office leaves out what can be rebuilt and is packed to travel by e-mail
// (`writeSentCopy`, ./packed.ts); backups stay plain `.upr` files.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { userError } from '../../shared/messages.js';
import { sealBeforeSending } from './signing.js';
import type { DB } from '../store/open.js';
import { assertWritableTarget, realPath } from '../store/files.js';
import { pack, packedPath, type PackedKind } from './packed.js';

/** Who sent a copy, from which file: kept in the copy's `meta` as `sent_copy` (never synced: it describes that file). */
export interface SentBy {
  /** The file it was made from (its name only). */
  from: string;
  /** The member's name, and id and organization when known (a copy sent from the command line may have none). */
  by: string;
  byId?: string;
  organization?: string;
}

/**
 * The tables a sent copy leaves out, all of them derived from the rest: the search index (FTS5 and
 * its bookkeeping) and the cached plain text of sections. Opening the copy rebuilds them
 * (./received.ts). The held-back changes are derived too, but cost little and are kept.
 */
export const DERIVED_TABLES = ['search_index', 'search_docs', 'search_state', 'search_pending', 'section_text'] as const;

/**
 * Writes a closed copy of the report at `out`, which must not be a report (nor one open here, nor
 * a report's journal), unless it is `replacing`: a working copy written back over its original.
 */
export function writeClosedCopy(db: DB, out: string, replacing?: string, sent?: SentBy): { path: string; bytes: number } {
  const target = path.resolve(out);
  if (realPath(db.name) === realPath(target)) throw userError('copyOverItself', { file: target });
  assertWritableTarget(target, replacing);
  if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw userError('isFolder', { file: target });
  if (!fs.existsSync(path.dirname(target))) throw userError('noFolder', { dir: path.dirname(target) });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    sealBeforeSending(db);
    db.prepare('VACUUM INTO ?').run(tmp);
    const copy = new Database(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
      // A copy sent to another office says so, and from which file and whom (never synced: it
      // describes this file; a copy sent on from a copy says where it last came from).
      if (sent) {
        copy.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('sent_copy', ?)").run(JSON.stringify({ ...sent, at: new Date().toISOString() }));
      }
    } finally {
      copy.close();
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && !e.code.startsWith('SQLITE')) {
      throw userError('cannotCreate', { file: target, reason: e.message });
    }
    throw e;
  }
  return { path: target, bytes: fs.statSync(target).size };
}

/**
 * "Send a copy": a closed copy of the report without what can be rebuilt (DERIVED_TABLES), saying
 * who sent it, packed (./packed.ts) at `out` (with `.uprz`; see packedPath). The closed copy is
 * made in a private temporary folder, then written beside the target and renamed.
 */
export function writeSentCopy(db: DB, out: string, sent?: SentBy): { path: string; bytes: number } {
  const target = packedPath(out);
  // A report named as the target is refused as it always was, though the copy would go beside it.
  if (path.resolve(out) !== target) assertSendTarget(db, path.resolve(out));
  assertSendTarget(db, target);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-send-'));
  try {
    const full = path.join(dir, 'full.upr');
    const slim = path.join(dir, 'copy.upr');
    sealBeforeSending(db);
    db.prepare('VACUUM INTO ?').run(full);
    const copy = new Database(full);
    try {
      copy.pragma('journal_mode = DELETE');
      if (sent) copy.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('sent_copy', ?)").run(JSON.stringify({ ...sent, at: new Date().toISOString() }));
      // Names from our own list, and only the tables this file has (a copy of an older schema may lack some).
      const has = new Set(copy.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
      copy.transaction(() => {
        for (const table of DERIVED_TABLES) if (has.has(table)) copy.exec(`DELETE FROM "${table}"`);
      })();
      copy.prepare('VACUUM INTO ?').run(slim);
    } finally {
      copy.close();
    }
    return { path: target, bytes: packAt(slim, target, 'copy') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Throws a message a person can act on unless a packed copy or packet may be written at `target`. */
export function assertSendTarget(db: DB, target: string): void {
  if (realPath(db.name) === realPath(target)) throw userError('copyOverItself', { file: target });
  assertWritableTarget(target);
  if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw userError('isFolder', { file: target });
  if (!fs.existsSync(path.dirname(target))) throw userError('noFolder', { dir: path.dirname(target) });
}

/** Packs `source` at `target`, a failure to write said in words. */
export function packAt(source: string, target: string, kind: PackedKind): number {
  try {
    return pack(source, target, kind);
  } catch (e) {
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && !e.code.startsWith('SQLITE')) {
      throw userError('cannotCreate', { file: target, reason: e.message });
    }
    throw e;
  }
}

/** Who sent this file, as its `sent_copy` note says; null when it says nothing readable. */
export function sentNote(db: DB): (SentBy & { at: string }) | null {
  const value = db.prepare("SELECT value FROM meta WHERE key = 'sent_copy'").pluck().get() as string | undefined;
  if (!value) return null;
  try {
    const n = JSON.parse(value) as Record<string, unknown>;
    if (typeof n.from !== 'string' || typeof n.by !== 'string' || typeof n.at !== 'string' || Number.isNaN(Date.parse(n.at))) return null;
    return {
      from: n.from,
      by: n.by,
      at: n.at,
      ...(typeof n.byId === 'string' ? { byId: n.byId } : {}),
      ...(typeof n.organization === 'string' ? { organization: n.organization } : {}),
    };
  } catch {
    return null;
  }
}

/** Keeps the newest `keep` backups of a report in `dir` (named `<report>-<time>.upr`), deleting older ones. */
export function backUp(db: DB, dir: string, keep = 10): string {
  fs.mkdirSync(dir, { recursive: true });
  const base = path.basename(db.name, path.extname(db.name));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${base}-${stamp}.upr`);
  assertWritableTarget(target);
  const written = copyCheckpointed(db, target) ?? writeClosedCopy(db, target).path;
  const mine = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.upr'))
    .sort();
  for (const old of mine.slice(0, Math.max(0, mine.length - keep))) fs.rmSync(path.join(dir, old), { force: true });
  return written;
}

/** The WAL file beside a database, and its size (0 when absent). */
function walSize(file: string): number {
  return fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
}

/**
 * A backup made quickly (a file copy, some five times faster than `VACUUM INTO` for a large report):
 * the WAL is checkpointed into the file and truncated, so the file alone is the whole database;
 * then, holding the write lock (so no connection can add to the WAL, and a checkpoint has nothing
 * to move into the file), the WAL is checked still empty and the file copied under a temporary
 * name. The copy's header is switched out of WAL mode (bytes 18 and 19 of the SQLite header: 1 for
 * a rollback journal, 2 for WAL), so it is one closed file as `writeClosedCopy` makes. Returns null
 * when this cannot be done, for `writeClosedCopy` instead.
 */
function copyCheckpointed(db: DB, target: string): string | null {
  if (db.inTransaction || String(db.pragma('journal_mode', { simple: true })) !== 'wal') return null;
  // Not waiting on a reader (another connection in a read transaction): that is the slow path's case.
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  let result: { busy: number } | undefined;
  try {
    [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  } finally {
    db.pragma(`busy_timeout = ${Number(timeout)}`);
  }
  if (!result || result.busy !== 0) return null;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      if (walSize(db.name) !== 0) return null;
      fs.copyFileSync(db.name, tmp);
    } finally {
      db.exec('COMMIT');
    }
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
    return target;
  } catch {
    fs.rmSync(tmp, { force: true });
    return null;
  }
}
