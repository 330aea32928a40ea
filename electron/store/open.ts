// Opening and creating `.upr` files. A file is inspected read-only before anything writes to it:
// one that is not ours, is newer than this app or fails `quick_check` is refused, untouched.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';
import { userError } from '../../shared/messages.js';

export type DB = Database.Database;

/** 'UPR1' as a 32-bit number: `PRAGMA application_id` of every report file. */
export const APPLICATION_ID = 0x55505231;

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export function inspectReportFile(file: string): { schemaVersion: number } {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw userError('noFile', { file });
  }
  if (!stat.isFile()) throw userError('isFolder', { file });
  if (stat.size < 100) throw userError('tooShort', { name });
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_MAGIC) {
    throw userError('notOurs', { name });
  }
  let db: DB | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      throw userError('sqliteNotOurs', { name });
    }
    if (version > SCHEMA_VERSION) {
      throw userError('tooNew', { name, version, supported: SCHEMA_VERSION });
    }
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw damaged(name);
    return { schemaVersion: version };
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw damaged(name);
  } finally {
    db?.close();
  }
}

function damaged(name: string): UserError {
  return userError('damaged', { name });
}

function configure(db: DB): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = OFF');
}

export function migrate(db: DB, toVersion = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > toVersion) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** Opens an existing report for reading and writing, after inspecting it. */
export function openReportDatabase(file: string): DB {
  inspectReportFile(file);
  const db = new Database(file, { fileMustExist: true });
  configure(db);
  migrate(db);
  return db;
}

/** Creates a new, empty report file (schema only). Refuses to overwrite an existing file. */
export function createReportDatabase(file: string): DB {
  if (fs.existsSync(file)) {
    throw userError('fileExists', { file });
  }
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) throw userError('noFolder', { dir });
  let db: DB;
  try {
    db = new Database(file);
  } catch (e) {
    throw userError('cannotCreate', { file, reason: (e as Error).message });
  }
  try {
    configure(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db);
  } catch (e) {
    db.close();
    fs.rmSync(file, { force: true });
    throw e;
  }
  return db;
}

const statementCache = new WeakMap<DB, Map<string, Database.Statement>>();

/**
 * A prepared statement, prepared once per database (preparing costs more than running most reads).
 * It is shared by every caller with the same SQL, so a reader comes back returning rows as objects
 * even if an earlier caller switched it to `pluck()` or `raw()`.
 */
export function prepared(db: DB, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  else if (stmt.reader) stmt.raw(false).pluck(false).expand(false);
  return stmt;
}
