// Following recommendations up between reviews, end to end in Chromium through browser mode (issue
// 16, points 4 and 5): the secretariat exports the Ministry of Justice's implementation matrix (a
// download), LibreOffice Calc fills it as the ministry would, the secretariat imports it back and
// sees what it changes before writing it; the ministry's drafter plans an action for one of its
// recommendations and reports progress on it with an evidence file; the secretariat sees the
// progress in charts, the overdue action among them, and saves a chart as an image; downloads the
// mid-term report (read by pandoc) and starts the next cycle's report from this one. axe finds
// nothing serious.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { saveAction } from '../../electron/services/plan.js';
import { importRecommendations, recommendationId, updateManyRecommendations } from '../../electron/services/recommendations.js';
import { listMembers, listOrganizations } from '../../electron/store/queries.js';
import type { RecommendationImport } from '../../shared/domain.js';
import { chooseFile, openSection, seriousViolations, signIn, startBrowserMode, type BrowserMode } from './harness.js';

const FILL = path.resolve(import.meta.dirname, '..', 'office', 'fill-workbook.py');

const rec = (number: string, text: string): RecommendationImport => ({ number, text, states: ['France'], position: 'supported', positionSource: '', cluster: '', themes: ['Torture'], groups: [], sdgs: [16] });

let mode: BrowserMode;
beforeAll(async () => {
  mode = await startBrowserMode({
    makeFile: (file) => {
      const report = createDemoReport(file);
      const me = listMembers(report.db).find((m) => m.name === 'Maria Santos')!;
      const ctx = { report, me };
      importRecommendations(
        ctx,
        [
          rec('121.1', 'Adopt a law criminalising torture in line with the Convention.'),
          rec('121.2', 'Train prison staff on the prevention of torture.'),
          rec('121.3', 'Ratify the Optional Protocol to the Convention against Torture.'),
        ],
        [],
        'thematic list.docx',
      );
      const justice = listOrganizations(report.db).find((o) => o.name === 'Ministry of Justice')!.id;
      updateManyRecommendations(ctx, { ids: ['121.1', '121.2'].map(recommendationId), responsibleOrganizationId: justice });
      saveAction(ctx, {
        recommendationId: recommendationId('121.1'),
        title: 'Draft the bill',
        leadOrganizationId: justice,
        partnerOrganizationIds: [],
        startDate: '2026-01-15',
        endDate: '2026-06-30',
        budgetLine: '',
        status: 'under_way',
      });
      // Due at the end of March 2026 and not started: overdue.
      saveAction(ctx, {
        recommendationId: recommendationId('121.3'),
        title: 'Publish the prison inspection reports',
        leadOrganizationId: null,
        partnerOrganizationIds: [],
        startDate: '2026-01-15',
        endDate: '2026-03-31',
        budgetLine: '',
        status: 'planned',
      });
      report.close();
    },
  });
});
afterAll(async () => {
  await mode.close();
});

