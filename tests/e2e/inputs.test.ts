// Consultation inputs end to end, in Chromium through browser mode: the secretariat registers a
// submission from a civil-society organization it adds on the spot, attaches the minutes as a text
// file and opens them read-only (and saves a copy), attaches a PDF and opens it in the browser's own
// viewer in a new tab, links the input to a section and a
// recommendation, records "Partly reflected" with its rationale, and puts the consultation log in
// section A, whose text then holds the log table. A reviewer reads it all and changes nothing. axe
// finds nothing serious on the way, in the dialogs and right to left included.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { importRecommendations } from '../../electron/services/recommendations.js';
import { listMembers } from '../../electron/store/queries.js';
import type { RecommendationImport } from '../../shared/domain.js';
import { seriousViolations, signIn, startBrowserMode, type BrowserMode } from './harness.js';

const TITLE = 'Submission on violence against women';
const RATIONALE = 'Shelters and the helpline are reported in C; femicide data are not collected yet.';
const MINUTES = 'Minutes of the meeting with the Women’s Rights Network\n<b>not markup</b>: 14 February 2030';

/** A one-page PDF saying `text`, with a true cross-reference table (what pdftotext and viewers expect). */
function tinyPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 18 Tf 72 760 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 18 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const recommendation = (number: string, text: string): RecommendationImport => ({
  number,
  text,
  states: ['France'],
  position: 'supported',
  positionSource: '',
  cluster: '',
  themes: [],
  groups: [],
  sdgs: [],
});

/** The demo report with three recommendations, imported by the secretariat. */
function demoWithRecommendations(file: string): void {
  const report = createDemoReport(file);
  const maria = listMembers(report.db).find((m) => m.name === 'Maria Santos')!;
  importRecommendations(
    { report, me: maria },
    [
      recommendation('121.1', 'Ratify the Optional Protocol to the Convention against Torture'),
      recommendation('121.2', 'Open more shelters for women victims of violence and a national helpline'),
      recommendation('121.3', 'Abolish the death penalty'),
    ],
    [],
    'list.docx',
  );
  report.close();
}

let mode: BrowserMode;
beforeAll(async () => {
  mode = await startBrowserMode({ makeFile: demoWithRecommendations });
});
afterAll(async () => {
  await mode.close();
});

