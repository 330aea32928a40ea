// The comment resolution matrix as a file: one row per comment, in comment-number order, for the
// meeting where drafters and reviewers go through them. XLSX for Excel and LibreOffice, or CSV
// (UTF-8 with a byte order mark and CRLF line ends, which is what Excel reads correctly).
import type { CommentState, CommentType, Disposition, ReviewComment } from '../../shared/domain.js';
import { listComments } from '../services/comments.js';
import type { DB } from '../store/open.js';
import { getReport } from '../store/queries.js';
import { writeTableFile, type TableFormat } from './table-file.js';

export type MatrixFormat = TableFormat;

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
  await writeTableFile(file, format, { title, subject: words.subject, sheet: words.sheet, columns: MATRIX_COLUMNS, headers, rows });
  return { path: file, rows: rows.length };
}

