// The review end to end, in Chromium through browser mode: a reviewer (read-only text) comments on
// a passage, the drafter applies the proposed wording and records a disposition, the secretariat
// sees it in the comment matrix, follows it to the passage, exports the matrix and closes the
// comment, and the file holds it all.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OpenReport } from '../../electron/store/open-report.js';
import { listComments } from '../../electron/services/comments.js';
import { readSectionText } from '../../electron/docs/section-text.js';
import { openSection, signIn, startBrowserMode, type BrowserMode } from './harness.js';

let mode: BrowserMode | null = null;
afterEach(async () => {
  await mode?.close();
  mode = null;
});

/** Selects `passage` in the section's text with the mouse's equivalent: a DOM range over it. */
async function selectPassage(page: Page, passage: string) {
  await page.locator('.ed-content').focus();
  await page.evaluate((wanted) => {
    const root = document.querySelector('.ed-content')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + wanted.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return;
    }
    throw new Error(`not in the text: ${wanted}`);
  }, passage);
}

const PASSAGE = 'rose from 71 to 83 per cent';
const PROPOSED = 'rose from 71 per cent in 2021 to 83 per cent in 2025';

describe('review in a browser', () => {
  it('a reviewer comments; the drafter applies the wording and answers; the secretariat follows, exports and closes', async () => {
    mode = await startBrowserMode();
    const reviewer = await mode.openTab();
    await signIn(reviewer, 'Ingrid Larsen');
    await openSection(reviewer, /Achievements/);
    const text = reviewer.locator('.ed-content');
    const before = await text.innerText();

    // A reviewer cannot type in the text.
    expect(await text.getAttribute('contenteditable')).toBe('false');
    await text.click();
    await reviewer.keyboard.type('should not appear');
    await reviewer.keyboard.press('Backspace');
    expect(await text.innerText()).toBe(before);

    // Select a passage, Ctrl+Alt+M, and fill in the comment.
    await selectPassage(reviewer, PASSAGE);
    await reviewer.keyboard.press('Control+Alt+M');
    const dialog = reviewer.getByRole('dialog', { name: 'New comment' });
    await expect.poll(() => dialog.getByText(PASSAGE).count()).toBe(1);
    await dialog.getByRole('radio', { name: 'Critical' }).check({ force: true });
    await dialog.getByRole('textbox', { name: 'Comment' }).fill('Give the years the two figures refer to.');
    await dialog.getByRole('textbox', { name: /Proposed wording/ }).fill(PROPOSED);
    await dialog.getByRole('button', { name: 'Add comment' }).click();
    await dialog.waitFor({ state: 'detached' });

    const card = reviewer.locator('.cmt-card', { hasText: 'Give the years' });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Critical[\s\S]*Open/);
    // The passage is marked in the text, highlighted, and the text itself did not change.
    const id = await card.getAttribute('data-comment-id');
    const mark = reviewer.locator(`mark[data-comment-ids~="${id}"]`);
    expect(await mark.innerText()).toBe(PASSAGE);
    expect(await mark.getAttribute('class')).toMatch(/cmt-live/);
    expect(await text.innerText()).toBe(before);

    // The drafter of the lead ministry, in another tab, sees it and applies the proposed wording.
    const drafter = await mode.openTab();
    await signIn(drafter, 'Tomás Ruiz');
    await openSection(drafter, /Achievements/);
    const theirCard = drafter.locator(`.cmt-card[data-comment-id="${id}"]`);
    await theirCard.click();
    await theirCard.getByRole('button', { name: 'Apply proposed wording' }).click();
    await expect.poll(() => drafter.locator('.ed-content').innerText()).toContain(`Enrolment in pre-school education ${PROPOSED}.`);
    await expect.poll(() => theirCard.innerText()).toMatch(/Accepted: Tomás Ruiz/);
    // The reviewer's tab follows.
    await expect.poll(() => text.innerText()).toContain(PROPOSED);

    // The drafter revises the disposition: accepted with modification, with a rationale.
    await theirCard.getByRole('button', { name: 'Change disposition' }).click();
    await theirCard.getByRole('radio', { name: 'Accepted with modification' }).check({ force: true });
    await theirCard.getByRole('textbox', { name: 'Rationale' }).fill('Years added; the 2025 figure is provisional.');
    await theirCard.getByRole('button', { name: 'Record disposition' }).click();
    await expect.poll(() => theirCard.innerText()).toMatch(/Accepted with modification: Tomás Ruiz/);
    await theirCard.getByRole('textbox', { name: 'Reply' }).fill('The 2025 figure will be final in March.');
    await theirCard.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => reviewer.locator(`.cmt-card[data-comment-id="${id}"]`).innerText()).toMatch(/Answered/);

    // From the keyboard alone a reviewer cannot select read-only text: the words are typed instead.
    await reviewer.locator('.ed-content').focus();
    await reviewer.keyboard.press('Control+Alt+M');
    const typed = reviewer.getByRole('dialog', { name: 'New comment' });
    await typed.getByRole('textbox', { name: 'Passage (optional)' }).fill('human rights education');
    await typed.getByRole('textbox', { name: 'Comment' }).fill('Which grades?');
    await typed.getByRole('button', { name: 'Add comment' }).click();
    await typed.waitFor({ state: 'detached' });
    const typedCard = reviewer.locator('.cmt-card', { hasText: 'Which grades?' });
    const typedId = await typedCard.getAttribute('data-comment-id');
    await expect.poll(() => reviewer.locator(`mark[data-comment-ids~="${typedId}"]`).innerText()).toBe('human rights education');

    // The secretariat finds it in the comment resolution matrix, follows it to the passage,
    // exports the matrix and closes the comment.
    const secretariat = await mode.openTab();
    await signIn(secretariat, 'Maria Santos');
    await secretariat.getByRole('tab', { name: 'Comments' }).click();
    const row = secretariat.locator('[role="row"]', { hasText: 'Give the years' });
    await expect.poll(() => row.innerText()).toMatch(/Accepted with modification/);
    expect(await row.innerText()).toMatch(/Ingrid Larsen[\s\S]*Critical/);
    await row.click();
    await secretariat.getByRole('button', { name: 'Go to passage' }).click();
    await expect.poll(() => secretariat.locator(`.cmt-card.active[data-comment-id="${id}"]`).count()).toBe(1);
    await expect.poll(() => secretariat.locator(`mark.cmt-active[data-comment-ids~="${id}"]`).innerText()).toBe(PROPOSED);

    await secretariat.getByRole('tab', { name: 'Comments' }).click();
    const [download] = await Promise.all([secretariat.waitForEvent('download'), secretariat.getByRole('button', { name: 'Export to Excel (XLSX)' }).click()]);
    const xlsx = path.join(mode.dir, 'matrix.xlsx');
    await download.saveAs(xlsx);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const cells = (book.getWorksheet('Comments')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1).map(String));
    expect(cells[0]).toContain('Proposed wording');
    const exported = cells.find((r) => r.includes('Give the years the two figures refer to.'))!;
    expect(exported).toEqual(expect.arrayContaining([PROPOSED, 'Ingrid Larsen', 'Critical', 'Accepted with modification', 'Tomás Ruiz']));

    await secretariat.getByRole('tab', { name: 'Sections' }).click();
    await secretariat.locator(`.cmt-card[data-comment-id="${id}"]`).getByRole('button', { name: 'Close comment' }).click();
    await expect.poll(() => reviewer.locator(`.cmt-card[data-comment-id="${id}"]`).innerText()).toMatch(/Closed by Maria Santos/);

    // All of it is in the file.
    const report = OpenReport.open(mode.file);
    try {
      const section = report.db.prepare("SELECT id FROM sections WHERE title LIKE 'Achievements%'").get() as { id: string };
      const c = listComments(report.db, section.id).find((x) => x.id === id)!;
      expect(c).toMatchObject({
        type: 'critical',
        quote: PASSAGE,
        proposed: PROPOSED,
        authorName: 'Ingrid Larsen',
        appliedByName: 'Tomás Ruiz',
        disposition: 'accepted_with_modification',
        rationale: 'Years added; the 2025 figure is provisional.',
        decidedByName: 'Tomás Ruiz',
        state: 'closed',
        closedByName: 'Maria Santos',
        detached: false,
      });
      expect(c.replies.map((r) => r.body)).toEqual(['The 2025 figure will be final in March.']);
      expect(readSectionText(report.db, section.id).plain).toContain(PROPOSED);
    } finally {
      report.close();
    }
  });
});
