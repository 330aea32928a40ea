// The search box end to end, in Chromium through browser mode, on the demo report with the corpus's
// thematic list imported and a civil-society submission registered: hits come grouped by kind,
// arrows and Enter go to each kind's place (a section, a comment on its passage, a recommendation,
// an input), and words typed a moment ago in a section are found. axe finds nothing serious.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWithListAndInputs } from './fixtures.js';
import { seriousViolations, signIn, startBrowserMode, type BrowserMode } from './harness.js';

let mode: BrowserMode;
let dir = '';
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-search-'));
  const file = path.join(dir, 'report.upr');
  await demoWithListAndInputs(file);
  mode = await startBrowserMode({ file });
});
afterAll(async () => {
  await mode?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const box = (page: Page) => page.getByRole('combobox', { name: 'Search the report' });
const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' });

/** Types a query from anywhere (Ctrl+Shift+F) and waits for the answer to be announced. */
async function search(page: Page, query: string): Promise<void> {
  await page.keyboard.press('Control+Shift+F');
  await expect.poll(() => box(page).evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(query);
  // The answer to this query, not to the one before.
  await expect.poll(() => results(page).getAttribute('data-query')).toBe(query);
}

/** The group headings shown, and each group's hit titles. */
async function groups(page: Page): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const group of await results(page).getByRole('group').all()) {
    const name = (await group.getAttribute('aria-labelledby'))!;
    const title = (await page.locator(`[id="${name}"]`).innerText()).split('\n')[0]!.trim();
    found[title] = await group.locator('.search-hit-title').allInnerTexts();
  }
  return found;
}

describe('the search box', () => {
  it('finds sections, recommendations, inputs and comments, and goes to each', { timeout: 120_000 }, async () => {
    const page = await mode.openTab();
    await signIn(page, 'Maria Santos');

    // A word in a section's text and in a comment.
    await search(page, 'shelters');
    expect(await groups(page)).toEqual({
      SECTIONS: ['C Promotion and protection of human rights on the ground'],
      COMMENTS: ['Comment 2'],
    });
    expect(await results(page).locator('mark').first().innerText()).toBe('shelters');
    expect(await seriousViolations(page)).toEqual([]);

    // Down to the comment, Enter: its section opens with its card active.
    await page.keyboard.press('ArrowDown');
    expect(await box(page).getAttribute('aria-activedescendant')).toBe(await results(page).getByRole('option').nth(1).getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^C\.?\s*Promotion and protection/ }).waitFor();
    await expect.poll(() => page.locator('.cmt-card.active[data-comment-id="demo-comment-2"]').count()).toBe(1);
    await expect.poll(() => page.locator('mark.cmt-active[data-comment-ids~="demo-comment-2"]').innerText()).toBe('opened four new shelters');
    expect(await results(page).isHidden()).toBe(true);

    // A recommendation's words: the Recommendations view opens on it.
    await search(page, 'Take further steps to uphold the rights of Roma');
    const found = await groups(page);
    expect(found.RECOMMENDATIONS?.[0]).toBe('122.133');
    await results(page).getByRole('option', { name: /^122\.133/ }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Recommendations', exact: true }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('region', { name: 'Recommendation 122.133', exact: true }).waitFor();

    // The input, by a word of its full text only.
    await search(page, 'sanitation');
    expect((await groups(page))['CONSULTATION INPUTS']).toEqual(['Submission on Roma settlements and access to water']);
    await results(page).getByRole('option', { name: /^Submission on Roma settlements/ }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Consultation', exact: true }).getAttribute('aria-selected')).toBe('true');

    // Nothing found says so.
    await search(page, 'zzqxv');
    await page.getByRole('status').filter({ hasText: 'Nothing found for “zzqxv”.' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await results(page).isHidden()).toBe(true);
  });

  it('finds words a drafter typed a moment ago, in another tab', { timeout: 120_000 }, async () => {
    const drafter = await mode.openTab();
    await signIn(drafter, 'David Okafor');
    await drafter.getByRole('row', { name: /Normative framework/ }).first().click();
    const text = drafter.locator('.ed-content');
    await text.click();
    await drafter.keyboard.press('Control+End');
    await drafter.keyboard.type(' The Ombudsperson for persons with albinism was appointed in May.');

    const reader = await mode.openTab();
    await signIn(reader, 'Ingrid Larsen');
    await expect
      .poll(
        async () => {
          await search(reader, 'albinism');
          return (await groups(reader)).SECTIONS ?? [];
        },
        { timeout: 20_000, interval: 750 },
      )
      .toEqual(['B.1 Normative framework']);
    await reader.keyboard.press('Enter');
    await reader.getByRole('heading', { name: /Normative framework/ }).waitFor();
  });

  it('takes the person to the words found in a section, marked and in view, and finds people by name, accents ignored', { timeout: 120_000 }, async () => {
    const page = await mode.openTab();
    await signIn(page, 'Maria Santos');
    await search(page, 'persons with disabilitíes');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Normative framework/, level: 2 }).waitFor();
    const marked = () =>
      page.evaluate(() => {
        const found = CSS.highlights.get('upr-found');
        const range = found ? ([...found][0] as Range) : undefined;
        if (!range) return null;
        const box = range.getBoundingClientRect();
        return { text: range.toString(), inView: box.top >= 0 && box.bottom <= window.innerHeight };
      });
    await expect.poll(marked, { timeout: 10_000 }).toEqual({ text: 'Persons with Disabilities', inView: true });
    // Typing takes the mark away.
    await page.locator('.ed-content').click();
    await page.keyboard.type('x');
    await expect.poll(marked).toBeNull();

    // A reviewer's name finds the comments she wrote, written without the accent or with it.
    await search(page, 'ingrid larsen');
    expect((await groups(page)).COMMENTS?.length).toBeGreaterThan(0);
  });
});
