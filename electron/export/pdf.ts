// The exported report as PDF: its HTML (html.ts) printed on A4 by Chromium, with the page numbers in
// the footer. The Electron shell prints with its own Chromium (pdf-electron.ts); browser mode and the
// CLI launch the system's Chromium through playwright-core, in a page with JavaScript off and every
// request refused, since the file needs nothing but itself.
import fs from 'node:fs';
import { userError } from '../../shared/messages.js';

/** Prints a complete HTML document to PDF bytes. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** No header: without one Chromium would print the date and the title at the top of every page. */
export const PDF_HEADER_TEMPLATE = '<span></span>';

/** The page number centred under the text; Chromium fills the span in (it has no @page margin boxes). */
export const PDF_FOOTER_TEMPLATE =
  '<div style="inline-size:100%;text-align:center;font-size:9pt;font-family:\'Times New Roman\',Times,\'Liberation Serif\',serif;"><span class="pageNumber"></span></div>';

/** Debian's Chromium without a display, in a container (the end-to-end tests use the same). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

async function printWithChromium(html: string): Promise<Uint8Array> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) throw userError('pdfNeedsChromium', { path: executablePath });
  // Loaded only when a PDF is printed here (electron/build.mjs keeps it out of the shell's bundle).
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER_TEMPLATE,
      footerTemplate: PDF_FOOTER_TEMPLATE,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

let printer: PdfPrinter = printWithChromium;

/** The Electron shell sets its own printer (webContents.printToPDF); browser mode and the CLI use Chromium. */
export function setPdfPrinter(p: PdfPrinter): void {
  printer = p;
}

export async function printPdf(html: string): Promise<Uint8Array> {
  return printer(html);
}
