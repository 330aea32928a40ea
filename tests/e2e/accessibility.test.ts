// Every screen checked with axe-core in Chromium: no serious or critical accessibility violations
// (names for every control, labels, contrast, landmarks, ARIA used correctly).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startBrowserMode, type BrowserMode } from './harness.js';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Through the DevTools protocol: the app's CSP (rightly) refuses inline scripts.
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

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
