// The workbench end to end, in Chromium through browser mode: the real server, services and file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OpenReport } from '../../electron/store/open-report.js';
import { listSections } from '../../electron/store/queries.js';
import { readSectionText } from '../../electron/docs/section-text.js';
import { openSection, signIn, startBrowserMode, type BrowserMode } from './harness.js';

let mode: BrowserMode | null = null;
afterEach(async () => {
  await mode?.close();
  mode = null;
});

function editor(page: Page) {
  return page.locator('.ed-content');
}

describe('the workbench in a browser', () => {
  it('creates a report, adds a section, keeps typed formatted text across a reload', async () => {
    mode = await startBrowserMode();
    const page = await mode.openTab();
    await signIn(page, 'Maria Santos');
    await page.getByRole('button', { name: 'Close report' }).click();

    // The start screen: a new report, its file path typed (browser mode has no file dialog).
    await page.getByRole('textbox', { name: 'Country' }).fill('Testland');
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ana Secretariat');
    await page.getByRole('textbox', { name: 'Your organization' }).fill('Ministry of Foreign Affairs');
    await page.getByRole('button', { name: 'Create report…' }).click();
    const file = path.join(mode.dir, 'testland.upr');
    await page.getByRole('textbox', { name: 'File path of the new report' }).fill(file);
    await page.getByRole('button', { name: 'Create report', exact: true }).click();
    await page.getByRole('navigation', { name: 'Outline' }).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(7);

    await page.getByRole('button', { name: 'Add section', exact: true }).click();
    await page.getByRole('textbox', { name: 'Section title' }).fill('Annex: list of consultations');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await openSection(page, /Annex: list of consultations/);

    await editor(page).click();
    await page.keyboard.type('The Government ');
    await page.keyboard.press('Control+B');
    await page.keyboard.type('consulted');
    await page.keyboard.press('Control+B');
    await page.keyboard.type(' civil society ');
    await page.keyboard.press('Control+I');
    await page.keyboard.type('widely');
    await page.keyboard.press('Control+I');
    await page.keyboard.press('Control+Alt+F');
    await page.getByRole('textbox', { name: 'Footnote text' }).fill('Minutes are in the annex.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Shift+8');
    await page.keyboard.type('first consultation');
    await page.waitForTimeout(600);

    // A reload keeps the report this tab had open and who the person said they are.
    await page.reload();
    await page.getByRole('navigation', { name: 'Outline' }).waitFor();
    await expect.poll(() => page.getByRole('banner').innerText()).toMatch(/Ana Secretariat/);
    await openSection(page, /Annex: list of consultations/);
    const html = await editor(page).innerHTML();
    expect(await editor(page).innerText()).toMatch(/The Government consulted civil society widely/);
    expect(html).toMatch(/<strong[^>]*>consulted<\/strong>|class="ed-bold"[^>]*>consulted/);
    expect(html).toMatch(/<em[^>]*>widely<\/em>|class="ed-italic"[^>]*>widely/);
    expect(html).toMatch(/class="footnote-ref"[^>]*data-footnote="Minutes are in the annex."/);
    expect(html).toMatch(/<ul[^>]*>.*first consultation.*<\/ul>/s);
    await expect.poll(() => page.getByTestId('section-words').textContent()).toMatch(/^8 words/);

    // And the file itself holds it: read headless after the browser is gone.
    await mode.close({ keepFiles: true });
    mode = null;
    const report = OpenReport.open(file);
    try {
      const annex = listSections(report.db).find((s) => s.title === 'Annex: list of consultations')!;
      const text = readSectionText(report.db, annex.id);
      expect(text.plain).toBe('The Government consulted civil society widely\n\nfirst consultation');
      expect(text.footnotes).toEqual(['Minutes are in the annex.']);
    } finally {
      report.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a report with a clear message, and changes nothing', async () => {
    mode = await startBrowserMode();
    const page = await mode.openTab();
    await signIn(page, 'Maria Santos');
    await page.getByRole('button', { name: 'Close report' }).click();
    const letter = path.join(mode.dir, 'draft.upr');
    fs.writeFileSync(letter, 'Dear colleagues, please find attached the draft of section C. '.repeat(5));
    const before = fs.readFileSync(letter);
    await page.getByRole('button', { name: 'Open a report file…' }).click();
    await page.getByRole('textbox', { name: 'File path of the report' }).fill(letter);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByRole('main').innerText()).toMatch(/“draft\.upr” is not a UPR report file\./);
    expect(fs.readFileSync(letter).equals(before)).toBe(true);
    await expect(page.getByRole('navigation', { name: 'Outline' }).count()).resolves.toBe(0);
  });

  it('a reviewer can read a section but cannot type in it', async () => {
    mode = await startBrowserMode();
    const page = await mode.openTab();
    await signIn(page, 'Ingrid Larsen');
    await openSection(page, /Methodology and consultation process/);
    const before = await editor(page).innerText();
    expect(before).toMatch(/Inter-Ministerial Committee/);
    await expect(editor(page).getAttribute('contenteditable')).resolves.toBe('false');
    await expect(page.getByRole('toolbar', { name: 'Formatting' }).count()).resolves.toBe(0);
    await expect(page.getByText('Read only: you can read this section but not change it.').isVisible()).resolves.toBe(true);
    await editor(page).click();
    await page.keyboard.type('Sneaky edit');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
    expect(await editor(page).innerText()).toBe(before);
    await expect(page.getByRole('button', { name: 'Add section', exact: true }).count()).resolves.toBe(0);
  });

  it('two tabs on one file see each other’s edits', async () => {
    mode = await startBrowserMode();
    const one = await mode.openTab();
    const two = await mode.openTab();
    await signIn(one, 'Leila Haddad');
    await signIn(two, 'Maria Santos');
    await openSection(one, /Promotion and protection/);
    await openSection(two, /Promotion and protection/);

    await editor(one).click();
    await one.keyboard.press('Control+End');
    await one.keyboard.type(' A sentence typed in the first tab.');
    await expect.poll(() => editor(two).innerText(), { timeout: 10_000 }).toMatch(/A sentence typed in the first tab\.$/);

    await editor(two).click();
    await two.keyboard.press('Control+Home');
    await two.keyboard.type('From the second tab: ');
    await expect.poll(() => editor(one).innerText(), { timeout: 10_000 }).toMatch(/^From the second tab: The minimum wage/);

    // The status a drafter sets shows in the other tab's outline.
    await one.getByRole('button', { name: /Status/ }).click();
    await one.getByRole('option', { name: 'Ready for review' }).click();
    await expect
      .poll(() => two.getByRole('row', { name: /Promotion and protection/ }).innerText(), { timeout: 10_000 })
      .toMatch(/Ready for review/);
  });
});
