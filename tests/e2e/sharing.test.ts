// Sharing between offices end to end, in Chromium through browser mode, on real files: a closed
// copy of the demo report goes to the Ministry of Justice, where section A is renamed and David
// Okafor adds to section B's text; meanwhile the secretariat renames A differently and adds to B
// too. In the Sharing view the secretariat merges the copy by typed path, sees the merge report
// (offices, counts, one conflict, B edited in both copies and compared side by side), settles the
// title by writing a third one, and the outline shows it. axe finds nothing serious on the view
// or in the compare dialog.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editSection } from '../../electron/docs/headless.js';
import { appendTextUpdate, textUpdates } from '../../electron/docs/section-text.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { updateSection } from '../../electron/services/sections.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { getMember, listSections } from '../../electron/store/queries.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { seriousViolations, signIn, startBrowserMode, type BrowserMode } from './harness.js';

const A_TITLE = 'Methodology and consultation process';
const B_TITLE = 'Developments since the previous review: normative and institutional framework';

/** Opens a report file to act in it as one of its members, as an office would in its own copy. */
function actIn(file: string, who: string) {
  const report = OpenReport.open(file);
  const id = report.db.prepare('SELECT id FROM members WHERE name = ?').pluck().get(who) as string;
  const me = getMember(report.db, id)!;
  const section = (title: string) => listSections(report.db).find((s) => s.title.startsWith(title))!;
  const type = (title: string, words: string) => {
    const s = section(title);
    const update = editSection(textUpdates(report.db, s.id), () => {
      $getRoot().append($createParagraphNode().append($createTextNode(words)));
    });
    appendTextUpdate(report.db, s.id, update, report.replica, me.id);
  };
  return { report, ctx: { report, me }, section, type };
}

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
    await merge.getByRole('button', { name: 'Merge a copy…' }).click();
    // Typed without its extension: ".upr" is added.
    await merge.getByRole('textbox', { name: 'The copy to merge' }).fill(copyFile.replace(/\.upr$/, ''));
    await merge.getByRole('button', { name: 'Merge', exact: true }).click();

    const report = page.getByTestId('merge-report');
    await report.waitFor({ timeout: 30_000 });
    const text = (await report.textContent()) ?? '';
    // Whose changes came in: the title's change was made there by the secretariat's member.
    expect(text).toContain('Changes from Ministry of Foreign Affairs');
    expect(text).toContain('1 section changed');
    expect(text).toContain('The text of 1 section changed');
    expect(text).toContain('1 field changed in both copies');
    expect(text).toMatch(/Backup made before merging: .+\.upr/);
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
    expect(await dialog.getByRole('region', { name: 'The copy' }).textContent()).toContain('The Justice ministry added this paragraph.');
    const merged = (await dialog.getByRole('region', { name: 'Merged text, now in the report' }).textContent()) ?? '';
    expect(merged).toContain('The Justice ministry added this paragraph.');
    expect(merged).toContain('The secretariat added this paragraph.');
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
