// Every screen checked with axe-core in Chromium: no serious or critical accessibility violations
// (names for every control, labels, contrast, landmarks, ARIA used correctly).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, startBrowserMode, type BrowserMode } from './harness.js';



let mode: BrowserMode;
beforeAll(async () => {
  mode = await startBrowserMode();
});
afterAll(async () => {
  await mode.close();
});

describe('accessibility of every screen', () => {
  it('who are you, the workspace and its dialogs as secretariat and reviewer, overview, people, settings, start', async () => {
    const page = await mode.openTab();
    const found: Record<string, string[]> = {};
    await page.getByRole('option', { name: /Maria Santos/ }).waitFor();
    found['who are you'] = await seriousViolations(page);

    await page.getByRole('option', { name: /Maria Santos/ }).click();
    await page.getByRole('row', { name: /Methodology/ }).click();
    await page.waitForFunction(() => document.querySelector('.ed-page')?.getAttribute('aria-busy') === 'false');
    found['workspace (secretariat)'] = await seriousViolations(page);

    await page.getByRole('button', { name: 'Add section', exact: true }).click();
    await page.getByRole('dialog').waitFor();
    found['add a section'] = await seriousViolations(page);
    await page.keyboard.press('Escape');

    await page.locator('.ed-content').click();
    await page.keyboard.press('Control+Alt+F');
    await page.getByRole('dialog').waitFor();
    found['footnote'] = await seriousViolations(page);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Switch person' }).click();
    await page.getByRole('option', { name: /Ingrid Larsen/ }).click();
    // A reviewer lands on My work.
    await page.getByRole('heading', { name: 'My work', level: 2 }).waitFor();
    found['my work (reviewer)'] = await seriousViolations(page);
    await page.getByRole('tab', { name: 'Sections', exact: true }).click();
    await page.getByRole('row', { name: /Normative framework/ }).click();
    await page.waitForFunction(() => document.querySelector('.ed-page')?.getAttribute('aria-busy') === 'false');
    found['workspace (reviewer)'] = await seriousViolations(page);

    // The margin with a comment's whole thread open, and the new-comment dialog.
    await page.getByRole('row', { name: /Promotion and protection/ }).click();
    await page.waitForFunction(() => document.querySelector('.ed-page')?.getAttribute('aria-busy') === 'false');
    await page.locator('.cmt-card', { hasText: 'Istanbul' }).click();
    await page.locator('.cmt-card.active .cmt-replies').waitFor();
    found['comment thread'] = await seriousViolations(page);
    await page.locator('.ed-content').focus();
    await page.keyboard.press('Control+Alt+M');
    await page.getByRole('dialog', { name: 'New comment' }).waitFor();
    found['new comment'] = await seriousViolations(page);
    await page.keyboard.press('Escape');

    for (const tab of ['Overview', 'Comments', 'People', 'Report settings']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(200);
      found[tab] = await seriousViolations(page);
    }
    await page.getByRole('button', { name: 'Close report' }).click();
    await page.getByRole('heading', { name: 'New report' }).waitFor();
    found['start'] = await seriousViolations(page);

    expect(found).toEqual({
      'who are you': [],
      'workspace (secretariat)': [],
      'add a section': [],
      footnote: [],
      'my work (reviewer)': [],
      'workspace (reviewer)': [],
      'comment thread': [],
      'new comment': [],
      Overview: [],
      Comments: [],
      People: [],
      'Report settings': [],
      start: [],
    });
  });
});
