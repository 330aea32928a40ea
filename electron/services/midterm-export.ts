// The mid-term report as a file (issue 16, point 7): Word, or PDF printed from the same HTML as the
// report's. Anyone who can read the report may write it, as they may the report; nothing in the
// report changes. The target is checked before any work (never a report, nor a report's journal)
// and the file written beside its final name, then renamed over it when complete.
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput, Result } from '../../shared/api.js';
import { userError } from '../../shared/messages.js';
import { writeDocx } from '../export/docx.js';
import { buildMidtermDocument } from '../export/midterm.js';
import type { ExportDocument } from '../export/model.js';
import { printPdf } from '../export/pdf.js';
import { renderPrintHtml } from '../export/print.js';
import { writeThroughTemporary } from '../export/write-file.js';
import { assertWritableTarget } from '../store/files.js';
import type { DB } from '../store/open.js';
import type { ServiceContext } from './context.js';

export type MidtermFormat = ParsedInput<'export.midterm'>['format'];

/** How each format is written from the document. */
const MIDTERM_WRITERS: Record<MidtermFormat, (doc: ExportDocument) => Promise<Uint8Array>> = {
  docx: writeDocx,
  pdf: (doc) => printPdf(renderPrintHtml(doc)),
};

/** Today as an ISO day, in UTC as the report's other dates are. */
const today = () => new Date().toISOString().slice(0, 10);

/** Writes the mid-term report of `db` to `file`; says where, how big, and how many recommendations it tells. */
export async function writeMidterm(db: DB, format: MidtermFormat, file: string, asOf: string = today()): Promise<Result<'export.midterm'>> {
  // Said before the document is built and printed, which for a PDF takes seconds.
  assertWritableTarget(file);
  const doc = buildMidtermDocument(db, asOf);
  const recommendations = doc.annexes[0]?.rows.length ?? 0;
  if (recommendations === 0) throw userError('midtermNoRecommendations');
  const bytes = await MIDTERM_WRITERS[format](doc);
  await writeThroughTemporary(file, (tmp) => fs.promises.writeFile(tmp, bytes, { flag: 'wx', flush: true }));
  return { path: file, bytes: bytes.length, recommendations };
}

export function exportMidterm(ctx: ServiceContext, input: ParsedInput<'export.midterm'>): Promise<Result<'export.midterm'>> {
  return writeMidterm(ctx.report.db, input.format, path.resolve(input.path), input.asOf);
}
