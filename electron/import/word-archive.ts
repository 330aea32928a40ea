// A look inside a file said to be a Word document, before any converter unpacks it: what it
// really is, and whether it would unpack to a size no list of recommendations has.
import { strFromU8, unzipSync } from 'fflate';
import { userError } from '../../shared/messages.js';

/** The most a .docx may declare it unpacks to; a thematic list is a few megabytes at most. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

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
 * Throws a UserError unless `bytes` are a .docx that is safe to hand to a converter: a zip
 * archive, not an encrypted or old binary Word file, declaring no more than MAX_UNPACKED_BYTES
 * in all, with its main document part present.
 */
export function checkWordArchive(bytes: Uint8Array, name: string): void {
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
}
