// The Export screen: the body's words against the limit (footnotes apart), each section against its
// budget, what blocks submission with a way to each place, and writing the report: a typed path in
// browser mode (its extension added), the system's dialog in the app, the pending state while the
// main process writes, and where the file went or why it was not written. Then the settings the
// cover names: the session and the document symbol.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportCheck, ExportFormat, Reply } from '../../shared/api.js';
import type { Workspace } from '../../shared/domain.js';
import { App } from '../../renderer/app/App.js';
import { AnnouncerProvider } from '../../renderer/app/Announcer.js';
import { WorkspaceContext } from '../../renderer/app/workspaceContext.js';
import { setTransport } from '../../renderer/api/client.js';
import { exportFilePath } from '../../renderer/features/export/exportPath.js';
import { ExportScreen } from '../../renderer/features/export/ExportScreen.js';
import { initI18n } from '../../renderer/i18n/index.js';
import { fakeTransport, sampleWorld, type FakeTransport, type FakeWorld } from './fakeServer.js';
import { callsTo, findAlert, findWorkspace } from './renderApp.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));
afterEach(cleanup);

/** What the main process says of sampleWorld()'s report: A and C over budget, A and B not approved, Comment 2 open and Critical. */
function sampleCheck(): ExportCheck {
  return {
    words: { body: 10_412, footnotes: 312, limit: 10_700, log: [] },
    sections: [
      { id: 'a', label: 'A', title: 'Methodology and consultation process', words: 950, budget: 900, status: 'ready_for_review' },
      { id: 'b', label: 'B', title: 'Developments since the previous review', words: 400, budget: 1800, status: 'drafting' },
      { id: 'b1', label: 'B.1', title: 'Normative framework', words: 90, budget: null, status: 'approved' },
      { id: 'c', label: 'C', title: 'Promotion and protection of human rights on the ground', words: 58, budget: 50, status: 'approved' },
    ],
    blockers: [
      { kind: 'notApproved', sectionId: 'a', label: 'A', title: 'Methodology and consultation process', status: 'ready_for_review' },
      { kind: 'notApproved', sectionId: 'b', label: 'B', title: 'Developments since the previous review', status: 'drafting' },
      { kind: 'openCritical', commentId: 'c2', number: 2, sectionId: 'c', label: 'C', title: 'Promotion and protection of human rights on the ground' },
    ],
  };
}

interface ExportStore {
  check: ExportCheck;
  /** What the app's save dialog answers (app.chooseFile); null when cancelled. */
  chosen?: string | null;
  /** When set, writing fails with this message, as the main process would say it. */
  refusal?: string;
  /** Writes wait for the test to let them finish. */
  held?: boolean;
  /** Lets the held writes finish. */
  release?: () => void;
}

/** export.check, export.write and the save dialog on top of the shared fake server. */
function withExport(transport: FakeTransport, store: ExportStore): FakeTransport {
  const call = transport.call.bind(transport);
  transport.call = async (method, input): Promise<Reply<unknown>> => {
    if (method === 'export.check') {
      transport.calls.push({ method, input });
      return { ok: true, result: structuredClone(store.check) };
    }
    if (method === 'app.chooseFile') {
      transport.calls.push({ method, input });
      return { ok: true, result: { path: store.chosen ?? null } };
    }
    if (method === 'export.write') {
      transport.calls.push({ method, input });
      const { format, path } = input as { format: ExportFormat; path: string };
      if (store.held) await new Promise<void>((resolve) => (store.release = resolve));
      if (store.refusal) return { ok: false, error: { message: store.refusal, code: 'io' } };
      return { ok: true, result: { path, bytes: format === 'docx' ? 48 * 1024 : 12_345, words: store.check.words.body } };
    }
    return call(method, input);
  };
  return transport;
}

/** The screen on its own, in the providers the workspace gives it, with a spy for the links. */
async function renderExport(store: ExportStore = { check: sampleCheck() }, { desktop = false, world = sampleWorld() }: { desktop?: boolean; world?: FakeWorld } = {}) {
  initI18n('en');
  await i18next.changeLanguage('en');
  const transport = withExport(fakeTransport(world), store);
  setTransport(desktop ? Object.assign(transport, { desktop: true }) : transport);
  const workspace = (await transport.call('workspace.load', {})) as { ok: true; result: Workspace };
  const onOpenSection = vi.fn();
  const user = userEvent.setup();
  render(
    <AnnouncerProvider>
      <WorkspaceContext.Provider value={{ workspace: workspace.result, refresh: async () => {} }}>
        <ExportScreen onOpenSection={onOpenSection} />
      </WorkspaceContext.Provider>
    </AnnouncerProvider>,
  );
  await screen.findByTestId('export-words');
  return { transport, store, user, onOpenSection };
}

const writeRegion = () => screen.getByRole('region', { name: 'Write the report' });
const status = () => screen.getByTestId('export-status');

