// A crash loses at most the last second of typing: type in browser mode, kill the server process
// with SIGKILL a second later, and read the file. The editor says the typing was saved, and, typing
// on once the server is gone, that it is not saved yet and kept.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { readSectionText } from '../../electron/docs/section-text.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { listSections } from '../../electron/store/queries.js';
import { CHROMIUM_ARGS, chromiumPath, ensureRendererBuilt, ROOT } from './harness.js';

let child: ChildProcess | null = null;
let dir = '';
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function startServe(file: string, dataDir: string): Promise<string> {
  // One process (node with tsx's loader), so that SIGKILL really ends the server mid-work.
  child = spawn(process.execPath, ['--import', 'tsx', 'electron/hosts/serve.ts', '--file', file, '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child!.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child!.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child!.on('exit', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
  });
}

describe('a crash', () => {
  it('loses at most the last second of typing', async () => {
    ensureRendererBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-crash-'));
    const file = path.join(dir, 'report.upr');
    createDemoReport(file).close();
    const url = await startServe(file, path.join(dir, 'data'));
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(url);
      await page.getByRole('option', { name: /Tomás Ruiz/ }).click();
      await page.getByRole('tab', { name: 'Sections', exact: true }).click();
      await page.getByRole('row', { name: /Achievements, best practices/ }).click();
      await page.waitForFunction(() => document.querySelector('.ed-page')?.getAttribute('aria-busy') === 'false');
      await page.locator('.ed-content').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Saved before the crash.');
      await page.waitForTimeout(1000);
      await expect.poll(() => page.locator('.ed-save').textContent()).toBe('All changes saved');
      child!.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
      await page.keyboard.type(' Typed after.');
      await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 10_000 }).toMatch(/^Not saved yet: .*Your text is kept here/);
      expect(await page.locator('.ed-content').textContent()).toContain('Saved before the crash. Typed after.');
    } finally {
      await browser.close();
    }
    const report = OpenReport.open(file);
    try {
      const section = listSections(report.db).find((s) => s.title.startsWith('Achievements'))!;
      expect(readSectionText(report.db, section.id).plain).toMatch(/UNICEF\. Saved before the crash\.$/);
    } finally {
      report.close();
    }
  });
});
