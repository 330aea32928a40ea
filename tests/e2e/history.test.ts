// The report's history end to end, in Chromium through browser mode, on a real file (issue 14,
// point 5): David Okafor typed in "Normative framework" and Maria Santos moved its due date. In the
// Versions view the secretariat finds David's editing session, filters the history to David (only
// his rows left), clears the filters, and downloads the history as CSV (David's session in it).
// From the section itself, one click opens its own history: David's session and Maria's due date,
// said as a date. axe finds nothing serious on the view or in the dialog.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { updateSection } from '../../electron/services/sections.js';
import { actIn } from '../unit/office.js';
import { openSection, seriousViolations, signIn, startBrowserMode, type BrowserMode } from './harness.js';

const SECTION = 'Normative framework';
const TYPED = 'The Justice ministry drafted this sentence for the history.';

let mode: BrowserMode;
let fixtureDir = '';
beforeAll(async () => {
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-history-'));
  const file = path.join(fixtureDir, 'report.upr');
  createDemoReport(file).close();
  const david = actIn(file, 'David Okafor');
  david.type(SECTION, TYPED);
  david.report.close();
  const maria = actIn(file, 'Maria Santos');
  updateSection(maria.ctx, { id: maria.section(SECTION).id, dueDate: '2027-03-15' });
  maria.report.close();
  mode = await startBrowserMode({ file });
});
afterAll(async () => {
  await mode?.close();
  fs.rmSync(fixtureDir, { recursive: true, force: true });
});

async function rowsOf(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).locator('tbody tr').allTextContents();
}

describe('the history in a browser', () => {
  it('lists who changed what, filters it by person, downloads it as CSV, and shows a section its own history', async () => {
    const page = await mode.openTab();
    await signIn(page, 'Maria Santos');
    await page.getByRole('tab', { name: 'Versions' }).click();
    const history = page.getByTestId('history');
    await history.getByRole('heading', { name: 'History', level: 3 }).waitFor();
    const table = history.getByTestId('history-table');
    const davidsSession = table.locator('tbody tr', { hasText: 'David Okafor' }).filter({ hasText: SECTION }).filter({ hasText: 'characters typed' });
    await davidsSession.first().waitFor();
    expect(await davidsSession.first().textContent()).toMatch(/Text: [\d,]+ characters typed, \d+ deleted \(1 save\)/);

    // Filtered to David: every row left is his.
    await history.getByRole('group', { name: 'Filters' }).getByRole('button', { name: /Person/ }).click();
    await page.getByRole('option', { name: 'David Okafor', exact: true }).click();
    await expect.poll(async () => (await rowsOf(page, 'history-table')).every((r) => r.includes('David Okafor'))).toBe(true);
    expect((await rowsOf(page, 'history-table')).length).toBeGreaterThan(0);
    expect(await table.locator('tbody tr', { hasText: 'Maria Santos' }).count()).toBe(0);
    await history.getByRole('button', { name: 'Clear filters' }).click();
    await table.locator('tbody tr', { hasText: 'Maria Santos' }).first().waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    // The whole card in view for its picture: the workspace scrolls inside the window.
    const card = (await history.boundingBox())!;
    await page.setViewportSize({ width: 1400, height: Math.ceil(card.y + card.height) + 40 });
    await history.screenshot({ path: path.join(os.tmpdir(), 'upr-history-card.png') });
    await page.setViewportSize({ width: 1400, height: 900 });

    // The history as CSV, downloaded: David's session is a row of it.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), history.getByRole('button', { name: 'Export to CSV…' }).click()]);
    const saved = path.join(fixtureDir, download.suggestedFilename());
    await download.saveAs(saved);
    expect(saved.endsWith('.csv')).toBe(true);
    await page.getByTestId('history-export-status').getByText(/^✓ Downloaded \d+ changes as /).waitFor();
    const rows = parse(fs.readFileSync(saved, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.some((r) => r['Who'] === 'David Okafor' && r['Section'] === SECTION && r['What'] === 'Text' && /characters typed/.test(r['Change']!))).toBe(true);

    // A section's own history, one click from the section.
    await page.getByRole('tab', { name: 'Sections', exact: true }).click();
    await openSection(page, SECTION);
    await page.getByRole('button', { name: `History of the section “${SECTION}”` }).click();
    const dialog = page.getByTestId('section-history');
    await dialog.getByRole('heading', { name: `History of “${SECTION}”` }).waitFor();
    const dialogTable = dialog.getByTestId('history-table');
    await dialogTable.locator('tbody tr', { hasText: 'David Okafor' }).filter({ hasText: 'characters typed' }).first().waitFor();
    // The demo gave the section its first due date; Maria's change is the newer, said as a date.
    const dueDate = dialogTable.locator('tbody tr', { hasText: 'Maria Santos' }).filter({ hasText: 'Due date' });
    expect(await dueDate.count()).toBeGreaterThan(0);
    expect(await dueDate.first().locator('dd').allTextContents()).toEqual(['Mar 15, 2027']);
    // Every row is this section's: the dialog leaves the Section column out.
    expect(await dialogTable.locator('thead th').allTextContents()).toEqual(['When', 'Who', 'What']);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.screenshot({ path: path.join(os.tmpdir(), 'upr-history-section.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.close();
  });
});
