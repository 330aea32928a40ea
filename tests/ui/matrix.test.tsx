// The comment resolution matrix: every comment in one table, filtered, sorted and counted; rows
// followed to their passage by keyboard or button; closing by those who may; export to a file;
// and 10,000 comments with only a window of rows in the page.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReviewComment, Workspace } from '../../shared/domain.js';
import { setTransport } from '../../renderer/api/client.js';
import { AnnouncerProvider } from '../../renderer/app/Announcer.js';
import { WorkspaceContext } from '../../renderer/app/workspaceContext.js';
import { MatrixScreen } from '../../renderer/features/matrix/MatrixScreen.js';
import { exportFilePath } from '../../renderer/features/export/exportPath.js';
import { sortComments } from '../../renderer/features/matrix/matrixRows.js';
import { initI18n } from '../../renderer/i18n/index.js';
import { fakeTransport, sampleComment, sampleWorld, type FakeWorld } from './fakeServer.js';
import { callsTo, findAlert, findWorkspace, renderApp } from './renderApp.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));
afterEach(cleanup);

// happy-dom lays nothing out: give the matrix's scrolling table a height, as a window would, so
// the virtualizer has a window of rows to fill.
const VIEW_HEIGHT = 660;
let hadOwnClientHeight: PropertyDescriptor | undefined;
beforeAll(() => {
  hadOwnClientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('mx-grid') ? VIEW_HEIGHT : 0;
    },
  });
});
afterAll(() => {
  if (hadOwnClientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', hadOwnClientHeight);
  else delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
});

/** Five comments that differ in every way the matrix filters and sorts by. */
function reviewRound(): ReviewComment[] {
  return [
    sampleComment(1, { type: 'editorial', quote: 'in accordance with', sectionId: 'b1', sectionLabel: 'B.1', sectionTitle: 'Normative framework' }),
    sampleComment(2, {
      type: 'critical',
      body: 'The figures on pre-trial detention are out of date.',
      proposed: 'In 2024, 1,250 persons were held in pre-trial detention.',
      disposition: 'accepted',
      decidedById: 'david',
      decidedByName: 'David Okafor',
      decidedAt: '2030-02-10T12:00:00.000Z',
      state: 'answered',
      replies: [{ id: 'r1', body: 'Updated with the 2024 figures.', authorId: 'david', authorName: 'David Okafor', createdAt: '2030-02-09T12:00:00.000Z' }],
    }),
    sampleComment(3, {
      type: 'critical',
      anchored: false,
      quote: '',
      sectionId: 'a',
      sectionLabel: 'A',
      sectionTitle: 'Methodology and consultation process',
      authorId: 'maria',
      authorName: 'Maria Santos',
      organizationId: 'mfa',
      organizationName: 'Ministry of Foreign Affairs',
    }),
    sampleComment(4, {
      detached: true,
      quote: 'a sentence since deleted',
      disposition: 'not_accepted',
      rationale: 'Out of scope for this cycle.',
      decidedById: 'david',
      decidedByName: 'David Okafor',
      decidedAt: '2030-02-05T12:00:00.000Z',
      state: 'closed',
      closedByName: 'Ingrid Larsen',
      closedAt: '2030-02-20T12:00:00.000Z',
    }),
    sampleComment(5, { sectionId: 'c', sectionLabel: 'C', sectionTitle: 'Promotion and protection of human rights on the ground', authorId: 'leila', authorName: 'Leila Haddad' }),
  ];
}

/** The matrix on its own, in the providers the workspace gives it, with a spy for following. */
async function renderMatrix(world: FakeWorld, { desktop = false }: { desktop?: boolean } = {}) {
  initI18n('en');
  await i18next.changeLanguage('en');
  const transport = fakeTransport(world);
  setTransport(desktop ? Object.assign(transport, { desktop: true }) : transport);
  const workspace = (await transport.call('workspace.load', {})) as { ok: true; result: Workspace };
  const onFollow = vi.fn();
  const user = userEvent.setup();
  render(
    <AnnouncerProvider>
      <WorkspaceContext.Provider value={{ workspace: workspace.result, refresh: async () => {} }}>
        <MatrixScreen onFollow={onFollow} />
      </WorkspaceContext.Provider>
    </AnnouncerProvider>,
  );
  const grid = await screen.findByRole('grid', { name: 'Comment resolution matrix' });
  await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(1));
  return { transport, world, user, grid, onFollow };
}

