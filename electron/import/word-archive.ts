// A look inside a file said to be a Word document (or a workbook), before any converter unpacks
// it: what it really is, and whether it unpacks to a size no list of recommendations has. What a
// zip says of its sizes can lie, so the archive is unpacked here, counting what really comes out
// and stopping at the limit, and the converter is given the parts re-packed, sizes true.
import { strFromU8, Unzip, UnzipInflate, unzipSync, zipSync } from 'fflate';
import { userError, type MessageKey } from '../../shared/messages.js';

/**
 * The most a .docx or .xlsx may unpack to. The real OHCHR list (215 recommendations) unpacks to
 * 1 MB and a 400-recommendation list to about 2 MB; mammoth needs some 60 times the text it reads
 * (16 MB of XML took 900 MB here), so 12 MB keeps a list far within the app's memory.
 */
export const MAX_UNPACKED_BYTES = 12 * 1024 * 1024;

/**
 * Unpacks a zip archive, counting the bytes that really come out (not what its directory says),
 * and re-packs it: the same parts, sizes true. Throws `tooLarge` past `limit` bytes in all, and
 * `damaged` when it cannot be read.
 */
export function repackArchive(bytes: Uint8Array, name: string, limit: number, damaged: MessageKey): Uint8Array {
  const parts: Record<string, Uint8Array> = {};
  let total = 0;
  let over = false;
  let broken = false;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (over || broken) return;
      if (err) {
        broken = true;
        return;
      }
      total += data.length;
      if (total > limit) {
        over = true;
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) {
        const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) {
          whole.set(c, at);
          at += c.length;
        }
        parts[file.name] = whole;
      }
    };
    if (!over && !broken) file.start();
  };
  try {
    unzip.push(bytes, true);
  } catch {
    broken = true;
  }
  if (over) throw userError('importTooLarge', { name });
  if (broken || Object.keys(parts).length === 0) throw userError(damaged, { name });
  return zipSync(parts, { level: 1 });
}

/** Compound File Binary: an old .doc, or a .docx encrypted with a password. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RELATIONSHIPS = '_rels/.rels';
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** The main part the package's relationships name, as mammoth finds it; word/document.xml by default. */
function mainPartPath(relationships: Uint8Array | undefined): string {
  if (!relationships) return 'word/document.xml';
  const xml = strFromU8(relationships);
  for (const rel of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
    if (rel.includes(`Type="${OFFICE_DOCUMENT}"`)) {
      const target = /Target="([^"]+)"/.exec(rel)?.[1];
      if (target) return target.replace(/^\//, '');
    }
  }
  return 'word/document.xml';
}

/**
 * The .docx to hand to a converter, re-packed with its true sizes, or a UserError: it must be a
 * zip archive, not an encrypted or old binary Word file, declaring and really unpacking to no more
 * than MAX_UNPACKED_BYTES in all, with its main document part present.
 */
export function checkWordArchive(bytes: Uint8Array, name: string): Uint8Array {
  if (startsWith(bytes, CFB_MAGIC)) throw userError('importProtectedOrDoc', { name });
  if (!startsWith(bytes, [0x50, 0x4b])) throw userError('importNotWord', { name });
  const names = new Set<string>();
  let declared = 0;
  let files;
  try {
    // Reads the central directory only; unpacks nothing but the small relationships part.
    files = unzipSync(bytes, {
      filter: (f) => {
        names.add(f.name);
        declared += f.originalSize;
        return f.name === RELATIONSHIPS && f.originalSize < 1024 * 1024 && declared <= MAX_UNPACKED_BYTES;
      },
    });
  } catch {
    throw userError('importDamaged', { name });
  }
  if (declared > MAX_UNPACKED_BYTES) {
    throw userError('importTooLarge', { name });
  }
  let main: string;
  try {
    main = mainPartPath(files[RELATIONSHIPS]);
  } catch {
    throw userError('importDamaged', { name });
  }
  if (!main.startsWith('word/') || !names.has(main)) throw userError('importNotWord', { name });
  return repackArchive(bytes, name, MAX_UNPACKED_BYTES, 'importDamaged');
}
