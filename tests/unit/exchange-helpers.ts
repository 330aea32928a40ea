// What the tests of copies and packets share: a report's contents to compare two files by, and the
// parts of a packed file, to damage one on purpose.
import fs from 'node:fs';
import { readSectionText } from '../../electron/docs/section-text.js';
import type { OpenReport } from '../../electron/store/open-report.js';
import { listSections } from '../../electron/store/queries.js';
import { SYNCED_TABLES } from '../../electron/store/schema.js';

/**
 * Every synced table's rows, every section's text, the log's stamps and what is held back: what a
 * person could tell two files apart by. The versions each merge saves of the file before it (named
 * after the file merged, made then) are the merging office's own, and left out.
 */
export function contents(report: OpenReport) {
  const synced = Object.keys(SYNCED_TABLES).filter((t) => t !== 'versions');
  const tables = Object.fromEntries(synced.map((t) => [t, report.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
  const texts = Object.fromEntries(listSections(report.db).map((s) => [s.id, readSectionText(report.db, s.id).plain]));
  return {
    tables,
    texts,
    log: report.db.prepare("SELECT hlc FROM change_log WHERE tbl <> 'versions' ORDER BY hlc").pluck().all(),
    held: report.db.prepare('SELECT kind, hlc FROM held_changes ORDER BY kind, hlc').all(),
  };
}

/** A packed file's header: 8 bytes of magic, format, kind, compression, a spare byte, the unpacked size (uint64 LE), its SHA-256. */
export const HEADER = { format: 8, kind: 9, size: 12, sha: 20, bytes: 52 } as const;

/** Rewrites a packed file with parts of it changed (the header's fields, or the compressed bytes after it). */
export function repack(from: string, to: string, change: { format?: number; size?: bigint; payload?: Buffer; flip?: number }): string {
  const bytes = fs.readFileSync(from);
  const header = Buffer.from(bytes.subarray(0, HEADER.bytes));
  let payload: Buffer = Buffer.from(bytes.subarray(HEADER.bytes));
  if (change.format !== undefined) header[HEADER.format] = change.format;
  if (change.size !== undefined) header.writeBigUInt64LE(change.size, HEADER.size);
  if (change.payload) payload = change.payload;
  const out = Buffer.concat([header, payload]);
  if (change.flip !== undefined) out[change.flip] = out[change.flip]! ^ 0xff;
  fs.writeFileSync(to, out);
  return to;
}
