// The comment resolution matrix as a file: one row per comment, in comment-number order, for the
// meeting where drafters and reviewers go through them. XLSX for Excel and LibreOffice, or CSV
// (UTF-8 with a byte order mark and CRLF line ends, which is what Excel reads correctly).
import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { CommentState, CommentType, Disposition, ReviewComment } from '../../shared/domain.js';
import { listComments } from '../services/comments.js';
import type { DB } from '../store/open.js';
import { getReport } from '../store/queries.js';
import { writeThroughTemporary } from './write-file.js';

export type MatrixFormat = 'xlsx' | 'csv';

/** The matrix's columns, in order: their width in characters, and whether their text wraps. */
export const MATRIX_COLUMNS = [
  { key: 'number', width: 6, wrap: false },
  { key: 'section', width: 28, wrap: true },
  { key: 'passage', width: 40, wrap: true },
  { key: 'reviewer', width: 20, wrap: true },
  { key: 'organization', width: 24, wrap: true },
  { key: 'type', width: 13, wrap: false },
  { key: 'comment', width: 50, wrap: true },
  { key: 'proposed', width: 40, wrap: true },
  { key: 'replies', width: 50, wrap: true },
  { key: 'disposition', width: 16, wrap: true },
  { key: 'rationale', width: 40, wrap: true },
  { key: 'decidedBy', width: 20, wrap: true },
  { key: 'decidedOn', width: 12, wrap: false },
  { key: 'status', width: 10, wrap: false },
] as const satisfies ReadonlyArray<{ key: string; width: number; wrap: boolean }>;

type MatrixColumnKey = (typeof MATRIX_COLUMNS)[number]['key'];

/** Every word the file is written in; another language is another object of this shape. */
export interface MatrixWords {
  sheet: string;
  /** The document's subject (its title is the report's title). */
  subject: string;
  headers: Record<MatrixColumnKey, string>;
  types: Record<CommentType, string>;
  dispositions: Record<Disposition, string>;
  states: Record<CommentState, string>;
  wholeSection: string;
  /** Put before the quote of a comment whose passage was deleted from the text. */
  passageDeleted: string;
  /** Put before the title of a section deleted from the outline. */
  sectionDeleted: string;
}

export const MATRIX_WORDS_EN: MatrixWords = {
  sheet: 'Comments',
  subject: 'Comment resolution matrix',
  headers: {
    number: 'No.',
    section: 'Section',
    passage: 'Passage',
    reviewer: 'Reviewer',
    organization: 'Organization',
    type: 'Type',
    comment: 'Comment',
    proposed: 'Proposed wording',
    replies: 'Replies',
    disposition: 'Disposition',
    rationale: 'Rationale',
    decidedBy: 'Decided by',
    decidedOn: 'Decided on',
    status: 'Status',
  },
  types: { critical: 'Critical', substantive: 'Substantive', editorial: 'Editorial' },
  dispositions: { accepted: 'Accepted', accepted_with_modification: 'Accepted with modification', not_accepted: 'Not accepted' },
  states: { open: 'Open', answered: 'Answered', closed: 'Closed' },
  wholeSection: 'Whole section',
  passageDeleted: '[passage deleted]',
  sectionDeleted: '[section deleted]',
};

/**
 * Text a spreadsheet would take for a formula (OWASP's list: = + - @, tab, carriage return) gets a
 * leading apostrophe, so a comment like "=HYPERLINK(...)" is shown, never run.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The day of an ISO timestamp where the export is made ('' when there is none). */
