// Drafting and workflow as a ministry officer expects (issue 13), end to end in Chromium through
// browser mode, each from the person's side: what they type and what they then see, read back
// from the report file itself.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OpenReport } from '../../electron/store/open-report.js';
import { listSections } from '../../electron/store/queries.js';
import { openSection, signIn, startBrowserMode, type BrowserMode } from './harness.js';

let mode: BrowserMode | null = null;
afterEach(async () => {
  await mode?.close();
  mode = null;
});

/** What the report file holds now, read by a connection of its own. */
function stored<T>(file: string, read: (report: OpenReport) => T): T {
  const report = OpenReport.openSnapshot(file);
  try {
    return read(report);
  } finally {
    report.close();
  }
}
const sectionIn = (file: string, title: RegExp) => stored(file, (r) => listSections(r.db).find((s) => title.test(s.title))!);

async function workspaceTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
}

describe('typed values are never lost', () => {
  it('a section’s due date and word budget are saved on Enter, and when the person clicks another section straight away', async () => {
    mode = await startBrowserMode();
    const page = await mode.openTab();
    await signIn(page, 'Maria Santos');
    await openSection(page, /Normative framework/);
    const budget = page.getByRole('textbox', { name: 'Word budget' });
    await budget.fill('1234');
    await budget.press('Enter');
    await expect.poll(() => sectionIn(mode!.file, /^Normative framework/).wordBudget).toBe(1234);

    await page.getByLabel('Due date').fill('2027-01-15');
    await budget.fill('2500');
    // Straight to another section, without leaving the field first.
    await page.getByRole('row', { name: /Institutional framework/ }).first().click();
    await expect.poll(() => sectionIn(mode!.file, /^Normative framework/)).toMatchObject({ dueDate: '2027-01-15', wordBudget: 2500 });
    await openSection(page, /Normative framework/);
    expect(await budget.inputValue()).toBe('2,500');
  });

  it('report settings are saved as each field is left, and a tab switch in the middle keeps what was typed', async () => {
    mode = await startBrowserMode();
    const page = await mode.openTab();
    await signIn(page, 'Maria Santos');
    await workspaceTab(page, 'Report settings');
    await page.getByRole('textbox', { name: 'Country' }).fill('Republic of Veridia');
    await page.getByRole('textbox', { name: 'Country' }).press('Tab');
    await expect.poll(() => stored(mode!.file, (r) => r.db.prepare('SELECT country FROM report').pluck().get())).toBe('Republic of Veridia');
    await page.getByRole('textbox', { name: 'Session' }).fill('48th session');
    await workspaceTab(page, 'Sections');
    await expect.poll(() => stored(mode!.file, (r) => r.db.prepare('SELECT session FROM report').pluck().get())).toBe('48th session');
    // A value the report cannot take is said, kept in the field, and nothing is saved.
    await workspaceTab(page, 'Report settings');
    await page.getByRole('textbox', { name: 'Country' }).fill('');
    await page.getByRole('textbox', { name: 'Country' }).press('Enter');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/country/i);
    expect(stored(mode!.file, (r) => r.db.prepare('SELECT country FROM report').pluck().get())).toBe('Republic of Veridia');
  });
});
