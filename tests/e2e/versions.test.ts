// Versions end to end, in Chromium through browser mode, on a real file (issue 14, points 1, 2, 4
// and 6): the secretariat saved "Draft sent to the NHRI"; since then David Okafor reworded a
// sentence and added a paragraph in section B and its due date moved. In the Versions view the
// secretariat saves another version by name, compares the draft with now (only B shown, its words
// marked, its due date, who wrote), downloads the comparison as Word with tracked changes (pandoc
// and LibreOffice read the changes as changes), opens the draft to read, then restores B's text and
// due date from it, after which the two are the same. A drafter sees the versions but saves none.
// axe finds nothing serious on the view or in the reader.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { updateSection } from '../../electron/services/sections.js';
import { saveNamedVersion } from '../../electron/services/versions.js';
import { readSectionText, textUpdates } from '../../electron/docs/section-text.js';
import { editSection } from '../../electron/docs/headless.js';
import { writeText } from '../../electron/sync/text-log.js';
import { $nodesOfType, TextNode } from 'lexical';
import { actIn } from '../unit/office.js';
import { openSection, seriousViolations, signIn, startBrowserMode, type BrowserMode } from './harness.js';

const B_TITLE = 'Developments since the previous review: normative and institutional framework';
const ADDED = 'The Justice ministry added this paragraph after the draft.';

let mode: BrowserMode;
let fixtureDir = '';
let draftText = '';
beforeAll(async () => {
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-versions-'));
  const file = path.join(fixtureDir, 'report.upr');
  createDemoReport(file).close();
  const maria = actIn(file, 'Maria Santos');
  saveNamedVersion(maria.ctx, { name: 'Draft sent to the NHRI' });
  draftText = readSectionText(maria.report.db, maria.section(B_TITLE).id).plain;
  maria.report.close();
  const david = actIn(file, 'David Okafor');
  david.type(B_TITLE, ADDED);
  // A word changed in a sentence of B's subsection, the rest of its text as it was.
  const framework = david.section('Normative framework');
  const update = editSection(textUpdates(david.report.db, framework.id), () => {
    const run = $nodesOfType(TextNode).find((n) => n.getTextContent().includes('Parliament adopted'))!;
    run.setTextContent(run.getTextContent().replace('Parliament adopted', 'Parliament passed'));
  });
  writeText(david.report, framework.id, update, david.me.id, 'edit');
  david.report.close();
  const again = actIn(file, 'Maria Santos');
  updateSection(again.ctx, { id: again.section(B_TITLE).id, dueDate: '2027-02-01' });
  again.report.close();
  mode = await startBrowserMode({ file });
});
afterAll(async () => {
  await mode?.close();
  fs.rmSync(fixtureDir, { recursive: true, force: true });
});

async function openVersions(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.getByRole('heading', { name: 'Versions', level: 2 }).waitFor();
  await page.getByTestId('versions-table').waitFor();
}

