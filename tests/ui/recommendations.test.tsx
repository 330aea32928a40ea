// The recommendations view: every recommendation in one table, filtered and counted; the coverage
// of the supported ones; the controls each person is shown; progress notes; following a
// recommendation to the section addressing it; and importing a list, preview first.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ColumnMapping, FullRecommendation, ImportPreview, Recommendation } from '../../shared/domain.js';
import { formatMessage } from '../../shared/messages.js';
import { RecommendationPicker } from '../../renderer/editor/RecommendationPicker.js';
import { initI18n } from '../../renderer/i18n/index.js';
import { sampleRecommendation, sampleWorld, type FakeTransport, type FakeWorld } from './fakeServer.js';
import { callsTo, chooseInBrowser, findAlert, findWorkspace, renderApp } from './renderApp.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));
afterEach(cleanup);

/** Four recommendations that differ in every way the view filters by; two of the three supported are addressed. */
function receivedList(): FullRecommendation[] {
  return [
    sampleRecommendation('115.1', {
      text: 'Ratify the Optional Protocol to the Convention against Torture',
      states: ['France', 'Chile'],
      referencedIn: ['b1'],
      responsibleOrganizationId: 'justice',
      implementationStatus: 'in_progress',
    }),
    sampleRecommendation('115.2', {
      text: 'Strengthen the independence of the national human rights institution',
      states: ['Ghana'],
      cluster: 'Theme: A51 Human rights institutions',
      themes: ['A51 Human rights institutions'],
      linkedSections: ['a'],
    }),
    sampleRecommendation('115.10', { text: 'Adopt a national action plan on business and human rights', states: ['Norway'] }),
    sampleRecommendation('115.3', { text: 'Abolish the death penalty', states: ['France'], position: 'noted', sdgs: [] }),
  ];
}

async function openRecommendations(world: FakeWorld) {
  const app = await renderApp(world);
  // A world whose system dialog answers is the desktop app's; otherwise the browser chooses files.
  if (world.chooseFile !== null) Object.assign(app.transport, { desktop: true });
  await findWorkspace();
  await app.user.click(screen.getByRole('tab', { name: 'Recommendations' }));
  return app;
}

const table = () => screen.getByRole('table', { name: 'Recommendations' });
const numbers = () =>
  within(table())
    .getAllByRole('rowheader')
    .map((c) => c.textContent);

