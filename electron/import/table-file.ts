// Reads a table of recommendations from a file: a CSV (any common encoding and delimiter) or the
// first sheet of an Excel workbook with content, cells as the spreadsheet shows them, checked
// against the limits of a list. recommendation-table.ts maps its columns and reads its rows.
import { analyse as analyseEncoding } from 'chardet';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { CSV_DELIMITERS, CSV_ENCODINGS, type CsvDelimiter, type CsvEncoding, type CsvReading } from '../../shared/domain.js';
import { userError } from '../../shared/messages.js';
import { headerKey, tidy } from './ohchr-cells.js';
import { repackArchive } from './word-archive.js';

/**
 * The most an .xlsx may unpack to: 10,000 rows of recommendations with their texts, States and
 * themes come to some 15 MB of sheet and shared strings.
 */
const MAX_WORKBOOK_BYTES = 32 * 1024 * 1024;

export const MAX_TABLE_ROWS = 10_000;
/** The longest recommendation of the corpus has under 1,000 characters. */
export const MAX_CELL_CHARS = 20_000;

export type TableKind = 'csv' | 'xlsx';

export function tableKindOf(fileName: string): TableKind | null {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return ext === 'csv' || ext === 'xlsx' ? ext : null;
}

export interface TableRow {
  /** The row as the spreadsheet numbers it (1 is the first line of the file or sheet). */
  row: number;
  cells: string[];
  /** Columns holding a number shown without fixed decimals: 115.10 stored as a number reads 115.1. */
  bareNumbers: Set<number>;
}

export interface RecommendationTable {
  /** The header row's cells, unnamed and repeated ones made distinct ("Column C", "Notes (2)"). */
  headers: string[];
  /** For a CSV: the encoding and delimiter it was read with; null for a workbook. */
  csv: CsvReading | null;
  /** The rows under the header, empty ones left out. */
  rows: TableRow[];
}

// ---------------------------------------------------------------------------------------------
// Reading the file

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * The table in a CSV or XLSX file (the caller checked the kind). `isHeader` tells the header row:
 * the first of the first rows it accepts (a title may stand above it), else the first row.
 */
export async function readTableFile(
  bytes: Uint8Array,
  fileName: string,
  isHeader: (cells: string[]) => boolean,
  csv: CsvChoice = {},
): Promise<RecommendationTable> {
  const kind = tableKindOf(fileName);
  if (kind === 'xlsx') return { ...tableOf(await readWorkbook(bytes, fileName), fileName, isHeader), csv: null };
  const read = readCsv(bytes, fileName, csv);
  return { ...tableOf(read.rows, fileName, isHeader), csv: read.reading };
}

/** What the person chose in the preview; what is not chosen is found in the file. */
export interface CsvChoice {
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
}

function checkCell(text: string, row: number, column: number, name: string): void {
  if (text.length > MAX_CELL_CHARS) throw userError('importCellTooLong', { name, row, column: columnLetters(column), limit: MAX_CELL_CHARS });
}

function tooManyRows(name: string): never {
  throw userError('importTooManyRows', { name, limit: MAX_TABLE_ROWS });
}

/**
 * The file's text and the encoding it was read in: the one chosen; else what the file says of
 * itself (a byte order mark, UTF-16 without one as Excel's "Unicode text", valid UTF-8); else the
 * likeliest of the single-byte encodings Excel saves in, as chardet judges the bytes (Windows-1250
 * for Central Europe, 1251 Cyrillic, 1252 Western...), which the person can change in the preview.
 */
