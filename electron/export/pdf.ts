// The exported report as PDF: its HTML printed by Chromium. IN PROGRESS (issue 5): being written.

/** Prints a complete HTML document to PDF bytes. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

let printer: PdfPrinter | null = null;

/** The Electron shell sets its own printer (webContents.printToPDF); browser mode and the CLI use Chromium. */
export function setPdfPrinter(p: PdfPrinter): void {
  printer = p;
}

export async function printPdf(html: string): Promise<Uint8Array> {
  if (printer) return printer(html);
  throw new Error('The PDF export is not built yet.');
}
