// Opening the comment resolution matrix in Chromium: the time from pressing the Comments tab to
// the first rows on screen, in the real app (built fresh from renderer/, served by the real
// browser-mode server over the report), against the floor of the same work: the same comments
// fetched from the same server and written as plain table rows. Taken in alternating rounds, so
// that machine noise falls on both alike.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { Host } from '../../../electron/hosts/host.js';
import { startServer } from '../../../electron/hosts/server.js';
import { CHROMIUM_ARGS, chromiumPath } from '../../e2e/harness.js';
import { builtApp } from '../app-build.js';

/** Rows the baseline writes: more than the matrix puts in the page in a 1600 × 1000 window (16 and its header). */
export const BASELINE_ROWS = 30;

export interface MatrixSamples {
  app: number[];
  plain: number[];
  /** Rows in the page once the matrix was shown (a check that it is virtualized). */
  renderedRows: number;
}

/*
 * The page scripts are plain JavaScript in strings: tsx (esbuild) would wrap the named arrow
 * functions of a TypeScript callback in a helper that does not exist in the page.
 */

/**
 * Arms the page: the clock starts when the pointer goes down on the Comments tab and stops at the
 * first animation frame after the grid holds its first data row (the frame that paints it).
 */
const ARM_PROBE = `
  window.__matrixShown = new Promise((resolve) => {
    let t0 = 0;
    function onDown() {
      t0 = performance.now();
      document.removeEventListener('pointerdown', onDown, true);
    }
    document.addEventListener('pointerdown', onDown, true);
    const observer = new MutationObserver(function () {
      if (!t0 || !document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]')) return;
      observer.disconnect();
      requestAnimationFrame(function () { resolve(performance.now() - t0); });
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  // Not the promise: evaluate would wait for it.
  0;
`;

async function openMatrixOnce(page: Page): Promise<number> {
  // From another view: the matrix is mounted afresh (and loads the comments) on every visit.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.waitForFunction('!document.querySelector(\'[role="grid"]\')');
  await page.waitForTimeout(150);
  await page.evaluate(ARM_PROBE);
  await page.getByRole('tab', { name: 'Comments' }).click();
  return (await page.evaluate('window.__matrixShown')) as number;
}

/** The floor: the same request to the same server, then plain rows written with innerHTML. */
const PLAIN_ROWS = (rows: number) => `(async function () {
  function escape(s) { return String(s).replace(/[&<>"]/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  const t0 = performance.now();
  const res = await fetch('./api/comments.list', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + (sessionStorage.getItem('upr.token') || ''), 'X-Upr-Client': 'bench-plain-rows' },
    body: '{}',
  });
  const reply = await res.json();
  if (!reply.ok) throw new Error('comments.list failed');
  const keys = ['number', 'sectionLabel', 'quote', 'organizationName', 'authorName', 'type', 'body', 'proposed', 'disposition', 'rationale', 'decidedByName', 'state'];
  const body = reply.result.slice(0, ${rows}).map(function (c) {
    return '<tr>' + keys.map(function (k) { return '<td>' + escape(c[k] == null ? '' : c[k]) + '</td>'; }).join('') + '</tr>';
  }).join('');
  const holder = document.createElement('div');
  holder.innerHTML = '<table><tbody>' + body + '</tbody></table>';
  document.body.append(holder);
  await new Promise(function (r) { requestAnimationFrame(r); });
  const elapsed = performance.now() - t0;
  holder.remove();
  return elapsed;
})()`;

export async function measureMatrixRender(file: string, memberId: string, rounds: number, warmup = 2): Promise<MatrixSamples> {
  const appDir = await builtApp();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-bench-matrix-'));
  const host = new Host({ dataDir });
  const server = await startServer({ host, token: 'bench-token-matrix-0000', staticDir: appDir, defaultReport: file, port: 0 });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(server.url);
    const me = page.locator(`[role="option"][data-key="${memberId}"]`);
    await me.scrollIntoViewIfNeeded({ timeout: 60_000 });
    await me.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Comments' }).waitFor({ timeout: 60_000 });
    const samples: MatrixSamples = { app: [], plain: [], renderedRows: 0 };
    for (let i = 0; i < warmup + rounds; i++) {
      const app = await openMatrixOnce(page);
      const plain = (await page.evaluate(PLAIN_ROWS(BASELINE_ROWS))) as number;
      if (i >= warmup) {
        samples.app.push(app);
        samples.plain.push(plain);
      }
    }
    samples.renderedRows = await page.locator('[role="grid"] [role="row"]').count();
    return samples;
  } finally {
    await browser.close();
    await server.close();
    host.closeAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
