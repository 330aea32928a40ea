// A report file packed to travel by e-mail: what "Send a copy" and "Send changes" write (`.uprz`).
// The file is an SQLite report (a whole copy without what can be rebuilt, or a packet of changes)
// compressed with Brotli from Node's own zlib: on the large generated report it gave 7.2 MB where
// gzip gave 10.8 MB, and unpacks as fast (0.15 s). A header says what it is, how large it
// unpacks and the SHA-256 of what it unpacks to, so a file cut short or changed on the way, one
// that would unpack past a sane size (a "zip bomb") or one that is not ours is refused, in words,
// before anything is opened or merged; nothing is ever unpacked over an existing file.
// Its own extension rather than `.upr` with other bytes inside: everything that takes a `.upr`
// (opening in place, checks, backups, recent files, `upr check`) reads it with SQLite, which a
// packed file is not; the person sees a file to open or merge, which opens as a `.upr` beside it.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { userError } from '../../shared/messages.js';
import { PACKED_EXTENSION } from '../report-files.js';

/**
 * The first eight bytes, made as PNG's are: a byte with the high bit set (a transfer that keeps
 * seven bits changes it), "UPRZ", CR LF (a transfer that converts line ends changes them) and ^Z.
 */
const MAGIC = Buffer.from([0x89, 0x55, 0x50, 0x52, 0x5a, 0x0d, 0x0a, 0x1a]);
const FORMAT = 1;
const BROTLI = 1;
/** Magic, format, kind, compression, a spare byte, the unpacked size (uint64) and its SHA-256. */
const HEADER_BYTES = 8 + 4 + 8 + 32;

export type PackedKind = 'copy' | 'changes';
const KINDS: Record<PackedKind, number> = { copy: 1, changes: 2 };

/**
 * How large a packed file may unpack: never past 2 GiB, and past 64 MiB only up to 32 times its
 * own size. Reports compress 7 to 11 times (the large generated one: 76.8 MB into 7.2 MB); an
 * attacker's file that unpacks a thousand times its size is refused before it fills the memory.
 */
export const UNPACKED_MAX_BYTES = 2 * 1024 ** 3;
const UNPACKED_FLOOR_BYTES = 64 * 1024 ** 2;
const UNPACKED_MAX_RATIO = 32;

export function unpackedLimit(packedBytes: number): number {
  return Math.min(UNPACKED_MAX_BYTES, Math.max(UNPACKED_FLOOR_BYTES, UNPACKED_MAX_RATIO * packedBytes));
}

/** Brotli's quality 5 with a 16 MB window: 7.2 MB in about 1 s for the large report (quality 9: 6.5 MB in 5.5 s). */
const QUALITY = 5;

/** What a packed file is (a copy, or changes), or null when the file does not start as ours. */
export function packedKind(file: string): PackedKind | null {
  const head = Buffer.alloc(HEADER_BYTES);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    if (!fs.fstatSync(fd).isFile()) return null;
    const read = fs.readSync(fd, head, 0, HEADER_BYTES, 0);
    if (read < MAGIC.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    // A file cut short inside its header is still ours: unpacking it says it is damaged.
    return head[9] === KINDS.changes ? 'changes' : 'copy';
  } finally {
    fs.closeSync(fd);
  }
}

/** What a packed file unpacks to, said in 64 hex digits (the SHA-256 its header gives). */
export function packedId(file: string): string {
  const head = Buffer.alloc(HEADER_BYTES);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, HEADER_BYTES, 0);
  } finally {
    fs.closeSync(fd);
  }
  return head.subarray(20, HEADER_BYTES).toString('hex');
}

/** The packed file's name for a file the person named: with `.uprz`, in place of `.upr` when they wrote that. */
export function packedPath(file: string): string {
  const resolved = path.resolve(file);
  if (resolved.toLowerCase().endsWith(`.${PACKED_EXTENSION}`)) return resolved;
  return `${resolved.toLowerCase().endsWith('.upr') ? resolved.slice(0, -4) : resolved}.${PACKED_EXTENSION}`;
}

/**
 * Packs the SQLite file `source` into `out` (written beside it under a temporary name, then
 * renamed: never half written). Returns the packed file's size.
 */
export function pack(source: string, out: string, kind: PackedKind): number {
  const plain = fs.readFileSync(source);
  const packed = zlib.brotliCompressSync(plain, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: QUALITY,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
    },
  });
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header[8] = FORMAT;
  header[9] = KINDS[kind];
  header[10] = BROTLI;
  header.writeBigUInt64LE(BigInt(plain.length), 12);
  createHash('sha256').update(plain).digest().copy(header, 20);
  const target = path.resolve(out);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx');
    try {
      fs.writeSync(fd, header);
      fs.writeSync(fd, packed);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return HEADER_BYTES + packed.length;
}

/**
 * Unpacks the packed file `file` into `to`, which must not exist. `name` is the file as the
 * person knows it, for messages. Throws, leaving nothing at `to`, when the file is not ours, was
 * packed by a newer version, would unpack past `unpackedLimit`, or is cut short or damaged (its
 * Brotli stream does not end where it should, or what it gives is not what its header promised).
 */
export function unpack(file: string, to: string, name: string = path.basename(file)): { kind: PackedKind; bytes: number } {
  const kind = packedKind(file);
  if (!kind) throw userError('notOurs', { name });
  // No report packs to more than it may unpack to: such a file is not read into memory at all.
  if (fs.statSync(file).size > UNPACKED_MAX_BYTES) throw userError('packedTooLarge', { name, limit: Math.round(UNPACKED_MAX_BYTES / 1024 ** 2) });
  const data = fs.readFileSync(file);
  if (data.length <= HEADER_BYTES) throw userError('packedDamaged', { name });
  if (data[8] !== FORMAT || data[10] !== BROTLI || (data[9] !== KINDS.copy && data[9] !== KINDS.changes)) throw userError('packedTooNew', { name });
  const limit = unpackedLimit(data.length);
  const declared = data.readBigUInt64LE(12);
  const tooLarge = () => userError('packedTooLarge', { name, limit: Math.round(limit / 1024 ** 2) });
  if (declared > BigInt(limit)) throw tooLarge();
  let plain: Buffer;
  try {
    plain = zlib.brotliDecompressSync(data.subarray(HEADER_BYTES), { maxOutputLength: limit });
  } catch (e) {
    if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw userError('packedDamaged', { name });
  }
  const sound =
    BigInt(plain.length) === declared &&
    createHash('sha256').update(plain).digest().equals(data.subarray(20, HEADER_BYTES)) &&
    plain.toString('latin1', 0, 16) === 'SQLite format 3\u0000';
  if (!sound) throw userError('packedDamaged', { name });
  try {
    fs.writeFileSync(to, plain, { flag: 'wx' });
  } catch (e) {
    // Written in part (the disk filled up): nothing is left of it.
    if ((e as { code?: string }).code !== 'EEXIST') fs.rmSync(to, { force: true });
    throw e;
  }
  return { kind, bytes: plain.length };
}
