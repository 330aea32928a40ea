// The exported report as PDF: its HTML laid out in pages by the paged-media engine (print.ts), then
// printed on A4 by Chromium. The Electron shell prints with its own Chromium (pdf-electron.ts);
// browser mode and the CLI launch the system's Chromium through playwright-core, in a page that
// runs only the engine (its policy allows no other script) and whose every request is refused,
// since the file needs nothing but itself.
import fs from 'node:fs';
import { userError } from '../../shared/messages.js';
import { PRINTED_ATTRIBUTE } from './print.js';

/** Prints a complete HTML document to PDF bytes. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** How long the engine may take to lay out a report (a 23-page annex takes seconds, not minutes). */
export const LAYOUT_TIMEOUT_MS = 120_000;

/** The same options for both printers: the engine's page size, its page numbers, no header of Chromium's. */
export const PDF_OPTIONS = { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false } as const;

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
    const context = await browser.newContext();
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const state = await page
      .waitForFunction((name) => document.documentElement.getAttribute(name), PRINTED_ATTRIBUTE, { timeout: LAYOUT_TIMEOUT_MS })
      .then((handle) => handle.jsonValue())
      .catch(() => 'failed');
    if (state !== 'ready') throw userError('pdfLayoutFailed');
    const pdf = await page.pdf({ ...PDF_OPTIONS, format: 'A4', tagged: true, outline: true });
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
