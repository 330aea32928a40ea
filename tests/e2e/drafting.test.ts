// Drafting and workflow as a ministry officer expects (issue 13), end to end in Chromium through
// browser mode, each from the person's side: what they type and what they then see, read back
// from the report file itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { OpenReport } from '../../electron/store/open-report.js';
import { listSections } from '../../electron/store/queries.js';
import { readSectionText } from '../../electron/docs/section-text.js';
import { listRecommendations } from '../../electron/services/recommendations.js';
import { buildExportDocument } from '../../electron/export/document.js';
import { demoWithListAndInputs } from './fixtures.js';
import { sloveneCsv1250 } from '../unit/fixtures/slovene-csv.js';
import { chooseFile, openSection, seriousViolations, signIn, startBrowserMode, type BrowserMode } from './harness.js';

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

/** Browser mode on the demo report (with the corpus's list and an input, if `withList`), signed in as `who`. */
async function signedIn(who: string, { withList = false } = {}): Promise<Page> {
  let file: string | undefined;
  if (withList) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-list-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    file = path.join(dir, 'report.upr');
    await demoWithListAndInputs(file);
  }
  mode = await startBrowserMode(file ? { file } : {});
  const page = await mode.openTab();
  await signIn(page, who);
  return page;
}

/** The same, with the caret in the text of `section`. */
async function typingIn(who: string, section: RegExp, options: { withList?: boolean } = {}) {
  const page = await signedIn(who, options);
  await openSection(page, section);
  const text = page.locator('.ed-content');
  await text.click();
  return { page, text };
}

async function workspaceTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
}

