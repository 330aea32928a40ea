// The comment resolution matrix in Chromium, on a report with 10,000 comments: only a window of
// rows in the page, the keyboard reaching the last row and following a comment to its section, the
// export downloaded by the browser (browser mode has no save dialog), and no serious accessibility
// violations, left to right and right to left.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLargeReport, QUICK_REPORT } from '../bench/generate.js';
import { seriousViolations, startBrowserMode, type BrowserMode } from './harness.js';



let mode: BrowserMode;
let secretariat = '';
beforeAll(async () => {
  mode = await startBrowserMode({
    makeFile: (file) => {
      // The benchmark's small report with a full review round: 10,000 comments, 20 on passages.
      const made = generateLargeReport(file, { ...QUICK_REPORT, comments: 10_000, changes: 140_000 });
      const db = new Database(file, { readonly: true });
      secretariat = (db.prepare('SELECT name FROM members WHERE id = ?').get(made.secretariatId) as { name: string }).name;
      db.close();
    },
  });
});
afterAll(async () => {
  await mode.close();
});

async function openMatrix(name: string): Promise<Page> {
  const page = await mode.openTab();
  const me = page.getByRole('option', { name: new RegExp(name) });
  await me.scrollIntoViewIfNeeded();
  await me.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Comments' }).click();
  await page.getByRole('grid', { name: 'Comment resolution matrix' }).locator('[aria-rowindex="2"]').waitFor();
  return page;
}

/**
 * react-aria says a choice made in a select ("Arabic, selected") through a live region that
 * points at the chosen option; once the list closes the pointer dangles (axe: role-img-alt) until
 * the announcement is cleared, seven seconds later. Nobody sees it; the check waits for it.
 */
async function announcementsGone(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('[role="log"]')].every((log) => log.childElementCount === 0), null, { timeout: 15_000 });
}

const focusedRowIndex = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex') ?? null);

describe('the comment resolution matrix with 10,000 comments', () => {
  it('keeps a window of rows in the page, reaches the last by keyboard, and follows a comment', async () => {
    const page = await openMatrix(secretariat);
    const grid = page.getByRole('grid', { name: 'Comment resolution matrix' });
    expect(await grid.getAttribute('aria-rowcount')).toBe('10001');
    await page.getByText('Showing 10,000 of 10,000 comments').waitFor();
    expect(await grid.getByRole('row').count()).toBeLessThan(60);

    await grid.locator('[aria-rowindex="2"]').click();
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-rowindex') === '10001');
    // The last row is scrolled into view, not only focused.
    const last = grid.locator('[aria-rowindex="10001"]');
    const [rowBox, gridBox] = [await last.boundingBox(), await grid.boundingBox()];
    expect(rowBox!.y).toBeGreaterThanOrEqual(gridBox!.y);
    expect(rowBox!.y + rowBox!.height).toBeLessThanOrEqual(gridBox!.y + gridBox!.height + 1);
    expect(await grid.getByRole('row').count()).toBeLessThan(60);
    await page.getByRole('region', { name: 'Comment 10000' }).waitFor();

    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowUp');
    const index = Number(await focusedRowIndex(page));
    expect(index).toBeLessThan(10_000);
    expect(index).toBeGreaterThan(9_950);
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-rowindex') === '2');

    // Scrolling with the wheel far away keeps the focused row in the page, so Tab order survives.
    await grid.evaluate((el) => (el.scrollTop = 300_000));
    await page.waitForTimeout(100);
    expect(await focusedRowIndex(page)).toBe('2');

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === 'Sections');
    await page.close();
  });

  it('exports as a download in browser mode and says how many comments it saved', async () => {
    const page = await openMatrix(secretariat);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('comment-matrix.csv');
    const out = path.join(mode.dir, 'round-1.csv');
    await download.saveAs(out);
    await page.getByText('Saved 10,000 comments to comment-matrix.csv.').waitFor();
    expect(fs.readFileSync(out, 'utf8').split('\r\n').length).toBeGreaterThan(10_000);
    await page.close();
  });

  it('has no serious accessibility violations, with a comment selected, filtered, and right to left', async () => {
    const page = await openMatrix(secretariat);
    const found: Record<string, string[]> = {};
    found['matrix'] = await seriousViolations(page);
    await page.getByRole('grid').locator('[aria-rowindex="3"]').click();
    await page.getByRole('region', { name: /^Comment \d+$/ }).waitFor();
    found['selected'] = await seriousViolations(page);
    await page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: /Type/ }).click();
    await page.getByRole('option', { name: 'Critical' }).click();
    await announcementsGone(page);
    found['filtered'] = await seriousViolations(page);

    await page.getByRole('tab', { name: 'Report settings' }).click();
    await page.getByRole('button', { name: /Language of the report/ }).click();
    await page.getByRole('option', { name: 'Arabic' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('tab', { name: 'Comments' }).click();
    await page.getByRole('grid').locator('[aria-rowindex="2"]').click();
    await announcementsGone(page);
    found['right to left'] = await seriousViolations(page);
    expect(found).toEqual({ matrix: [], selected: [], filtered: [], 'right to left': [] });
    await page.close();
  });
});
