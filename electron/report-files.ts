// Which report file a launch, a second launch or a dialog names: `.upr` files from the command line
// (a double-click in the file manager or Explorer), and the filters and extension for dialogs.
import path from 'node:path';

export const REPORT_EXTENSION = 'upr';
/** A copy packed to travel, or changes sent by another office (electron/sync/packed.ts). */
export const PACKED_EXTENSION = 'uprz';

/** For dialog.showOpenDialog: reports, and the copies and changes offices send each other (opened or merged as reports are). */
export const REPORT_FILE_FILTERS = [{ name: 'UPR report', extensions: [REPORT_EXTENSION, PACKED_EXTENSION] }];

/** Lists of recommendations to import: OHCHR's thematic list in Word, or a table (Excel or CSV). */
export const LIST_FILE_FILTERS = [
  { name: 'List of recommendations (Word, Excel, CSV)', extensions: ['docx', 'xlsx', 'csv'] },
  { name: 'Thematic list of recommendations (Word)', extensions: ['docx'] },
  { name: 'Table of recommendations (Excel, CSV)', extensions: ['xlsx', 'csv'] },
];

export function isReportPath(arg: string): boolean {
  const lower = arg.toLowerCase();
  return lower.endsWith(`.${REPORT_EXTENSION}`) || lower.endsWith(`.${PACKED_EXTENSION}`);
}

/**
 * The report a command line asks to open, resolved against the folder it was started in, or null.
 * Chromium and macOS switches ("--foo", "-psn_0_123") are skipped, and so is the executable itself
 * and, when running from source, the app folder: only an argument ending in .upr (or .uprz) counts.
 */
export function reportPathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (isReportPath(arg)) return path.resolve(cwd, arg);
  }
  return null;
}

/** Save dialogs on Linux do not add the extension from the filter; add it so the file is found again. */
export function withReportExtension(file: string): string {
  return withExtension(file, REPORT_EXTENSION);
}

export function withExtension(file: string, extension: string): string {
  return file.toLowerCase().endsWith(`.${extension}`) ? file : `${file}.${extension}`;
}

/** What a save dialog saves: a new report, or the comment matrix as a spreadsheet. */
export const SAVE_KINDS = {
  report: { title: 'Save the new report as', defaultName: 'National report', filter: 'UPR report', extension: REPORT_EXTENSION },
  xlsx: { title: 'Export the comment matrix', defaultName: 'Comment matrix', filter: 'Excel workbook', extension: 'xlsx' },
  csv: { title: 'Export the comment matrix', defaultName: 'Comment matrix', filter: 'CSV (comma-separated values)', extension: 'csv' },
  docx: { title: 'Export the report', defaultName: 'National report', filter: 'Word document', extension: 'docx' },
  pdf: { title: 'Export the report', defaultName: 'National report', filter: 'PDF document', extension: 'pdf' },
  html: { title: 'Export the report', defaultName: 'National report', filter: 'Web page (HTML)', extension: 'html' },
  json: { title: 'Export the recommendations as open data', defaultName: 'Recommendations', filter: 'JSON data', extension: 'json' },
  copy: { title: 'Send a copy of the report', defaultName: 'National report (copy)', filter: 'UPR report to send', extension: PACKED_EXTENSION },
  changes: { title: 'Send the changes to another office', defaultName: 'National report (changes)', filter: 'UPR changes to send', extension: PACKED_EXTENSION },
} as const;

export type SaveKind = keyof typeof SAVE_KINDS;

/** What a second launch sends the first through the single-instance lock. */
export interface SecondInstanceData {
  file: string | null;
}

export function fileFromSecondInstance(data: unknown, argv: readonly string[], cwd: string): string | null {
  const file = (data as Partial<SecondInstanceData> | null)?.file;
  if (typeof file === 'string' && isReportPath(file)) return path.resolve(file);
  return reportPathFromArgv(argv, cwd);
}