const numbers = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('rowheader')
    .map((c) => Number(c.textContent));

async function choose(user: ReturnType<typeof userEvent.setup>, filter: string, option: string) {
  const filters = screen.getByRole('group', { name: 'Filters' });
  await user.click(within(filters).getByRole('button', { name: new RegExp(filter) }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('the comment resolution matrix', () => {
  it('shows every comment with its passage, reviewer, type, answer and status, and counts them', async () => {
    const { grid } = await renderMatrix(sampleWorld({ comments: reviewRound() }));
    expect(grid.getAttribute('aria-rowcount')).toBe('6');
    expect(screen.getByText('Showing 5 of 5 comments')).toBeTruthy();
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼↕]/g, ''))).toEqual([
      'No.',
      'Section',
      'Passage',
      'Organization and reviewer',
      'Type',
      'Comment',
      'Proposed wording',
      'Disposition',
      'Rationale',
      'Decided by',
      'Status',
    ]);
    const row = (n: number) => within(grid).getAllByRole('row').find((r) => within(r).queryByRole('rowheader')?.textContent === String(n))!;
    expect(row(2).getAttribute('aria-rowindex')).toBe('3');
    expect(row(2).textContent).toContain('In 2024, 1,250 persons were held in pre-trial detention.');
    expect(within(row(2)).getByText('Critical')).toBeTruthy();
    expect(within(row(2)).getByText('Accepted')).toBeTruthy();
    expect(within(row(2)).getByText('David Okafor')).toBeTruthy();
    expect(within(row(2)).getByText('Answered')).toBeTruthy();
    expect(within(row(3)).getByText('Whole section')).toBeTruthy();
    expect(within(row(3)).getByText('Ministry of Foreign Affairs')).toBeTruthy();
    expect(within(row(4)).getByText('Passage deleted')).toBeTruthy();
    expect(within(row(4)).getByText('Out of scope for this cycle.')).toBeTruthy();
    expect(within(row(4)).getByText('Closed')).toBeTruthy();
  });

  it('filters by section, organization, type and status, and says how many it shows', async () => {
    const { user, grid } = await renderMatrix(sampleWorld({ comments: reviewRound() }));
    await choose(user, 'Type', 'Critical');
    expect(numbers(grid)).toEqual([2, 3]);
    expect(screen.getByText('Showing 2 of 5 comments')).toBeTruthy();
    expect(grid.getAttribute('aria-rowcount')).toBe('3');

    await choose(user, 'Organization', 'National Human Rights Commission');
    expect(numbers(grid)).toEqual([2]);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(numbers(grid)).toEqual([1, 2, 3, 4, 5]);

    await choose(user, 'Section', 'B.1. Normative framework');
    expect(numbers(grid)).toEqual([1]);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await choose(user, 'Status', 'Closed');
    expect(numbers(grid)).toEqual([4]);
    await choose(user, 'Type', 'Editorial');
    expect(within(grid).getByText('No comment matches these filters.')).toBeTruthy();
    expect(screen.getByText('Showing 0 of 5 comments')).toBeTruthy();
  });

  it('sorts by a column when its header is pressed, and turns the order on a second press', async () => {
    const { user, grid } = await renderMatrix(sampleWorld({ comments: reviewRound() }));
    const header = (name: string) => within(grid).getByRole('columnheader', { name: new RegExp(name) });
    expect(header('No.').getAttribute('aria-sort')).toBe('ascending');

    await user.click(within(header('Type')).getByRole('button'));
    expect(header('Type').getAttribute('aria-sort')).toBe('ascending');
    expect(header('No.').getAttribute('aria-sort')).toBeNull();
    expect(numbers(grid)).toEqual([2, 3, 4, 5, 1]);

    // By keyboard too.
    within(header('Type')).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(header('Type').getAttribute('aria-sort')).toBe('descending');
    expect(numbers(grid)).toEqual([1, 4, 5, 2, 3]);

    // Sections in outline order: A, B, B.1, C.
    await user.click(within(header('Section')).getByRole('button'));
    expect(numbers(grid)).toEqual([3, 2, 4, 1, 5]);
    await user.click(within(header('Organization')).getByRole('button'));
    expect(numbers(grid)).toEqual([3, 1, 2, 4, 5]);
    await user.click(within(header('Status')).getByRole('button'));
    expect(numbers(grid)).toEqual([1, 3, 5, 2, 4]);
    // Undecided comments last, whichever the direction.
    await user.click(within(header('Decided by')).getByRole('button'));
    expect(numbers(grid)).toEqual([4, 2, 1, 3, 5]);
    await user.click(within(header('Decided by')).getByRole('button'));
    expect(numbers(grid)).toEqual([2, 4, 1, 3, 5]);
  });

  it('moves between rows with the arrow keys, Home and End, shows the focused comment in full, and follows it with Enter', async () => {
    const { user, grid, onFollow } = await renderMatrix(sampleWorld({ comments: reviewRound() }));
    expect(screen.getByText('Select a comment in the table to read it in full, with its replies.')).toBeTruthy();
    const rows = within(grid).getAllByRole('row').slice(1);
    // One row in the tab order.
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    await user.click(within(rows[0]!).getByText('Normative framework'));
    expect(document.activeElement).toBe(rows[0]);
    expect(rows[0]!.getAttribute('aria-selected')).toBe('true');

    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('3'));
    const detail = screen.getByRole('region', { name: 'Comment 2' });
    expect(within(detail).getByText('Updated with the 2024 figures.')).toBeTruthy();
    expect(within(detail).getByText('1 reply')).toBeTruthy();

    await user.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('6'));
    await user.keyboard('{Home}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('2'));
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(onFollow).toHaveBeenCalledTimes(1);
    expect(onFollow.mock.calls[0]![0]).toMatchObject({ id: 'c3', sectionId: 'a' });

    await user.click(within(screen.getByRole('region', { name: 'Comment 3' })).getByRole('button', { name: 'Go to section' }));
    expect(onFollow).toHaveBeenCalledTimes(2);
  });

  it('lets the secretariat close and reopen a comment', async () => {
    const { user, grid, transport } = await renderMatrix(sampleWorld({ comments: reviewRound() }));
    await user.click(within(grid).getByText('The figures on pre-trial detention are out of date.'));
    const detail = screen.getByRole('region', { name: 'Comment 2' });
    await user.click(within(detail).getByRole('button', { name: 'Close comment' }));
    await waitFor(() => expect(callsTo(transport, 'comments.setStatus')).toEqual([{ commentId: 'c2', status: 'closed' }]));
    expect(await screen.findByText('Comment 2 closed.')).toBeTruthy();
    expect(await within(detail).findByText('Closed by Maria Santos', { exact: false })).toBeTruthy();
    await user.click(within(detail).getByRole('button', { name: 'Reopen comment' }));
    expect(await screen.findByText('Comment 2 reopened.')).toBeTruthy();
    await waitFor(() => expect(within(detail).getByText('Answered')).toBeTruthy());
  });

  it('offers closing only to the secretariat and the comment’s author', async () => {
    const { user, grid } = await renderMatrix(sampleWorld({ comments: reviewRound(), meId: 'ingrid' }));
    await user.click(within(grid).getByText('The figures on pre-trial detention are out of date.'));
    expect(within(screen.getByRole('region', { name: 'Comment 2' })).getByRole('button', { name: 'Close comment' })).toBeTruthy();
    // Comment 3 is the secretariat's own, not hers.
    await user.keyboard('{ArrowDown}');
    const other = await screen.findByRole('region', { name: 'Comment 3' });
    expect(within(other).queryByRole('button', { name: /Close comment|Reopen comment/ })).toBeNull();
    expect(within(other).getByRole('button', { name: 'Go to section' })).toBeTruthy();
    cleanup();

    const drafter = await renderMatrix(sampleWorld({ comments: reviewRound(), meId: 'david' }));
    await drafter.user.click(within(drafter.grid).getByText('The figures on pre-trial detention are out of date.'));
    expect(within(screen.getByRole('region', { name: 'Comment 2' })).queryByRole('button', { name: 'Close comment' })).toBeNull();
  });

  it('reloads when comments change in another window', async () => {
    const { grid, world, transport } = await renderMatrix(sampleWorld({ comments: reviewRound() }));
    world.comments!.push(sampleComment(6, { body: 'Made elsewhere' }));
    act(() => transport.emit({ kind: 'changed', what: ['comments'] }));
    expect(await within(grid).findByText('Made elsewhere')).toBeTruthy();
    expect(screen.getByText('Showing 6 of 6 comments')).toBeTruthy();
  });
});

