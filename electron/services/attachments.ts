// Files attached to consultation inputs (a submission as PDF, the minutes of a consultation). Their
// metadata is written through the change log like every other change; their bytes are stored once
// per content, by SHA-256, in `blobs`, outside the log: content-addressed rows never change, so two
// copies of the report merge them by union.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { AttachmentContent, ParsedInput } from '../../shared/api.js';
import type { ConsultationInput } from '../../shared/domain.js';
import { userError } from '../../shared/messages.js';
import { prepared, type DB } from '../store/open.js';
import { readUserFile } from '../store/files.js';
import type { Change } from '../sync/changes.js';
import type { ServiceContext } from './context.js';
import { actor } from './access.js';
import { inputOrThrow } from './inputs.js';

const MB = 1024 * 1024;
/** The largest file that can be attached; a report file travels by email and USB stick. */
export const ATTACHMENT_LIMIT_MB = 50;
const ATTACHMENT_LIMIT = ATTACHMENT_LIMIT_MB * MB;

/**
 * A size in MB as people read it: one decimal under 10 MB, whole MB above. A file over the limit
 * never reads as the limit itself ("50 MB; at most 50 MB"): it gets the decimal that shows it is over.
 */
export function megabytes(bytes: number): number {
  const mb = bytes / MB;
  if (mb < 10) return Math.round(mb * 10) / 10;
  const whole = Math.round(mb);
  if (bytes > ATTACHMENT_LIMIT && whole <= ATTACHMENT_LIMIT_MB) return Math.ceil(mb * 10) / 10;
  return whole;
}

// Control characters, and the bidirectional overrides that can make "txt.exe" read as "exe.txt".
const UNSAFE_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const MAX_NAME = 255;

/**
 * A file name safe to show: the last part of any path, without control characters, at most 255
 * characters (the extension kept when the rest is cut).
 */
export function attachmentName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const name = base.replace(UNSAFE_CHARACTERS, '').replace(/\s+/g, ' ').trim().normalize('NFC');
  if (/^\.*$/.test(name)) return 'attachment';
  const chars = [...name];
  if (chars.length <= MAX_NAME) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? [...name.slice(dot)] : [];
  if (extension.length === 0 || extension.length > 16) return chars.slice(0, MAX_NAME).join('');
  return [...chars.slice(0, MAX_NAME - extension.length), ...extension].join('');
}

// The files people attach most; anything else opens as plain bytes.
const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.rtf': 'application/rtf',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.csv': 'text/csv',
  '.txt': 'text/plain',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.eml': 'message/rfc822',
};