function decodeCsv(bytes: Uint8Array, name: string, chosen?: CsvEncoding): { text: string; encoding: CsvEncoding; certain: boolean } {
  if (startsWith(bytes, [0x50, 0x4b]) || startsWith(bytes, CFB_MAGIC)) throw userError('importNotCsv', { name });
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) ? 2 : 0;
  const told: CsvEncoding | null =
    bom === 3 ? 'utf-8' : startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : bom === 2 ? 'utf-16be' : looksUtf16(bytes, 1) ? 'utf-16le' : looksUtf16(bytes, 0) ? 'utf-16be' : validUtf8(bytes) ? 'utf-8' : null;
  const encoding = chosen ?? told ?? likeliestEncoding(bytes);
  const text = new TextDecoder(encoding).decode(told && encoding === told ? bytes.subarray(bom) : bytes);
  if (text.includes('\u0000')) throw userError('importNotCsv', { name });
  return { text, encoding, certain: chosen === undefined && told !== null };
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** ISO encodings chardet names, as the Windows code pages that extend them (what Excel writes). */
const WINDOWS_OF: Record<string, CsvEncoding> = { 'iso-8859-1': 'windows-1252', 'iso-8859-6': 'windows-1256', 'iso-8859-7': 'windows-1253', 'iso-8859-9': 'windows-1254' };

/** chardet's likeliest encoding among those a CSV is read in; Windows-1252 when it names none of them. */
function likeliestEncoding(bytes: Uint8Array): CsvEncoding {
  const known = new Set<string>(CSV_ENCODINGS);
  for (const m of analyseEncoding(bytes.subarray(0, 256 * 1024))) {
    const name = m.name.toLowerCase();
    const encoding = WINDOWS_OF[name] ?? (known.has(name) ? (name as CsvEncoding) : null);
    if (encoding) return encoding;
  }
  return 'windows-1252';
}

/** Latin text in UTF-16 without a byte order mark: a zero byte at every other place. */
function looksUtf16(bytes: Uint8Array, zeroAt: 0 | 1): boolean {
  const n = Math.min(bytes.length, 400) & ~1;
  if (n < 4) return false;
  let zeros = 0;
  for (let i = zeroAt; i < n; i += 2) if (bytes[i] === 0) zeros++;
  return zeros >= (n / 2) * 0.9;
}

/** The delimiter of the header line: comma, semicolon (Excel in much of Europe), tab or bar, outside quotes. */
function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>([
    ['\t', 0],
    [';', 0],
    [',', 0],
    ['|', 0],
  ]);
  let quoted = false;
  for (const c of text.slice(0, 64 * 1024)) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c as CsvDelimiter)) counts.set(c as CsvDelimiter, counts.get(c as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

function readCsv(bytes: Uint8Array, name: string, chosen: CsvChoice): { rows: TableRow[]; reading: CsvReading } {
  const decoded = decodeCsv(bytes, name, chosen.encoding);
  let text = decoded.text;
  // Excel's own hint, "sep=;" on the first line, names the delimiter and is not a row.
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) text = text.slice(hint[0].length);
  const named = hint && (CSV_DELIMITERS as readonly string[]).includes(hint[1]!) ? (hint[1] as CsvDelimiter) : null;
  const delimiter: CsvDelimiter = chosen.delimiter ?? named ?? detectDelimiter(text);
  const reading: CsvReading = { encoding: decoded.encoding, delimiter, certain: decoded.certain };
  const rows: TableRow[] = [];
  let count = 0;
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // Past the limit, records are dropped as they come rather than held in memory.
      on_record: (record: string[]) => (++count > MAX_TABLE_ROWS + 1 ? null : record),
    }) as string[][];
  } catch (e) {
    throw userError('importCsvUnreadable', { name, line: Number((e as { lines?: unknown }).lines) || 1 });
  }
  if (count > MAX_TABLE_ROWS + 1) tooManyRows(name);
  records.forEach((record, i) => {
    record.forEach((cell, c) => checkCell(cell, i + 1, c, name));
    rows.push({ row: i + 1, cells: record, bareNumbers: new Set() });
  });
  return { rows, reading };
}

/** The .xlsx workbook re-packed with its true sizes, or a UserError unless it is one that is safe to unpack. */
export function checkWorkbookArchive(bytes: Uint8Array, name: string): Uint8Array {
  if (startsWith(bytes, CFB_MAGIC)) throw userError('importProtectedOrXls', { name });
  if (!startsWith(bytes, [0x50, 0x4b])) throw userError('importNotXlsx', { name });
  let declared = 0;
  let workbook = false;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        declared += f.originalSize;
        if (/^xl\/workbook\d*\.xml$/.test(f.name)) workbook = true;
        return false;
      },
    });
  } catch {
    throw userError('importTableDamaged', { name });
  }
  if (declared > MAX_WORKBOOK_BYTES) throw userError('importTooLarge', { name });
  if (!workbook) throw userError('importNotXlsx', { name });
  return repackArchive(bytes, name, MAX_WORKBOOK_BYTES, 'importTableDamaged');
}

