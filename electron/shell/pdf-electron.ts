// The desktop app's PDF printer: Electron's own Chromium prints the report's HTML, so the installed
// app needs no other browser. The page is shown in no window, runs only the paged-media engine (its
// policy allows no other script; print.ts), has no preload, and lives in a session of its own (in
// memory) that lets it load nothing but its own file.
import { BrowserWindow, session } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { userError } from '../../shared/messages.js';
import { LAYOUT_TIMEOUT_MS, PDF_OPTIONS, type PdfPrinter } from '../export/pdf.js';
import { PRINTED_ATTRIBUTE } from '../export/print.js';

/** Not "persist:": nothing of the printing session is written to disk. */
const PRINT_PARTITION = 'upr-pdf-print';

/** The files being printed (two exports may overlap): the only addresses the printing session may load. */
const printing = new Set<string>();

function isPrintedFile(url: string): boolean {
  try {
    return printing.has(fileURLToPath(url));
  } catch {
    return false;
  }
}

/** Waits for the engine to say the pages are laid out (or that it failed, or for the time allowed to pass). */
async function laidOut(window: BrowserWindow): Promise<string> {
  const until = Date.now() + LAYOUT_TIMEOUT_MS;
  while (Date.now() < until) {
    const state: unknown = await window.webContents.executeJavaScript(`document.documentElement.getAttribute('${PRINTED_ATTRIBUTE}')`);
    if (state === 'ready' || state === 'failed') return state;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return 'failed';
}

export const printPdfWithElectron: PdfPrinter = async (html) => {
  const printSession = session.fromPartition(PRINT_PARTITION);
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isPrintedFile(details.url) }));
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: true, contextIsolation: true, sandbox: true, nodeIntegration: false, session: printSession, spellcheck: false },
  });
  // A temporary file rather than a data: URL, which Chromium caps at 2 MB (a long annex can pass that).
  let dir: string | undefined;
  try {
    dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'upr-pdf-'));
    const file = path.join(dir, 'report.html');
    await fs.promises.writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    printing.add(file);
    await window.loadFile(file);
    if ((await laidOut(window)) !== 'ready') throw userError('pdfLayoutFailed');
    const pdf = await window.webContents.printToPDF({ ...PDF_OPTIONS, pageSize: 'A4', generateTaggedPDF: true, generateDocumentOutline: true });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
    if (dir) {
      printing.delete(path.join(dir, 'report.html'));
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  }
};
