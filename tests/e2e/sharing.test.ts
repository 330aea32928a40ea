// Sharing between offices end to end, in Chromium through browser mode, on real files: a closed
// copy of the demo report goes to the Ministry of Justice, where section A is renamed and David
// Okafor adds to section B's text; meanwhile the secretariat renames A differently and adds to B
// too. In the Sharing view the secretariat merges the copy chosen in the browser's chooser, sees the merge report
// (offices, counts, one conflict, B edited in both copies and compared side by side), settles the
// title by writing a third one, and the outline shows it. axe finds nothing serious on the view
// or in the compare dialog. Then, on a second report in a browser far from UTC: the merge report is
// still there after a reload, with when it was merged, and a conflict names its section, field,
// value and time in the person's language and time zone, in English and in French.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { updateSection } from '../../electron/services/sections.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { actIn } from '../unit/office.js';
import { chooseFile, seriousViolations, signIn, startBrowserMode, type BrowserMode } from './harness.js';

const A_TITLE = 'Methodology and consultation process';
const B_TITLE = 'Developments since the previous review: normative and institutional framework';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let mode: BrowserMode;
let fixtureDir = '';
let copyFile = '';
beforeAll(async () => {
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-sharing-'));
  const file = path.join(fixtureDir, 'report.upr');
  createDemoReport(file).close();
  const main = OpenReport.open(file);
  copyFile = writeClosedCopy(main.db, path.join(fixtureDir, 'for-justice.upr')).path;
  main.close();

  // The Ministry of Justice's copy: section A renamed by the secretariat there, B's text added to.
  const justice = actIn(copyFile, 'Maria Santos');
  updateSection(justice.ctx, { id: justice.section(A_TITLE).id, title: 'Methods and consultations' });
  justice.report.close();
  const david = actIn(copyFile, 'David Okafor');
  david.type(B_TITLE, 'The Justice ministry added this paragraph.');
  david.report.close();

  // Here, a little later: A renamed differently, B's text added to as well.
  await pause(20);
  const here = actIn(file, 'Maria Santos');
  updateSection(here.ctx, { id: here.section(A_TITLE).id, title: 'How the report was prepared' });
  here.type(B_TITLE, 'The secretariat added this paragraph.');
  here.report.close();

  mode = await startBrowserMode({ file });
});
afterAll(async () => {
  await mode?.close();
  fs.rmSync(fixtureDir, { recursive: true, force: true });
});

