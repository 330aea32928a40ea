// What each role is offered: the UI hides what a role cannot do (the services refuse it anyway).
// On the real services, over the demo report; what a choice did is read back from the file.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { updateReport } from '../../electron/services/report.js';
import { listSections } from '../../electron/store/queries.js';
import { actIn } from '../unit/office.js';
import { findWorkspace } from './renderApp.js';
import { renderOnReport, type OnReport } from './realHost.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));

const statusOf = (app: OnReport, title: string) => app.stored((r) => listSections(r.db).find((s) => s.title.startsWith(title))!.status);

describe('a reviewer', () => {
  it('sees no outline editing controls and a read-only details panel', async () => {
    const { user } = await renderOnReport({ as: 'Ingrid Larsen' });
    await findWorkspace();
    // A reviewer lands on My work.
    expect(screen.getByRole('tab', { name: 'My work' }).getAttribute('aria-selected')).toBe('true');
    await user.click(screen.getByRole('tab', { name: 'Sections' }));
    const outline = screen.getByRole('navigation', { name: 'Outline' });
    expect(within(outline).getByRole('treegrid', { name: 'Sections of the report' })).toBeTruthy();
    expect(within(outline).queryByRole('button', { name: 'Add section' })).toBeNull();
    expect(within(outline).queryByRole('button', { name: /Actions for/ })).toBeNull();
    expect(screen.queryByText(/Alt\+arrows/)).toBeNull();

    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).queryByRole('button')).toBeNull();
    expect(within(details).queryByRole('textbox')).toBeNull();
    expect(within(details).getByText('Ministry of Foreign Affairs')).toBeTruthy();
    expect(within(details).getByText('Ready for review')).toBeTruthy();
    expect(screen.getByTestId('editor').dataset.readonly).toBe('true');
  });

  it('reads the people and settings screens without ways to change them', async () => {
    const { user } = await renderOnReport({ as: 'Ingrid Larsen' });
    await findWorkspace();
    await user.click(screen.getByRole('tab', { name: 'People' }));
    expect(await screen.findByText('Only the secretariat can change who takes part.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add member' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Report settings' }));
    expect(await screen.findByText('Only the secretariat can change the report settings.')).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});

describe('a drafter of the lead organization', () => {
  it('can move the status only to the values drafters may choose', async () => {
    const app = await renderOnReport({ as: 'David Okafor' });
    const { user } = app;
    await findWorkspace();
    await user.click(screen.getByRole('tab', { name: 'Sections' }));
    await user.click(screen.getByRole('row', { name: /Developments since the previous review/ }));
    await screen.findByRole('heading', { name: /Developments since the previous review/, level: 2 });
    expect(screen.getByTestId('editor').dataset.readonly).toBe('false');

    const details = screen.getByRole('region', { name: 'Details' });
    // Lead, due date and budget are read, not edited.
    expect(within(details).getByText('Ministry of Justice')).toBeTruthy();
    expect(within(details).queryByRole('textbox')).toBeNull();

    await user.click(within(details).getByRole('button', { name: /Status/ }));
    const options = await screen.findAllByRole('option');
    const state = Object.fromEntries(options.map((o) => [o.textContent, o.getAttribute('aria-disabled') === 'true']));
    expect(state).toEqual({ 'Not started': false, Drafting: false, 'Ready for review': false, Approved: true });

    await user.click(screen.getByRole('option', { name: 'Ready for review' }));
    expect(await screen.findByText('“Developments since the previous review: normative and institutional framework” is now Ready for review.')).toBeTruthy();
    expect(statusOf(app, 'Developments since the previous review')).toBe('ready_for_review');
    // Not locked at review in this report: still theirs to write.
    expect(screen.getByTestId('editor').dataset.readonly).toBe('false');
  });

  it('when the secretariat locks at review, has the section read only once it is ready for review, and may ask to reopen it', async () => {
    const app = await renderOnReport({
      as: 'David Okafor',
      make: (file) => {
        createDemoReport(file).close();
        const secretariat = actIn(file);
        updateReport(secretariat.ctx, { lockAtReview: true });
        secretariat.report.close();
      },
    });
    const { user } = app;
    await findWorkspace();
    await user.click(screen.getByRole('tab', { name: 'Sections' }));
    await user.click(screen.getByRole('row', { name: /Developments since the previous review/ }));
    await screen.findByRole('heading', { name: /Developments since the previous review/, level: 2 });
    const details = screen.getByRole('region', { name: 'Details' });
    await user.click(within(details).getByRole('button', { name: /Status/ }));
    await user.click(await screen.findByRole('option', { name: 'Ready for review' }));
    await waitFor(() => expect(screen.getByTestId('editor').dataset.readonly).toBe('true'));
    expect(within(screen.getByRole('region', { name: 'Details' })).queryByRole('button', { name: /Status/ })).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Details' })).getByRole('button', { name: 'Ask to reopen…' })).toBeTruthy();
    expect(statusOf(app, 'Developments since the previous review')).toBe('ready_for_review');
  });

  it('cannot write in or change the status of a section another organization leads', async () => {
    const { user } = await renderOnReport({ as: 'David Okafor' });
    await findWorkspace();
    await user.click(screen.getByRole('tab', { name: 'Sections' }));
    await user.click(screen.getByRole('row', { name: /Methodology/ }));
    expect(await screen.findByRole('heading', { name: /Methodology/, level: 2 })).toBeTruthy();
    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).queryByRole('button')).toBeNull();
    expect(screen.getByTestId('editor').dataset.readonly).toBe('true');
  });
});

describe('the secretariat', () => {
  it('edits the details and the outline', async () => {
    const app = await renderOnReport({ as: 'Maria Santos' });
    const { user } = app;
    await findWorkspace();
    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).getByRole('button', { name: /Lead organization/ })).toBeTruthy();
    expect(within(details).getByRole('textbox', { name: 'Word budget' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add section' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /Actions for/ }).length).toBe(app.stored((r) => listSections(r.db).length));

    await user.click(within(details).getByRole('button', { name: /Status/ }));
    const approved = await screen.findByRole('option', { name: 'Approved' });
    expect(approved.getAttribute('aria-disabled')).not.toBe('true');
    await user.click(approved);
    await waitFor(() => expect(statusOf(app, 'Methodology')).toBe('approved'));
  });
});
