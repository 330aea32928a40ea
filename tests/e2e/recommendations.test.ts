// Recommendations end to end, in Chromium through browser mode: the secretariat imports the OHCHR
// thematic list of Slovenia's third review (a real Word file; browser mode has no file dialog, so
// its path is typed), sees the preview and imports; a drafter cites two of its recommendations in
// a section their ministry leads (from the search dialog, and by typing a number); the coverage
// view counts them as addressed. Then many at once: the secretariat gives a lead ministry and a
// status to every recommendation chosen; the ministry sets the status of those it leads and is
// refused, with nothing changed, when others are among them. The Universal Human Rights Index's
// export brings the treaty bodies' and special procedures' recommendations, filtered by mechanism.
// axe finds nothing serious on the way,
// right to left included.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OHCHR_LIST } from '../bench/ohchr-import.js';
import { SAMPLE_ROWS, uhriWorkbook } from '../fixtures/uhri-export.js';
import { chooseFile, openSection, seriousViolations, signIn, startBrowserMode, type BrowserMode } from './harness.js';

const LIST = OHCHR_LIST;


let mode: BrowserMode;
let listPath = '';
/** The secretariat's tab, signed in by the first test and used by those after it. */
let secretariat: Page;
beforeAll(async () => {
  mode = await startBrowserMode();
  listPath = path.join(mode.dir, path.basename(LIST));
  fs.copyFileSync(LIST, listPath);
});
afterAll(async () => {
  await mode.close();
});

