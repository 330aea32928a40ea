// The section details as the secretariat edits them: each change is one call, saved when committed.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, findAlert, findWorkspace, renderApp } from './renderApp.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));
afterEach(cleanup);

describe('section details', () => {
  it('saves the lead organization, due date and word budget', async () => {
    const { user, transport } = await renderApp();
    await findWorkspace();
    await user.click(screen.getByRole('row', { name: /Promotion and protection/ }));
    await screen.findByRole('heading', { name: /Promotion and protection/, level: 2 });
    const details = screen.getByRole('region', { name: 'Details' });

    await user.click(within(details).getByRole('button', { name: /Lead organization/ }));
    await user.click(await screen.findByRole('option', { name: 'Ministry of Justice' }));
    await waitFor(() => expect(callsTo(transport, 'sections.update')).toEqual([{ id: 'c', leadOrganizationId: 'justice' }]));

    const budget = within(details).getByRole('textbox', { name: 'Word budget' });
    await user.type(budget, '2500');
    await user.tab();
    await waitFor(() => expect(callsTo(transport, 'sections.update')[1]).toEqual({ id: 'c', wordBudget: 2500 }));
    expect(await screen.findByTestId('section-words')).toHaveProperty('textContent', '58 / 2,500 words');
  });

  it('shows the refusal when the service says no', async () => {
    const { user, transport, world } = await renderApp();
    await findWorkspace();
    // Someone else demoted this person meanwhile; the UI has not reloaded yet.
    world.members.find((m) => m.id === 'maria')!.role = 'observer';
    const details = screen.getByRole('region', { name: 'Details' });
    await user.click(within(details).getByRole('button', { name: /Lead organization/ }));
    await user.click(await screen.findByRole('option', { name: 'Ministry of Justice' }));
    await findAlert('Only the secretariat can change this (your role: Observer).');
    expect(callsTo(transport, 'sections.update')).toHaveLength(1);
    // The reload that follows shows what this person may now do.
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Details' })).queryByRole('button')).toBeNull());
  });
});