function day(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** One comment's row: the number as a number, every other cell as neutralized text. */
export function matrixRow(c: ReviewComment, words: MatrixWords = MATRIX_WORDS_EN): [number, ...string[]] {
  const cells: Record<MatrixColumnKey, string | number> = {
    number: c.number,
    section: c.sectionLabel ? `${c.sectionLabel} ${c.sectionTitle}` : `${words.sectionDeleted} ${c.sectionTitle}`,
    passage: !c.anchored ? words.wholeSection : c.detached ? `${words.passageDeleted} ${c.quote}` : c.quote,
    reviewer: c.authorName,
    organization: c.organizationName,
    type: words.types[c.type],
    comment: c.body,
    proposed: c.proposed,
    replies: c.replies.map((r) => `${r.authorName} (${day(r.createdAt)}): ${r.body}`).join('\n'),
    disposition: c.disposition ? words.dispositions[c.disposition] : '',
    rationale: c.rationale,
    decidedBy: c.decidedByName,
    decidedOn: day(c.decidedAt),
    status: words.states[c.state],
  };
  return MATRIX_COLUMNS.map(({ key }) => {
    const v = cells[key];
    return typeof v === 'number' ? v : neutralizeFormula(v);
  }) as [number, ...string[]];
}

/** Writes the report's comment resolution matrix to `file`, replacing it only once it is complete. */
export async function exportCommentMatrix(
  db: DB,
  format: MatrixFormat,
  file: string,
  words: MatrixWords = MATRIX_WORDS_EN,
): Promise<{ path: string; rows: number }> {
  const rows = listComments(db).map((c) => matrixRow(c, words));
  const headers = MATRIX_COLUMNS.map(({ key }) => words.headers[key]);
  const title = getReport(db).title;
  await writeThroughTemporary(file, (tmp) => (format === 'xlsx' ? writeXlsx(tmp, title, headers, rows, words) : writeCsv(tmp, headers, rows)));
  return { path: file, rows: rows.length };
}

async function writeCsv(tmp: string, headers: string[], rows: Array<Array<string | number>>): Promise<void> {
  const text = stringify([headers, ...rows], { bom: true, record_delimiter: 'windows' });
  await fs.promises.writeFile(tmp, text, { encoding: 'utf8', flag: 'wx', flush: true });
}

/** Streams the sheet to the file as rows are added; styles are set per column, not per cell. */
async function writeXlsx(tmp: string, title: string, headers: string[], rows: Array<Array<string | number>>, words: MatrixWords): Promise<void> {
  const out = await openStream(tmp);
  // exceljs listens for the file's errors only at the very end; one before that (a full disk)
  // must still end the export rather than the process.
  const failure = new Promise<never>((_, reject) => out.on('error', reject));
  try {
    await Promise.race([streamWorkbook(out, title, headers, rows, words), failure]);
    await Promise.race([closed(out), failure]);
  } catch (e) {
    // Closed before it is deleted: Windows deletes no open file.
    out.destroy();
    await closed(out);
    throw e;
  }
}

async function streamWorkbook(out: fs.WriteStream, title: string, headers: string[], rows: Array<Array<string | number>>, words: MatrixWords): Promise<void> {
  // Shared strings make every text cell a plain string cell (t="s"), never a formula's result.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  book.title = title;
  book.subject = words.subject;
  book.creator = 'UPR Workbench';
  book.lastModifiedBy = 'UPR Workbench';
  // The streaming writer does not check sheet names; Excel refuses a file whose name breaks its rules.
  const sheetName = words.sheet.replace(/[[\]:*?/\\\s]+/g, ' ').trim().slice(0, 31);
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = MATRIX_COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    style: { alignment: { vertical: 'top', wrapText: c.wrap } },
  }));
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  header.commit();
  for (const r of rows) sheet.addRow(r).commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: MATRIX_COLUMNS.length } };
  sheet.commit();
  await book.commit();
}

/** A write stream to a new file, once it is open (so a bad path fails here, as an error to catch). */
function openStream(file: string): Promise<fs.WriteStream> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file, { flags: 'wx', flush: true });
    out.once('open', () => {
      out.off('error', reject);
      resolve(out);
    });
    out.once('error', reject);
  });
}

/** Resolves once the file is flushed and closed, so it can be renamed (Windows renames no open file). */
function closed(out: fs.WriteStream): Promise<void> {
  return out.closed ? Promise.resolve() : new Promise((resolve) => out.once('close', () => resolve()));
}
