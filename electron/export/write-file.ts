// Writing an exported file safely: a temporary file beside the final name, renamed over it when
// complete, so a failed or interrupted export leaves whatever was there before, never half a file.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isUserError } from '../../shared/errors.js';
import { userError } from '../../shared/messages.js';
import { assertWritableTarget } from '../store/files.js';

/**
 * Writes a temporary file beside `file` and renames it over `file` when done: a failed or
 * interrupted export leaves whatever was there before, never half a file. File-system failures
 * become a message a person can act on.
 */
export async function writeThroughTemporary(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  // Never over a report, whatever it is called, nor a report's journal.
  assertWritableTarget(file);
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw userError('cannotWrite', { file, reason: FOLDER_OF_THAT_NAME });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await write(tmp);
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true }).catch(() => {});
    if (isUserError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== 'string' || !code.startsWith('E')) throw e;
    throw userError('cannotWrite', { file, reason: writeFailure(code, path.dirname(file), e as Error) });
  }
}

const FOLDER_OF_THAT_NAME = 'there is a folder of that name.';

/** A file-system failure's code, said as a reason a person can act on (the public tracker's folder says it too). */
export function writeFailure(code: string, dir: string, e: Error): string {
  switch (code) {
    case 'ENOENT':
      return fs.existsSync(dir) ? 'the file could not be created there.' : `the folder ${dir} does not exist.`;
    case 'ENOTDIR':
      return `${dir} is not a folder.`;
    case 'EISDIR':
      return FOLDER_OF_THAT_NAME;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (is the folder read-only, or the file open in another program?).';
    case 'EBUSY':
      return 'the file is open in another program; close it and try again.';
    case 'EROFS':
      return 'the disk is read-only.';
    case 'EFBIG':
      return 'the file would be larger than this disk or system allows.';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full.';
    case 'ENAMETOOLONG':
      return 'the name is too long.';
    default:
      return e.message;
  }
}
