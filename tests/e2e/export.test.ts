// The Export screen end to end, in Chromium through browser mode, on the demo report: the
// secretariat sets the session and document symbol the cover names, sees the body's words against
// the limit and what blocks submission (sections not approved, the open Critical Comment 2),
// follows the comment's link to its passage and comes back, then writes the report as a web page
// and as a Word file to paths typed in the test's folder (the extension added to one of them),
// seeing the progress while each is written. The files are there: the web page names the country,
// the session and the symbol; the Word file is a zip. axe finds nothing serious on the screen,
// right to left included.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWithListAndInputs } from './fixtures.js';
import { seriousViolations, signIn, startBrowserMode, type BrowserMode } from './harness.js';

const C_TITLE = 'Promotion and protection of human rights on the ground';

let mode: BrowserMode;
let fixtureDir = '';
beforeAll(async () => {
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-export-'));
  const file = path.join(fixtureDir, 'report.upr');
  await demoWithListAndInputs(file);
  mode = await startBrowserMode({ file });
});
afterAll(async () => {
  await mode.close();
  fs.rmSync(fixtureDir, { recursive: true, force: true });
});

/** Holds every export.write request until the returned function lets them through. */
async function holdWrites(page: Page): Promise<() => Promise<void>> {
  const held: Route[] = [];
  await page.route('**/api/export.write', (route) => {
    held.push(route);
  });
  return async () => {
    await expect.poll(() => held.length).toBeGreaterThan(0);
    for (const route of held.splice(0)) await route.continue();
    await page.unroute('**/api/export.write');
  };
}

/** Writes one format to a typed path, checking the progress shown while the main process writes. */
async function writeAs(page: Page, button: string, label: string, typed: string, writing: string): Promise<string> {
  const region = page.getByRole('region', { name: 'Write the report' });
  await region.getByRole('button', { name: button }).click();
  const field = region.getByRole('textbox', { name: label });
  await field.fill(typed);
  const release = await holdWrites(page);
  await region.getByRole('button', { name: 'Write', exact: true }).click();
  const status = region.getByRole('status');
  await status.getByText(writing).waitFor();
  expect(await region.getByRole('button', { name: 'Write', exact: true }).getAttribute('data-pending')).toBe('true');
  await release();
  await status.getByText(/^✓ Written to /).waitFor({ timeout: 60_000 });
  return (await status.textContent()) ?? '';
}

describe('exporting the report in a browser', () => {
  it('shows the words and what blocks submission, follows a Critical comment, and writes the web page and the Word file', async () => {
    const page = await mode.openTab();
    await signIn(page, 'Maria Santos');
    // The cover's session and symbol, set first in the report settings.
    await page.getByRole('tab', { name: 'Report settings' }).click();
    await page.getByRole('textbox', { name: 'Session' }).fill('Forty-eighth session');
    await page.getByRole('textbox', { name: 'Document symbol' }).fill('A/HRC/WG.6/48/VRD/1');
    await page.getByRole('textbox', { name: 'Document symbol' }).press('Enter');
    await page.getByText('Report settings saved.').waitFor();
    await page.getByRole('tab', { name: 'Export' }).click();

    const words = page.getByTestId('export-words');
    await words.waitFor();
    const counted = /^([\d,]+) of 10,700 words$/.exec((await words.textContent()) ?? '');
    expect(counted).not.toBeNull();
    const body = Number(counted![1]!.replace(/,/g, ''));
    expect(body).toBeGreaterThan(100);
    expect(await page.getByTestId('export-footnotes').textContent()).toMatch(/^Footnotes, not counted: [\d,]+ words?$/);
    expect(await page.getByRole('meter', { name: 'Words in the body of the report' }).getAttribute('aria-valuenow')).toBe(String(Math.min(body, 10_700)));

    // Nothing in the demo is approved yet, and Comment 2 is Critical and open.
    const blockers = page.getByRole('region', { name: 'What blocks submission' });
    const notApproved = blockers.getByRole('list', { name: /sections not approved$/ });
    expect(await notApproved.getByRole('listitem').first().textContent()).toBe('A. Methodology and consultation process Ready for review');
    expect(await notApproved.getByRole('listitem').count()).toBe(await page.getByRole('table', { name: 'Words by section' }).locator('tbody tr').count());
    const critical = blockers.getByRole('list', { name: '1 open Critical comment' });
    expect(await critical.getByRole('listitem').allTextContents()).toEqual([`Comment 2 in C. ${C_TITLE}`]);
    // The demo's sections are short of their budgets.
    await page.getByText('Every section is within its budget.').waitFor();

    // To the comment in its section, and back.
    await critical.getByRole('button', { name: `Comment 2 in C. ${C_TITLE}` }).click();
    await page.waitForFunction(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === 'Sections');
    await page.getByRole('heading', { level: 2, name: new RegExp(C_TITLE) }).waitFor();
    const card = page.getByRole('article', { name: /^Comment 2/ });
    await expect.poll(() => card.getAttribute('aria-current')).toBe('true');
    await page.getByRole('tab', { name: 'Export' }).click();
    await page.getByRole('region', { name: 'What blocks submission' }).waitFor();

    const out = path.join(mode.dir, 'out');
    fs.mkdirSync(out);
    // The web page, its extension typed; the Word file, its extension added.
    const html = path.join(out, 'National report.html');
    const htmlSaid = await writeAs(page, 'Web page (.html)', 'Save the web page as', html, 'Writing the web page…');
    expect(htmlSaid).toMatch(new RegExp(`^✓ Written to ${escape(html)} \\([\\d.,]+\\skB, ${counted![1]} words\\)\\.$`));
    const htmlBytes = fs.statSync(html).size;
    expect(htmlBytes).toBeGreaterThan(0);
    const webPage = fs.readFileSync(html, 'utf8');
    expect(webPage).toContain('Republic of Veridia');
    expect(webPage).toContain('Forty-eighth session');
    expect(webPage).toContain('A/HRC/WG.6/48/VRD/1');

    const docx = path.join(out, 'National report.docx');
    const docxSaid = await writeAs(page, 'Word (.docx)', 'Save the Word file as', path.join(out, 'National report'), 'Writing the Word file…');
    expect(docxSaid).toMatch(new RegExp(`^✓ Written to ${escape(docx)} \\([\\d.,]+\\skB, ${counted![1]} words\\)\\.$`));
    const bytes = fs.readFileSync(docx);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(fs.readdirSync(out).sort()).toEqual(['National report.docx', 'National report.html']);

    const found: Record<string, string[]> = { 'after writing': await seriousViolations(page) };
    // Right to left: an Arabic report turns the layout.
    await page.getByRole('tab', { name: 'Report settings' }).click();
    await page.getByRole('button', { name: /Language of the report/ }).click();
    await page.getByRole('option', { name: 'Arabic' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('tab', { name: 'Export' }).click();
    await page.getByRole('region', { name: 'Write the report' }).getByRole('button', { name: 'PDF (.pdf)' }).click();
    await page.getByRole('textbox', { name: 'Save the PDF file as' }).waitFor();
    found['right to left, path asked'] = await seriousViolations(page);
    expect(found).toEqual({ 'after writing': [], 'right to left, path asked': [] });
    await page.close();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