async function readWorkbook(bytes: Uint8Array, name: string): Promise<TableRow[]> {
  const safe = checkWorkbookArchive(bytes, name);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(safe.buffer, safe.byteOffset, safe.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw userError('importTableDamaged', { name });
  }
  const sheet = workbook.worksheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden' && s.actualRowCount > 0);
  if (!sheet) return [];
  if (sheet.actualRowCount > MAX_TABLE_ROWS + 1) tooManyRows(name);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    const bareNumbers = new Set<number>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = shownText(cell);
      checkCell(text, row.number, col - 1, name);
      cells[col - 1] = text;
      if (typeof valueOf(cell) === 'number' && fixedDecimals(cell.numFmt) === null) bareNumbers.add(col - 1);
    });
    rows.push({ row: row.number, cells: Array.from(cells, (c) => c ?? ''), bareNumbers });
  });
  return rows;
}

/**
 * What a cell holds, as far as reading it goes. A cell merged into another takes that one's value
 * down its first column (a cluster written once beside the rows it covers), and is empty elsewhere
 * (a title spanning the columns counts once).
 */
function valueOf(cell: ExcelJS.Cell): ExcelJS.CellValue {
  if (cell.isMerged && cell.master !== cell) {
    const master = cell.master;
    return master.col === cell.col ? valueOf(master) : null;
  }
  const v = cell.value;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return (v.result ?? null) as ExcelJS.CellValue;
  return v;
}

/** Decimals a number format fixes ("0.00" -> 2), or null when it shows numbers as they are ("General"). */
function fixedDecimals(numFmt: string | undefined): number | null {
  const m = /^[#,]*0(?:\.(0+))?(?:;.*)?$/.exec(numFmt ?? '');
  return m ? (m[1]?.length ?? 0) : null;
}

/** The cell's text as the spreadsheet shows it: 115.10 with a "0.00" format stays 115.10. */
function shownText(cell: ExcelJS.Cell): string {
  const v = valueOf(cell);
  if (typeof v === 'number') {
    const decimals = fixedDecimals(cell.numFmt);
    return decimals === null ? String(v) : v.toFixed(decimals);
  }
  return textOf(v);
}

function textOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => textOf(r.text)).join('');
    if ('text' in v) return textOf(v.text); // a hyperlink
    if ('result' in v) return textOf(v.result);
  }
  return ''; // an error value (#N/A) says nothing about a recommendation
}

// ---------------------------------------------------------------------------------------------
// The header row

function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export const filled = (cells: readonly string[]) => cells.filter((c) => c.trim() !== '').length;

function tableOf(grid: TableRow[], name: string, isHeader: (cells: string[]) => boolean): Omit<RecommendationTable, 'csv'> {
  const candidates = grid.filter((r) => filled(r.cells) > 0).slice(0, 10);
  if (candidates.length === 0) throw userError('importTableEmpty', { name });
  const header =
    candidates.find((r) => filled(r.cells) >= 2 && isHeader(r.cells.map(tidy))) ?? candidates[0]!;
  const body = grid.filter((r) => r.row > header.row && filled(r.cells) > 0);
  const width = Math.max(header.cells.length, ...body.map((r) => r.cells.length));
  const seen = new Map<string, number>();
  const headers = Array.from({ length: width }, (_, i) => {
    const written = tidy(header.cells[i] ?? '') || `Column ${columnLetters(i)}`;
    const times = (seen.get(headerKey(written)) ?? 0) + 1;
    seen.set(headerKey(written), times);
    return times === 1 ? written : `${written} (${times})`;
  });
  return { headers, rows: body };
}
