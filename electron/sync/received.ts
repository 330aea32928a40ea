// Files that came from another office, made ready to open or to merge. A packed copy (./packed.ts)
// is opened by unpacking it into a report file beside it (`Report.uprz` gives `Report.upr`, or
// `Report (2).upr` when that name is taken): checked as any report is, with what was left out
// rebuilt (the cached text of sections, the search index), and who sent it learned (see
// ./vectors.ts). Opened again, the same copy opens the file it gave before, with the work done in
// it since. A packed file to merge is unpacked in a private temporary folder, gone afterwards.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { userError } from '../../shared/messages.js';
import { rebuildSearchIndex } from '../search/indexer.js';
import { assertWritableTarget } from '../store/files.js';
import { openReportDatabase, withReadOnly } from '../store/open.js';
import { sentNote } from './copy.js';
import { packedId, packedKind, unpack } from './packed.js';
import { PACKET_NOTE } from './packet.js';
import { recordPeer, vectorOf } from './vectors.js';

const UNPACKED_FROM = 'unpacked_from';

/**
 * The report file to open for `file`: the file itself, or, for a packed copy, the report it
 * unpacks to beside it. A packet of changes is refused: it is merged, never opened.
 */
export function reportToOpen(file: string): string {
  const source = path.resolve(file);
  const kind = packedKind(source);
  if (!kind) return source;
  const name = path.basename(source);
  if (kind === 'changes') throw userError('packedIsChanges', { name });
  const id = packedId(source);
  const stem = path.join(path.dirname(source), path.basename(source, path.extname(source)));
  for (let n = 1; n < 100; n++) {
    const candidate = `${stem}${n === 1 ? '' : ` (${n})`}.upr`;
    if (candidate === source) continue;
    if (!fs.existsSync(candidate)) return unpackBeside(source, candidate, id);
    if (unpackedFrom(candidate) === id) return candidate;
  }
  throw userError('cannotCreate', { file: `${stem}.upr`, reason: 'too many files of that name' });
}

/** The packed copy a report file was unpacked from (its header's digest), or null. */
function unpackedFrom(file: string): string | null {
  try {
    return withReadOnly(file, {}, (db) => (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(UNPACKED_FROM) as string | undefined) ?? null);
  } catch {
    // Not a report, or one that cannot be read: not the file this copy gave.
    return null;
  }
}

function unpackBeside(source: string, target: string, id: string): string {
  const name = path.basename(source);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-unpack-'));
  try {
    // Named as the person knows it: the checks' messages say which file is wrong.
    const plain = path.join(work, plainName(name));
    unpack(source, plain, name);
    const db = openReportDatabase(plain);
    try {
      if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(PACKET_NOTE)) throw userError('packedIsChanges', { name });
      db.transaction(() => {
        db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(UNPACKED_FROM, id);
        // The office that sent it had all of it: changes can go back to it from here.
        const sent = sentNote(db);
        if (sent?.organization) recordPeer(db, sent.organization, vectorOf(db), sent.at);
      })();
      rebuildSearchIndex(db);
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    // Written beside the target and renamed: a report is never half there.
    assertWritableTarget(target);
    const beside = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      fs.copyFileSync(plain, beside, fs.constants.COPYFILE_EXCL);
      if (fs.existsSync(target)) throw userError('fileExists', { file: target });
      fs.renameSync(beside, target);
    } catch (e) {
      fs.rmSync(beside, { force: true });
      if (e instanceof Error && 'code' in e && typeof e.code === 'string' && !e.code.startsWith('SQLITE') && e.name !== 'UserError') {
        throw userError('cannotCreate', { file: target, reason: e.message });
      }
      throw e;
    }
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Runs `use` on the report file `file` holds: the file itself, or, packed, what it unpacks to in a
 * private temporary folder (named `name`, the file as the person knows it), removed afterwards.
 */
export function withUnpacked<T>(file: string, name: string, use: (plain: string, packed: boolean) => T): T {
  if (!packedKind(file)) return use(file, false);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-received-'));
  try {
    const plain = path.join(work, plainName(name));
    unpack(file, plain, name);
    return use(plain, true);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A name to give a file in a temporary folder of ours: the person's file name, when it is one. */
function plainName(name: string): string {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\]/.test(name) && !name.includes('\u0000') ? name : 'received.upr';
}