describe('typed values are never lost', () => {
  it('a section’s due date and word budget are saved on Enter, and when the person clicks another section straight away', async () => {
    const page = await signedIn('Maria Santos');
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
    const page = await signedIn('Maria Santos');
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

describe('approval holds', () => {
  it('a drafter cannot type in an approved section and is told why; asks to reopen; the secretariat sees who approved it, reopens it, and the drafter types again', async () => {
    mode = await startBrowserMode();
    const secretariat = await mode.openTab();
    await signIn(secretariat, 'Maria Santos');
    const drafter = await mode.openTab();
    await signIn(drafter, 'David Okafor');
    await openSection(drafter, /Normative framework/);
    await openSection(secretariat, /Normative framework/);

    await secretariat.getByRole('button', { name: /Status/ }).click();
    await secretariat.getByRole('option', { name: 'Approved' }).click();
    await expect.poll(() => secretariat.getByTestId('status-set').textContent()).toMatch(/^Approved: set by Maria Santos on /);

    // In the drafter's tab, without a reload: read only, with the reason.
    const note = drafter.locator('.ed-readonly');
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toBe('Section “Normative framework” is approved, so its text is final; ask the secretariat to reopen it to change it.');
    expect(await drafter.locator('.ed-content').getAttribute('contenteditable')).toBe('false');
    expect(await drafter.getByRole('button', { name: /Status/ }).count()).toBe(0);
    await drafter.getByRole('button', { name: 'Ask to reopen…' }).click();
    await drafter.getByRole('textbox', { name: 'What needs to change, and why' }).fill('The Law on Free Legal Aid was amended last week.');
    await drafter.getByRole('button', { name: 'Send the request' }).click();
    await drafter.getByText(/Your request to reopen “Normative framework” was sent to the secretariat as comment \d+\./).waitFor();

    // The secretariat finds the request among the section's comments, and reopens the section.
    await expect.poll(() => secretariat.locator('.margin-host').innerText(), { timeout: 10_000 }).toContain('Please reopen this section. The Law on Free Legal Aid was amended last week.');
    await secretariat.getByRole('button', { name: /Status/ }).click();
    await secretariat.getByRole('option', { name: 'Drafting' }).click();
    await expect.poll(() => secretariat.getByTestId('status-set').textContent()).toMatch(/^Drafting: set by Maria Santos on /);

    await expect.poll(() => drafter.locator('.ed-content').getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true');
    await drafter.locator('.ed-content').click();
    await drafter.keyboard.press('Control+End');
    await drafter.keyboard.type(' Amended in 2026.');
    await expect.poll(() => drafter.locator('.ed-save').textContent(), { timeout: 10_000 }).toBe('All changes saved');
    expect(stored(mode!.file, (r) => readSectionText(r.db, sectionIn(mode!.file, /^Normative framework/).id).plain)).toContain('Amended in 2026.');
  });

  it('when the secretariat locks at review, a drafter’s section turns read only as soon as they mark it Ready for review, and they may ask to reopen it', async () => {
    mode = await startBrowserMode();
    const secretariat = await mode.openTab();
    await signIn(secretariat, 'Maria Santos');
    await workspaceTab(secretariat, 'Report settings');
    const lock = secretariat.getByRole('checkbox', { name: 'Lock a section for its drafters once it is Ready for review' });
    await lock.check();
    await expect.poll(() => stored(mode!.file, (r) => r.db.prepare('SELECT lock_at_review FROM report').pluck().get())).toBe(1);

    const drafter = await mode.openTab();
    await signIn(drafter, 'David Okafor');
    await openSection(drafter, /Normative framework/);
    expect(await drafter.locator('.ed-content').getAttribute('contenteditable')).toBe('true');
    await drafter.getByRole('button', { name: /Status/ }).click();
    await drafter.getByRole('option', { name: 'Ready for review' }).click();
    const note = drafter.locator('.ed-readonly');
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toBe(
      'Section “Normative framework” is ready for review, and the secretariat locks sections then: its text is read only for its drafters; ask the secretariat to reopen it to change it.',
    );
    expect(await drafter.locator('.ed-content').getAttribute('contenteditable')).toBe('false');
    expect(await drafter.getByRole('button', { name: /Status/ }).count()).toBe(0);
    await drafter.getByRole('button', { name: 'Ask to reopen…' }).waitFor();
    expect(await seriousViolations(drafter)).toEqual([]);
  });
});

describe('the word limit', () => {
  it('the header warns near the limit and alarms past it, and the Export view lists it as a blocker with the sections over their budgets', async () => {
    const page = await signedIn('Maria Santos');
    const meter = page.locator('.word-meter');
    const body = Number((await page.getByTestId('report-words').textContent())!.split(' / ')[0]!.replace(/,/g, ''));
    await workspaceTab(page, 'Report settings');
    const limit = page.getByRole('textbox', { name: 'Word limit' });
    await limit.fill(String(Math.ceil(body / 0.95)));
    await limit.press('Enter');
    await expect.poll(() => meter.getAttribute('class')).toContain('near');
    expect(await meter.getAttribute('aria-valuetext')).toMatch(/ left\)$/);

    await limit.fill('100');
    await limit.press('Enter');
    await expect.poll(() => meter.getAttribute('class')).toContain('over');
    await workspaceTab(page, 'Sections');
    await openSection(page, /Normative framework/);
    await page.getByRole('textbox', { name: 'Word budget' }).fill('50');
    await page.getByRole('textbox', { name: 'Word budget' }).press('Enter');
    await expect.poll(() => sectionIn(mode!.file, /^Normative framework/).wordBudget).toBe(50);
    await workspaceTab(page, 'Export');
    const blockers = page.getByRole('region', { name: 'What blocks submission' });
    await expect.poll(() => blockers.getByTestId('over-limit').textContent()).toBe(`Over the word limit by ${(body - 100).toLocaleString('en')}: ${body.toLocaleString('en')} of 100 words`);
    const overBudget = blockers.getByRole('list', { name: 'Sections over their own budget' });
    expect(await overBudget.getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/^B\.1\. Normative framework\s+\d+ \/ 50 words$/)]);
    await overBudget.getByRole('button', { name: /Normative framework/ }).click();
    await page.getByRole('heading', { name: /Normative framework/, level: 2 }).waitFor();
  });
});

describe('citations typed as numbers', () => {
  it('a number of the list becomes a citation when the word ends, one not in the list is marked and named, and coverage counts the citation', async () => {
    const { page, text } = await typingIn('Maria Santos', /Institutional framework/, { withList: true });
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' As recommended in 121.3, and in 121.999 too.');
    await expect.poll(() => text.locator('.rec-ref[data-recommendation="121.3"]').count()).toBe(1);
    expect(await text.innerText()).toContain('As recommended in 121.3, and in 121.999 too.');
    await expect.poll(() => page.getByTestId('unknown-numbers').textContent()).toBe('Not in this report’s list of recommendations: 121.999. Check the number.');
    const marked = await page.evaluate(() => [...(CSS.highlights.get('upr-unknown-number') ?? [])].map((r) => (r as Range).toString()));
    expect(marked).toEqual(['121.999']);
    await expect.poll(() => page.locator('.ed-save').textContent(), { timeout: 10_000 }).toBe('All changes saved');
    const b2 = sectionIn(mode!.file, /^Institutional framework/).id;
    expect(stored(mode!.file, (r) => listRecommendations(r.db).find((x) => x.number === '121.3')!.referencedIn)).toContain(b2);
  });
});

describe('where am I, what is mine', () => {
  it('a drafter lands on My work, the outline shows each section’s lead and due date, and the header names the file', async () => {
    mode = await startBrowserMode();
    const page = await mode.openTab();
    await signIn(page, 'David Okafor', { stay: true });
    await page.getByRole('heading', { name: 'My work', level: 2 }).waitFor();
    const mine = page.getByRole('region', { name: 'Sections Ministry of Justice leads' });
    expect(await mine.getByRole('button').allInnerTexts()).toContain('B.1. Normative framework');
    expect(await page.getByTestId('report-file').textContent()).toBe('report.upr');
    await mine.getByRole('button', { name: 'B.1. Normative framework' }).click();
    await page.getByRole('heading', { name: /Normative framework/, level: 2 }).waitFor();
    expect(await page.getByRole('row', { name: /Normative framework/ }).first().innerText()).toMatch(/Ministry of Justice · due \w+ \d+, \d{4}/);
  });
});

describe('small things that sent people back to Word', () => {
  it('a shortcut pressed right after Ctrl+End acts at the end, not where the caret was', async () => {
    const page = await signedIn('Maria Santos');
    await openSection(page, /Institutional framework/);
    const text = page.locator('.ed-content');
    await text.locator('p').first().click({ position: { x: 30, y: 8 } });
    // No pause between the keys: the browser has moved the caret, Lexical has not heard yet.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+Alt+F');
    await page.getByRole('textbox', { name: 'Footnote text' }).fill('Act No. 12/2023.');
    await page.getByRole('button', { name: 'Save' }).click();
    const last = await text.locator('p').last().evaluate((p) => {
      const refs = p.querySelectorAll('.footnote-ref');
      const ref = refs[refs.length - 1];
      if (!ref) return null;
      const range = document.createRange();
      range.setStartAfter(ref);
      range.setEndAfter(p.lastChild!);
      return range.toString();
    });
    expect(last).toBe('');
  });

  it('“say why” for a comment not accepted is said under the rationale field, which takes the focus in view', async () => {
    const page = await signedIn('Maria Santos');
    await openSection(page, /Promotion and protection/);
    await page.locator('.cmt-card[data-comment-id="demo-comment-2"]').click();
    await page.getByRole('radio', { name: 'Not accepted' }).check({ force: true });
    await page.getByRole('button', { name: 'Record disposition' }).click();
    const field = page.getByRole('textbox', { name: 'Rationale' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const described = await field.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    expect(described).toContain('Say why the comment is not accepted.');
    const inView = await field.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
  });

  it('the recommendation shown below the table follows the filters', async () => {
    const page = await signedIn('Maria Santos', { withList: true });
    await workspaceTab(page, 'Recommendations');
    await page.getByRole('button', { name: 'Show recommendation 121.2', exact: true }).click();
    const detail = page.getByRole('region', { name: /Selected recommendation|Recommendation 121\.2/ }).first();
    await expect.poll(() => detail.innerText()).toContain('121.2');
    await page.getByRole('searchbox', { name: 'Search' }).or(page.getByRole('textbox', { name: 'Search' })).first().fill('zzzz no such words');
    await expect.poll(() => page.locator('.rc-detail').innerText()).toBe('Select a recommendation in the table to see it in full, with its progress notes.');
  });
});

describe('tables', () => {
  it('grow and shrink as in Word: Tab in the last cell, shortcuts, the Table menu and a right click; header row, merge and split; a table pasted from Word keeps its cells; all of it saved', async () => {
    const { page, text } = await typingIn('Maria Santos', /Institutional framework/);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Insert table' }).click();
    const table = text.locator('table').last();
    const shape = () => table.evaluate((t) => [...t.querySelectorAll('tr')].map((r) => [...r.children].map((c) => c.tagName.toLowerCase() + ((c as HTMLTableCellElement).colSpan > 1 ? `*${(c as HTMLTableCellElement).colSpan}` : ''))));
    expect((await shape()).length).toBe(3);

    // Tab through nine cells typing, and once more in the last: a fourth row.
    await table.locator('th, td').first().click();
    for (let i = 1; i <= 9; i++) {
      await page.keyboard.type(`c${i}`);
      await page.keyboard.press('Tab');
    }
    await expect.poll(async () => (await shape()).length).toBe(4);
    await page.keyboard.type('added');
    const cells = () => table.evaluate((t) => [...t.querySelectorAll('tr')].map((r) => [...r.children].map((c) => (c as HTMLElement).innerText.trim())));
    expect(await table.locator('tr').nth(3).innerText()).toContain('added');

    // A column after, by shortcut; a row deleted from the toolbar's menu.
    await page.keyboard.press('Control+Alt+BracketRight');
    await expect.poll(async () => (await shape())[0]!.length).toBe(4);
    await page.getByRole('button', { name: /^Table/ }).click();
    await page.getByRole('menuitem', { name: /Delete row/ }).click();
    await expect.poll(async () => (await shape()).length).toBe(3);
    expect(await cells()).toEqual([
      ['c1', '', 'c2', 'c3'],
      ['c4', '', 'c5', 'c6'],
      ['c7', '', 'c8', 'c9'],
    ]);

    // Header row off and on again, from a right click in a cell.
    expect((await shape())[0]![0]).toBe('th');
    await table.locator('td').first().click({ button: 'right' });
    await page.getByRole('menuitem', { name: /Header row on or off/ }).click();
    await expect.poll(async () => (await shape())[0]![0]).toBe('td');

    // Two cells merged, then split again.
    await table.locator('tr').nth(1).locator('td').nth(0).click();
    await table.locator('tr').nth(1).locator('td').nth(1).click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: /^Table/ }).click();
    await page.getByRole('menuitem', { name: /Merge cells/ }).click();
    await expect.poll(async () => (await shape())[1]![0]).toBe('td*2');
    await page.getByRole('button', { name: /^Table/ }).click();
    await page.getByRole('menuitem', { name: /Split cell/ }).click();
    await expect.poll(async () => (await shape())[1]!.length).toBe(4);

    // A table pasted from Word, with its cells, at the start of the text.
    await text.locator('p').first().click({ position: { x: 2, y: 8 } });
    await page.keyboard.press('Home');
    // The caret has left the table (pasted into a table, a table's cells go into its cells).
    await expect
      .poll(() => page.evaluate(() => document.getSelection()?.anchorNode?.parentElement?.closest('table') === null && document.getSelection()?.anchorNode?.parentElement?.closest('.ed-content') !== null))
      .toBe(true);
    await page.evaluate(() => {
      const html =
        '<html><body><!--StartFragment--><table class=MsoTableGrid border=1><tr><td><p class=MsoNormal><b>Year</b></p></td><td><p class=MsoNormal><b>Cases</b></p></td></tr>' +
        '<tr><td><p class=MsoNormal>2023</p></td><td><p class=MsoNormal>412</p></td></tr></table><!--EndFragment--></body></html>';
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Year\tCases\n2023\t412');
      // Pressing Ctrl+V would have the editor take the caret from the page first; a paste sent by
      // hand does not, so the page says where the caret is now.
      document.dispatchEvent(new Event('selectionchange'));
      document.querySelector('.ed-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const pasted = text.locator('table').first();
    await expect.poll(() => pasted.evaluate((t) => [...t.querySelectorAll('tr')].map((r) => [...r.children].map((c) => (c as HTMLElement).innerText.trim())))).toEqual([
      ['Year', 'Cases'],
      ['2023', '412'],
    ]);

    await expect.poll(() => page.locator('.ed-save').textContent(), { timeout: 10_000 }).toBe('All changes saved');
    const before = await shape();
    await page.reload();
    await openSection(page, /Institutional framework/);
    expect(await page.locator('.ed-content table').count()).toBe(2);
    expect(await page.locator('.ed-content table').last().evaluate((t) => t.querySelectorAll('tr').length)).toBe(before.length);
    expect(await page.locator('.ed-content table').first().innerText()).toMatch(/Year\s+Cases\s+2023\s+412/);
  });
});

describe('paste', () => {
  it('from Word keeps headings, lists, bold, italic and links, and the export has the heading as a heading, the UN template’s numbered headings unnumbered and its body text numbered by the report; plain text gets no empty paragraphs', async () => {
    const { page, text } = await typingIn('Maria Santos', /Institutional framework/);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    const word = fs.readFileSync(path.join(import.meta.dirname, '..', 'unit', 'fixtures', 'word-clipboard.html'), 'utf8');
    const paste = (data: Record<string, string>) =>
      page.evaluate((d) => {
        const transfer = new DataTransfer();
        for (const [type, value] of Object.entries(d)) transfer.setData(type, value);
        document.querySelector('.ed-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      }, data);
    await paste({ 'text/html': word, 'text/plain': 'Access to justice\r\nThe Law on Free Legal Aid…' });
    await expect.poll(() => text.locator('h2').allInnerTexts()).toContain('Access to justice');
    expect(await text.locator('h3').allInnerTexts()).toContain('Figures');
    expect(await text.locator('ul > li').first().innerText()).toContain('eligibility widened');
    expect(await text.locator('ol > li').allInnerTexts()).toEqual(['412 cases in 2023', '618 cases in 2024 (report)']);
    expect(await text.locator('strong, b').allInnerTexts()).toEqual(expect.arrayContaining(['2024', 'victims of trafficking']));
    expect(await text.locator('a[href="https://www.gov.example/aid"]').count()).toBe(1);
    expect(await text.innerText()).not.toMatch(/·|mso-/);

    const before = await text.locator('p').count();
    await paste({ 'text/plain': 'One line.\r\n\r\nAnother line.\r\n\r\n\r\nA third.' });
    await expect.poll(() => text.innerText()).toContain('A third.');
    const paragraphs = await text.locator('p').allInnerTexts();
    expect(paragraphs.filter((p) => p.trim() === '')).toEqual([]);
    expect(paragraphs.length - before).toBeLessThanOrEqual(3);

    // A national report set in the UN template: its headings, numbered by Word, stay headings; its
    // numbered body text becomes paragraphs, which the report numbers (issue 15, point 4).
    const unTemplate = fs.readFileSync(path.join(import.meta.dirname, '..', 'unit', 'fixtures', 'word-un-template.html'), 'utf8');
    // On a line of its own (pasted into a line with text, the first block joins that line, as in Word).
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await paste({ 'text/html': unTemplate, 'text/plain': 'I. Methodology and consultation process' });
    await expect.poll(() => text.locator('h3').allInnerTexts()).toContain('Preparation of the report');
    expect(await text.locator('p', { hasText: 'The report was prepared by the Inter-Ministerial Committee.' }).count()).toBe(1);

    await expect.poll(() => page.locator('.ed-save').textContent(), { timeout: 10_000 }).toBe('All changes saved');
    const blocks = stored(mode!.file, (r) => buildExportDocument(r.db).body);
    expect(blocks).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'heading', runs: [expect.objectContaining({ text: 'Access to justice' })] })]));
    const plainOf = (b: (typeof blocks)[number]) => ('runs' in b ? b.runs.map((r) => ('text' in r ? r.text : '')).join('') : '');
    const at = blocks.findIndex((b) => plainOf(b) === 'Preparation of the report');
    const shape = (b: (typeof blocks)[number] | undefined) => (b ? [b.kind, 'number' in b ? b.number : null, plainOf(b)] : null);
    expect([shape(blocks[at - 1]), shape(blocks[at])]).toEqual([
      ['heading', null, 'Methodology and consultation process'],
      ['heading', null, 'Preparation of the report'],
    ]);
    const first = blocks[at + 1]!;
    expect(first.kind).toBe('paragraph');
    const n = (first as { number: number }).number;
    expect(blocks.slice(at + 1, at + 5).map(shape)).toEqual([
      ['paragraph', n, 'The report was prepared by the Inter-Ministerial Committee.'],
      ['paragraph', n + 1, 'Consultations were held in three regions.'],
      ['heading', null, '2024 in figures'],
      ['list', null, ''],
    ]);
    // Every body paragraph numbered, straight through the report, the pasted ones included.
    const numbers = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.number] : []));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});

describe('a CSV from Excel in Central Europe', () => {
  it('the preview says which encoding and delimiter were found, that the encoding is a guess, and reads the file again when another is chosen', async () => {
    mode = await startBrowserMode();
    const file = path.join(mode!.dir, 'slovenija.csv');
    fs.writeFileSync(file, sloveneCsv1250('Recommendation No.;Recommendation;Država'));

    const page = await mode.openTab();
    await signIn(page, 'Maria Santos');
    await workspaceTab(page, 'Recommendations');
    await chooseFile(page, page.getByRole('button', { name: 'Import recommendations…' }), file);
    const dialog = page.getByRole('dialog', { name: 'Import recommendations' });
    // Sent to the server and read there: a busy machine may take more than poll's second.
    await expect.poll(() => dialog.getByTestId('csv-note').textContent(), { timeout: 30_000 }).toBe(
      'The encoding is a guess: Central European (Windows-1250). If letters in the preview look wrong (“Priporoèilo” for “Priporočilo”), choose another.',
    );
    expect(await dialog.getByRole('button', { name: /Delimiter/ }).innerText()).toContain('Semicolon (;)');
    await expect.poll(() => dialog.locator('.rc-preview-table').innerText(), { timeout: 30_000 }).toContain('Okrepiti ukrepe za preprečevanje nasilja nad ženskami');

    await dialog.getByRole('button', { name: /Encoding/ }).click();
    await page.getByRole('option', { name: 'Western European (Windows-1252)' }).click();
    await expect.poll(() => dialog.locator('.rc-preview-table').innerText(), { timeout: 30_000 }).toContain('prepreèevanje');
    await dialog.getByRole('button', { name: /Encoding/ }).click();
    await page.getByRole('option', { name: 'Central European (Windows-1250)' }).click();
    await expect.poll(() => dialog.locator('.rc-preview-table').innerText(), { timeout: 30_000 }).toContain('preprečevanje');
    await dialog.getByRole('button', { name: 'Import 5 recommendations' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('find and replace in a section', () => {
  it('Ctrl+F finds every match, accents and case ignored, goes from one to the next; Ctrl+H replaces one or all, saved, and Ctrl+Z takes it back', async () => {
    const page = await signedIn('Maria Santos');
    await openSection(page, /Normative framework/);
    const text = page.locator('.ed-content');
    const occurrences = (s: string, what: RegExp) => (s.match(what) ?? []).length;
    const original = await text.innerText();
    const expected = occurrences(original, /law on/gi);
    expect(expected).toBeGreaterThan(2);
    await text.click();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('LAW ON');
    const count = page.getByTestId('find-count');
    await expect.poll(() => count.textContent()).toBe(`1 of ${expected}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => count.textContent()).toBe(`2 of ${expected}`);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => count.textContent()).toBe(`1 of ${expected}`);
    expect(await page.evaluate(() => [...(CSS.highlights.get('upr-find-current') ?? [])].map((r) => (r as Range).toString()))).toEqual(['Law on']);
    expect(await page.evaluate(() => CSS.highlights.get('upr-find')?.size)).toBe(expected);
    await page.keyboard.press('Escape');

    // Ctrl+H: one replaced, then all the others.
    await text.click();
    await page.keyboard.press('Control+H');
    await page.keyboard.type('Law on');
    await page.getByRole('textbox', { name: 'Replace with' }).fill('Act on');
    await page.getByRole('button', { name: 'Replace', exact: true }).click();
    await expect.poll(() => count.textContent()).toBe(`1 of ${expected - 1}`);
    await page.getByRole('button', { name: 'Replace all' }).click();
    await expect.poll(() => count.textContent()).toBe('Not found');
    expect(occurrences(await text.innerText(), /act on/gi)).toBe(expected);
    await expect.poll(() => page.locator('.ed-save').textContent(), { timeout: 10_000 }).toBe('All changes saved');
    const b1 = sectionIn(mode!.file, /^Normative framework/).id;
    expect(occurrences(stored(mode!.file, (r) => readSectionText(r.db, b1).plain), /Act on/g)).toBe(expected);

    await page.keyboard.press('Escape');
    await text.click();
    // Undone as typing is: nothing else was changed here, so two steps back at most give the text as it was.
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => text.innerText()).toBe(original);
  });
});

describe('find across a change of format', () => {
  it('finds words half bold, half not, marks them as one match, and replaces them in the first letter’s format', async () => {
    const { page, text } = await typingIn('Maria Santos', /Normative framework/);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Support to human ');
    await page.keyboard.press('Control+B');
    await page.keyboard.type('rights');
    await page.keyboard.press('Control+B');
    await page.keyboard.type(' defenders grew.');
    await page.keyboard.press('Control+F');
    await page.keyboard.type('human rights defenders');
    // One match, marked as one range over the plain and the bold words (polled: "defender" matched too, a key earlier).
    await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('upr-find-current') ?? [])].map((r) => (r as Range).toString()))).toEqual(['human rights defenders']);
    expect(await page.getByTestId('find-count').textContent()).toBe('1 of 1');
    await page.keyboard.press('Escape');
    await text.click();
    await page.keyboard.press('Control+H');
    await page.keyboard.type('human rights defenders');
    await page.getByRole('textbox', { name: 'Replace with' }).fill('defenders of human rights');
    await page.getByRole('button', { name: 'Replace all' }).click();
    await expect.poll(() => text.innerText()).toContain('Support to defenders of human rights grew.');
    await expect.poll(() => page.locator('.ed-save').textContent(), { timeout: 10_000 }).toBe('All changes saved');
    const b1 = sectionIn(mode!.file, /^Normative framework/).id;
    expect(stored(mode!.file, (r) => readSectionText(r.db, b1).plain)).toContain('Support to defenders of human rights grew.');
  });
});

describe('find and replace in the whole report', () => {
  it('lists the matches by section, only the sections the person may write are ticked, and replaces in them; the open editor shows it', async () => {
    const { page, text } = await typingIn('David Okafor', /Normative framework/);
    await page.keyboard.press('Control+F');
    await page.keyboard.type('the law');
    await page.getByRole('button', { name: 'Whole report…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Find and replace in the whole report' });
    await expect.poll(() => dialog.getByTestId('report-find-count').textContent()).toMatch(/^\d+ match(es)? in \d+ section\(s\)$/);
    const boxes = dialog.getByRole('checkbox');
    const states = await boxes.evaluateAll((els) => els.map((e) => ({ name: e.parentElement!.textContent!.trim(), checked: (e as HTMLInputElement).checked, disabled: (e as HTMLInputElement).disabled })));
    expect(states.filter((s) => s.checked).map((s) => s.name)).toEqual([expect.stringMatching(/^B\.1\. Normative framework/)]);
    expect(states.filter((s) => !s.checked).every((s) => s.disabled && /you may not change it/.test(s.name))).toBe(true);
    await dialog.getByRole('textbox', { name: 'Replace with' }).fill('the Act');
    await dialog.getByRole('button', { name: 'Replace in 1 section' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => text.innerText(), { timeout: 10_000 }).toContain('the Act on Equality');
    const b1 = sectionIn(mode!.file, /^Normative framework/).id;
    expect(stored(mode!.file, (r) => readSectionText(r.db, b1).plain)).not.toMatch(/the law/i);
  });
});
