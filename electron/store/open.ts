// Opening and creating `.upr` files. A file is inspected read-only before anything writes to it:
// one that is not ours, is newer than this app or fails `quick_check` is refused, untouched.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../shared/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';
import { userError } from '../../shared/messages.js';

export type DB = Database.Database;

/** 'UPR1' as a 32-bit number: `PRAGMA application_id` of every report file. */
export const APPLICATION_ID = 0x55505231;

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** The largest file read as an image in memory; a larger one is read from a copy in a temporary folder. */
export const IMAGE_MAX_BYTES = 512 * 1024 * 1024;

/**
 * What a sound report of each schema version holds: its tables with their columns, and no
 * triggers or views (a file received from elsewhere could carry a trigger that runs on our writes).
 * Read off a database the migrations build in memory, once per version.
 */
const shapes = new Map<number, Map<string, string>>();

function shapeOf(db: DB): Map<string, string> {
  const shape = new Map<string, string>();
  for (const t of db.prepare("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND type IN ('table', 'view', 'trigger')").all() as Array<{ type: string; name: string }>) {
    if (t.type !== 'table') {
      shape.set(t.name, t.type);
      continue;
    }
    const columns = db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(t.name);
    shape.set(t.name, JSON.stringify(columns));
  }
  return shape;
}

function expectedShape(version: number): Map<string, string> {
  let shape = shapes.get(version);
  if (!shape) {
    const db = new Database(':memory:');
    try {
      migrate(db, version);
      shape = shapeOf(db);
    } finally {
      db.close();
    }
    shapes.set(version, shape);
  }
  return shape;
}

/**
 * Whether the file holds the tables (and columns) a report of its version has, and nothing that
 * runs by itself (triggers, views). Tables of the FTS index's own are created by SQLite and left out.
 */
function soundShape(db: DB, version: number): boolean {
  return shapeProblems(db, version).length === 0;
}

/** What the file lacks or has that a report of its version does not, in words (`upr check` lists them). */
export function shapeProblems(db: DB, version: number): string[] {
  const expected = expectedShape(version);
  const actual = shapeOf(db);
  const problems: string[] = [];
  for (const [name, shape] of expected) {
    if (!actual.has(name)) problems.push(`the table ${name} every report of schema ${version} has is missing`);
    else if (actual.get(name) !== shape) problems.push(`the table ${name} does not have the columns a report of schema ${version} has`);
  }
  for (const [name, kind] of actual) if (!expected.has(name) && (kind === 'view' || kind === 'trigger')) problems.push(`the file holds a ${kind} (${name}), which no report has: it could run on every change`);
  if (problems.length) return problems;
  if (!db.prepare("SELECT 1 FROM meta WHERE key = 'report_id'").get()) problems.push('the report id is missing');
  // Its settings (title, country, cycle): every report has them from the moment it is made.
  if (!db.prepare('SELECT 1 FROM report WHERE deleted = 0').get()) problems.push('the report’s settings (title, country, cycle) are missing');
  return problems;
}

/** Files known sound: checked here, or closed by this app and unchanged since (see TrustedFiles). */
export interface SoundFiles {
  isKnownSound(file: string): boolean;
  markSound(file: string): void;
}

/**
 * Checks, reading only, that `file` is a report this app can open: an SQLite file with our
 * application id, a schema version from 1 to ours, the tables a report of that version has (and no
 * triggers or views), a report id, and passing `PRAGMA quick_check` (skipped for a file `known`
 * says this app closed itself and nothing changed since). Throws a message a person can read;
 * never changes the file, nor leaves anything beside it.
 */
export function inspectReportFile(file: string, known?: SoundFiles, { inPlace = false }: { inPlace?: boolean } = {}): { schemaVersion: number } {
  return readReportFile(file, (_db, inspected) => inspected, { known, inPlace });
}

/**
 * Inspects `file` as `inspectReportFile` does and, when it passes, runs `read` on the same
 * read-only connection (see `withReadOnly`): a file received from elsewhere is opened once.
 * `tables`: `read` reads only these, and `quick_check` checks only them (with their indexes) where
 * the file has them: a fault elsewhere in the file cannot reach what is read.
 */
export function readReportFile<T>(
  file: string,
  read: (db: DB, inspected: { schemaVersion: number }) => T,
  { known, inPlace = false, tables }: { known?: SoundFiles; inPlace?: boolean; tables?: readonly string[] } = {},
): T {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw userError('noFile', { file });
  }
  if (stat.isDirectory()) throw userError('isFolder', { file });
  if (!stat.isFile()) throw userError('notAFile', { file });
  if (stat.size < 100) throw userError('tooShort', { name });
  if (fileHead(file, 16).toString('latin1') !== SQLITE_MAGIC) {
    throw userError('notOurs', { name });
  }
  // Asked before the file is opened (opening it may make an empty journal beside it).
  const knownSound = known?.isKnownSound(file) ?? false;
  return withReadOnly(file, { inPlace }, (db) => read(db, inspectOpened(db, name, knownSound ? undefined : () => known?.markSound(file), tables)), () => {
    throw damaged(name);
  });
}