describe('versions in a browser', () => {
  it('marks, in a section, its changes since a version: who inserted and deleted what, in their colour, on hover', async () => {
    const page = await mode.openTab();
    await signIn(page, 'Maria Santos');
    // In the section, its changes since the draft marked as Word's All markup: who, in their colour, on hover.
    await openSection(page, /Normative framework/);
    await page.getByRole('combobox', { name: 'Show changes since' }).selectOption({ label: 'Draft sent to the NHRI' });
    const markup = page.getByTestId('section-markup');
    await markup.locator('ins.markup-ins').first().waitFor();
    expect(await markup.locator('ins.markup-ins').allTextContents()).toEqual(['passed']);
    expect(await markup.locator('del.markup-del').allTextContents()).toEqual(['adopted']);
    expect(await markup.locator('ins.markup-ins').getAttribute('title')).toMatch(/^Inserted by David Okafor, /);
    expect(await markup.getByRole('list', { name: 'Who changed the text' }).textContent()).toContain('David Okafor');
    await page.screenshot({ path: path.join(os.tmpdir(), 'upr-versions-markup.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await markup.getByRole('button', { name: 'Back to editing' }).click();
    await page.locator('.ed-content').waitFor();
    await page.close();
  });

  it('saves a version, compares the draft with now, takes the redline to Word, opens the draft, and restores a section from it', async () => {
    const page = await mode.openTab();
    await signIn(page, 'Maria Santos');
    await openVersions(page);
    const table = page.getByTestId('versions-table');
    await table.getByRole('rowheader', { name: 'Draft sent to the NHRI' }).waitFor();
    expect(await table.getByRole('row', { name: /Draft sent to the NHRI/ }).textContent()).toContain('Maria Santos');

    // A version saved by name, typed and sent with Enter.
    await page.getByRole('textbox', { name: 'Name of the version' }).fill('After the NHRI comments');
    await page.getByRole('textbox', { name: 'Name of the version' }).press('Enter');
    await table.getByRole('rowheader', { name: 'After the NHRI comments' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Name of the version' }).inputValue()).toBe('');
    expect(await seriousViolations(page)).toEqual([]);

    // The draft against now: only section B, its new paragraph inserted, its due date, who wrote.
    await page.getByRole('button', { name: 'Compare with now: Draft sent to the NHRI' }).click();
    const comparison = page.getByTestId('comparison');
    await comparison.waitFor();
    expect(await page.getByTestId('comparison-totals').textContent()).toMatch(/^2 sections differ: \d+ words inserted, 1 deleted\.$/);
    const sections = comparison.getByTestId('section-diff');
    expect(await sections.count()).toBe(2);
    const b = sections.filter({ hasText: B_TITLE });
    expect(await b.getByRole('heading').textContent()).toContain(B_TITLE);
    expect(await b.textContent()).toContain('Written in by David Okafor');
    expect(await b.locator('ins.redline-ins', { hasText: ADDED }).count()).toBe(1);
    expect(await b.locator('dd').first().textContent()).toMatch(/→ Feb 1, 2027/);
    // In the subsection, the word changed is marked in its sentence; unchanged paragraphs are folded, and shown on demand.
    const sub = sections.filter({ hasText: 'Normative framework' });
    expect(await sub.locator('del.redline-del').allTextContents()).toEqual(['adopted']);
    expect(await sub.locator('ins.redline-ins').allTextContents()).toEqual(['passed']);
    expect(await sub.locator('.vs-p-same').count()).toBe(0);
    await sub.getByRole('button', { name: 'Show', exact: true }).first().click();
    expect(await sub.locator('.vs-p-same').count()).toBeGreaterThan(0);
    // Who changed what: the same change in David's colour, who and when on hover; then back to the words.
    await sub.getByRole('button', { name: 'Show who changed what' }).click();
    const who = sub.getByTestId('who-changed');
    await who.locator('ins.markup-ins').first().waitFor();
    expect(await who.locator('ins.markup-ins').allTextContents()).toEqual(['passed']);
    expect(await who.locator('ins.markup-ins').getAttribute('title')).toMatch(/^Inserted by David Okafor, /);
    expect(await who.getByRole('list', { name: 'Who changed the text' }).textContent()).toContain('David Okafor');
    await sub.getByRole('button', { name: 'Show the words changed' }).click();
    await sub.locator('del.redline-del').first().waitFor();
    await page.screenshot({ path: path.join(os.tmpdir(), 'upr-versions-compare.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The comparison as Word with tracked changes: pandoc and LibreOffice read them as changes.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), comparison.getByRole('button', { name: 'Download as Word with tracked changes…' }).click()]);
    const saved = path.join(fixtureDir, download.suggestedFilename());
    await download.saveAs(saved);
    expect(saved.endsWith('.docx')).toBe(true);
    await page.getByTestId('redline-status').getByText(/^✓ Downloaded as /).waitFor();
    const html = execFileSync('pandoc', ['--track-changes=all', '-t', 'html', '--wrap=none', saved], { encoding: 'utf8' });
    expect(html).toMatch(new RegExp(`<span class="insertion" data-author="David Okafor"[^>]*>${ADDED}</span>`));
    expect(execFileSync('pandoc', ['--track-changes=reject', '-t', 'plain', saved], { encoding: 'utf8' })).not.toContain(ADDED);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-lo-'));
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'odt', '--outdir', fixtureDir, saved], { stdio: 'ignore', timeout: 120_000 });
    const odt = unzipSync(new Uint8Array(fs.readFileSync(saved.replace(/\.docx$/, '.odt'))));
    const content = strFromU8(odt['content.xml']!);
    expect(content).toContain('<text:tracked-changes');
    expect(content).toMatch(/<text:insertion>.*David Okafor/s);
    fs.rmSync(profile, { recursive: true, force: true });

    // The draft opened to read: B as it was, without the paragraph added since.
    await table.getByRole('button', { name: 'Open: Draft sent to the NHRI' }).click();
    const reader = page.getByTestId('version-reader');
    await reader.getByText('Read only: this is the report as it was when the version was saved.').waitFor();
    const readerText = (await reader.textContent()) ?? '';
    expect(readerText).toContain(B_TITLE);
    expect(readerText).not.toContain(ADDED);
    // B had no text of its own in the draft (the demo writes its subsections): the reader says so.
    expect(draftText.trim()).toBe('');
    expect(await reader.locator('section', { hasText: B_TITLE }).getByText('This section was empty.').count()).toBe(1);
    expect(readerText).toContain('Since the previous review');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await reader.waitFor({ state: 'detached' });

    // Restore B's text, then its due date, then the subsection's text: the two are then the same.
    await b.getByRole('button', { name: 'Restore this text' }).click();
    await page.getByText('Restored as in “Draft sent to the NHRI”.').first().waitFor();
    await expect.poll(async () => (await b.locator('ins.redline-ins', { hasText: ADDED }).count())).toBe(0);
    await b.getByRole('button', { name: 'Restore: Due date' }).click();
    await expect.poll(async () => await b.getByRole('button', { name: 'Restore: Due date' }).count()).toBe(0);
    await sub.getByRole('button', { name: 'Restore this text' }).click();
    await page.getByTestId('comparison-totals').getByText('The two are the same: no section, detail or word differs.').waitFor();
    // Read from the file itself (read only: the server has it open).
    const db = new Database(mode.file, { readonly: true });
    try {
      const id = db.prepare('SELECT id FROM sections WHERE title = ?').pluck().get(B_TITLE) as string;
      expect(readSectionText(db, id).plain).toBe(draftText);
    } finally {
      db.close();
    }
    await page.close();
  });

  it('shows a drafter the versions, to open and compare, without saving one', async () => {
    const page = await mode.openTab();
    await signIn(page, 'David Okafor');
    await openVersions(page);
    await page.getByText('Saving a version is for the secretariat. You can open and compare the versions saved.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Name of the version' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Compare with now: Draft sent to the NHRI' }).click();
    await page.getByTestId('comparison').waitFor();
    expect(await page.getByRole('button', { name: 'Restore: Due date' }).count()).toBe(0);
    await page.close();
  });
});
