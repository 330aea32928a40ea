// The file an export is written to, for every export the app makes: the comment matrix (XLSX, CSV)
// and the report (Word, PDF, HTML), the history (XLSX, CSV), the recommendations as open data (CSV, JSON).

const EXTENSIONS = { xlsx: '.xlsx', csv: '.csv', json: '.json', docx: '.docx', pdf: '.pdf', html: '.html' } as const;
export type ExportFileFormat = keyof typeof EXTENSIONS;

/**
 * The file to write an export to: the chosen path with the format's extension. The system's save
 * dialog is made for reports and hands back a ".upr" name; that extension is replaced, not kept.
 */
export function exportFilePath(chosen: string, format: ExportFileFormat): string {
  const path = chosen.trim();
  const ext = EXTENSIONS[format];
  if (path.toLowerCase().endsWith(ext)) return path;
  const withoutUpr = path.replace(/\.upr$/i, '');
  return withoutUpr + ext;
}
