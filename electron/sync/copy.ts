// A closed copy of a report: what "Send a copy" writes and what a merge keeps as a backup. Made by
// SQLite's `VACUUM INTO` (a consistent, compacted snapshot even while the report is open and being
// written), under a temporary name beside the target, switched out of WAL so it is one
// self-contained file, then renamed: a copy is never half written and never a file copy of a
// live database.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { userError } from '../../shared/messages.js';
import type { DB } from '../store/open.js';

export function writeClosedCopy(db: DB, out: string): { path: string; bytes: number } {
  const target = path.resolve(out);
  if (path.resolve(db.name) === target) throw userError('copyOverItself', { file: target });
  if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw userError('isFolder', { file: target });
  if (!fs.existsSync(path.dirname(target))) throw userError('noFolder', { dir: path.dirname(target) });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    const copy = new Database(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
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

/** Keeps the newest `keep` backups of a report in `dir` (named `<report>-<time>.upr`), deleting older ones. */
export function backUp(db: DB, dir: string, keep = 10): string {
  fs.mkdirSync(dir, { recursive: true });
  const base = path.basename(db.name, path.extname(db.name));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const { path: written } = writeClosedCopy(db, path.join(dir, `${base}-${stamp}.upr`));
  const mine = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.upr'))
    .sort();
  for (const old of mine.slice(0, Math.max(0, mine.length - keep))) fs.rmSync(path.join(dir, old), { force: true });
  return written;
}
