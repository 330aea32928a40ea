// Adding a member (issue 13, point 10): no organization or role is chosen for the secretariat;
// both are required, and the dialog says which is missing. Against the real services, read back
// from the report file.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { listMembers, listOrganizations } from '../../electron/store/queries.js';
import { findAlert, findWorkspace } from './renderApp.js';
import { renderOnReport } from './realHost.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));

describe('adding a member', () => {
  it('starts with no organization and no role, asks for each, and adds the member with what was chosen', async () => {
    const { user, stored } = await renderOnReport({ as: 'Maria Santos' });
    await findWorkspace();
    await user.click(screen.getByRole('tab', { name: 'People' }));
    await user.click(await screen.findByRole('button', { name: 'Add member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a member' });
    expect(within(dialog).getByRole('button', { name: /Organization/ }).textContent).toContain('Choose an organization');
    expect(within(dialog).getByRole('button', { name: /Role/ }).textContent).toContain('Choose a role');

    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Amina Diallo');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await findAlert('Choose an organization.');
    await user.click(within(dialog).getByRole('button', { name: /Organization/ }));
    await user.click(await screen.findByRole('option', { name: 'Ministry of Justice' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await findAlert('Choose a role.');
    expect(stored((r) => listMembers(r.db).some((m) => m.name === 'Amina Diallo'))).toBe(false);

    await user.click(within(dialog).getByRole('button', { name: /Role/ }));
    await user.click(await screen.findByRole('option', { name: 'Reviewer' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(stored((r) => listMembers(r.db).find((m) => m.name === 'Amina Diallo'))).toBeTruthy());
    const justice = stored((r) => listOrganizations(r.db).find((o) => o.name === 'Ministry of Justice')!.id);
    expect(stored((r) => listMembers(r.db).find((m) => m.name === 'Amina Diallo'))).toMatchObject({ organizationId: justice, role: 'reviewer' });
    expect(await within(screen.getByRole('table', { name: 'Members' })).findByRole('rowheader', { name: 'Amina Diallo' })).toBeTruthy();
  });
});