describe('the words of the report', () => {
  it('shows the body against the limit, what is left, and the footnotes apart as not counted', async () => {
    await renderExport();
    expect(screen.getByTestId('export-words').textContent).toBe('10,412 of 10,700 words');
    expect(screen.getByText('288 words left')).toBeTruthy();
    expect(screen.getByTestId('export-footnotes').textContent).toBe('Footnotes, not counted: 312 words');
    expect(screen.getByText(/Annexes and footnotes are not counted/)).toBeTruthy();
    const meter = screen.getByRole('meter', { name: 'Words in the body of the report' });
    expect(meter.getAttribute('aria-valuetext')).toBe('10,412 of 10,700 words. 288 words left');
    expect(screen.queryByText(/Over the limit/)).toBeNull();
  });

  it('says by how much the body is over, in red, and follows changes made meanwhile', async () => {
    const { store, transport } = await renderExport();
    store.check.words.body = 10_801;
    await act(async () => transport.emit({ kind: 'changed', what: ['words'] }));
    const over = await screen.findByText('Over the limit by 101 words');
    expect(over.className).toBe('ex-over');
    expect(screen.getByTestId('export-words').textContent).toBe('10,801 of 10,700 words');
    expect(screen.getByRole('region', { name: 'Words in the body of the report' }).className).toContain('over');
    // The meter is full, not past full.
    const meter = screen.getByRole('meter', { name: 'Words in the body of the report' });
    expect(meter.getAttribute('aria-valuenow')).toBe('10700');
    expect(meter.getAttribute('aria-valuetext')).toBe('10,801 of 10,700 words. Over the limit by 101 words');

    // Text typed in another window: counted again once the typing settles.
    store.check.words.body = 10_650;
    await act(async () => transport.emit({ kind: 'text', sectionId: 'a', update: '', origin: 'other-window' }));
    expect(await screen.findByText('50 words left', undefined, { timeout: 3000 })).toBeTruthy();
    expect(screen.queryByText(/Over the limit/)).toBeNull();
  });
});

describe('the words of each section', () => {
  it('lists every section with its words and budget, and warns on each one over its budget', async () => {
    const { user, onOpenSection } = await renderExport();
    const table = screen.getByRole('table', { name: 'Words by section' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['A. Methodology and consultation process', 'Ready for review', '950', '900⚠ Over by 50 words'],
      ['B. Developments since the previous review', 'Drafting', '400', '1,800'],
      ['B.1. Normative framework', 'Approved', '90', 'No budget'],
      ['C. Promotion and protection of human rights on the ground', 'Approved', '58', '50⚠ Over by 8 words'],
    ]);
    expect(screen.getByText('2 sections are over their budget.')).toBeTruthy();
    await user.click(within(table).getByRole('button', { name: 'Open section B.1. Normative framework' }));
    expect(onOpenSection).toHaveBeenCalledWith('b1');
  });

  it('says so when every section is within its budget', async () => {
    const check = sampleCheck();
    check.sections = check.sections.map((s) => ({ ...s, budget: s.budget === null ? null : s.words }));
    await renderExport({ check });
    expect(screen.getByText('Every section is within its budget.')).toBeTruthy();
    expect(screen.queryByText(/Over by/)).toBeNull();
  });
});

