// "Who are you?" and switching person.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleWorld } from './fakeServer.js';
import { callsTo, findWorkspace, renderApp } from './renderApp.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));
afterEach(cleanup);

describe('identity', () => {
  it('lists the members with organization and role, and signs in the one chosen', async () => {
    const { user, transport } = await renderApp(sampleWorld({ meId: null }));
    const list = await screen.findByRole('listbox', { name: 'Who are you?' });
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'David OkaforMinistry of Justice · Drafter',
      'Ingrid LarsenNational Human Rights Commission · Reviewer',
      'Maria SantosMinistry of Foreign Affairs · Secretariat',
    ]);
    await user.click(within(list).getByRole('option', { name: /Ingrid Larsen/ }));
    await findWorkspace();
    expect(callsTo(transport, 'session.signIn')).toEqual([{ memberId: 'ingrid' }]);
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Ingrid Larsen')).toBeTruthy();
    expect(within(header).getByText(/National Human Rights Commission · Reviewer/)).toBeTruthy();
  });

  it('switch person signs out and asks again', async () => {
    const { user, transport } = await renderApp();
    await findWorkspace();
    await user.click(screen.getByRole('button', { name: 'Switch person' }));
    expect(await screen.findByRole('heading', { name: 'Who are you?' })).toBeTruthy();
    expect(callsTo(transport, 'session.signOut')).toHaveLength(1);
  });

  it('close report goes back to the start screen', async () => {
    const { user, transport } = await renderApp();
    await findWorkspace();
    await user.click(screen.getByRole('button', { name: 'Close report' }));
    expect(await screen.findByRole('heading', { name: 'New report' })).toBeTruthy();
    await waitFor(() => expect(callsTo(transport, 'app.closeReport')).toHaveLength(1));
  });
});
