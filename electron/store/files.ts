// The files a person names: where something may be written, and what may be read.
// - Nothing is ever written over a report: an export, a copy or a backup whose target is a report
//   file (this app's application id in its header), one of the reports open in this process (by
//   real path or by being the same file under another name), or a report's journal (`-wal`,
//   `-shm`, `-journal`) is refused before anything is written.
// - A file read for a person (an attachment, a list to import) must be a regular file outside the
//   system's own trees (/proc, /sys, /dev), and is read only up to its limit, whatever size it
//   claims: a file in /proc says 0 bytes and holds the process's secrets; /dev/zero never ends.
import fs from 'node:fs';
import path from 'node:path';
import { userError } from '../../shared/messages.js';
import { APPLICATION_ID } from './open.js';

const JOURNALS = ['-wal', '-shm', '-journal'];

/** The report files open in this process, by their real paths, and how many times each (OpenReport keeps this up to date). */
const openCounts = new Map<string, number>();
const openReports = {
  *[Symbol.iterator](): Iterator<string> {
    yield* openCounts.keys();
  },
};

export function noteOpenReport(file: string, open: boolean): void {
  const real = realPath(file);
  const n = (openCounts.get(real) ?? 0) + (open ? 1 : -1);
  if (n > 0) openCounts.set(real, n);
  else openCounts.delete(real);
}

/** The real path of a file, or of its folder joined with its name when it does not exist yet. */
export function realPath(file: string): string {
  const abs = path.resolve(file);
  try {
    return fs.realpathSync(abs);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Is this an SQLite file carrying this app's application id (a report, whatever its state)? */
export function isReportFile(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    if (!fs.fstatSync(fd).isFile()) return false;
    const header = Buffer.alloc(72);
    if (fs.readSync(fd, header, 0, 72, 0) < 72) return false;
    return header.toString('latin1', 0, 16) === 'SQLite format 3\u0000' && header.readUInt32BE(68) === APPLICATION_ID;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Throws a message a person can act on if `target` must not be written: it is a report, one open
 * here, or a report's journal. `allowed` is the one report a caller may replace on purpose (a
 * working copy written back over the file it came from).
 */
export function assertWritableTarget(target: string, allowed?: string): void {
  const real = realPath(target);
  if (allowed && real === realPath(allowed)) return;
  const name = path.basename(target);
  const stat = fs.statSync(real, { throwIfNoEntry: false });
  for (const open of openReports) {
    if (real === open || JOURNALS.some((j) => real === open + j)) throw userError('targetIsOpenReport', { file: target });
    if (stat) {
      const o = fs.statSync(open, { throwIfNoEntry: false });
      if (o && o.dev === stat.dev && o.ino === stat.ino) throw userError('targetIsOpenReport', { file: target });
    }
  }
  if (stat?.isFile() && isReportFile(real)) throw userError('targetIsReport', { file: target, name });
  const journal = JOURNALS.find((j) => real.endsWith(j));
  if (journal && isReportFile(real.slice(0, -journal.length))) throw userError('targetIsOpenReport', { file: target });
}

/** Trees of the system's own, whose "files" are devices or the running processes. */
const SYSTEM_TREES = process.platform === 'win32' ? [] : ['/proc', '/sys', '/dev'];

/**
 * Reads a file a person named, at most `limit` bytes: it must be a regular file outside the
 * system's own trees. `tooLarge` says what to tell them when it holds more.
 */
export function readUserFile(file: string, limit: number, tooLarge: (size: number) => Error): Buffer {
  const abs = path.resolve(file);
  let real: string;
  try {
    real = fs.realpathSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw userError('noFile', { file });
    throw userError('cannotRead', { file, reason: readFailure(e) });
  }
  if (SYSTEM_TREES.some((t) => real === t || real.startsWith(`${t}/`))) throw userError('notAFile', { file });
  let fd: number;
  try {
    fd = fs.openSync(real, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw userError('notAFile', { file });
    throw userError('cannotRead', { file, reason: readFailure(e) });
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw userError('notAFile', { file });
    if (stat.size > limit) throw tooLarge(stat.size);
    // Read to the end, never past the limit, whatever size the file said it had.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, limit + 1 - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) throw tooLarge(total);
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof Error && e.name === 'UserError') throw e;
    throw userError('cannotRead', { file, reason: readFailure(e) });
  } finally {
    fs.closeSync(fd);
  }
}

function readFailure(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied.';
    case 'EBUSY':
      return 'the file is open in another program; close it and try again.';
    case 'EIO':
      return 'the disk could not be read.';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
