// Typed values are never lost (issue 13, point 1): a section's details and the report settings are
// saved as a spreadsheet's cells are, on Enter, on leaving the field, and when the person goes
// elsewhere with a field still being typed in; a value that cannot be saved is said and kept.
// Against the real services, read back from the report file.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { listSections } from '../../electron/store/queries.js';
import { findAlert, findWorkspace } from './renderApp.js';
import { renderOnReport } from './realHost.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));

const reportField = (column: string) => (r: { db: import('better-sqlite3').Database }) => r.db.prepare(`SELECT ${column} FROM report`).pluck().get();

describe('a section’s details', () => {
  it('are saved on Enter, and when another section is chosen with a field still being typed in; the value goes to its own section', async () => {
    const { user, stored } = await renderOnReport({ as: 'Maria Santos' });
    await findWorkspace();
    const section = (title: string) => stored((r) => listSections(r.db).find((s) => s.title.startsWith(title))!);
    await user.click(await screen.findByRole('row', { name: /Normative framework/ }));
    const budget = await screen.findByRole('textbox', { name: 'Word budget' });
    await user.clear(budget);
    await user.type(budget, '1234{Enter}');
    await waitFor(() => expect(section('Normative framework').wordBudget).toBe(1234));

    await user.clear(budget);
    await user.type(budget, '2500');
    await user.click(screen.getByRole('row', { name: /Institutional framework/ }));
    await screen.findByRole('heading', { name: /Institutional framework/, level: 2 });
    await waitFor(() => expect(section('Normative framework').wordBudget).toBe(2500));
    expect(section('Institutional framework').wordBudget).not.toBe(2500);
  });
});

describe('the report settings', () => {
  it('are saved field by field as each is left, and on going to another tab', async () => {
    const { user, stored } = await renderOnReport({ as: 'Maria Santos' });
    await findWorkspace();
    await user.click(screen.getByRole('tab', { name: 'Report settings' }));
    const country = await screen.findByRole('textbox', { name: 'Country' });
    await user.clear(country);
    await user.type(country, 'Republic of Veridia');
    await user.tab();
    await waitFor(() => expect(stored(reportField('country'))).toBe('Republic of Veridia'));
    expect(await screen.findByText('Report settings saved.')).toBeTruthy();

    await user.type(screen.getByRole('textbox', { name: 'Session' }), ' Forty-eighth session ');
    await user.type(screen.getByRole('textbox', { name: 'Document symbol' }), 'A/HRC/WG.6/48/VRD/1');
    const limit = screen.getByRole('textbox', { name: 'Word limit' });
    await user.clear(limit);
    await user.type(limit, '9000');
    await user.click(screen.getByRole('tab', { name: 'Sections' }));
    await waitFor(() => expect(stored(reportField('word_limit'))).toBe(9000));
    expect(stored(reportField('symbol'))).toBe('A/HRC/WG.6/48/VRD/1');
    expect(stored(reportField('session'))).toBe('Forty-eighth session');
  });

  it('a value that cannot be saved is said, stays in its field, and changes nothing', async () => {
    const { user, stored } = await renderOnReport({ as: 'Maria Santos' });
    await findWorkspace();
    const before = stored(reportField('title'));
    await user.click(screen.getByRole('tab', { name: 'Report settings' }));
    const title = await screen.findByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, '   {Enter}');
    await findAlert('The title and the country cannot be empty.');
    expect((title as HTMLInputElement).value).toBe('   ');
    expect(stored(reportField('title'))).toBe(before);
  });
});
