// A table written as a file a person opens in Excel or LibreOffice: XLSX (streamed, one sheet, the
// header row bold and frozen, an autofilter, printed landscape fitted to the page's width with the
// header row on every page) or CSV (UTF-8 with a byte order mark and CRLF line
// ends, which is what Excel reads correctly). Through a temporary file renamed when complete. The
// comment matrix and the history are written with it.
import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { writeThroughTemporary } from './write-file.js';

export type TableFormat = 'xlsx' | 'csv';

export interface TableFile {
  /** The document's title and subject (XLSX properties). */
  title: string;
  subject: string;
  sheet: string;
  columns: ReadonlyArray<{ key: string; width: number; wrap: boolean }>;
  headers: string[];
  rows: Array<Array<string | number>>;
}

export async function writeTableFile(file: string, format: TableFormat, table: TableFile): Promise<void> {
  await writeThroughTemporary(file, (tmp) => (format === 'xlsx' ? writeXlsx(tmp, table) : writeCsv(tmp, table.headers, table.rows)));
}

async function writeCsv(tmp: string, headers: string[], rows: Array<Array<string | number>>): Promise<void> {
  const text = stringify([headers, ...rows], { bom: true, record_delimiter: 'windows' });
  await fs.promises.writeFile(tmp, text, { encoding: 'utf8', flag: 'wx', flush: true });
}

/** Streams the sheet to the file as rows are added; styles are set per column, not per cell. */
async function writeXlsx(tmp: string, table: TableFile): Promise<void> {
  const out = await openStream(tmp);
  // exceljs listens for the file's errors only at the very end; one before that (a full disk)
  // must still end the export rather than the process.
  const failure = new Promise<never>((_, reject) => out.on('error', reject));
  try {
    await Promise.race([streamWorkbook(out, table), failure]);
    await Promise.race([closed(out), failure]);
  } catch (e) {
    // Closed before it is deleted: Windows deletes no open file.
    out.destroy();
    await closed(out);
    throw e;
  }
}

async function streamWorkbook(out: fs.WriteStream, { title, subject, sheet: name, columns, headers, rows }: TableFile): Promise<void> {
  // Shared strings make every text cell a plain string cell (t="s"), never a formula's result.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  book.title = title;
  book.subject = subject;
  book.creator = 'UPR Workbench';
  book.lastModifiedBy = 'UPR Workbench';
  // The streaming writer does not check sheet names; Excel refuses a file whose name breaks its rules.
  const sheetName = name.replace(/[[\]:*?/\\\s]+/g, ' ').trim().slice(0, 31);
  // Printed as a table is read: landscape A4, every column fitted to the page's width (as many pages
  // down as it takes), the header row repeated on each page.
  const sheet = book.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1', margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
  });
  sheet.columns = columns.map((c) => ({
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
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
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