async function choose(user: ReturnType<typeof userEvent.setup>, filter: string, option: string) {
  const filters = screen.getByRole('group', { name: 'Filters' });
  await user.click(within(filters).getByRole('button', { name: new RegExp(filter) }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('the recommendations view', () => {
  it('lists every recommendation in number order with its States, position, responsible organization, status and sections', async () => {
    await openRecommendations(sampleWorld({ recommendations: receivedList() }));
    await screen.findByText('Showing 4 of 4 recommendations');
    expect(numbers()).toEqual(['115.1', '115.2', '115.3', '115.10']);
    const row = within(table()).getByRole('rowheader', { name: /115\.1$/ }).closest('tr')!;
    expect(row.textContent).toContain('France, Chile');
    expect(row.textContent).toContain('Supported');
    expect(row.textContent).toContain('Ministry of Justice');
    expect(row.textContent).toContain('In progress');
    expect(row.textContent).toContain('B.1');
    const noted = within(table()).getByRole('rowheader', { name: /115\.3/ }).closest('tr')!;
    expect(noted.textContent).toContain('Noted');
    expect(noted.textContent).toContain('Not addressed yet');
  });

  it('filters by cluster, theme, State, position, status and organization, and finds by number or words', async () => {
    const { user } = await openRecommendations(sampleWorld({ recommendations: receivedList() }));
    await screen.findByText('Showing 4 of 4 recommendations');
    // Each cluster says how many recommendations it holds.
    await choose(user, 'Cluster', 'Theme: A51 Human rights institutions (1)');
    expect(numbers()).toEqual(['115.2']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await choose(user, 'Recommending State', 'France');
    expect(numbers()).toEqual(['115.1', '115.3']);
    await choose(user, 'Position', 'Noted');
    expect(numbers()).toEqual(['115.3']);
    expect(screen.getByText('Showing 1 of 4 recommendations')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await choose(user, 'Implementation', 'In progress');
    expect(numbers()).toEqual(['115.1']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await choose(user, 'Responsible', 'No one yet');
    expect(numbers()).toEqual(['115.2', '115.3', '115.10']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await choose(user, 'Theme', 'A41 Constitutional and legislative framework');
    expect(numbers()).toEqual(['115.1', '115.3', '115.10']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    const search = screen.getByRole('textbox', { name: 'Search' });
    await user.type(search, '115.1');
    expect(numbers()).toEqual(['115.1', '115.10']);
    await user.clear(search);
    await user.type(search, 'death penalty');
    expect(numbers()).toEqual(['115.3']);
    await user.clear(search);
    await user.type(search, 'nothing like this');
    expect(within(table()).getByText('No recommendation matches these filters.')).toBeTruthy();
  });

  it('counts the supported recommendations the sections address, and lists those none does yet', async () => {
    const { user } = await openRecommendations(sampleWorld({ recommendations: receivedList() }));
    await user.click(await screen.findByRole('tab', { name: 'Coverage' }));
    expect(screen.getByTestId('coverage-summary').textContent).toBe('2 of 3 supported recommendations are addressed');
    const missing = screen.getByRole('region', { name: '1 supported recommendation no section addresses yet' });
    expect(within(missing).getByText('Adopt a national action plan on business and human rights')).toBeTruthy();
    expect(within(missing).queryByText('Abolish the death penalty')).toBeNull();
    expect(within(screen.getByRole('region', { name: '2 addressed recommendations' })).getAllByRole('listitem')).toHaveLength(2);
    // A recommendation shown in full from the coverage, in the list.
    await user.click(within(missing).getByRole('button', { name: 'Show recommendation 115.10' }));
    expect(screen.getByRole('region', { name: 'Recommendation 115.10' })).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'Coverage' }));
    // Following a recommendation to the section addressing it opens the section.
    await user.click(within(screen.getByRole('region', { name: '2 addressed recommendations' })).getByRole('button', { name: 'Go to section B.1. Normative framework' }));
    expect(screen.getByRole('tab', { name: 'Sections' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('editor').getAttribute('data-section')).toBe('b1');
  });

  it('shows the secretariat the import, the responsible organization and the status; a drafter of the responsible organization the status and notes; a reviewer neither', async () => {
    const secretariat = await openRecommendations(sampleWorld({ recommendations: receivedList() }));
    await secretariat.user.click(await screen.findByRole('button', { name: 'Show recommendation 115.1' }));
    const detail = () => screen.getByRole('region', { name: 'Recommendation 115.1' });
    expect(screen.getByRole('button', { name: 'Import recommendations…' })).toBeTruthy();
    expect(within(detail()).getByRole('button', { name: /Responsible organization/ })).toBeTruthy();
    expect(within(detail()).getByRole('button', { name: /Implementation status/ })).toBeTruthy();
    await choose2(secretariat.user, detail(), 'Responsible organization', 'National Human Rights Commission');
    await waitFor(() => expect(secretariat.world.recommendations![0]!.responsibleOrganizationId).toBe('nhrc'));
    cleanup();

    const drafter = await openRecommendations(sampleWorld({ recommendations: receivedList(), meId: 'david' }));
    await drafter.user.click(await screen.findByRole('button', { name: 'Show recommendation 115.1' }));
    expect(screen.queryByRole('button', { name: 'Import recommendations…' })).toBeNull();
    expect(within(detail()).queryByRole('button', { name: /Responsible organization/ })).toBeNull();
    expect(within(detail()).getByText('Ministry of Justice')).toBeTruthy();
    await choose2(drafter.user, detail(), 'Implementation status', 'Implemented');
    await waitFor(() => expect(drafter.world.recommendations![0]!.implementationStatus).toBe('implemented'));
    await screen.findByText('Recommendation 115.1: Implemented.');
    // Not responsible for 115.2: no status, no notes.
    await drafter.user.click(screen.getByRole('button', { name: 'Show recommendation 115.2' }));
    const other = screen.getByRole('region', { name: 'Recommendation 115.2' });
    expect(within(other).queryByRole('button', { name: /Implementation status/ })).toBeNull();
    expect(within(other).queryByRole('form', { name: 'Add a progress note' })).toBeNull();
    cleanup();

    await openRecommendations(sampleWorld({ recommendations: receivedList(), meId: 'ingrid' }));
    await drafter.user.click(await screen.findByRole('button', { name: 'Show recommendation 115.1' }));
    expect(screen.queryByRole('button', { name: 'Import recommendations…' })).toBeNull();
    expect(within(detail()).queryByRole('button', { name: /Implementation status/ })).toBeNull();
    expect(within(detail()).queryByRole('form', { name: 'Add a progress note' })).toBeNull();
  });

  it('moves between recommendations with the arrow keys, one number in the tab order, showing the one reached', async () => {
    const { user } = await openRecommendations(sampleWorld({ recommendations: receivedList() }));
    const first = await screen.findByRole('button', { name: 'Show recommendation 115.1' });
    const numberButtons = within(table()).getAllByRole('button');
    expect(numberButtons.filter((b) => b.tabIndex === 0)).toEqual([first]);
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show recommendation 115.2' }));
    expect(screen.getByRole('region', { name: 'Recommendation 115.2' })).toBeTruthy();
    await user.keyboard('{End}');
    expect(screen.getByRole('region', { name: 'Recommendation 115.10' })).toBeTruthy();
    expect(within(table()).getAllByRole('button').filter((b) => b.tabIndex === 0)).toEqual([document.activeElement]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(first);
  });

  it('links a section the person writes to a recommendation, and unlinks it', async () => {
    const { user, world } = await openRecommendations(sampleWorld({ recommendations: receivedList(), meId: 'david' }));
    await user.click(await screen.findByRole('button', { name: 'Show recommendation 115.3' }));
    const detail = () => screen.getByRole('region', { name: 'Recommendation 115.3' });
    await user.click(within(detail()).getByRole('button', { name: /Link a section/ }));
    // Only the sections his ministry leads.
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'B. Developments since the previous review',
      'B.1. Normative framework',
      'B.2. Institutional framework',
    ]);
    await user.click(screen.getByRole('option', { name: 'B.2. Institutional framework' }));
    await screen.findByText('Recommendation 115.3 linked to B.2. Institutional framework.');
    expect(world.recommendations![3]!.linkedSections).toEqual(['b2']);
    await within(detail()).findByText('linked');
    await user.click(within(detail()).getByRole('button', { name: 'Unlink section B.2. Institutional framework' }));
    await waitFor(() => expect(world.recommendations![3]!.linkedSections).toEqual([]));
    await within(detail()).findByText('Not addressed yet');
  });

  it('adds a dated progress note', async () => {
    const { user, world } = await openRecommendations(sampleWorld({ recommendations: receivedList(), meId: 'david' }));
    await user.click(await screen.findByRole('button', { name: 'Show recommendation 115.1' }));
    const form = screen.getByRole('form', { name: 'Add a progress note' });
    await user.click(within(form).getByRole('button', { name: 'Add note' }));
    await findAlert('Write what happened.');
    const date = within(form).getByLabelText('Date');
    await user.clear(date);
    await user.type(date, '2030-04-02');
    await user.type(within(form).getByRole('textbox', { name: 'What happened' }), 'Bill sent to parliament.');
    await user.click(within(form).getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(world.recommendations![0]!.notes).toEqual([expect.objectContaining({ date: '2030-04-02', text: 'Bill sent to parliament.', authorName: 'David Okafor' })]));
    const detail = screen.getByRole('region', { name: 'Recommendation 115.1' });
    await within(detail).findByText('Bill sent to parliament.');
    expect(within(detail).getByText('1 progress note')).toBeTruthy();
  });

  it('keeps a long list (several mechanisms) to the rows in view, says each row’s place, reaches the last by keyboard and chooses every row shown', async () => {
    // happy-dom lays nothing out: the table's scroller gets a window's height, as in the app.
    const had = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('rc-scroller') ? 700 : 0;
      },
    });
    try {
      const many = Array.from({ length: 1_000 }, (_, i) => sampleRecommendation(`7.${i + 1}`, { text: `Recommendation number ${i + 1}` }));
      const { user } = await openRecommendations(sampleWorld({ recommendations: many }));
      const first = await screen.findByRole('button', { name: 'Show recommendation 7.1' });
      const rows = within(table()).getAllByRole('row');
      // The header and a window of rows, not a thousand; the spacers are hidden from screen readers.
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.length).toBeLessThan(60);
      expect(table().getAttribute('aria-rowcount')).toBe('1001');
      expect(rows[1]!.getAttribute('aria-rowindex')).toBe('2');
      expect(screen.queryByRole('button', { name: 'Show recommendation 7.1000' })).toBeNull();
      first.focus();
      await user.keyboard('{End}');
      await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show recommendation 7.1000' })));
      expect(document.activeElement!.closest('tr')!.getAttribute('aria-rowindex')).toBe('1001');
      expect(screen.getByRole('region', { name: 'Recommendation 7.1000' })).toBeTruthy();
      await user.keyboard('{Home}');
      await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show recommendation 7.1' })));
      // Scrolled far down, the rows in view come with the selected first row kept in the page: each
      // has the room of the rows left out above it, so neither is drawn where the other should be.
      const scroller = table().closest('.rc-scroller')!;
      scroller.scrollTop = 40_000;
      scroller.dispatchEvent(new Event('scroll'));
      await waitFor(() => expect(scroller.querySelector('tr[data-index="560"]')).not.toBeNull());
      const firstRow = scroller.querySelector('tr[data-index="0"]')!;
      expect(firstRow.nextElementSibling?.classList.contains('rc-spacer')).toBe(true);
      expect(parseFloat((firstRow.nextElementSibling as HTMLElement).style.blockSize)).toBeGreaterThan(30_000);
      // Choosing every row shown chooses the thousand, not the rows in the page.
      await user.click(screen.getByRole('checkbox', { name: /^Choose all 1,?000 recommendations shown$/ }));
      await screen.findByText(/^1,?000 recommendations chosen$/);
    } finally {
      if (had) Object.defineProperty(HTMLElement.prototype, 'clientHeight', had);
      else delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    }
  });

  it('shows the progress as charts with their figures, the overdue actions leading to their recommendation', async () => {
    const list = receivedList();
    list[1]!.responsibleOrganizationId = 'justice';
    list[1]!.implementationStatus = 'implemented';
    list[2]!.origin = { ...list[2]!.origin, mechanism: 'treaty_body', body: 'CEDAW' };
    list[3]!.actions = [
      { id: 'act1', recommendationId: list[3]!.id, cluster: '', title: 'Draft the abolition bill', leadOrganizationId: 'justice', partnerOrganizationIds: [], startDate: '2020-01-01', endDate: '2020-06-30', status: 'under_way', budgetLine: '' },
      { id: 'act2', recommendationId: list[3]!.id, cluster: '', title: 'Train judges', leadOrganizationId: 'justice', partnerOrganizationIds: [], startDate: '2020-01-01', endDate: '2020-06-30', status: 'completed', budgetLine: '' },
    ];
    const { user } = await openRecommendations(sampleWorld({ recommendations: list }));
    await user.click(await screen.findByRole('tab', { name: 'Progress' }));
    const charts = screen.getByRole('region', { name: 'Progress in charts' });
    for (const summary of within(charts).getAllByText('The figures')) await user.click(summary);
    const figure = (title: string) => within(charts).getByRole('heading', { name: title }).closest('figure')!;
    const figures = (title: string) =>
      within(figure(title))
        .getAllByRole('row')
        .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(figures('Recommendations by status')).toEqual([
      ['Implementation', 'Recommendations', '%'],
      ['Not started', '2', '50%'],
      ['In progress', '1', '25%'],
      ['Partially implemented', '0', '0%'],
      ['Implemented', '1', '25%'],
      ['Not applicable', '0', '0%'],
      ['Total', '4', '100%'],
    ]);
    expect(figures('Recommendations by lead ministry')).toEqual([
      ['', 'Not started', 'In progress', 'Implemented', 'Total'],
      ['Ministry of Justice', '0', '1', '1', '2'],
      ['No lead ministry yet', '2', '0', '0', '2'],
    ]);
    expect(figures('Recommendations by mechanism').slice(1).map((row) => [row[0], row.at(-1)])).toEqual([
      ['Universal Periodic Review', '3'],
      ['Treaty body', '1'],
    ]);
    // Each picture is described to screen readers and can be saved.
    expect(within(figure('Recommendations by status')).getByRole('img').getAttribute('aria-label')).toBe(
      'Recommendations by status. Not started: 2; In progress: 1; Partially implemented: 0; Implemented: 1; Not applicable: 0.',
    );
    expect(within(figure('Recommendations by cluster')).getByRole('button', { name: 'Save as image: Recommendations by cluster' })).toBeTruthy();
    // The completed action is not overdue; the one under way is, and leads to its recommendation.
    await within(charts).findByText('Draft the abolition bill');
    expect(within(charts).queryByText('Train judges')).toBeNull();
    await user.click(within(charts).getByRole('button', { name: 'Show recommendation 115.3' }));
    expect(await screen.findByRole('region', { name: 'Recommendation 115.3' })).toBeTruthy();
  });

  it('shows the list it loaded again when reopened with nothing changed, and fetches it again after a change elsewhere', async () => {
    const { user, transport, world } = await openRecommendations(sampleWorld({ recommendations: receivedList() }));
    await screen.findByRole('button', { name: 'Show recommendation 115.1' });
    const fetched = () => callsTo(transport, 'recommendations.list').length;
    const before = fetched();
    await user.click(screen.getByRole('tab', { name: 'Overview' }));
    await user.click(screen.getByRole('tab', { name: 'Recommendations' }));
    await screen.findByRole('button', { name: 'Show recommendation 115.1' });
    expect(fetched()).toBe(before);
    // Another window changes a recommendation while the view is closed: the next opening fetches, and shows it.
    await user.click(screen.getByRole('tab', { name: 'Overview' }));
    world.recommendations![0]!.text = 'Ratify the Optional Protocol, as amended elsewhere';
    transport.emit({ kind: 'changed', what: ['recommendations'] });
    await new Promise((r) => setTimeout(r, 10));
    await user.click(screen.getByRole('tab', { name: 'Recommendations' }));
    await screen.findByText('Ratify the Optional Protocol, as amended elsewhere');
    expect(fetched()).toBe(before + 1);
  });

  it('says when there are no recommendations yet', async () => {
    await openRecommendations(sampleWorld({ meId: 'david' }));
    await screen.findByText('No recommendations yet. The secretariat imports the list the Working Group adopted.');
  });
});

async function choose2(user: ReturnType<typeof userEvent.setup>, within_: HTMLElement, field: string, option: string) {
  await user.click(within(within_).getByRole('button', { name: new RegExp(field) }));
  await user.click(await screen.findByRole('option', { name: option }));
}

function thematicList(): ImportPreview {
  const row = (number: string, text: string) => ({
    number,
    text,
    states: ['Chile'],
    position: 'supported' as const,
    positionSource: 'A/HRC/43/15/Add.1 - Para. 5',
    cluster: 'Theme: A41',
    themes: ['A41'],
    groups: [],
    sdgs: [16],
  });
  return {
    fileName: 'UPR34_Thematic_list.docx',
    layout: 'OHCHR thematic list',
    table: null,
    rows: [row('115.1', 'Ratify the Optional Protocol'), row('115.4', 'Combat hate speech online'), row('115.5', 'Protect journalists')],
    problems: [{ row: 7, reason: 'It has no recommendation number.', excerpt: 'Continue its efforts to' }],
    counts: { read: 3, new: 2, changed: 0, unchanged: 1 },
  };
}

describe('importing the list of recommendations', () => {
  it('in browser mode, sends the file chosen in the browser, names it (not the server’s copy) when it cannot be read, shows what it would do and every row it could not read, then imports on confirmation', async () => {
    const world = sampleWorld({ recommendations: [sampleRecommendation('115.1')], recommendationFiles: { '/uploads/upr34.docx': thematicList() } });
    const { user, transport } = await openRecommendations(world);
    await user.click(await screen.findByRole('button', { name: 'Import recommendations…' }));
    await chooseInBrowser(new File(['not a list'], 'nowhere.docx'));
    const dialog = await screen.findByRole('dialog', { name: 'Import recommendations' });
    await findAlert('There is no file at nowhere.docx.');
    expect(callsTo(transport, 'files.upload')).toEqual([{ name: 'nowhere.docx', size: 10 }]);
    await user.click(within(dialog).getByRole('button', { name: 'Choose another file…' }));
    await chooseInBrowser(new File(['PK'], 'upr34.docx'));

    await within(dialog).findByText('UPR34_Thematic_list.docx');
    const counts = Object.fromEntries(
      within(dialog)
        .getAllByRole('term')
        .map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(counts).toEqual({ Read: '3', New: '2', Changed: '0', Unchanged: '1' });
    expect(within(dialog).getByText('Combat hate speech online')).toBeTruthy();
    const problems = within(dialog).getByRole('region', { name: '1 row could not be read' });
    expect(problems.textContent).toContain('Row 7');
    expect(problems.textContent).toContain('It has no recommendation number.');
    expect(problems.textContent).toContain('Continue its efforts to');
    expect(callsTo(transport, 'recommendations.import')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Import 2 recommendations' }));
    await screen.findByText('Imported from UPR34_Thematic_list.docx: 2 new, 0 changed, 1 unchanged, 1 rows skipped.');
    expect(callsTo(transport, 'recommendations.import')).toEqual([{ path: '/uploads/upr34.docx' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(numbers()).toEqual(['115.1', '115.4', '115.5']));
  });

  it('reads the file chosen in the system dialog at once', async () => {
    const world = sampleWorld({ chooseFile: '/lists/upr34.docx', recommendationFiles: { '/lists/upr34.docx': thematicList() } });
    const { user, transport } = await openRecommendations(world);
    await user.click(await screen.findByRole('button', { name: 'Import recommendations…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import recommendations' });
    await within(dialog).findByRole('button', { name: 'Import 2 recommendations' });
    expect(callsTo(transport, 'recommendations.previewImport')).toEqual([{ path: '/lists/upr34.docx' }]);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsTo(transport, 'recommendations.import')).toEqual([]);
  });
});

const TABLE_HEADERS = ['Ref', 'Wording', 'Notes', 'State', 'Answer'];

/**
 * What the main process answers for a table read through `mapping` (a CSV of three rows, the third
 * without text): no rows until the number and text columns are chosen, the text from the column chosen.
 */
function tablePreview(mapping: ColumnMapping, remembered = false): ImportPreview {
  const cells: Record<string, string[]> = {
    Ref: ['116.1', '116.2', '116.3'],
    Wording: ['Protect journalists', 'Ratify the Convention', ''],
    Notes: ['first note', 'second note', 'third note'],
    State: ['Ghana', 'Chile', 'Peru'],
    Answer: ['Supported', 'Noted', 'Supported'],
  };
  const base = { fileName: 'national-list.xlsx', layout: 'table', table: { headers: TABLE_HEADERS, csv: null, mapping, remembered } };
  if (!mapping.number || !mapping.text) {
    const problem = { row: 0, key: 'importMappingIncomplete', params: {}, reason: formatMessage('importMappingIncomplete'), excerpt: '' };
    return { ...base, rows: [], problems: [problem], counts: { read: 0, new: 0, changed: 0, unchanged: 0 } };
  }
  const rows = [0, 1].map((i) => ({
    number: cells[mapping.number!]![i]!,
    text: cells[mapping.text!]![i]!,
    states: mapping.states ? [cells[mapping.states]![i]!] : [],
    position: mapping.position ? (cells[mapping.position]![i]!.toLowerCase() as 'supported' | 'noted') : null,
    positionSource: '',
    cluster: '',
    themes: [],
    groups: [],
    sdgs: [],
  }));
  const problem = { row: 4, key: 'importRowNoText', params: { number: '116.3' }, reason: formatMessage('importRowNoText', { number: '116.3' }), excerpt: '116.3 | third note' };
  return { ...base, rows, problems: [problem], counts: { read: 2, new: 2, changed: 0, unchanged: 0 } };
}

const GUESSED: ColumnMapping = { number: 'Ref', text: null, states: 'State', position: 'Answer', positionSource: null, cluster: null, themes: null, groups: null, sdgs: null };

/** The fake server reads the table through the mapping each call gives, as the real one does. */
function readsTables(transport: FakeTransport, first: ImportPreview) {
  const call = transport.call.bind(transport);
  transport.call = (method, input) => {
    const mapping = (input as { mapping?: ColumnMapping }).mapping;
    if (method === 'recommendations.previewImport' && mapping) {
      transport.world.recommendationFiles!['/lists/national-list.xlsx'] = tablePreview(mapping);
    }
    if (method === 'recommendations.previewImport' && !mapping) transport.world.recommendationFiles!['/lists/national-list.xlsx'] = first;
    return call(method, input);
  };
}

describe('importing a table of recommendations', () => {
  it('shows which column each field is read from, reads the file again when one changes, and imports through the columns chosen', async () => {
    const world = sampleWorld({ chooseFile: '/lists/national-list.xlsx', recommendationFiles: {} });
    const app = await renderApp(world);
    Object.assign(app.transport, { desktop: true });
    readsTables(app.transport, tablePreview(GUESSED));
    await findWorkspace();
    await app.user.click(screen.getByRole('tab', { name: 'Recommendations' }));
    const { user, transport } = app;
    await user.click(await screen.findByRole('button', { name: 'Import recommendations…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import recommendations' });
    const columns = await within(dialog).findByRole('region', { name: 'Columns' });
    expect(columns.textContent).toContain('Matched from the headers of the file.');
    // A choice is named by its value, then its label.
    const choice = (field: string) => within(columns).getByRole('button', { name: new RegExp(` ${field}$`) });
    expect(choice('Recommendation number').textContent).toContain('Ref');
    expect(choice('Recommendation text').textContent).toContain('Choose a column');
    expect(choice('Cluster').textContent).toContain('Not in this file');
    // Without the text column nothing can be imported, and the dialog says why.
    expect(dialog.textContent).toContain('Choose the columns holding the recommendation numbers and their texts');
    expect(within(columns).getByText('Choose the column holding it.')).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: /^Import \d/ })).toBeNull();
    // No counts of zero and no "every row was read" while nothing is read.
    expect(within(dialog).queryAllByRole('term')).toEqual([]);
    expect(within(dialog).queryByText('Every row was read.')).toBeNull();

    await user.click(choice('Recommendation text'));
    const options = await screen.findAllByRole('option');
    // Every header of the file; "Not in this file" only for the fields a list may lack.
    expect(options.map((o) => o.textContent)).toEqual(TABLE_HEADERS);
    await user.click(screen.getByRole('option', { name: 'Wording' }));
    await within(dialog).findByText('Protect journalists');
    expect(callsTo(transport, 'recommendations.previewImport').at(-1)).toEqual({ path: '/lists/national-list.xlsx', mapping: { ...GUESSED, text: 'Wording' } });
    const problems = within(dialog).getByRole('region', { name: '1 row could not be read' });
    expect(problems.textContent).toContain('Row 4');
    expect(problems.textContent).toContain('Recommendation 116.3 has no text, so it was skipped.');

    await user.click(choice('Position'));
    await user.click(await screen.findByRole('option', { name: 'Not in this file' }));
    await waitFor(() => expect(callsTo(transport, 'recommendations.previewImport').at(-1)).toEqual({ path: '/lists/national-list.xlsx', mapping: { ...GUESSED, text: 'Wording', position: null } }));
    expect(choice('Position').textContent).toContain('Not in this file');

    await user.click(await within(dialog).findByRole('button', { name: 'Import 2 recommendations' }));
    await screen.findByText('Imported from national-list.xlsx: 2 new, 0 changed, 0 unchanged, 1 rows skipped.');
    expect(callsTo(transport, 'recommendations.import')).toEqual([{ path: '/lists/national-list.xlsx', mapping: { ...GUESSED, text: 'Wording', position: null } }]);
  });

  it('says when the columns were remembered, and shows row problems in the interface language', async () => {
    const remembered = tablePreview({ ...GUESSED, text: 'Wording' }, true);
    remembered.problems.push({ row: 9, reason: 'A problem this interface has no words for.', excerpt: '' });
    const world = sampleWorld({ chooseFile: '/lists/national-list.xlsx', recommendationFiles: { '/lists/national-list.xlsx': remembered } });
    world.report.language = 'fr';
    const { user, transport } = await renderApp(world);
    Object.assign(transport, { desktop: true });
    await user.click(await screen.findByRole('tab', { name: 'Recommandations' }));
    await user.click(await screen.findByRole('button', { name: 'Importer des recommandations…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Importer des recommandations' });
    const columns = await within(dialog).findByRole('region', { name: 'Colonnes' });
    expect(columns.textContent).toContain('Associées comme lors de la dernière importation d’un tableau ayant ces en-têtes.');
    expect(within(columns).getByRole('button', { name: /Texte de la recommandation$/ }).textContent).toContain('Wording');
    const problems = within(dialog).getByRole('region', { name: '2 lignes n’ont pas pu être lues' });
    expect(problems.textContent).toContain('Ligne 4');
    expect(problems.textContent).toContain('La recommandation 116.3 n’a pas de texte ; elle a été ignorée.');
    expect(problems.textContent).not.toContain('has no text');
    // A problem without a key is shown as the main process wrote it.
    expect(problems.textContent).toContain('A problem this interface has no words for.');
  });
});

describe('the citing dialog', () => {
  async function renderPicker(recommendations: Recommendation[] | null) {
    initI18n('en');
    await i18next.changeLanguage('en');
    const onPick = vi.fn();
    const onClose = vi.fn();
    const user = userEvent.setup();
    render(<RecommendationPicker recommendations={recommendations} onPick={onPick} onClose={onClose} />);
    const box = await screen.findByRole('combobox', { name: 'Find a recommendation' });
    const options = () => within(screen.getByRole('listbox', { name: 'Recommendations' })).queryAllByRole('option');
    return { user, box, options, onPick, onClose };
  }

  it('finds by the start of a number or by words, and inserts the one chosen with the arrow keys and Enter', async () => {
    const { user, box, options, onPick, onClose } = await renderPicker(receivedList());
    expect(document.activeElement).toBe(box);
    await user.type(box, '115.1');
    expect(options().map((o) => o.textContent)).toEqual([
      '115.1Ratify the Optional Protocol to the Convention against Torture',
      '115.10Adopt a national action plan on business and human rights',
    ]);
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith('115.10');
    expect(onClose).toHaveBeenCalled();
  });

  it('matches words anywhere in the text, States and themes, accents ignored, and says when nothing matches', async () => {
    const { user, box, options, onPick } = await renderPicker(receivedList());
    await user.type(box, 'ghana institution');
    expect(options().map((o) => o.textContent?.slice(0, 5))).toEqual(['115.2']);
    await user.clear(box);
    await user.type(box, 'dèath');
    expect(options().map((o) => o.textContent?.slice(0, 5))).toEqual(['115.3']);
    await user.click(options()[0]!);
    expect(onPick).toHaveBeenCalledWith('115.3');
    await user.clear(box);
    await user.type(box, 'zzz');
    expect(screen.getByText('No recommendation matches.')).toBeTruthy();
  });

  it('says when the report has no recommendations yet', async () => {
    await renderPicker([]);
    expect(screen.getByText('No recommendations have been imported into this report yet.')).toBeTruthy();
  });
});
