// The Export screen end to end, in Chromium through browser mode, on the demo report: the
// secretariat sets the session and document symbol the cover names, sees the body's words against
// the limit and what blocks submission (sections not approved, the open Critical Comment 2),
// follows the comment's link to its passage and comes back, then writes the report as a web page
// and as a Word file, each downloaded by the browser under the report file's name, seeing the
// progress while each is written. The downloads are whole: the web page names the country, the
// session and the symbol; pandoc reads the Word file. axe finds nothing serious on the screen,
// right to left included. Then the preview: the pages as the PDF prints them, drawn by pdf.js
// beside the choices, the same number of pages as the PDF written, laid out again for a draft.
import { execFileSync } from 'node:child_process';
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

/**
 * Writes one format, checking the progress shown while the main process writes, and saves what the
 * browser downloads into `out`: answers what the status said and where the download was saved.
 */
async function writeAs(page: Page, button: string, writing: string, out: string): Promise<{ said: string; saved: string; name: string }> {
  const region = page.getByRole('region', { name: 'Write the report' });
  const release = await holdWrites(page);
  await region.getByRole('button', { name: button }).click();
  const status = region.getByRole('status');
  await status.getByText(writing).waitFor();
  expect(await region.getByRole('button', { name: button }).getAttribute('data-pending')).toBe('true');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), release()]);
  const name = download.suggestedFilename();
  const saved = path.join(out, name);
  await download.saveAs(saved);
  await status.getByText(/^✓ Downloaded as /).waitFor({ timeout: 60_000 });
  return { said: (await status.textContent()) ?? '', saved, name };
}

describe('exporting the report in a browser', () => {
  // First: the next test turns the report Arabic, and a new tab then speaks the report's language.
  it('previews the pages as the PDF prints them, beside the choices, and follows a change of choice', async () => {
    const page = await mode.openTab();
    await page.setViewportSize({ width: 1400, height: 900 });
    await signIn(page, 'Maria Santos');
    await page.getByRole('tab', { name: 'Export' }).click();
    await page.getByRole('button', { name: 'Preview the pages' }).click();
    const preview = page.getByRole('region', { name: 'The pages as they will print' });
    const said = preview.getByRole('status');
    await said.getByText(/^\d+ pages$/).waitFor({ timeout: 60_000 });
    const pages = Number(/^(\d+)/.exec((await said.textContent())!)![1]);
    expect(pages).toBeGreaterThan(3);
    const drawn = preview.getByRole('img', { name: /^Page \d+ of \d+$/ });
    expect(await drawn.count()).toBe(pages);
    expect(await drawn.first().getAttribute('aria-label')).toBe(`Page 1 of ${pages}`);
    // The first page is drawn: ink on its canvas, as pdf.js painted it.
    const ink = () =>
      drawn.first().evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
        return dark;
      });
    await expect.poll(ink, { timeout: 30_000 }).toBeGreaterThan(1000);
    // The same pages as the PDF written with the same choices.
    const out = path.join(mode.dir, 'preview-out');
    fs.mkdirSync(out);
    const pdf = await writeAs(page, 'PDF (.pdf)', 'Writing the PDF file…', out);
    expect(execFileSync('pdfinfo', [pdf.saved], { encoding: 'utf8' })).toMatch(new RegExp(`^Pages:\\s+${pages}$`, 'm'));
    await page.screenshot({ path: path.join(os.tmpdir(), 'upr-preview-final.png') });

    // A draft without the recommendations annex: laid out again, fewer pages, the draft's name on them.
    const before = await ink();
    await page.getByText('A draft', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Name of the draft' }).fill('Round 2');
    await page.getByRole('button', { name: /Recommendations annex/ }).click();
    await page.getByRole('option', { name: 'No recommendations annex' }).click();
    await said.getByText('Laying out the pages again…').waitFor({ timeout: 30_000 });
    await said.getByText(/^\d+ pages?$/).waitFor({ timeout: 60_000 });
    const fewer = Number(/^(\d+)/.exec((await said.textContent())!)![1]);
    expect(fewer).toBeLessThan(pages);
    await expect.poll(ink, { timeout: 30_000 }).not.toBe(before);
    await page.screenshot({ path: path.join(os.tmpdir(), 'upr-preview-draft.png') });
    // The pages can be scrolled from the keyboard.
    const list = preview.getByRole('region', { name: new RegExp(`^${fewer} pages?$`) });
    await list.focus();
    await page.keyboard.press('PageDown');
    await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Hide the preview' }).click();
    await preview.waitFor({ state: 'detached' });
    await page.close();
  });

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
    // No path to type: each file is downloaded, named after the report file.
    const html = await writeAs(page, 'Web page (.html)', 'Writing the web page…', out);
    expect(html.name).toBe('report.html');
    expect(html.said).toMatch(new RegExp(`^✓ Downloaded as report\\.html \\([\\d.,]+\\skB, ${counted![1]} words\\)\\.$`));
    const webPage = fs.readFileSync(html.saved, 'utf8');
    expect(webPage).toContain('Republic of Veridia');
    expect(webPage).toContain('Forty-eighth session');
    expect(webPage).toContain('A/HRC/WG.6/48/VRD/1');

    const docx = await writeAs(page, 'Word (.docx)', 'Writing the Word file…', out);
    expect(docx.name).toBe('report.docx');
    expect(docx.said).toMatch(new RegExp(`^✓ Downloaded as report\\.docx \\([\\d.,]+\\skB, ${counted![1]} words\\)\\.$`));
    expect(execFileSync('pandoc', [docx.saved, '-t', 'plain'], { encoding: 'utf8' })).toContain('Veridia');
    expect(fs.readdirSync(out).sort()).toEqual(['report.docx', 'report.html']);

    const found: Record<string, string[]> = { 'after writing': await seriousViolations(page) };
    // Right to left: an Arabic report turns the layout (the interface keeps speaking English).
    await page.getByRole('tab', { name: 'Report settings' }).click();
    await page.getByRole('button', { name: /Language of the report/ }).click();
    await page.getByRole('option', { name: 'Arabic' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('tab', { name: 'Export' }).click();
    await page.getByRole('region', { name: 'Write the report' }).waitFor();
    found['right to left'] = await seriousViolations(page);
    expect(found).toEqual({ 'after writing': [], 'right to left': [] });
    await page.close();
  });

});
