// The Recommendations view at the scale in Chromium: the time from pressing its tab to the
// first rows on screen (opened again with nothing changed, and opened first in a page, the list
// fetched), and from a key typed in its search box to the filtered rows on screen, in the real app
// (built fresh from renderer/, served by the real browser-mode server over the report); against the
// floor of the same work: the same recommendations fetched from the same server and their first
// rows written as plain table rows. Taken in alternating rounds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { Host } from '../../../electron/hosts/host.js';
import { startServer } from '../../../electron/hosts/server.js';
import { CHROMIUM_ARGS, chromiumPath } from '../../e2e/harness.js';
import { builtApp } from '../app-build.js';

export const BASELINE_ROWS = 30;

export interface ViewSamples {
  /** Opened again with nothing changed: the list the view kept. */
  open: number[];
  /** Opened for the first time in a page: the list fetched. */
  first: number[];
  filter: number[];
  plain: number[];
  /** Rows in the page once the view was shown (all of them, unless it is virtualized). */
  renderedRows: number;
}

/** The clock starts on pointer-down on the tab and stops at the frame after the table's first row is in the DOM. */
const ARM_OPEN = `
  window.__shown = new Promise((resolve) => {
    let t0 = 0;
    function onDown() { t0 = performance.now(); document.removeEventListener('pointerdown', onDown, true); }
    document.addEventListener('pointerdown', onDown, true);
    const observer = new MutationObserver(function () {
      if (!t0 || !document.querySelector('.rc-table tbody tr th')) return;
      observer.disconnect();
      requestAnimationFrame(function () { resolve(performance.now() - t0); });
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  0;
`;

/** The clock starts when the word lands in the empty search box and stops at the frame after the count says the filter was applied. */
const ARM_FILTER = (word: string) => `
  window.__filtered = new Promise((resolve) => {
    let t0 = 0;
    const box = document.querySelector('.rc-filter-text input');
    function onInput() { t0 = performance.now(); box.removeEventListener('input', onInput, true); }
    box.addEventListener('input', onInput, true);
    const observer = new MutationObserver(function () {
      const count = document.querySelector('.table-screen-count');
      const shown = count && count.textContent.match(/Showing ([\\d,]+) of ([\\d,]+)/);
      if (!t0 || !shown || shown[1] === shown[2] || box.value !== ${JSON.stringify(word)}) return;
      observer.disconnect();
      requestAnimationFrame(function () { resolve(performance.now() - t0); });
    });
    observer.observe(document.querySelector('.table-screen-count'), { childList: true, subtree: true, characterData: true });
  });
  0;
`;

async function openOnce(page: Page): Promise<number> {
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.waitForFunction("!document.querySelector('.rc-table')");
  await page.waitForTimeout(150);
  await page.evaluate(ARM_OPEN);
  await page.getByRole('tab', { name: 'Recommendations' }).click();
  return (await page.evaluate('window.__shown')) as number;
}

/** One word put in the empty search box at once (as a paste is): the whole list filtered down by it. */
async function filterOnce(page: Page, word: string): Promise<number> {
  const box = page.locator('.rc-filter-text input');
  await page.evaluate(ARM_FILTER(word));
  await box.fill(word);
  const ms = (await page.evaluate('window.__filtered')) as number;
  await box.fill('');
  await page.waitForFunction("/Showing ([\\d,]+) of \\1 /.test(document.querySelector('.table-screen-count').textContent)");
  return ms;
}

const PLAIN_ROWS = (rows: number) => `(async function () {
  function escape(s) { return String(s).replace(/[&<>"]/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  const t0 = performance.now();
  const res = await fetch('./api/recommendations.list', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + (sessionStorage.getItem('upr.token') || ''), 'X-Upr-Client': 'bench-plain-rows' },
    body: '{}',
  });
  const reply = await res.json();
  if (!reply.ok) throw new Error('recommendations.list failed');
  const body = reply.result.slice(0, ${rows}).map(function (r) {
    return '<tr>' + [r.number, r.text, r.states.join(', '), r.position || '', r.themes.join('; '), r.implementationStatus].map(function (v) { return '<td>' + escape(v) + '</td>'; }).join('') + '</tr>';
  }).join('');
  const holder = document.createElement('div');
  holder.innerHTML = '<table><tbody>' + body + '</tbody></table>';
  document.body.append(holder);
  await new Promise(function (r) { requestAnimationFrame(r); });
  const elapsed = performance.now() - t0;
  holder.remove();
  return elapsed;
})()`;

/** A new page signed in, on the Overview: its first opening of the Recommendations view fetches the list. */
async function signedIn(page: Page, url: string, memberId: string): Promise<void> {
  await page.goto(url);
  const me = page.locator(`[role="option"][data-key="${memberId}"]`);
  await me.scrollIntoViewIfNeeded({ timeout: 60_000 });
  await me.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Recommendations' }).waitFor({ timeout: 60_000 });
}

async function firstOpening(page: Page): Promise<number> {
  await page.waitForTimeout(150);
  await page.evaluate(ARM_OPEN);
  await page.getByRole('tab', { name: 'Recommendations' }).click();
  return (await page.evaluate('window.__shown')) as number;
}

export async function measureRecommendationsView(file: string, memberId: string, rounds: number, warmup = 2): Promise<ViewSamples> {
  const appDir = await builtApp();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-bench-recs-'));
  const host = new Host({ dataDir });
  const server = await startServer({ host, token: 'bench-token-recs-00000', staticDir: appDir, defaultReport: file, port: 0 });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signedIn(page, server.url, memberId);
    const samples: ViewSamples = { open: [], first: [], filter: [], plain: [], renderedRows: 0 };
    const words = ['torture', 'education', 'housing', 'women', 'children'];
    for (let i = 0; i < warmup + rounds; i++) {
      const open = await openOnce(page);
      const filter = await filterOnce(page, words[i % words.length]!);
      const plain = (await page.evaluate(PLAIN_ROWS(BASELINE_ROWS))) as number;
      if (i >= warmup) {
        samples.open.push(open);
        samples.filter.push(filter);
        samples.plain.push(plain);
      }
    }
    samples.renderedRows = await page.locator('.rc-table tbody tr').count();
    // The first opening in a page of its own each round, the list fetched (the page loaded and signed in first, not timed).
    for (let i = 0; i < warmup + rounds; i++) {
      const fresh = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      try {
        await signedIn(fresh, server.url, memberId);
        const ms = await firstOpening(fresh);
        if (i >= warmup) samples.first.push(ms);
      } finally {
        await fresh.close();
      }
    }
    return samples;
  } finally {
    await browser.close();
    await server.close();
    host.closeAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
