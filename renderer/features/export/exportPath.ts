// The file an export is written to, for every export the app makes: the comment matrix (XLSX, CSV)
// and the report (Word, PDF, HTML).

const EXTENSIONS = { xlsx: '.xlsx', csv: '.csv', docx: '.docx', pdf: '.pdf', html: '.html' } as const;
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

/**
 * A path typed for one export, offered for another format: its export extension is swapped, so
 * "/out/report.docx" becomes "/out/report.pdf" when the PDF is written next, not "report.docx.pdf".
 */
export function switchExportFormat(typed: string, to: ExportFileFormat): string {
  const path = typed.trim();
  const ext = Object.values(EXTENSIONS).find((e) => path.toLowerCase().endsWith(e));
  return ext ? path.slice(0, -ext.length) + EXTENSIONS[to] : typed;
}

/**
 * The path offered when a typed-path form opens for an export: what was typed for the last one,
 * with this format's extension, or else `beside` (the report file) with it, or nothing.
 */
export function offerExportPath(typed: string, format: ExportFileFormat, beside?: string | null): string {
  if (typed.trim()) return exportFilePath(switchExportFormat(typed, format), format);
  return beside ? exportFilePath(beside, format) : '';
}
