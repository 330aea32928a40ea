// Outline editing by the secretariat: menus, keyboard shortcuts, dialogs.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, findWorkspace, renderApp } from './renderApp.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));
afterEach(cleanup);

const rowLabels = () =>
  screen
    .getAllByRole('row')
    .filter((r) => r.closest('[role="treegrid"]'))
    .map((r) => r.querySelector('.outline-label')?.textContent + ' ' + r.querySelector('.outline-title')?.textContent);

describe('outline', () => {
  it('shows sections in outline order with labels, status and words against budget', async () => {
    await renderApp();
    await findWorkspace();
    expect(rowLabels()).toEqual([
      'A Methodology and consultation process',
      'B Developments since the previous review',
      'B.1 Normative framework',
      'B.2 Institutional framework',
      'C Promotion and protection of human rights on the ground',
    ]);
    const b = screen.getByRole('row', { name: /Developments since/ });
    expect(within(b).getByText('Drafting')).toBeTruthy();
    expect(within(b).getByText('400 / 1,800 words')).toBeTruthy();
    expect(within(b).getByText('Overdue')).toBeTruthy();
  });

  it('moves and nests the focused section with Alt+arrows', async () => {
    const { user, transport } = await renderApp();
    await findWorkspace();
    const c = screen.getByRole('row', { name: /Promotion and protection/ });
    await user.click(c);
    fireEvent.keyDown(screen.getByRole('row', { name: /Promotion and protection/ }), { key: 'ArrowUp', altKey: true });
    await waitFor(() => expect(callsTo(transport, 'sections.move')).toEqual([{ id: 'c', parentId: null, index: 1 }]));
    await waitFor(() => expect(rowLabels()[1]).toBe('B Promotion and protection of human rights on the ground'));
    expect(await screen.findByText('“Promotion and protection of human rights on the ground” moved up.')).toBeTruthy();

    fireEvent.keyDown(screen.getByRole('row', { name: /Promotion and protection/ }), { key: 'ArrowRight', altKey: true });
    await waitFor(() => expect(callsTo(transport, 'sections.move')[1]).toEqual({ id: 'c', parentId: 'a', index: 0 }));
    await waitFor(() => expect(rowLabels()[1]).toBe('A.1 Promotion and protection of human rights on the ground'));

    fireEvent.keyDown(screen.getByRole('row', { name: /Promotion and protection/ }), { key: 'ArrowLeft', altKey: true });
    await waitFor(() => expect(callsTo(transport, 'sections.move')[2]).toEqual({ id: 'c', parentId: null, index: 1 }));
  });

  it('offers only the moves possible from where the section is', async () => {
    const { user } = await renderApp();
    await findWorkspace();
    await user.click(screen.getByRole('button', { name: 'Actions for Methodology and consultation process' }));
    const menu = await screen.findByRole('menu');
    const disabled = within(menu)
      .getAllByRole('menuitem')
      .filter((i) => i.getAttribute('aria-disabled') === 'true')
      .map((i) => i.textContent);
    expect(disabled).toEqual(['Move upAlt+↑', 'Indent (make sub-section)Alt+→', 'OutdentAlt+←']);
  });

  it('says how many sub-sections go with a deleted section, and deletes them all', async () => {
    const { user, transport } = await renderApp();
    await findWorkspace();
    await user.click(screen.getByRole('button', { name: 'Actions for Developments since the previous review' }));
    await user.click(await screen.findByRole('menuitem', { name: /Delete/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete section B, “Developments since the previous review”?' });
    expect(within(dialog).getByText('Its 2 sub-sections will be deleted with it.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Delete 3 sections' }));
    await waitFor(() => expect(callsTo(transport, 'sections.delete')).toEqual([{ id: 'b' }]));
    await waitFor(() => expect(rowLabels()).toEqual(['A Methodology and consultation process', 'B Promotion and protection of human rights on the ground']));
  });

  it('adds a sub-section to the selected section and selects it', async () => {
    const { user, transport } = await renderApp();
    await findWorkspace();
    await user.click(screen.getByRole('row', { name: /Methodology/ }));
    await user.click(screen.getByRole('button', { name: 'Add sub-section' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a sub-section to A' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Section title' }), 'Consultations with civil society');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(callsTo(transport, 'sections.create')).toEqual([{ title: 'Consultations with civil society', parentId: 'a' }]));
    expect(await screen.findByRole('heading', { name: 'A.1. Consultations with civil society', level: 2 })).toBeTruthy();
  });

  it('renames with F2', async () => {
    const { user, transport } = await renderApp();
    await findWorkspace();
    await user.click(screen.getByRole('row', { name: /Methodology/ }));
    fireEvent.keyDown(screen.getByRole('row', { name: /Methodology/ }), { key: 'F2' });
    const dialog = await screen.findByRole('dialog', { name: 'Rename section A' });
    const field = within(dialog).getByRole('textbox', { name: 'Section title' });
    await user.clear(field);
    await user.type(field, 'Methodology');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(callsTo(transport, 'sections.update')).toEqual([{ id: 'a', title: 'Methodology' }]));
    expect(await screen.findByRole('heading', { name: 'A. Methodology', level: 2 })).toBeTruthy();
  });
});