describe('what blocks submission', () => {
  it('lists sections not approved with their status and open Critical comments, each opening its place', async () => {
    const { user, onOpenSection } = await renderExport();
    const region = screen.getByRole('region', { name: 'What blocks submission' });
    const notApproved = within(region).getByRole('list', { name: '2 sections not approved' });
    expect(within(notApproved).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'A. Methodology and consultation process Ready for review',
      'B. Developments since the previous review Drafting',
    ]);
    const critical = within(region).getByRole('list', { name: '1 open Critical comment' });
    expect(within(critical).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Comment 2 in C. Promotion and protection of human rights on the ground']);

    await user.click(within(region).getByRole('button', { name: 'Comment 2 in C. Promotion and protection of human rights on the ground' }));
    expect(onOpenSection).toHaveBeenLastCalledWith('c', 'c2');
    await user.click(within(notApproved).getByRole('button', { name: 'B. Developments since the previous review' }));
    expect(onOpenSection).toHaveBeenLastCalledWith('b');
    // A warning, not a lock: every format can still be written.
    for (const name of ['Word (.docx)', 'PDF (.pdf)', 'Web page (.html)']) expect(within(writeRegion()).getByRole('button', { name }).hasAttribute('disabled')).toBe(false);
  });

  it('says that nothing blocks when every section is approved and no Critical comment is open', async () => {
    const check = sampleCheck();
    check.blockers = [];
    await renderExport({ check });
    const region = screen.getByRole('region', { name: 'What blocks submission' });
    expect(within(region).getByText('Nothing blocks submission: the report is within its word limit, every section is approved and no Critical comment is open.')).toBeTruthy();
    expect(within(region).queryByRole('list')).toBeNull();
  });

  it('in the workspace, a Critical comment’s link opens its section in the Sections view', async () => {
    sessionStorage.clear();
    initI18n('en');
    await i18next.changeLanguage('en');
    const transport = withExport(fakeTransport(sampleWorld()), { check: sampleCheck() });
    setTransport(transport);
    const user = userEvent.setup();
    render(<App />);
    await findWorkspace();
    await user.click(screen.getByRole('tab', { name: 'Export' }));
    await user.click(await screen.findByRole('button', { name: 'Comment 2 in C. Promotion and protection of human rights on the ground' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Sections' }).getAttribute('aria-selected')).toBe('true'));
    expect(await screen.findByRole('heading', { name: /Promotion and protection of human rights on the ground/, level: 2 })).toBeTruthy();
  });
});

// Writing in browser mode, on the real services and downloaded: tests/ui/browser-files.test.tsx.
describe('writing the report', () => {
  it('in the app, writes where the system’s save dialog says, and nothing when it is cancelled', async () => {
    const store: ExportStore = { check: sampleCheck(), chosen: '/Users/maria/Documents/National report.pdf' };
    const { user, transport } = await renderExport(store, { desktop: true });
    await user.click(within(writeRegion()).getByRole('button', { name: 'PDF (.pdf)' }));
    await waitFor(() => expect(status().textContent).toBe('✓ Written to /Users/maria/Documents/National report.pdf (12\u00a0kB, 10,412 words).'));
    expect(callsTo(transport, 'app.chooseFile')).toEqual([{ mode: 'save', kind: 'pdf' }]);
    expect(callsTo(transport, 'export.write')).toEqual([{ format: 'pdf', path: '/Users/maria/Documents/National report.pdf', annexes: { recommendations: 'all', order: 'number', inputs: true } }]);
    expect(within(writeRegion()).queryByRole('textbox')).toBeNull();

    store.chosen = null;
    await user.click(within(writeRegion()).getByRole('button', { name: 'Word (.docx)' }));
    await waitFor(() => expect(callsTo(transport, 'app.chooseFile')).toHaveLength(2));
    expect(callsTo(transport, 'export.write')).toHaveLength(1);
  });

  it('shows the button pending and says what it is writing until the main process answers', async () => {
    const store: ExportStore = { check: sampleCheck(), chosen: '/Users/maria/report.docx', held: true };
    const { user } = await renderExport(store, { desktop: true });
    const word = within(writeRegion()).getByRole('button', { name: 'Word (.docx)' });
    await user.click(word);
    await waitFor(() => expect(status().textContent).toBe('Writing the Word file…'));
    expect(word.hasAttribute('data-pending')).toBe(true);
    // One file at a time.
    expect(within(writeRegion()).getByRole('button', { name: 'PDF (.pdf)' }).hasAttribute('disabled')).toBe(true);
    expect(within(writeRegion()).getByRole('button', { name: 'Web page (.html)' }).hasAttribute('disabled')).toBe(true);

    await act(async () => store.release?.());
    await waitFor(() => expect(status().textContent).toBe('✓ Written to /Users/maria/report.docx (48\u00a0kB, 10,412 words).'));
    expect(word.hasAttribute('data-pending')).toBe(false);
    expect(within(writeRegion()).getByRole('button', { name: 'PDF (.pdf)' }).hasAttribute('disabled')).toBe(false);
  });

  it('shows the main process’s message when the file could not be written, and offers nothing to download', async () => {
    const store: ExportStore = { check: sampleCheck(), refusal: 'The report could not be written: the disk is full.' };
    const { user } = await renderExport(store);
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(within(writeRegion()).getByRole('button', { name: 'Web page (.html)' }));
    await findAlert('The web page was not written: The report could not be written: the disk is full.');
    expect(status().textContent).toBe('');
    expect(clicked).not.toHaveBeenCalled();
    clicked.mockRestore();
  });
});

describe('the file an export is written to', () => {
  it('gets the format’s extension when it is missing, in place of a report’s', () => {
    expect(exportFilePath('/r/national report', 'docx')).toBe('/r/national report.docx');
    expect(exportFilePath('/r/veridia.upr', 'pdf')).toBe('/r/veridia.pdf');
    expect(exportFilePath(' /r/Report.HTML ', 'html')).toBe('/r/Report.HTML');
  });
});

describe('the settings the cover names', () => {
  // Saving them: tests/ui/autosave.test.tsx, against the real services.
  it('shows them to everyone else without a way to change them', async () => {
    sessionStorage.clear();
    initI18n('en');
    await i18next.changeLanguage('en');
    const world = sampleWorld({ meId: 'ingrid' });
    world.report.session = 'Forty-eighth session';
    setTransport(fakeTransport(world));
    const user = userEvent.setup();
    render(<App />);
    await findWorkspace();
    await user.click(screen.getByRole('tab', { name: 'Report settings' }));
    expect(await screen.findByText('Forty-eighth session')).toBeTruthy();
    expect(screen.getByText('Document symbol').nextElementSibling?.textContent).toBe('Not known yet');
    expect(screen.queryByRole('textbox', { name: 'Session' })).toBeNull();
  });
});