/**
 * The checks of `inspectReportFile` on an open connection; `quickCheck` given runs `quick_check`
 * too (of `tables` only, when given), and is called when it passes.
 */
function inspectOpened(db: DB, name: string, quickCheck?: () => void, tables?: readonly string[]): { schemaVersion: number } {
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID) throw userError('sqliteNotOurs', { name });
    if (version > SCHEMA_VERSION) throw userError('tooNew', { name, version, supported: SCHEMA_VERSION });
    // Version 0 is a file that was never made into a report (or a foreign one wearing our id).
    if (version < 1) throw userError('sqliteNotOurs', { name });
    if (!soundShape(db, version)) throw damaged(name);
    if (quickCheck) {
      // Table names from our own list, and only those the file's shape (checked above) has.
      const checks = tables ? tables.filter((t) => expectedShape(version).has(t)).map((t) => `quick_check("${t}")`) : ['quick_check'];
      for (const check of checks) if (db.pragma(check, { simple: true }) !== 'ok') throw damaged(name);
      quickCheck();
    }
    return { schemaVersion: version };
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw damaged(name);
  }
}

/**
 * Runs `read` on a read-only connection to `file` that leaves nothing beside it. SQLite opening a
 * file whose header says WAL creates `-wal` and `-shm` files next to it, even read-only: such a
 * file is read as an image in memory, or, when its journal holds changes not yet in it, from a
 * copy of both in a temporary folder. A file in rollback-journal mode (every copy this app writes)
 * is read where it is. `inPlace` reads it where it is whatever its mode (a report about to be
 * opened there anyway); a journal made then is removed again if the file is refused.
 */
export function withReadOnly<T>(
  file: string,
  { inPlace = false }: { inPlace?: boolean },
  read: (db: DB) => T,
  unreadable: () => never = () => {
    throw userError('damaged', { name: path.basename(file) });
  },
): T {
  const header = fileHead(file, 20);
  const walMode = header[18] === 2 || header[19] === 2;
  const journal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  let dir: string | null = null;
  let source: string | Buffer = file;
  if (!inPlace && (journal > 0 || (walMode && fs.statSync(file).size > IMAGE_MAX_BYTES))) {
    // Changes still in the journal (or a file too large to hold in memory): the file and its
    // journal, read from a temporary folder.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-read-'));
    source = path.join(dir, 'copy.upr');
    fs.copyFileSync(file, source);
    if (journal > 0) fs.copyFileSync(`${file}-wal`, `${source}-wal`);
  } else if (!inPlace && walMode) {
    // The whole file is the database: read as an image in memory, switched to rollback mode.
    const image = fs.readFileSync(file);
    image[18] = 1;
    image[19] = 1;
    source = image;
  }
  // Read in place, SQLite may make a journal beside the file: gone again if the file is refused.
  const journals = typeof source === 'string' ? ['-wal', '-shm'].filter((j) => !fs.existsSync(source + j)) : [];
  const tidy = () => {
    for (const j of journals) {
      const f = (source as string) + j;
      if (j === '-wal' && (fs.statSync(f, { throwIfNoEntry: false })?.size ?? 0) > 0) return;
      fs.rmSync(f, { force: true });
    }
  };
  let db: DB;
  try {
    db = typeof source === 'string' ? new Database(source, { readonly: true, fileMustExist: true }) : new Database(source, { readonly: true });
  } catch {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    else tidy();
    return unreadable();
  }
  try {
    return read(db);
  } catch (e) {
    db.close();
    if (!dir) tidy();
    throw e;
  } finally {
    if (db.open) db.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
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
    }).immediate();
  }
}

/** Opens an existing report for reading and writing, after inspecting it (where it is: it is about to be opened there anyway). */
export function openReportDatabase(file: string, known?: SoundFiles): DB {
  inspectReportFile(file, known, { inPlace: true });
  const db = new Database(file, { fileMustExist: true });
  configure(db);
  migrate(db);
  return db;
}

/** Opens, in memory, an image of a report already inspected (see OpenReport.openSnapshot). */
export function openReportImage(image: Buffer): DB {
  const db = new Database(image);
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

/** The first `bytes` bytes of a file (zeros where it is shorter). */
function fileHead(file: string, bytes: number): Buffer {
  const head = Buffer.alloc(bytes);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, bytes, 0);
  } finally {
    fs.closeSync(fd);
  }
  return head;
}
