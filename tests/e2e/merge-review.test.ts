// Merge review end to end, in Chromium through browser mode, on real files (issue 14, point 7): the
// Ministry of Justice's copy and the report itself both rewrote the same sentence of section B.1.
// The secretariat merges the copy; the paragraph is flagged on the Sharing screen, shown three ways
// (as both had it, this report's, the copy's, each side's words marked) with the merged one below,
// and listed among what blocks submission in the Export view. Keeping the copy's paragraph settles
// it: the text reads as the copy's, the flag and the blocker are gone. axe finds nothing serious.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { $nodesOfType, TextNode } from 'lexical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editSection } from '../../electron/docs/headless.js';
import { readSectionText, textUpdates } from '../../electron/docs/section-text.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { writeText } from '../../electron/sync/text-log.js';
import { actIn } from '../unit/office.js';
import { chooseFile, seriousViolations, signIn, startBrowserMode, type BrowserMode } from './harness.js';

function retype(file: string, who: string, find: string, by: string): void {
  const o = actIn(file, who);
  const s = o.section('Normative framework');
  const update = editSection(textUpdates(o.report.db, s.id), () => {
    const run = $nodesOfType(TextNode).find((n) => n.getTextContent().includes(find))!;
    run.setTextContent(run.getTextContent().replace(find, by));
  });
  writeText(o.report, s.id, update, o.me.id, 'edit');
  o.report.close();
}

let mode: BrowserMode;
let fixtureDir = '';
let copyFile = '';
beforeAll(async () => {
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-merge-review-'));
  const file = path.join(fixtureDir, 'report.upr');
  createDemoReport(file).close();
  const main = OpenReport.open(file);
  copyFile = writeClosedCopy(main.db, path.join(fixtureDir, 'for-justice.upr')).path;
  main.close();
  retype(copyFile, 'David Okafor', 'Parliament adopted', 'Parliament passed');
  retype(file, 'Maria Santos', 'Parliament adopted', 'the National Assembly adopted');
  mode = await startBrowserMode({ file });
});
afterAll(async () => {
  await mode?.close();
  fs.rmSync(fixtureDir, { recursive: true, force: true });
});

describe('merge review in a browser', () => {
  it('flags the sentence both copies rewrote, shows it three ways, blocks submission until settled, and settles it by keeping the copy’s', async () => {
    const page = await mode.openTab();
    await signIn(page, 'Maria Santos');
    await page.getByRole('tab', { name: 'Sharing' }).click();
    await chooseFile(page, page.getByRole('region', { name: 'Merge a copy' }).getByRole('button', { name: 'Merge a copy…' }), copyFile);
    await page.getByTestId('merge-report').waitFor({ timeout: 30_000 });

    const flags = page.getByTestId('flagged-paragraphs');
    await flags.waitFor();
    expect(await flags.getByRole('heading', { level: 3 }).textContent()).toContain('Paragraphs edited in both copies');
    const flag = flags.getByTestId('flag');
    expect(await flag.count()).toBe(1);
    expect(await flag.getByRole('heading', { level: 4 }).textContent()).toContain('B.1 Normative framework');
    // Three ways: as both had it, this report's (its words marked), the copy's (its words marked); the merged one below.
    expect(await flag.getByTestId('flag-common').textContent()).toContain('Since the previous review, Parliament adopted the Law');
    expect(await flag.getByTestId('flag-local').locator('ins.redline-ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('National')]));
    expect(await flag.getByTestId('flag-other').locator('ins.redline-ins').allTextContents()).toEqual(['passed']);
    expect(await flag.getByTestId('flag-other').locator('del.redline-del').allTextContents()).toEqual(['adopted']);
    const merged = (await flag.getByTestId('flag-merged').textContent()) ?? '';
    expect(merged).toContain('passed');
    expect(merged).toContain('National Assembly');
    await flag.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(os.tmpdir(), 'upr-merge-review.png') });
    expect(await seriousViolations(page)).toEqual([]);

    // The Export view lists it among what blocks submission.
    await page.getByRole('tab', { name: 'Export' }).click();
    await page.getByText('1 section with paragraphs edited in both copies, not settled (see Sharing)').waitFor();
    expect(await page.getByText('1 paragraph to settle').count()).toBe(1);

    // Settled by keeping the copy's paragraph.
    await page.getByRole('tab', { name: 'Sharing' }).click();
    await flag.getByRole('button', { name: 'Keep the copy’s' }).click();
    await page.getByText('Settled a paragraph of B.1 Normative framework.').first().waitFor();
    await flags.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Export' }).click();
    await page.getByRole('heading', { name: 'What blocks submission' }).waitFor();
    expect(await page.getByText(/paragraphs edited in both copies/).count()).toBe(0);

    const db = new Database(mode.file, { readonly: true });
    try {
      const id = db.prepare("SELECT id FROM sections WHERE title = 'Normative framework'").pluck().get() as string;
      const text = readSectionText(db, id).plain;
      expect(text).toContain('Since the previous review, Parliament passed the Law');
      expect(text).not.toContain('National Assembly');
      expect(db.prepare('SELECT kept FROM paragraph_settlements').pluck().all()).toEqual(['other']);
    } finally {
      db.close();
    }
    await page.close();
  });
});
