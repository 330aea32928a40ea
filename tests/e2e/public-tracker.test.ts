// The public tracker (issue 16, point 9) as the public meets it: the folder the secretariat exports,
// opened from disk in Chromium (file://, as a ministry previews it before publishing), under the
// pages' own policy. axe finds nothing on either page, in English or in Arabic (right to left);
// the filters narrow the list by theme, ministry, mechanism, status and words; with JavaScript off
// every recommendation is there and no filter that could not work is offered. Screenshots go to
// scratch/ to be looked at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { createInput, decideInput, linkInput } from '../../electron/services/inputs.js';
import { setInputsPublic, setNotesPublic, setRecommendationsPublic } from '../../electron/services/public-marks.js';
import { exportPublicTracker } from '../../electron/services/public-tracker.js';
import { addProgressNote, importRecommendations, recommendationId, updateManyRecommendations } from '../../electron/services/recommendations.js';
import { updateReport } from '../../electron/services/report.js';
import type { ServiceContext } from '../../electron/services/context.js';
import { listMembers, listOrganizations, listSections } from '../../electron/store/queries.js';
import { outlineOrder, type RecommendationImport } from '../../shared/domain.js';
import { CHROMIUM_ARGS, chromiumPath, ROOT } from './harness.js';

const SHOTS = path.join(ROOT, 'scratch');
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const rec = (number: string, text: string, themes: string[], more: Partial<RecommendationImport> = {}): RecommendationImport => ({
  number,
  text,
  states: ['France', 'Iran (Islamic Republic of)'],
  position: 'supported',
  positionSource: 'A/HRC/58/12/Add.1 - Para.5',
  cluster: '',
  themes,
  groups: ['Persons deprived of their liberty'],
  sdgs: [16],
  ...more,
});

const RECOMMENDATIONS = [
  rec('121.1', 'Adopt a law criminalising torture in line with the Convention against Torture <script>alert(1)</script>.', ['Torture', 'Administration of justice']),
  rec('121.2', 'Train prison staff on the prevention of torture and ill-treatment.', ['Torture', 'Conditions of detention']),
  rec('121.3', 'Strengthen the independence and resources of the National Human Rights Commission in line with the Paris Principles.', ['National human rights institution'], { states: ['Portugal'], sdgs: [16, 17] }),
  rec('121.4', 'Ensure free, inclusive and equitable quality education for children with disabilities.', ['Right to education', 'Persons with disabilities'], {
    origin: { mechanism: 'treaty_body', body: 'CRC', documentSymbol: 'CRC/C/TST/CO/5-6', paragraph: '34(b)', documentDate: '2024-10-02', uhriId: '' },
    states: [],
    position: null,
  }),
  rec('121.5', 'Take measures to close the gender pay gap in the public and private sectors.', ['Women’s rights', 'Right to work'], { position: 'noted' }),
  rec('121.6', 'An unpublished recommendation the public must not see.', ['Torture']),
];

let browser: Browser;
let dir: string;
const errors: string[] = [];

/** A report with recommendations, progress and inputs, five recommendations of six marked public; its tracker in `en/` and, the report in Arabic, `ar/`. */
async function makeTrackers(): Promise<void> {
  const file = path.join(dir, 'report.upr');
  const report = createDemoReport(file);
  try {
    const me = listMembers(report.db).find((m) => m.role === 'secretariat')!;
    const ctx: ServiceContext = { report, me };
    const org = (name: string) => listOrganizations(report.db).find((o) => o.name === name)!.id;
    importRecommendations(ctx, RECOMMENDATIONS, [], 'thematic list.docx');
    const id = (n: string) => recommendationId(n);
    updateManyRecommendations(ctx, { ids: ['121.1', '121.2'].map(id), responsibleOrganizationId: org('Ministry of Justice'), implementationStatus: 'in_progress' });
    updateManyRecommendations(ctx, { ids: [id('121.3')], responsibleOrganizationId: org('Ministry of Foreign Affairs'), implementationStatus: 'implemented' });
    updateManyRecommendations(ctx, { ids: [id('121.4')], responsibleOrganizationId: org('Ministry of Education'), addContributors: [org('Ministry of Labour and Social Affairs')], implementationStatus: 'partially_implemented' });
    updateManyRecommendations(ctx, { ids: [id('121.5')], responsibleOrganizationId: org('Ministry of Labour and Social Affairs') });
    const notes = [
      addProgressNote(ctx, { recommendationId: id('121.1'), date: '2026-02-12', text: 'The Government adopted the bill and sent it to Parliament.' }).noteId,
      addProgressNote(ctx, { recommendationId: id('121.1'), date: '2026-04-30', text: 'Parliament passed the law at first reading.' }).noteId,
      addProgressNote(ctx, { recommendationId: id('121.3'), date: '2025-11-03', text: 'The Commission’s budget was raised by a third and it was re-accredited with A status.' }).noteId,
    ];
    addProgressNote(ctx, { recommendationId: id('121.1'), date: '2026-05-02', text: 'Internal note: not for the public.' });
    setRecommendationsPublic(ctx, { ids: ['121.1', '121.2', '121.3', '121.4', '121.5'].map(id), public: true });
    setNotesPublic(ctx, { ids: notes, public: true });
    const forum = org('National Human Rights Commission');
    const sectionA = outlineOrder(listSections(report.db))[0]!.section.id;
    const inputs = [
      createInput(ctx, { title: 'Joint submission of the Coalition against Torture', sourceOrganizationId: forum, receivedOn: '2026-01-20', channel: 'written_submission', summary: 'Torture should be a crime of its own, with penalties that match its gravity.', fullText: '', themes: [] }),
      createInput(ctx, { title: 'Regional consultation, Northern region', sourceOrganizationId: null, receivedOn: '2026-03-11', channel: 'public_consultation', summary: 'Participants asked for schools to be made accessible to children with disabilities.', fullText: '', themes: [] }),
    ];
    decideInput(ctx, { inputId: inputs[0]!.id, disposition: 'reflected', rationale: 'The bill makes torture a separate offence (paragraph 34 of the report).' });
    decideInput(ctx, { inputId: inputs[1]!.id, disposition: 'partly_reflected', rationale: 'Ramps and lifts are planned in new schools; older buildings follow by 2030.' });
    linkInput(ctx, { inputId: inputs[0]!.id, targetKind: 'recommendation', targetId: id('121.1'), linked: true });
    linkInput(ctx, { inputId: inputs[0]!.id, targetKind: 'section', targetId: sectionA, linked: true });
    linkInput(ctx, { inputId: inputs[1]!.id, targetKind: 'recommendation', targetId: id('121.4'), linked: true });
    setInputsPublic(ctx, { ids: inputs.map((i) => i.id), public: true });
    await exportPublicTracker(ctx, { path: path.join(dir, 'en'), zip: false });
    updateReport(ctx, { language: 'ar' });
    await exportPublicTracker(ctx, { path: path.join(dir, 'ar'), zip: false });
  } finally {
    report.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-tracker-e2e-'));
  await makeTrackers();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const watched = new WeakSet<Page>();

/** Opens a page of the tracker, its errors (a load the policy refused, a script failing) kept to be checked. */
async function open(page: Page, file: string): Promise<void> {
  if (!watched.has(page)) {
    watched.add(page);
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  }
  await page.goto(pathToFileURL(path.join(dir, file)).href);
}

/**
 * Every violation axe finds, whatever its impact, one line each. Without its preload, which would
 * fetch the stylesheet again: the pages' policy (rightly) lets them fetch nothing.
 */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { preload: false })).violations;
  })) as Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

