// What a person is told when something fails that is not one of the app's own messages: a
// failure of the file or the disk said in their words (another program holding the file, a full
// disk, a damaged file), and anything else said to be unexpected, with where its details were
// written. Never a stack trace, never SQLite's own words ("database is locked", "no such table").
import fs from 'node:fs';
import path from 'node:path';
import { isUserError, type UserError } from '../../shared/errors.js';
import { userError } from '../../shared/messages.js';

/** The log of unexpected failures, in the user's data folder; kept under about a megabyte. */
export function logFile(dataDir: string): string {
  return path.join(dataDir, 'logs', 'upr.log');
}

const LOG_LIMIT = 1024 * 1024;

/** Appends an unexpected failure, with its stack, to the log; returns the log's path. */
export function logFailure(e: unknown, dataDir: string): string {
  const file = logFile(dataDir);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) > LOG_LIMIT) fs.renameSync(file, `${file}.1`);
    const what = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
    fs.appendFileSync(file, `${new Date().toISOString()} ${what}\n`);
  } catch {
    // A log that cannot be written must not hide the failure itself.
  }
  return file;
}

/** The failure as a message a person can read; an unexpected one is logged first. */
export function asUserError(e: unknown, dataDir: string): UserError {
  if (isUserError(e)) return e;
  const code = typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return userError('fileBusy');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return userError('fileDamagedWhileOpen');
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT') return userError('diskFull');
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return userError('fileReadOnly');
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'EIO') return userError('fileIo');
  if (code === 'EFBIG' || code === 'ERR_FS_FILE_TOO_LARGE') return userError('fileTooLargeForSystem');
  return userError('unexpected', { log: logFailure(e, dataDir) });
}
