// The start screen: new report and open, with the typed-path fallback where there is no file dialog.
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import type { ApiEvent } from '../../shared/api.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleWorld } from './fakeServer.js';
import { callsTo, findAlert, findWorkspace, renderApp } from './renderApp.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));
afterEach(cleanup);

const noReport = () => sampleWorld({ path: null, meId: null });

describe('start screen', () => {
  it('asks for the file path when there is no file dialog, then opens the new report', async () => {
    const { user, transport } = await renderApp(noReport());
    await user.type(await screen.findByRole('textbox', { name: 'Country' }), 'Veridia');
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Ana Costa');
    await user.type(screen.getByRole('textbox', { name: /Your organization/ }), 'Ministry of Foreign Affairs');
    expect(screen.queryByRole('textbox', { name: /File path of the new report/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Create report…' }));
    const pathField = await screen.findByRole('textbox', { name: /File path of the new report/ });
    expect(callsTo(transport, 'app.chooseFile')).toEqual([{ mode: 'save' }]);
    expect(callsTo(transport, 'app.newReport')).toEqual([]);

    await user.type(pathField, '/home/ana/veridia.upr');
    await user.click(screen.getByRole('button', { name: 'Create report' }));
    await findWorkspace();
    expect(callsTo(transport, 'app.newReport')).toEqual([
      {
        path: '/home/ana/veridia.upr',
        country: 'Veridia',
        cycle: 4,
        language: 'en',
        yourName: 'Ana Costa',
        yourOrganization: 'Ministry of Foreign Affairs',
      },
    ]);
    expect(screen.getByText('Ana Costa')).toBeTruthy();
  });

  it('uses the file the dialog chose, without asking for a path', async () => {
    const { user, transport } = await renderApp(sampleWorld({ path: null, meId: null, chooseFile: '/chosen/report.upr' }));
    await user.type(await screen.findByRole('textbox', { name: 'Country' }), 'Veridia');
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Ana Costa');
    await user.type(screen.getByRole('textbox', { name: /Your organization/ }), 'MFA');
    await user.click(screen.getByRole('button', { name: 'Create report…' }));
    await findWorkspace();
    expect(callsTo(transport, 'app.newReport')).toMatchObject([{ path: '/chosen/report.upr' }]);
  });

  it('says what is missing before asking for a file', async () => {
    const { user, transport } = await renderApp(noReport());
    await user.click(await screen.findByRole('button', { name: 'Create report…' }));
    await findAlert('Fill in the country, the cycle, your name and your organization.');
    expect(callsTo(transport, 'app.chooseFile')).toEqual([]);
  });

  it('opens a typed path and shows the service message in words when it fails', async () => {
    const world = noReport();
    world.files['/reports/veridia.upr'] = world.report;
    const { user } = await renderApp(world);
    await user.click(await screen.findByRole('button', { name: 'Open a report file…' }));
    const pathField = await screen.findByRole('textbox', { name: /File path of the report/ });
    await user.type(pathField, '/nowhere/x.upr');
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await findAlert('There is no file at /nowhere/x.upr.');

    await user.clear(pathField);
    await user.type(pathField, '/reports/veridia.upr');
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByRole('heading', { name: 'Who are you?' })).toBeTruthy();
  });

  it('opens a recent report with one click', async () => {
    const world = noReport();
    world.files['/reports/veridia.upr'] = world.report;
    world.recent = [{ path: '/reports/veridia.upr', title: 'National report of Veridia', openedAt: '2025-03-01T10:00:00Z' }];
    const { user, transport } = await renderApp(world);
    await user.click(await screen.findByRole('option', { name: /National report of Veridia/ }));
    await waitFor(() => expect(callsTo(transport, 'app.openReport')).toEqual([{ path: '/reports/veridia.upr' }]));
    expect(await screen.findByRole('heading', { name: 'Who are you?' })).toBeTruthy();
  });

  it('puts the cursor in the new-report form on File ▸ New Report…', async () => {
    const { transport } = await renderApp(noReport());
    const country = await screen.findByRole('textbox', { name: 'Country' });
    expect(document.activeElement).not.toBe(country);
    act(() => transport.emit({ kind: 'command', command: 'newReport' } as unknown as ApiEvent));
    await waitFor(() => expect(document.activeElement).toBe(country));
  });
});
