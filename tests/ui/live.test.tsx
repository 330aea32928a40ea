// Live updates: changes from elsewhere reload the workspace and keep the selection; a closed file
// goes back to the start screen; the word counts follow the editor as the person types.
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findWorkspace, renderApp } from './renderApp.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));
afterEach(cleanup);

describe('live updates', () => {
  it('reloads on a change from another window and keeps the selected section', async () => {
    const { user, transport, world } = await renderApp();
    await findWorkspace();
    await user.click(screen.getByRole('row', { name: /Normative framework/ }));
    expect(await screen.findByRole('heading', { name: 'B.1. Normative framework', level: 2 })).toBeTruthy();

    world.sections.find((s) => s.id === 'b1')!.title = 'Legislative framework';
    world.sections.find((s) => s.id === 'a')!.status = 'approved';
    act(() => transport.emit({ kind: 'changed', what: ['sections'] }));

    expect(await screen.findByRole('heading', { name: 'B.1. Legislative framework', level: 2 })).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /Methodology/ })).getByText('Approved')).toBeTruthy();
    expect(screen.getByTestId('editor').dataset.section).toBe('b1');
  });

  it('goes back to the start screen when the file is closed', async () => {
    const { transport, world } = await renderApp();
    await findWorkspace();
    world.path = null;
    act(() => transport.emit({ kind: 'closed' }));
    expect(await screen.findByRole('heading', { name: 'New report' })).toBeTruthy();
  });

  it('counts words live from the editor, in the section and the report total', async () => {
    const { user } = await renderApp();
    await findWorkspace();
    await user.click(screen.getByRole('row', { name: /Developments since/ }));
    await screen.findByRole('heading', { name: /Developments since/, level: 2 });
    expect(screen.getByTestId('section-words').textContent).toBe('400 / 1,800 words');
    expect(screen.getByTestId('report-words').textContent).toBe('725 / 10,700 words');

    await user.click(screen.getByRole('button', { name: 'simulate typing' }));
    await waitFor(() => expect(screen.getByTestId('section-words').textContent).toBe('1,234 / 1,800 words'));
    expect(screen.getByTestId('report-words').textContent).toBe('1,559 / 10,700 words');
    expect(within(screen.getByRole('row', { name: /Developments since/ })).getByText('1,234 / 1,800 words')).toBeTruthy();
  });

  it('marks a report over its word limit', async () => {
    const { transport, world } = await renderApp();
    await findWorkspace();
    world.report.wordLimit = 500;
    act(() => transport.emit({ kind: 'changed', what: ['report'] }));
    await waitFor(() => expect(screen.getByTestId('report-words').textContent).toBe('725 / 500 words (225 over)'));
    expect(screen.getByRole('meter', { name: 'Report words' }).closest('.over')).toBeTruthy();
  });
});