// Exporting in browser mode, on the real services and downloaded: tests/ui/browser-files.test.tsx.
describe('exporting the matrix', () => {
  it('in the app, writes where the save dialog says, as CSV, and shows why it could not', async () => {
    const world = sampleWorld({ comments: reviewRound(), chooseFile: '/reports/round-1.upr' });
    const { user, transport } = await renderMatrix(world, { desktop: true });
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(callsTo(transport, 'comments.export')).toEqual([{ format: 'csv', path: '/reports/round-1.csv' }]));
    expect(await screen.findByText('Saved 5 comments to /reports/round-1.csv.')).toBeTruthy();

    world.exportRefusal = 'There is no folder /reports/gone to save into.';
    world.chooseFile = '/reports/gone/round-1.xlsx';
    await user.click(screen.getByRole('button', { name: 'Export to Excel (XLSX)' }));
    await findAlert('There is no folder /reports/gone to save into.');
  });
});

describe('10,000 comments', () => {
  const many = () =>
    Array.from({ length: 10_000 }, (_, i) =>
      sampleComment(i + 1, { type: (['critical', 'substantive', 'editorial'] as const)[i % 3], body: `Comment number ${i + 1}` }),
    );

  it('keeps only a window of rows in the page, numbered for screen readers, and End reaches the last', async () => {
    const { user, grid } = await renderMatrix(sampleWorld({ comments: many() }));
    expect(grid.getAttribute('aria-rowcount')).toBe('10001');
    expect(screen.getByText('Showing 10,000 of 10,000 comments')).toBeTruthy();
    const rendered = within(grid).getAllByRole('row').length;
    expect(rendered).toBeGreaterThan(VIEW_HEIGHT / 66);
    expect(rendered).toBeLessThan(40);

    await user.click(within(grid).getByText('Comment number 1'));
    await user.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('10001'));
    expect(within(grid).getAllByRole('row').length).toBeLessThan(40);
    expect(screen.getByRole('region', { name: 'Comment 10000' })).toBeTruthy();

    await choose(user, 'Type', 'Critical');
    expect(screen.getByText('Showing 3,334 of 10,000 comments')).toBeTruthy();
    expect(grid.getAttribute('aria-rowcount')).toBe('3335');
  });
});