describe('sharing between offices in a browser', () => {
  it('merges a copy edited elsewhere, compares a section edited in both, and settles the title with a third one', async () => {
    const page = await mode.openTab();
    await signIn(page, 'Maria Santos');
    await page.getByRole('tab', { name: 'Sharing' }).click();
    await page.getByRole('heading', { name: 'Share with other offices' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const merge = page.getByRole('region', { name: 'Merge a copy' });
    // Chosen in the browser's own chooser: the file is sent to the server, which merges its copy.
    await chooseFile(page, merge.getByRole('button', { name: 'Merge a copy…' }), copyFile);

    const report = page.getByTestId('merge-report');
    await report.waitFor({ timeout: 30_000 });
    const text = (await report.textContent()) ?? '';
    // Whose changes came in: the title's change was made there by the secretariat's member.
    expect(text).toContain('Changes from Ministry of Foreign Affairs');
    expect(text).toContain('1 section changed');
    expect(text).toContain('The text of 1 section changed');
    expect(text).toContain('1 field changed in both copies');
    expect(text).toMatch(/Backup made before merging: .+\.upr/);
    // Named as it was chosen, not by the server's copy of it.
    expect(text).toContain('From the copy for-justice.upr');
    await report.getByText(B_TITLE).waitFor();

    // The conflict: both titles with who set them, the later (this report's) shown now.
    const conflict = page.getByRole('listitem', { name: /How the report was prepared.*Title/ });
    await conflict.waitFor();
    const mine = conflict.getByRole('group', { name: /In this report/ });
    const theirs = conflict.getByRole('group', { name: /In the copy/ });
    expect(await mine.textContent()).toContain('How the report was prepared');
    expect(await mine.textContent()).toContain('Shown now');
    expect(await theirs.textContent()).toContain('Methods and consultations');
    expect(await theirs.textContent()).toContain('Maria Santos');
    expect(await seriousViolations(page)).toEqual([]);

    // Section B, edited in both copies: each side's text and the merged one.
    await report.getByRole('button', { name: `Compare the texts of ${B_TITLE}` }).click();
    const dialog = page.getByRole('dialog', { name: `Texts of ${B_TITLE}` });
    await dialog.getByRole('region', { name: 'This report' }).getByText(/The secretariat added this paragraph/).waitFor();
    // Each text as it reads, the words struck through (what this report has and it lacks) left out.
    const reads = (name: string) =>
      dialog.getByRole('region', { name }).locator('.sh-text-body').evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('del').forEach((d) => d.remove());
        return copy.textContent ?? '';
      });
    expect(await reads('The copy')).toContain('The Justice ministry added this paragraph.');
    expect(await reads('The copy')).not.toContain('The secretariat added this paragraph.');
    const merged = await reads('Merged text, now in the report');
    expect(merged).toContain('The Justice ministry added this paragraph.');
    expect(merged).toContain('The secretariat added this paragraph.');
    // Marked word by word against this report's text: the copy's words underlined, this report's it lacks struck.
    expect((await dialog.getByRole('region', { name: 'The copy' }).locator('ins').allInnerTexts()).join(' ')).toMatch(/Justice\s+ministry/);
    expect((await dialog.getByRole('region', { name: 'The copy' }).locator('del').allInnerTexts()).join(' ')).toMatch(/secretariat/);
    expect(await dialog.getByRole('region', { name: 'Merged text, now in the report' }).locator('del').count()).toBe(0);
    await dialog.page().screenshot({ path: path.join(os.tmpdir(), 'upr-compare-redline.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Settled with a third title: announced, the list empties, the outline shows it.
    await conflict.getByRole('button', { name: 'Write another…' }).click();
    const field = conflict.getByRole('textbox', { name: /Another value for/ });
    await field.fill('Preparation of the report');
    await conflict.getByRole('button', { name: 'Settle' }).click();
    await page.getByTestId('status-message').getByText(/Settled: .* is now “Preparation of the report”/).waitFor();
    await page.getByText('No conflicts to settle.').waitFor();
    await page.getByRole('tab', { name: 'Sections' }).click();
    await page.getByRole('navigation', { name: 'Outline' }).getByText('Preparation of the report').waitFor();
    expect(await page.getByRole('navigation', { name: 'Outline' }).getByText('How the report was prepared').count()).toBe(0);
  });
});

/** The time as Chromium in that zone writes it; narrow and plain spaces differ between ICU versions. */
const inZone = (iso: string, language: string, timeZone: string, style: 'medium' | 'long') =>
  new Intl.DateTimeFormat(language, { dateStyle: style, timeStyle: 'short', timeZone }).format(new Date(iso)).replace(/\s/g, ' ');
const spaced = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

describe('the last merge and its conflicts after a reload, in the person’s language and time zone', () => {
  let second: BrowserMode;
  let secondCopy = '';
  let dir = '';
  const ZONE = 'Pacific/Auckland'; // UTC+13 in November: a time shown in UTC would be wrong by half a day
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-sharing-zone-'));
    const file = path.join(dir, 'report.upr');
    createDemoReport(file).close();
    const main = OpenReport.open(file);
    secondCopy = writeClosedCopy(main.db, path.join(dir, 'for-justice.upr')).path;
    main.close();
    const justice = actIn(secondCopy, 'Maria Santos');
    updateSection(justice.ctx, { id: justice.section(A_TITLE).id, title: 'Methods and consultations' });
    justice.report.close();
    await pause(20);
    const here = actIn(file, 'Maria Santos');
    updateSection(here.ctx, { id: here.section(A_TITLE).id, title: 'How the report was prepared' });
    here.report.close();
    second = await startBrowserMode({ file });
  });
  afterAll(async () => {
    await second?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the merge report with its date after a reload, and the conflict in local time, in English then French', async () => {
    const context = await second.browser.newContext({ viewport: { width: 1400, height: 900 }, timezoneId: ZONE, locale: 'en-US' });
    const page = await context.newPage();
    try {
      await page.goto(second.server.url);
      await signIn(page, 'Maria Santos');
      await page.getByRole('tab', { name: 'Sharing' }).click();
      const merge = page.getByRole('region', { name: 'Merge a copy' });
      await chooseFile(page, merge.getByRole('button', { name: 'Merge a copy…' }), secondCopy);
      await page.getByTestId('merge-report').waitFor({ timeout: 30_000 });
      expect(await page.getByText(/Merged\. What the copy brought/).count()).toBe(1);

      await page.reload();
      await page.getByRole('navigation', { name: 'Outline' }).waitFor();
      await page.getByRole('tab', { name: 'Sharing' }).click();
      const report = page.getByTestId('merge-report');
      await report.waitFor();
      // Not the "Merged." of a merge made just now: this is the file's record of it.
      expect(await page.getByText(/Merged\. What the copy brought/).count()).toBe(0);
      expect(await report.textContent()).toContain('1 field changed in both copies');
      const mergedAt = (await report.locator('time').getAttribute('datetime'))!;
      expect(Math.abs(Date.parse(mergedAt) - Date.now())).toBeLessThan(5 * 60_000);
      expect(spaced(await report.locator('time').textContent())).toBe(`Last merge: ${inZone(mergedAt, 'en', ZONE, 'long')}`);

      const conflict = page.getByRole('listitem', { name: 'Section “How the report was prepared” · Title' });
      await conflict.waitFor();
      const theirs = conflict.getByRole('group', { name: /In the copy/ });
      const at = (await theirs.locator('time').getAttribute('datetime'))!;
      expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(await theirs.locator('time').getAttribute('title')).toBe(at);
      const shownAt = spaced(await theirs.locator('time').textContent());
      expect(shownAt).toBe(inZone(at, 'en', ZONE, 'medium'));
      expect(shownAt).not.toBe(inZone(at, 'en', 'UTC', 'medium'));
      expect(await conflict.textContent()).not.toContain('UTC');
      expect(await seriousViolations(page)).toEqual([]);

      // In French: the subject, the field, the labels and the dates.
      await page.getByRole('button', { name: /Language/ }).click();
      await page.getByRole('option', { name: 'Français' }).click();
      await page.getByRole('heading', { name: 'Partager avec les autres services' }).waitFor();
      const conflictFr = page.getByRole('listitem', { name: 'Section « How the report was prepared » · Titre' });
      await conflictFr.waitFor();
      const theirsFr = conflictFr.getByRole('group', { name: /Dans la copie/ });
      expect(spaced(await theirsFr.locator('time').textContent())).toBe(inZone(at, 'fr', ZONE, 'medium'));
      expect(spaced(await page.getByTestId('merge-report').locator('time').textContent())).toBe(`Dernière fusion : ${inZone(mergedAt, 'fr', ZONE, 'long')}`);
      expect(await page.getByTestId('merge-report').textContent()).toContain('1 champ modifié dans les deux copies');
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a copy that claims changes its authors could not make', () => {
  let third: BrowserMode;
  let forged = '';
  let dir = '';
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-sharing-forged-'));
    const file = path.join(dir, 'report.upr');
    createDemoReport(file).close();
    const main = OpenReport.open(file);
    forged = writeClosedCopy(main.db, path.join(dir, 'from-the-nhri.upr')).path;
    main.close();
    // Edited with sqlite3: the NHRI's reviewer makes herself secretariat.
    const office = actIn(forged, 'Ingrid Larsen');
    const ingrid = office.me.id;
    const newest = office.report.db.prepare('SELECT max(hlc) FROM change_log').pluck().get() as string;
    office.report.close();
    const db = new Database(forged);
    const hlc = `${new Date(Date.parse(newest.slice(0, 24)) + 1000).toISOString()}-0000-00000000000000f0`;
    db.prepare("INSERT INTO change_log VALUES (?, '00000000000000f0', ?, 'members', ?, 'role', 'secretariat', NULL)").run(hlc, ingrid, ingrid);
    db.prepare("UPDATE members SET role = 'secretariat' WHERE id = ?").run(ingrid);
    db.close();
    third = await startBrowserMode({ file });
  });
  afterAll(async () => {
    await third?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the change held back, by whom it claims to be and why, and applies nothing of it, in English and French', async () => {
    const page = await third.openTab();
    await signIn(page, 'Maria Santos');
    await page.getByRole('tab', { name: 'Sharing' }).click();
    const merge = page.getByRole('region', { name: 'Merge a copy' });
    await chooseFile(page, merge.getByRole('button', { name: 'Merge a copy…' }), forged);
    const held = page.getByRole('group', { name: '1 change held back' });
    await held.waitFor({ timeout: 30_000 });
    const text = (await held.textContent()) ?? '';
    expect(text).toContain('Member Ingrid Larsen: Role → Secretariat');
    expect(text).toContain('Claimed to be by Ingrid Larsen');
    // Written in by hand, it carries no signature, though Ingrid signs her changes: held back for that first.
    expect(text).toContain('It is not signed, though Ingrid Larsen has signed their changes since');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'People' }).click();
    const members = page.getByRole('table', { name: 'Members' });
    await expect.poll(async () => (await members.getByRole('row', { name: /Ingrid Larsen/ }).textContent()) ?? '').toContain('Reviewer');
    await page.getByRole('tab', { name: 'Sharing' }).click();
    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('option', { name: 'Français' }).click();
    const heldFr = page.getByRole('group', { name: '1 modification retenue' });
    await heldFr.waitFor();
    expect(await heldFr.textContent()).toContain('Attribuée à Ingrid Larsen');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