describe('follow-up in a browser', () => {
  it('the Ministry of Justice’s matrix goes out, comes back filled in LibreOffice, and is imported after a look at what it changes', async () => {
    const secretariat = await mode.openTab();
    await signIn(secretariat, 'Maria Santos');
    await secretariat.getByRole('tab', { name: 'Recommendations' }).click();
    const matrix = secretariat.getByRole('group', { name: 'Implementation matrix (Excel)' });
    await matrix.getByRole('button', { name: /Rows/ }).click();
    await secretariat.getByRole('option', { name: 'Ministry of Justice' }).click();
    const [download] = await Promise.all([secretariat.waitForEvent('download', { timeout: 60_000 }), matrix.getByRole('button', { name: 'Export…' }).click()]);
    expect(download.suggestedFilename()).toBe('report implementation matrix - Ministry of Justice.xlsx');
    const sent = path.join(mode.dir, 'sent.xlsx');
    await download.saveAs(sent);
    await matrix.getByText('Written: 2 recommendations and 1 actions to', { exact: false }).waitFor();

    // The ministry, in Calc: 121.1 implemented with a dated report; the bill completed.
    const filled = path.join(mode.dir, 'Justice filled.xlsx');
    const { stdout } = await promisify(execFile)('/usr/bin/python3', [
      FILL,
      sent,
      filled,
      JSON.stringify({ Recommendations: { F2: 'Implemented', G2: '2026-05-10', H2: 'The Criminal Code was amended on 10 May 2026.' }, Actions: { G2: 'Completed' } }),
    ]);
    expect(stdout).toBe('');

    await chooseFile(secretariat, matrix.getByRole('button', { name: 'Import a filled one…' }), filled);
    const dialog = secretariat.getByRole('dialog', { name: 'What Justice filled.xlsx changes' });
    await dialog.getByRole('button', { name: 'Write 3 changes' }).waitFor();
    expect((await dialog.innerText()).replace(/\s+/g, ' ')).toMatch(/121\.1 Status In progress → Implemented 121\.1 Progress report of May 10, 2026 The Criminal Code was amended on 10 May 2026\. 121\.1 Draft the bill Under way → Completed/);
    expect(await seriousViolations(secretariat)).toEqual([]);
    await secretariat.screenshot({ path: path.join(os.tmpdir(), 'upr-matrix-import.png') });
    await dialog.getByRole('button', { name: 'Write 3 changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await matrix.getByText('Imported: 3 changes written; 0 kept as the report has them.').waitFor();
    await secretariat.getByRole('button', { name: 'Show recommendation 121.1', exact: true }).click();
    const detail = secretariat.getByRole('region', { name: 'Recommendation 121.1', exact: true });
    await detail.getByText('The Criminal Code was amended on 10 May 2026.').waitFor();
    expect((await detail.innerText()).replace(/\s+/g, ' ')).toMatch(/Draft the bill.*Completed/);
  });

  it('the ministry plans an action and reports on it with an evidence file; the status follows', async () => {
    const drafter = await mode.openTab();
    await signIn(drafter, 'David Okafor');
    await drafter.getByRole('tab', { name: 'Recommendations' }).click();
    await drafter.getByRole('button', { name: 'Show recommendation 121.2', exact: true }).click();
    const detail = drafter.getByRole('region', { name: 'Recommendation 121.2', exact: true });
    await detail.getByText('No actions planned yet', { exact: false }).waitFor();
    await detail.getByRole('button', { name: 'Add an action' }).click();
    const form = detail.getByRole('form', { name: 'Add an action' });
    await form.getByRole('textbox', { name: 'Action' }).fill('Training course for 300 prison officers');
    await form.getByRole('button', { name: /Progress/ }).click();
    await drafter.getByRole('option', { name: 'Under way' }).click();
    await form.getByLabel('End').fill('2026-11-30');
    await form.getByRole('textbox', { name: 'Budget line' }).fill('12.04.02');
    // Two partners of the course, ticked among every organization.
    const partners = form.getByRole('group', { name: 'Partners' });
    await partners.getByText('National Human Rights Commission').click();
    await partners.getByText('Ministry of Education').click();
    expect(await partners.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await drafter.setViewportSize({ width: 1400, height: 2000 });
    await form.screenshot({ path: path.join(os.tmpdir(), 'upr-action-form.png') });
    await form.getByRole('button', { name: 'Save' }).click();
    await detail.getByRole('rowheader', { name: /Training course for 300 prison officers/ }).waitFor();
    await detail.getByText('Ministry of Education, National Human Rights Commission').or(detail.getByText('National Human Rights Commission, Ministry of Education')).waitFor();
    // An indicator, then corrected in place.
    await detail.getByRole('button', { name: 'Add an indicator' }).click();
    const indicator = detail.getByRole('form', { name: 'Add an indicator' });
    await indicator.getByRole('textbox', { name: 'Indicator' }).fill('Officers trained');
    await indicator.getByRole('textbox', { name: 'Target' }).fill('200');
    await indicator.getByRole('button', { name: 'Save' }).click();
    await detail.getByRole('button', { name: 'Edit the indicator “Officers trained”' }).click();
    const change = detail.getByRole('form', { name: 'Edit the indicator' });
    expect(await change.getByRole('textbox', { name: 'Target' }).inputValue()).toBe('200');
    await change.getByRole('textbox', { name: 'Target' }).fill('300');
    await change.getByRole('button', { name: 'Save' }).click();
    await detail.getByText(/target 300/i).waitFor();
    expect(await detail.getByText('Officers trained').count()).toBe(1);
    await detail.getByText('The status follows from the actions.').waitFor();
    expect(await detail.getByText('In progress').count()).toBeGreaterThan(0);

    // A progress report on that action, with the course's attendance list as evidence.
    const evidence = path.join(mode.dir, 'attendance list.pdf');
    fs.writeFileSync(evidence, '%PDF-1.4\n% 300 names\n');
    await detail.getByRole('button', { name: /About the action/ }).click();
    await drafter.getByRole('option', { name: 'Training course for 300 prison officers' }).click();
    await detail.getByRole('textbox', { name: 'What happened' }).fill('The first 120 officers were trained in October.');
    await chooseFile(drafter, detail.getByRole('button', { name: 'Choose a file…' }), evidence);
    await detail.getByText('attendance list.pdf').waitFor();
    await detail.getByRole('button', { name: 'Add note' }).click();
    await detail.getByRole('button', { name: 'Save attendance list.pdf' }).waitFor();
    expect((await detail.innerText()).replace(/\s+/g, ' ')).toMatch(/on: Training course for 300 prison officers The first 120 officers were trained in October\./);
    expect(await seriousViolations(drafter)).toEqual([]);
    // Tall enough for the whole detail, to be looked at.
    await drafter.setViewportSize({ width: 1400, height: 2200 });
    await detail.evaluate((el) => {
      (el as HTMLElement).style.maxBlockSize = 'none';
    });
    await detail.screenshot({ path: path.join(os.tmpdir(), 'upr-plan.png') });
  });

  it('the secretariat sees the progress in charts, finds the overdue action and saves a chart as an image', async () => {
    const secretariat = await mode.openTab();
    await signIn(secretariat, 'Maria Santos');
    await secretariat.getByRole('tab', { name: 'Recommendations' }).click();
    await secretariat.getByRole('tab', { name: 'Progress' }).click();
    const charts = secretariat.getByRole('region', { name: 'Progress in charts' });
    // The inspection reports were due at the end of March 2026 and are not started.
    const overdue = charts.getByRole('row', { name: /Publish the prison inspection reports/ });
    await overdue.waitFor();
    expect(await overdue.getByRole('button', { name: 'Show recommendation 121.3' }).count()).toBe(1);
    const byStatus = charts.getByRole('img', { name: /^Recommendations by status\. Not started: \d+; In progress: \d+;/ });
    await byStatus.locator('canvas').waitFor();
    expect(await seriousViolations(secretariat)).toEqual([]);
    const [download] = await Promise.all([
      secretariat.waitForEvent('download'),
      charts.getByRole('button', { name: 'Save as image: Recommendations by status' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Recommendations by status \d{4}-\d{2}-\d{2}\.png$/);
    const png = fs.readFileSync(await download.path());
    // A PNG, as wide as the chart on screen.
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(300);
    fs.writeFileSync(path.join(os.tmpdir(), 'upr-chart.png'), png);
    await overdue.getByRole('button', { name: 'Show recommendation 121.3' }).click();
    await secretariat.getByRole('region', { name: 'Recommendation 121.3', exact: true }).waitFor();
  });

  it('the secretariat downloads the mid-term report, then starts the next cycle’s report, its section D seeded with the statuses', async () => {
    const secretariat = await mode.openTab();
    await signIn(secretariat, 'Maria Santos');
    await secretariat.getByRole('tab', { name: 'Recommendations' }).click();
    const midterm = secretariat.getByRole('group', { name: 'Mid-term report' });
    const [download] = await Promise.all([secretariat.waitForEvent('download'), midterm.getByRole('button', { name: 'Word…' }).click()]);
    const docx = path.join(mode.dir, download.suggestedFilename());
    await download.saveAs(docx);
    // Read by pandoc: the title, and the recommendation with the status and progress report the ministry sent in Excel.
    const { stdout: text } = await promisify(execFile)('pandoc', ['-t', 'plain', '--wrap=none', docx]);
    expect(text).toMatch(/Mid-term report on the implementation of the recommendations/);
    expect(text).toMatch(/Recommendation 121\.1[\s\S]*Implemented[\s\S]*The Criminal Code was amended on 10 May 2026\./);

    await secretariat.getByRole('tab', { name: 'Report settings' }).click();
    await secretariat.getByRole('button', { name: 'Start the next report…' }).click();
    const dialog = secretariat.getByRole('dialog', { name: 'Start the next report' });
    expect(await dialog.getByRole('textbox', { name: 'Cycle of the next report' }).inputValue()).toBe('5');
    await dialog.getByRole('textbox', { name: /File path of the new report/ }).fill(path.join(mode.dir, 'fifth cycle.upr'));
    await dialog.getByRole('button', { name: 'Start the next report' }).click();
    await secretariat.getByText('The next report is open: cycle 5, 3 recommendations carried over.').waitFor();
    await secretariat.getByRole('tab', { name: 'Report settings' }).click();
    await secretariat.getByTestId('previous-report').getByText(/the report of cycle 4/).waitFor();
    // Section D starts with the table of statuses, to be drafted into prose.
    await secretariat.getByRole('tab', { name: 'Sections' }).click();
    await openSection(secretariat, /Follow-up to the previous review/);
    const table = secretariat.locator('[contenteditable="true"] table');
    await table.waitFor();
    expect((await table.innerText()).replace(/\s+/g, ' ')).toMatch(/121\.1 .*Implemented/);
    await secretariat.screenshot({ path: path.join(os.tmpdir(), 'upr-next-report.png') });
    expect(await seriousViolations(secretariat)).toEqual([]);
  });
});