describe('in the workspace', () => {
  it('opens from the Comments tab, and following a comment opens its section', async () => {
    const { user } = await renderApp(sampleWorld({ comments: reviewRound() }));
    await findWorkspace();
    await user.click(screen.getByRole('tab', { name: 'Comments' }));
    const grid = await screen.findByRole('grid', { name: 'Comment resolution matrix' });
    const row = await within(grid).findByRole('row', { name: /pre-trial detention/ });
    await user.click(within(row).getByText('Critical'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Sections' }).getAttribute('aria-selected')).toBe('true'));
    expect(await screen.findByRole('heading', { name: /Developments since the previous review/, level: 2 })).toBeTruthy();
  });
});

describe('matrix order and file names', () => {
  it('sorts ties by number and keeps comments of deleted sections last', () => {
    const order = new Map([
      ['a', 0],
      ['b', 1],
    ]);
    const list = [sampleComment(3, { sectionId: 'gone' }), sampleComment(2, { sectionId: 'b' }), sampleComment(1, { sectionId: 'b' }), sampleComment(4, { sectionId: 'a' })];
    expect(sortComments(list, { key: 'section', direction: 'ascending' }, order).map((c) => c.number)).toEqual([4, 1, 2, 3]);
    expect(sortComments(list, { key: 'section', direction: 'descending' }, order).map((c) => c.number)).toEqual([1, 2, 4, 3]);
  });

  it('gives the export file the format’s extension, replacing a report’s', () => {
    expect(exportFilePath('/r/matrix.upr', 'xlsx')).toBe('/r/matrix.xlsx');
    expect(exportFilePath('/r/matrix', 'csv')).toBe('/r/matrix.csv');
    expect(exportFilePath(' /r/Matrix.XLSX ', 'xlsx')).toBe('/r/Matrix.XLSX');
  });
});
