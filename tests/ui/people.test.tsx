// People and settings: the secretariat edits, and the service's refusals are shown in words.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, findAlert, findWorkspace, renderApp } from './renderApp.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));
afterEach(cleanup);

async function openPeople() {
  const app = await renderApp();
  await findWorkspace();
  await app.user.click(screen.getByRole('tab', { name: 'People' }));
  await screen.findByRole('heading', { name: 'Organizations' });
  return app;
}

describe('people', () => {
  it('shows the refusal to remove the last secretariat member', async () => {
    const { user } = await openPeople();
    await user.click(screen.getByRole('button', { name: 'Remove Maria Santos' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Maria Santos?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await findAlert(/Maria Santos is the only member of the secretariat/);
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });

  // Adding a member: tests/ui/members.test.tsx, against the real services.

  it('adds an organization of a chosen kind', async () => {
    const { user, transport } = await openPeople();
    await user.click(screen.getByRole('button', { name: 'Add organization' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add an organization' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'UNDP');
    await user.click(within(dialog).getByRole('button', { name: /Kind/ }));
    await user.click(await screen.findByRole('option', { name: 'UN entity' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(callsTo(transport, 'organizations.create')).toEqual([{ name: 'UNDP', kind: 'un_entity' }]));
  });
});

describe('overview', () => {
  it('counts sections by status and marks the overdue ones', async () => {
    const { user } = await renderApp();
    await findWorkspace();
    await user.click(screen.getByRole('tab', { name: 'Overview' }));
    const drafting = await screen.findByRole('region', { name: 'Drafting' });
    expect(within(drafting).getByText('1')).toBeTruthy();
    const late = within(drafting).getByRole('listitem');
    expect(late.textContent).toContain('B. Developments since the previous review');
    expect(within(late).getByText('Overdue')).toBeTruthy();
    const byLead = screen.getByRole('region', { name: 'Sections by lead organization' });
    expect(within(byLead).getByRole('columnheader', { name: 'Ministry of Justice' })).toBeTruthy();
  });
});