/** The media type given, without parameters, when it is a well-formed one; else guessed from the name. */
export function attachmentMediaType(given: string, name: string): string {
  const essence = given.split(';')[0]!.trim().toLowerCase();
  if (/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(essence) && essence !== 'application/octet-stream') return essence;
  return MEDIA_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

function tooLarge(name: string, size: number) {
  return userError('attachmentTooLarge', { name, size: megabytes(size), limit: ATTACHMENT_LIMIT_MB });
}

/**
 * Attaches a file to an input: the bytes stored once by their hash, the metadata through the change
 * log, in one transaction. Too large or empty, nothing is written.
 */
export function addAttachment(ctx: ServiceContext, inputId: string, file: { name: string; mediaType: string; bytes: Uint8Array }): ConsultationInput {
  const author = actor(ctx);
  const { db } = ctx.report;
  const input = inputOrThrow(db, inputId);
  const name = attachmentName(file.name);
  if (file.bytes.length > ATTACHMENT_LIMIT) throw tooLarge(name, file.bytes.length);
  if (file.bytes.length === 0) throw userError('attachmentEmpty', { name });
  const id = ctx.report.newId();
  const cell = (column: string, value: string | number): Change => ({ table: 'attachments', row: id, column, value });
  db.transaction(() => {
    const sha256 = storeBlob(db, file.bytes);
    ctx.report.write(author.id, [
      cell('input_id', input.id),
      cell('name', name),
      cell('media_type', attachmentMediaType(file.mediaType, name)),
      cell('size', file.bytes.length),
      cell('sha256', sha256),
      cell('created_at', new Date().toISOString()),
    ]);
  }).immediate();
  ctx.report.emit({ kind: 'changed', what: ['inputs'] });
  return inputOrThrow(db, input.id);
}

export function attachData(ctx: ServiceContext, input: ParsedInput<'inputs.attach'>): ConsultationInput {
  // Checked before decoding, so a refused caller costs nothing.
  return addAttachment(ctx, input.inputId, { name: input.name, mediaType: input.mediaType, bytes: Buffer.from(input.data, 'base64') });
}

/**
 * Reads a file from disk in the main process (for files too large for the API): a regular file
 * outside the system's own trees, read no further than the limit whatever size it claims.
 */
export function attachFile(ctx: ServiceContext, input: ParsedInput<'inputs.attachFile'>): ConsultationInput {
  // Nobody without the right to attach learns anything about the disk, not even whether a file is there.
  inputOrThrow(ctx.report.db, input.inputId);
  const file = path.resolve(input.path);
  const name = input.name ?? path.basename(file);
  const bytes = readFileToAttach(file, attachmentName(name));
  return addAttachment(ctx, input.inputId, { name, mediaType: input.mediaType, bytes });
}

/** Soft: the file leaves the input. Its bytes stay in `blobs`, where another input or copy may need them. */
export function detachAttachment(ctx: ServiceContext, input: ParsedInput<'inputs.detach'>): ConsultationInput {
  const author = actor(ctx);
  const { db } = ctx.report;
  const row = prepared(db, 'SELECT input_id FROM attachments WHERE id = ? AND deleted = 0').get(input.id) as { input_id: string } | undefined;
  if (!row) throw userError('attachmentMissing');
  const owner = inputOrThrow(db, row.input_id);
  ctx.report.write(author.id, [{ table: 'attachments', row: input.id, column: 'deleted', value: 1 }]);
  ctx.report.emit({ kind: 'changed', what: ['inputs'] });
  return inputOrThrow(db, owner.id);
}

/** An attachment's bytes, checked against the hash they were attached with. */
export function attachmentContent(db: DB, id: string): { name: string; mediaType: string; bytes: Buffer } {
  const row = prepared(
    db,
    `SELECT a.name, a.media_type, a.sha256 FROM attachments AS a JOIN inputs AS i ON i.id = a.input_id
     WHERE a.id = ? AND a.deleted = 0 AND i.deleted = 0`,
  ).get(id) as { name: string; media_type: string; sha256: string } | undefined;
  if (!row) throw userError('attachmentMissing');
  return { name: row.name, mediaType: row.media_type, bytes: readBlob(db, row.sha256, row.name) };
}

/** A file from disk to attach (to an input, or as a progress note's evidence): read no further than the limit, whatever size it claims. */
export function readFileToAttach(file: string, name: string): Uint8Array {
  return readUserFile(file, ATTACHMENT_LIMIT, (size) => tooLarge(name, size));
}

/** Stores bytes once by their SHA-256 (a content-addressed row never changes); answers the hash. */
export function storeBlob(db: DB, bytes: Uint8Array): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  prepared(db, 'INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)').run(sha256, bytes.length, bytes);
  return sha256;
}

/** The bytes stored for `sha256`, checked against it; `name` is the file the messages speak of. */
export function readBlob(db: DB, sha256: string, name: string): Buffer {
  const blob = prepared(db, 'SELECT data FROM blobs WHERE sha256 = ?').get(sha256) as { data: Buffer } | undefined;
  if (!blob) throw userError('attachmentNotHere', { name });
  if (createHash('sha256').update(blob.data).digest('hex') !== sha256) throw userError('attachmentDamaged', { name });
  return blob.data;
}

export function attachmentOf(ctx: ServiceContext, input: ParsedInput<'inputs.attachment'>): AttachmentContent {
  const { name, mediaType, bytes } = attachmentContent(ctx.report.db, input.id);
  return { name, mediaType, data: bytes.toString('base64') };
}