describe('consultation inputs in a browser', () => {
  it('the secretariat registers, attaches, links, decides and puts the log in section A; a reviewer reads', async () => {
    const page = await mode.openTab();
    await signIn(page, 'Maria Santos');
    await page.getByRole('tab', { name: 'Consultation' }).click();
    await page.getByText('No consultation inputs yet.', { exact: false }).waitFor();

    // Registered from an organization new to the report, added in the dialog.
    await page.getByRole('button', { name: 'Register an input…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register a consultation input' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await dialog.getByRole('button', { name: 'New organization…' }).click();
    const newOrganization = dialog.getByRole('group', { name: 'A new organization' });
    await newOrganization.getByRole('textbox', { name: 'Name of the organization' }).fill('Women’s Rights Network');
    expect(await newOrganization.getByRole('button', { name: /Kind/ }).innerText()).toContain('Civil society');
    expect(await seriousViolations(page)).toEqual([]);
    await newOrganization.getByRole('button', { name: 'Add organization' }).click();
    await newOrganization.waitFor({ state: 'detached' });
    expect(await dialog.getByRole('button', { name: /Source organization/ }).innerText()).toContain('Women’s Rights Network (Civil society)');
    await dialog.getByLabel('Date received').fill('2030-02-14');
    await dialog.getByRole('textbox', { name: 'Summary' }).fill('Asks for more shelters, a national helpline and data on femicide.');
    await dialog.getByRole('textbox', { name: /Themes/ }).fill('Women, Violence');
    await dialog.getByRole('button', { name: 'Register', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Showing 1 of 1 input').waitFor();
    const row = page.getByRole('button', { name: `Show input ${TITLE}` }).locator('xpath=ancestor::tr');
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('Women’s Rights Network Civil society Feb 14, 2030 Written submission Not decided Nothing yet 0');
    const detail = page.getByRole('region', { name: `Input ${TITLE}` });
    await detail.waitFor();

    // A small text file attached, opened read-only, and saved as a copy.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), detail.getByRole('button', { name: 'Attach a file…' }).click()]);
    await chooser.setFiles({ name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from(MINUTES) });
    await detail.getByText(`Text · ${Buffer.byteLength(MINUTES)} bytes`).waitFor();
    await detail.getByRole('button', { name: 'Open minutes.txt' }).click();
    const viewer = page.getByRole('dialog', { name: 'minutes.txt' });
    const shown = viewer.getByLabel('minutes.txt');
    await shown.waitFor();
    expect(await shown.innerText()).toBe(MINUTES);
    expect(await viewer.locator('b').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), viewer.getByRole('link', { name: 'Save a copy…' }).click()]);
    expect(download.suggestedFilename()).toBe('minutes.txt');
    expect(fs.readFileSync(await download.path(), 'utf8')).toBe(MINUTES);
    await viewer.getByRole('button', { name: 'Close' }).click();
    await viewer.waitFor({ state: 'detached' });

    // A PDF attached opens in the browser's own viewer, in a tab of its own.
    const [pdfChooser] = await Promise.all([page.waitForEvent('filechooser'), detail.getByRole('button', { name: 'Attach a file…' }).click()]);
    await pdfChooser.setFiles({ name: 'annex.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Annex to the submission') });
    await detail.getByRole('button', { name: 'Open annex.pdf' }).click();
    const pdfViewer = page.getByRole('dialog', { name: 'annex.pdf' });
    const openPdf = pdfViewer.getByRole('link', { name: 'Open the PDF' });
    await openPdf.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const served: Array<{ url: string; type: string; disposition: string }> = [];
    page.context().on('response', (r) => {
      if (r.url().includes('/api/files/view/')) served.push({ url: r.url(), type: r.headers()['content-type'] ?? '', disposition: r.headers()['content-disposition'] ?? '' });
    });
    const [tab] = await Promise.all([page.context().waitForEvent('page'), openPdf.click()]);
    await tab.waitForLoadState();
    await expect.poll(() => served.length).toBeGreaterThan(0);
    expect(served[0]).toMatchObject({ type: 'application/pdf', disposition: expect.stringMatching(/^inline; filename="annex.pdf"/) });
    // The address holds no token: only the ticket.
    expect(served[0]!.url).not.toContain('token');
    await tab.close();
    await pdfViewer.getByRole('button', { name: 'Close' }).click();
    await pdfViewer.waitFor({ state: 'detached' });

    // Linked to section C and to recommendation 121.2, found by its words.
    await detail.getByRole('button', { name: /Link a section/ }).click();
    await page.getByRole('option', { name: 'C. Promotion and protection of human rights on the ground' }).click();
    await detail.getByRole('button', { name: 'Go to section C. Promotion and protection of human rights on the ground' }).waitFor();
    // Clicked, then typed, as a person does: the box now sits at the foot of the detail, and a value
    // set at once by the test (with the scroll that brings the box into view) closes the list again.
    await detail.getByRole('combobox', { name: 'Link a recommendation' }).click();
    await detail.getByRole('combobox', { name: 'Link a recommendation' }).pressSequentially('shelters');
    await page.getByRole('option', { name: /^121\.2/ }).click();
    await detail.getByRole('button', { name: 'Show recommendation 121.2' }).waitFor();
    expect(await row.innerText()).toContain('1 section, 1 recommendation');

    // "Not reflected" needs a rationale (the main process says so); "Partly reflected" with one is kept.
    const decision = detail.getByRole('form', { name: 'Disposition' });
    await decision.getByText('Not reflected', { exact: true }).click();
    await decision.getByRole('button', { name: 'Record disposition' }).click();
    await decision.getByRole('alert').getByText('a rationale is required', { exact: false }).waitFor();
    await decision.getByText('Partly reflected', { exact: true }).click();
    expect(await decision.getByRole('radio', { name: 'Partly reflected' }).isChecked()).toBe(true);
    await decision.getByRole('textbox', { name: /Rationale/ }).fill(RATIONALE);
    await decision.getByRole('button', { name: 'Record disposition' }).click();
    await detail.getByText(/^Decided by Maria Santos on /).waitFor();
    await row.getByText('Partly reflected').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The edit dialog starts from what is registered.
    await detail.getByRole('button', { name: 'Edit…' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit the input' });
    expect(await edit.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(TITLE);
    expect(await edit.getByRole('textbox', { name: /Themes/ }).inputValue()).toBe('Women, Violence');
    expect(await seriousViolations(page)).toEqual([]);
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await edit.waitFor({ state: 'detached' });

    // The log: the input with its disposition, put in section A, whose text then holds it as a table.
    await page.getByRole('tab', { name: 'Consultation log' }).click();
    const log = page.getByRole('table', { name: 'Consultation log' });
    expect((await log.innerText()).replace(/\s+/g, ' ')).toContain(`1 ${TITLE} Women’s Rights Network (Civil society) Feb 14, 2030 Written submission Partly reflected ${RATIONALE}`);
    expect(await seriousViolations(page)).toEqual([]);
    // A short summary is what is put in unless the table is asked for.
    await page.getByText('The full log as a table (counted against the word limit)').click();
    await page.getByRole('button', { name: 'Put the log in section A' }).click();
    await page.getByRole('status').getByText('Consultation log put in A. Methodology and consultation process (1 input).').waitFor();
    await page.getByRole('button', { name: 'Go to section A. Methodology and consultation process' }).click();
    const text = page.locator('.ed-content');
    await text.waitFor();
    const logTable = text.locator('table', { hasText: TITLE });
    await logTable.waitFor();
    const cells = await logTable.locator('tr').nth(1).locator('td, th').allInnerTexts();
    expect(cells.map((c) => c.trim())).toEqual([
      '1',
      'Women’s Rights Network (Civil society)',
      '14 February 2030',
      'Written submission',
      TITLE,
      `Partly reflected: ${RATIONALE}`,
    ]);

    // Put in again after a change, it replaces the log rather than adding a second one.
    await page.getByRole('tab', { name: 'Consultation' }).click();
    await page.getByRole('tab', { name: 'Consultation log' }).click();
    await page.getByText('The full log as a table (counted against the word limit)').click();
    await page.getByRole('button', { name: 'Put the log in section A' }).click();
    await page.getByRole('status').getByText('it replaced the earlier log', { exact: false }).waitFor();
    await page.getByRole('tab', { name: 'Sections' }).click();
    await text.waitFor();
    expect(await text.locator('table', { hasText: TITLE }).count()).toBe(1);

    // Counted twice: the Export view says the table's words count, the inputs annex gives the same
    // log again, and puts a short summary in the table's place on request.
    await page.getByRole('tab', { name: 'Export' }).click();
    const twice = page.getByRole('region', { name: 'The consultation log is counted twice' });
    await twice.waitFor();
    expect(await twice.textContent()).toMatch(/A\. Methodology and consultation process holds the full consultation log as a table: its \d+ words count against the limit\./);
    expect(await page.getByTestId('export-log-words').textContent()).toMatch(/^Of these, the consultation log table in A\. Methodology and consultation process: \d+ words\.$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(os.tmpdir(), 'upr-log-twice.png') });
    // Leaving the annex out settles it too (the notice goes while the annex is out).
    await twice.getByRole('button', { name: 'Leave the inputs annex out' }).click();
    await twice.waitFor({ state: 'detached' });
    expect(await page.getByRole('checkbox', { name: 'Consultation inputs annex' }).isChecked()).toBe(false);
    await page.getByRole('checkbox', { name: 'Consultation inputs annex' }).check();
    await twice.getByRole('button', { name: 'Put a short summary in its place' }).click();
    await twice.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.getByTestId('export-log-words').count()).toBe(0);
    await page.getByRole('tab', { name: 'Sections' }).click();
    await text.waitFor();
    await text.getByText(/^Inputs received during the consultations: 1\. /).waitFor();
    expect(await text.locator('table', { hasText: TITLE }).count()).toBe(0);

    // A reviewer sees the input, its links, disposition and file, and nothing to change them with.
    const reviewer = await mode.openTab();
    await signIn(reviewer, 'Ingrid Larsen');
    await reviewer.getByRole('tab', { name: 'Consultation' }).click();
    await reviewer.getByRole('button', { name: `Show input ${TITLE}` }).click();
    const read = reviewer.getByRole('region', { name: `Input ${TITLE}` });
    await read.getByText(RATIONALE).waitFor();
    expect(await reviewer.getByRole('button', { name: 'Register an input…' }).count()).toBe(0);
    expect(await read.getByRole('button', { name: /^(Edit…|Delete…|Attach a file…|Record disposition)$/ }).count()).toBe(0);
    expect(await read.getByRole('radio').count()).toBe(0);
    expect(await read.getByRole('button', { name: 'Open minutes.txt' }).count()).toBe(1);
    expect(await read.getByRole('button', { name: 'Show recommendation 121.2' }).count()).toBe(1);
    expect(await seriousViolations(reviewer)).toEqual([]);

    // Right to left (an Arabic report): the view, its detail and the file viewer.
    await page.getByRole('tab', { name: 'Report settings' }).click();
    await page.getByRole('button', { name: /Language of the report/ }).click();
    await page.getByRole('option', { name: 'Arabic' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('tab', { name: 'Consultation' }).click();
    await page.getByRole('button', { name: `Show input ${TITLE}` }).click();
    await page.getByRole('region', { name: `Input ${TITLE}` }).getByText(/^Decided by Maria Santos on /).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('region', { name: `Input ${TITLE}` }).getByRole('button', { name: 'Open minutes.txt' }).click();
    await page.getByRole('dialog', { name: 'minutes.txt' }).getByLabel('minutes.txt').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