describe('recommendations in a browser', () => {
  it('the secretariat imports the thematic list; a drafter cites two recommendations; coverage counts them', async () => {
    secretariat = await mode.openTab();
    await signIn(secretariat, 'Maria Santos');
    await secretariat.getByRole('tab', { name: 'Recommendations' }).click();
    await secretariat.getByText('No recommendations yet.', { exact: false }).waitFor();

    // Import: the Word file chosen in the browser's chooser (sent to the server), the preview read from it, then confirmed.
    await chooseFile(secretariat, secretariat.getByRole('button', { name: 'Import recommendations…' }), listPath);
    const dialog = secretariat.getByRole('dialog', { name: 'Import recommendations' });
    const confirm = dialog.getByRole('button', { name: 'Import 215 recommendations' });
    await confirm.waitFor();
    const counts = await dialog.locator('.rc-count').allInnerTexts();
    expect(counts.map((c) => c.replace(/\s+/g, ' '))).toEqual(['Read 215', 'New 215', 'Changed 0', 'Unchanged 0']);
    expect(await dialog.getByText('Every row was read.').count()).toBe(1);
    expect(await dialog.getByRole('rowheader', { name: '121.1', exact: true }).count()).toBe(1);
    expect(await seriousViolations(secretariat)).toEqual([]);
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await secretariat.getByText(/Imported from UPR34_Slovenia_Thematic_list_of_Recommendations\.docx: 215 new/).waitFor();
    await secretariat.getByText('Showing 215 of 215 recommendations').waitFor();

    // The list, one in full, and the coverage before anyone cites anything.
    await secretariat.getByRole('button', { name: 'Show recommendation 121.2', exact: true }).click();
    await secretariat.getByRole('region', { name: 'Recommendation 121.2', exact: true }).waitFor();
    expect(await seriousViolations(secretariat)).toEqual([]);
    await secretariat.getByRole('tab', { name: 'Coverage' }).click();
    await secretariat.getByText('0 of 182 supported recommendations are addressed').waitFor();

    // David Okafor (Ministry of Justice) leads B.1: he cites 121.2 from the dialog and 121.3 by typing it.
    const drafter = await mode.openTab();
    await signIn(drafter, 'David Okafor');
    await openSection(drafter, /Normative framework/);
    const text = drafter.locator('.ed-content');
    await text.click();
    await drafter.keyboard.press('Control+End');
    await drafter.keyboard.type(' This answers recommendations ');
    await drafter.keyboard.press('Control+Alt+R');
    const picker = drafter.getByRole('dialog', { name: 'Cite a recommendation' });
    await picker.getByRole('combobox', { name: 'Find a recommendation' }).fill('complete ratification enforced disappearance');
    await expect.poll(() => picker.getByRole('option').first().innerText()).toMatch(/^121\.2/);
    expect(await seriousViolations(drafter)).toEqual([]);
    await drafter.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    const chip = text.locator('.rec-ref[data-recommendation="121.2"]');
    await chip.waitFor();
    await expect.poll(() => chip.getAttribute('title')).toMatch(/^121\.2: Complete the process of ratification/);

    // The toolbar's button opens the same dialog; Escape goes back to the text.
    await drafter.getByRole('button', { name: /^Cite a recommendation/ }).click();
    await picker.waitFor();
    await drafter.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
    await expect.poll(() => drafter.evaluate(() => document.activeElement?.classList.contains('ed-content'))).toBe(true);
    await drafter.keyboard.press('Control+End');

    await drafter.keyboard.type(' and 121.3');
    const offered = drafter.locator('.rec-typeahead [role="option"]');
    await expect.poll(() => offered.first().innerText()).toMatch(/^121\.3/);
    await drafter.keyboard.press('Enter');
    await text.locator('.rec-ref[data-recommendation="121.3"]').waitFor();
    await drafter.keyboard.type('.');
    expect(await text.innerText()).toMatch(/recommendations 121\.2 and 121\.3\./);

    // Both are addressed now, in the drafter's view and (through the change events) the secretariat's.
    await drafter.getByRole('tab', { name: 'Recommendations' }).click();
    await drafter.getByRole('tab', { name: 'Coverage' }).click();
    await drafter.getByText('2 of 182 supported recommendations are addressed').waitFor();
    await secretariat.getByText('2 of 182 supported recommendations are addressed').waitFor();
    const covered = secretariat.getByRole('region', { name: '2 addressed recommendations' });
    expect(await covered.getByRole('button', { name: 'Go to section B.1. Normative framework' }).count()).toBe(2);
    expect(await seriousViolations(secretariat)).toEqual([]);

    // Many at once (issue 16, point 3): the secretariat chooses every recommendation a filter
    // shows, adds a range with Shift, and gives them all a lead ministry and a status in one step.
    await secretariat.getByRole('tab', { name: 'All recommendations' }).click();
    await secretariat.getByRole('textbox', { name: 'Search' }).fill('torture');
    const shown = Number(/Showing (\d+) of 215/.exec((await secretariat.getByText(/^Showing \d+ of 215/).innerText())!)![1]);
    expect(shown).toBeGreaterThan(2);
    await secretariat.getByRole('checkbox', { name: `Choose all ${shown} recommendations shown` }).check();
    const bulk = secretariat.getByRole('region', { name: 'Follow up the chosen recommendations' });
    await bulk.getByText(`${shown} recommendations chosen`).waitFor();
    await secretariat.getByRole('textbox', { name: 'Search' }).fill('');
    await secretariat.getByText('Showing 215 of 215 recommendations').waitFor();
    await secretariat.getByRole('checkbox', { name: 'Choose 121.10', exact: true }).click();
    await secretariat.getByRole('checkbox', { name: 'Choose 121.14', exact: true }).click({ modifiers: ['Shift'] });
    const ticked = await secretariat.locator('.rc-choose input:checked').count();
    expect(ticked).toBeGreaterThanOrEqual(shown + 1);
    await bulk.getByText(`${ticked} recommendations chosen`).waitFor();
    await bulk.getByRole('button', { name: /Lead ministry/ }).click();
    await secretariat.getByRole('option', { name: 'Ministry of Justice' }).click();
    await bulk.getByRole('button', { name: /Add a contributing ministry/ }).click();
    await secretariat.getByRole('option', { name: 'Ministry of Education' }).click();
    await bulk.getByRole('textbox', { name: 'Put in the country’s cluster' }).fill('Prevention of torture and violence');
    await bulk.getByRole('button', { name: /Implementation status/ }).click();
    await secretariat.getByRole('option', { name: 'In progress' }).click();
    expect(await seriousViolations(secretariat)).toEqual([]);
    await bulk.getByRole('button', { name: 'Apply to the chosen' }).click();
    await bulk.getByText(`Changed: ${ticked}; already so: 0.`).waitFor();
    await secretariat.screenshot({ path: path.join(os.tmpdir(), 'upr-bulk.png') });
    await secretariat.getByRole('button', { name: /Responsible/ }).first().click();
    await secretariat.getByRole('option', { name: 'Ministry of Justice' }).click();
    await secretariat.getByText(`Showing ${ticked} of 215 recommendations`).waitFor();
    // The country's cluster is a cluster to filter by, beside the list's own; the contributors are shown in full.
    await secretariat.getByRole('button', { name: /Responsible/ }).first().click();
    await secretariat.getByRole('option', { name: 'All organizations' }).click();
    await secretariat.getByRole('button', { name: /Cluster/ }).first().click();
    await secretariat.getByRole('option', { name: `Prevention of torture and violence (${ticked})` }).click();
    await secretariat.getByText(`Showing ${ticked} of 215 recommendations`).waitFor();
    await secretariat.getByRole('button', { name: 'Show recommendation 121.10', exact: true }).click();
    const detail = secretariat.getByRole('region', { name: 'Recommendation 121.10', exact: true });
    await detail.getByText('Prevention of torture and violence').waitFor();
    expect(await detail.innerText()).toMatch(/Contributing\s+Ministry of Education/);
    // From the keyboard: the selected row's check box is in the tab order; Space ticks it, the
    // arrow keys go to the next row's box, Shift+Space ticks the range.
    await bulk.getByRole('button', { name: 'Clear the choice' }).click();
    await bulk.waitFor({ state: 'detached' });
    const box = secretariat.getByRole('checkbox', { name: 'Choose 121.10', exact: true });
    expect(await box.getAttribute('tabindex')).toBe('0');
    await box.focus();
    await secretariat.keyboard.press('Space');
    await secretariat.keyboard.press('ArrowDown');
    await secretariat.keyboard.press('ArrowDown');
    const focused = await secretariat.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toMatch(/^Choose 121\.\d+$/);
    expect(focused).not.toBe('Choose 121.10');
    await secretariat.keyboard.press('Shift+Space');
    await bulk.getByText('3 recommendations chosen').waitFor();
    await bulk.getByRole('button', { name: 'Clear the choice' }).click();

    // The Ministry of Justice's drafter sets the status of the ones it leads, and only those: with a
    // row it does not lead among them, nothing is changed and the message says which.
    await drafter.getByRole('tab', { name: 'All recommendations' }).click();
    await drafter.getByRole('checkbox', { name: 'Choose all 215 recommendations shown' }).check();
    const theirs = drafter.getByRole('region', { name: 'Follow up the chosen recommendations' });
    expect(await theirs.getByRole('button', { name: /Lead ministry/ }).count()).toBe(0);
    await theirs.getByRole('button', { name: /Implementation status/ }).click();
    await drafter.getByRole('option', { name: 'Implemented', exact: true }).click();
    await theirs.getByRole('button', { name: 'Apply to the chosen' }).click();
    await theirs.getByRole('alert').getByText(`Nothing was changed: ${215 - ticked} of the recommendations chosen cannot be changed by you`, { exact: false }).waitFor();
    await theirs.getByRole('button', { name: 'Clear the choice' }).click();
    await theirs.waitFor({ state: 'detached' });
    await drafter.getByRole('button', { name: /Responsible/ }).first().click();
    await drafter.getByRole('option', { name: 'Ministry of Justice' }).click();
    await drafter.getByRole('checkbox', { name: `Choose all ${ticked} recommendations shown` }).check();
    await theirs.getByRole('button', { name: /Implementation status/ }).click();
    await drafter.getByRole('option', { name: 'Implemented', exact: true }).click();
    await theirs.getByRole('button', { name: 'Apply to the chosen' }).click();
    await theirs.getByText(`Changed: ${ticked}; already so: 0.`).waitFor();

    // The recommendations as open data, downloaded: every one, with its lead ministry by name.
    const openData = secretariat.getByRole('group', { name: 'Open data' });
    const [download] = await Promise.all([secretariat.waitForEvent('download', { timeout: 60_000 }), openData.getByRole('button', { name: 'JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('report recommendations.json');
    const saved = path.join(mode.dir, 'open.json');
    await download.saveAs(saved);
    const data = JSON.parse(fs.readFileSync(saved, 'utf8')) as { recommendations: Array<{ number: string; leadMinistry: string; implementationStatus: string }> };
    expect(data.recommendations).toHaveLength(215);
    expect(data.recommendations.filter((r) => r.leadMinistry === 'Ministry of Justice' && r.implementationStatus === 'implemented')).toHaveLength(ticked);
    await openData.getByRole('status').getByText('Downloaded: 215 recommendations as report recommendations.json.').waitFor();

  });

  it('the Index’s export brings the treaty bodies’ and special procedures’ recommendations, filtered by mechanism', async () => {
    // Recommendations from every mechanism (issue 16, point 1): the Universal Human Rights Index's
    // export, read by its own columns; its concluding observation left out and said so; then the
    // list filtered by mechanism, and one treaty body's recommendation in full with its source.
    await secretariat.getByRole('button', { name: 'Clear filters' }).click();
    await secretariat.getByText('Showing 215 of 215 recommendations').waitFor();
    const uhriPath = path.join(mode.dir, 'UHRI export.xlsx');
    fs.writeFileSync(uhriPath, await uhriWorkbook(SAMPLE_ROWS));
    await chooseFile(secretariat, secretariat.getByRole('button', { name: 'Import recommendations…' }), uhriPath);
    const uhriDialog = secretariat.getByRole('dialog', { name: 'Import recommendations' });
    const importFive = uhriDialog.getByRole('button', { name: 'Import 5 recommendations' });
    await importFive.waitFor();
    await uhriDialog.getByText('Read as: Universal Human Rights Index export (treaty bodies, special procedures and UPR)').waitFor();
    await uhriDialog.getByText('Left out: 1 rows that are concerns or observations, not recommendations.').waitFor();
    expect(await uhriDialog.getByRole('rowheader', { name: 'CRC/C/SVN/CO/5-6, para. 12(b)', exact: true }).count()).toBe(1);
    await importFive.click();
    await uhriDialog.waitFor({ state: 'detached' });
    await secretariat.getByText('Showing 220 of 220 recommendations').waitFor();
    await secretariat.getByRole('button', { name: /Mechanism/ }).click();
    expect(await secretariat.getByRole('option').allInnerTexts()).toEqual(['All mechanisms', 'Universal Periodic Review (215)', 'Treaty body (3)', 'Special procedure (2)']);
    await secretariat.getByRole('option', { name: 'Treaty body (3)' }).click();
    await secretariat.getByText('Showing 3 of 220 recommendations').waitFor();
    await secretariat.getByRole('button', { name: 'Show recommendation CRC/C/SVN/CO/5-6, para. 12', exact: true }).click();
    const crc = secretariat.getByRole('region', { name: 'Recommendation CRC/C/SVN/CO/5-6, para. 12', exact: true });
    await crc.getByText('Treaty body').first().waitFor();
    // A position is the UPR's: a treaty body's recommendation has none to show.
    expect(await crc.getByText('No position').count()).toBe(0);
    expect((await crc.innerText()).replace(/\s+/g, ' ')).toMatch(/Recommending body CRC Document CRC\/C\/SVN\/CO\/5-6, paragraph 12 · Published Mar 15, 2023 Universal Human Rights Index 1874326/);
    expect(await seriousViolations(secretariat)).toEqual([]);
    await secretariat.screenshot({ path: path.join(os.tmpdir(), 'upr-mechanisms.png') });

    // Point 2: the Committee's 12(b) is the same recommendation as its 12, followed up there; and
    // the three put in clusters after each one's first theme.
    await secretariat.getByRole('checkbox', { name: 'Choose all 3 recommendations shown' }).check();
    const bulk = secretariat.getByRole('region', { name: 'Follow up the chosen recommendations' });
    await bulk.getByRole('button', { name: /Or cluster each by its first/ }).click();
    await secretariat.getByRole('option', { name: 'theme', exact: true }).click();
    await bulk.getByRole('button', { name: 'Apply to the chosen' }).click();
    await bulk.getByText('Changed: 3; already so: 0.').waitFor();
    await secretariat.getByRole('checkbox', { name: 'Choose E/C.12/SVN/CO/3, para. 41', exact: true }).uncheck();
    await bulk.getByRole('button', { name: /The same recommendation, followed up as/ }).click();
    await secretariat.getByRole('option', { name: 'CRC/C/SVN/CO/5-6, para. 12', exact: true }).click();
    await secretariat.screenshot({ path: path.join(os.tmpdir(), 'upr-same.png') });
    await bulk.getByRole('button', { name: 'Mark as the same' }).click();
    await bulk.getByText('Marked as the same as CRC/C/SVN/CO/5-6, para. 12: 1 changed.').waitFor();
    await crc.getByRole('button', { name: 'CRC/C/SVN/CO/5-6, para. 12(b)', exact: true }).waitFor();
    expect((await crc.innerText()).replace(/\s+/g, ' ')).toMatch(/Repeated by CRC\/C\/SVN\/CO\/5-6, para\. 12\(b\)/);
    expect(await secretariat.getByText('Same as CRC/C/SVN/CO/5-6, para. 12', { exact: true }).count()).toBe(1);
    await bulk.getByRole('button', { name: 'Clear the choice' }).click();
    await secretariat.getByRole('button', { name: /Cluster/ }).first().click();
    await secretariat.getByRole('option', { name: 'Right to water and sanitation (1)' }).waitFor();
    await secretariat.keyboard.press('Escape');
    await secretariat.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('right to left (an Arabic report): the list with one selected', async () => {
    await secretariat.getByRole('tab', { name: 'Report settings' }).click();
    await secretariat.getByRole('button', { name: /Language of the report/ }).click();
    await secretariat.getByRole('option', { name: 'Arabic' }).click();
    await secretariat.waitForFunction(() => document.documentElement.dir === 'rtl');
    await secretariat.getByRole('tab', { name: 'Recommendations' }).click();
    await secretariat.getByRole('button', { name: 'Show recommendation 121.3', exact: true }).click();
    await secretariat.getByRole('region', { name: 'Recommendation 121.3', exact: true }).getByText('cited in the text').waitFor();
    expect(await seriousViolations(secretariat)).toEqual([]);
  });
});
