// End-to-end harness: browser mode (the real server and services, in this process) and Debian's
// Chromium driven by playwright-core. Each test gets its own data folder and report file.
import { CHROMIUM_ARGS, chromiumPath } from '../../electron/export/pdf.js';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { Host } from '../../electron/hosts/host.js';
import { startServer, type RunningServer } from '../../electron/hosts/server.js';
import { createDemoReport } from '../../electron/services/demo.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const STATIC_DIR = path.join(ROOT, 'dist', 'renderer');

// One place for how Chromium is found and started: the PDF export's.
export { CHROMIUM_ARGS, chromiumPath };

/** `npm test` builds the renderer first; a lone run of an e2e file builds it when missing. */
export function ensureRendererBuilt(): void {
  if (fs.existsSync(path.join(STATIC_DIR, 'index.html'))) return;
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'renderer/vite.config.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

export interface BrowserMode {
  dir: string;
  file: string;
  host: Host;
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  /** A new tab on the app, signed in to the server with the token. */
  openTab(): Promise<Page>;
  /** Closes the browser and the server; `keepFiles` leaves the folder for the test to read. */
  close(opts?: { keepFiles?: boolean }): Promise<void>;
}

export async function startBrowserMode(opts: { file?: string; makeFile?: (file: string) => void } = {}): Promise<BrowserMode> {
  ensureRendererBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-e2e-'));
  const file = opts.file ?? path.join(dir, 'report.upr');
  if (!fs.existsSync(file)) (opts.makeFile ?? ((f) => createDemoReport(f).close()))(file);
  const host = new Host({ dataDir: path.join(dir, 'data') });
  const server = await startServer({ host, token: `e2e-${Date.now()}`, staticDir: STATIC_DIR, defaultReport: file, port: 0 });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  return {
    dir,
    file,
    host,
    server,
    browser,
    context,
    async openTab() {
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
      await page.goto(server.url);
      return page;
    },
    async close({ keepFiles = false } = {}) {
      await context.close();
      await browser.close();
      await server.close();
      host.closeAll();
      if (!keepFiles) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Says who you are on the "who are you" screen and waits for the workspace. Drafters and reviewers
 * land on My work; unless `stay`, the Sections view is opened, where most tests start.
 */
export async function signIn(page: Page, name: string, { stay = false }: { stay?: boolean } = {}): Promise<void> {
  await page.getByRole('option', { name: new RegExp(name) }).click();
  const sections = page.getByRole('tab', { name: 'Sections', exact: true });
  await sections.waitFor();
  if (stay) return;
  if ((await sections.getAttribute('aria-selected')) !== 'true') await sections.click();
  await page.getByRole('navigation', { name: 'Outline' }).waitFor();
}

/**
 * Presses `button` and picks `file` in the browser's file chooser it opens (browser mode sends the
 * file to the server), as a person choosing it in the system's dialog would.
 */
export async function chooseFile(page: Page, button: Locator, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
}

/** Opens a section from the outline and waits for its text to be loaded. */
export async function openSection(page: Page, title: string | RegExp): Promise<void> {
  await page.getByRole('row', { name: title }).first().click();
  await page.locator('.ed-content').waitFor();
  await page.waitForFunction(() => document.querySelector('.ed-page')?.getAttribute('aria-busy') === 'false');
}

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical violations on the page, one line each. It waits first for
 * react-aria's live announcements to clear: they point at elements that may be gone (a dialog
 * closed, a choice made), which axe reports (role-img-alt) though nobody sees it.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.waitForFunction(() => [...document.querySelectorAll('[role="log"]')].every((log) => log.childElementCount === 0), null, { timeout: 15_000 });
  // Through the DevTools protocol: the app's CSP (rightly) refuses inline scripts.
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
