// The main flow with the keyboard alone: say who you are, move through the outline, rename and
// move a section, write in it.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from './harness.js';

let mode: BrowserMode | null = null;
afterEach(async () => {
  await mode?.close();
  mode = null;
});

async function tabUntil(page: Page, test: () => Promise<boolean>, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await test()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('never reached by Tab');
}

/** The text of the focused element; never the whole page's (focus on <body> counts as none). */
const focusedText = (page: Page) =>
  page.evaluate(() => (document.activeElement && document.activeElement !== document.body ? (document.activeElement.textContent ?? '') : ''));

describe('keyboard only', () => {
  it('signs in, walks the outline, renames and moves a section, and writes in it', async () => {
    mode = await startBrowserMode();
    const page = await mode.openTab();
    await page.getByRole('option', { name: /David Okafor/ }).waitFor();
    await tabUntil(page, async () => page.evaluate(() => document.activeElement?.getAttribute('role') === 'option'));
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toMatch(/Maria Santos/);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Outline' }).waitFor();

    // Into the outline tree, down to C, and open it.
    await tabUntil(page, async () => page.evaluate(() => document.activeElement?.closest('[role="treegrid"], [role="tree"], [role="grid"]') !== null));
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toMatch(/Promotion and protection/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('main').getByRole('heading').first().innerText()).toMatch(/Promotion and protection/);

    // F2 renames, Alt+ArrowUp moves it above B.
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Human rights on the ground');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('row', { name: /Human rights on the ground/ }).count()).toBe(1);
    await page.getByRole('row', { name: /Human rights on the ground/ }).focus();
    // The rename reloads the workspace; press only once the renamed row holds the focus.
    await expect.poll(() => focusedText(page)).toMatch(/Human rights on the ground/);
    await page.keyboard.press('Alt+ArrowUp');
    // It is now the second section, B, and the old B (with its sub-sections) comes after it.
    await expect.poll(async () => page.getByRole('row').nth(1).innerText()).toMatch(/^B\s+Human rights on the ground/);
    await expect.poll(async () => page.getByRole('row').nth(2).innerText()).toMatch(/C\s+Developments since the previous review/);

    // The skip link takes the keyboard into the text.
    await tabUntil(page, async () => page.evaluate(() => document.activeElement?.textContent === 'Skip to the section text'), 120);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Keyboard only. ');
    await expect.poll(() => page.locator('.ed-content').innerText()).toMatch(/^Keyboard only\. The minimum wage/);
  });
});