const shownNumbers = (page: Page) => page.locator('#recommendations > li:not([hidden]) h3').allTextContents();

describe('the public tracker in Chromium', () => {
  it('lists the recommendations, filters them, and axe finds nothing, in English and in Arabic', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await open(page, 'en/index.html');
    // The script ran (same folder, allowed by the policy): the filters are offered.
    await page.getByRole('search', { name: 'Filter the recommendations' }).waitFor();
    expect(await shownNumbers(page)).toEqual(['121.1', '121.2', '121.3', '121.4', '121.5']);
    expect(await page.content()).not.toContain('unpublished');
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'tracker-en-index.png'), fullPage: true });

    await page.getByLabel('Theme').selectOption({ label: 'Torture' });
    expect(await shownNumbers(page)).toEqual(['121.1', '121.2']);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Recommendations shown: 2 of 5.');
    await page.getByLabel('Words or number').fill('prison');
    expect(await shownNumbers(page)).toEqual(['121.2']);
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => shownNumbers(page)).toEqual(['121.1', '121.2', '121.3', '121.4', '121.5']);
    await page.getByLabel('Ministry').selectOption({ label: 'Ministry of Labour and Social Affairs' });
    expect(await shownNumbers(page)).toEqual(['121.4', '121.5']);
    await page.getByLabel('Mechanism').selectOption({ label: 'Treaty body' });
    expect(await shownNumbers(page)).toEqual(['121.4']);
    await page.getByLabel('Mechanism').selectOption({ label: 'All mechanisms' });
    await page.getByLabel('Status').selectOption({ label: 'Not started' });
    expect(await shownNumbers(page)).toEqual(['121.5']);
    await page.getByLabel('Words or number').fill('nothing like this');
    expect(await shownNumbers(page)).toEqual([]);
    await expect.poll(() => page.getByText('No recommendation matches these filters.').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'tracker-en-filtered.png') });

    await open(page, 'en/consultation.html');
    await page.getByRole('heading', { name: 'Consultation: you said, we did', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: /Joint submission/ }).count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'tracker-en-consultation.png'), fullPage: true });
    // A recommendation it went into, on the other page.
    await page.getByRole('link', { name: '121.1' }).click();
    await page.waitForURL(/index\.html#r-121-1$/);

    // A phone's width: nothing runs off the side.
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, 'en/index.html');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'tracker-en-phone.png') });
    await page.locator('#r-121-4').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'tracker-en-phone-list.png') });

    await page.setViewportSize({ width: 1280, height: 900 });
    await open(page, 'ar/index.html');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await page.getByRole('search', { name: 'تصفية التوصيات' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('الموضوع').selectOption({ label: 'Torture' });
    expect(await shownNumbers(page)).toEqual(['121.1', '121.2']);
    await page.getByRole('button', { name: 'عرض الكل' }).click();
    await page.screenshot({ path: path.join(SHOTS, 'tracker-ar-index.png'), fullPage: true });
    await open(page, 'ar/consultation.html');
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'tracker-ar-consultation.png'), fullPage: true });
    // Nothing was refused by the pages' policy, and nothing failed.
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows every recommendation with JavaScript off, and no filter that could not work', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await open(page, 'en/index.html');
    expect(await page.locator('#recommendations > li').count()).toBe(5);
    expect(await page.locator('#recommendations > li:visible').count()).toBe(5);
    expect(await page.getByRole('search').count()).toBe(0);
    expect(await page.getByText('Recommendations shown: 5 of 5.').isVisible()).toBe(true);
    await context.close();
  });
});
