// "Start the next report…" in the report settings (issue 16, point 8): the secretariat's dialog asks
// the cycle and, in browser mode where there is no file dialog, the path; the new report then opens
// in the window, which says which report it follows. A refusal is said in the dialog, which stays.
// Against the real services, read back from the files.
import fs from 'node:fs';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { importRecommendations } from '../../electron/services/recommendations.js';
import { listMembers } from '../../electron/store/queries.js';
import { OpenReport } from '../../electron/store/open-report.js';
import type { RecommendationImport } from '../../shared/domain.js';
import { findAlert, findWorkspace } from './renderApp.js';
import { renderOnReport } from './realHost.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));

const rec = (number: string): RecommendationImport => ({ number, text: `Recommendation ${number}.`, states: ['Chile'], position: 'supported', positionSource: '', cluster: '', themes: [], groups: [], sdgs: [] });

/** The demo report with two recommendations received at its review. */
function demoWithRecommendations(file: string): void {
  const report = createDemoReport(file);
  try {
    const me = listMembers(report.db).find((m) => m.name === 'Maria Santos')!;
    importRecommendations({ report, me }, [rec('115.1'), rec('115.2')], [], 'list');
  } finally {
    report.close();
  }
}

describe('starting the next report', () => {
  it('asks the cycle and the path, opens the new report and says which report it follows', async () => {
    const { user, dir, file } = await renderOnReport({ as: 'Maria Santos', make: demoWithRecommendations, browser: true });
    await findWorkspace();
    await user.click(screen.getByRole('tab', { name: 'Report settings' }));
    await user.click(await screen.findByRole('button', { name: 'Start the next report…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Start the next report' });
    expect((within(dialog).getByRole('textbox', { name: 'Cycle of the next report' }) as HTMLInputElement).value).toBe('5');

    // The report's own file is refused, and the dialog stays with the reason.
    await user.type(within(dialog).getByRole('textbox', { name: /File path of the new report/ }), file);
    await user.click(within(dialog).getByRole('button', { name: 'Start the next report' }));
    await findAlert(/is a report open in this app, or part of one/);
    expect(screen.getByRole('dialog', { name: 'Start the next report' })).toBeTruthy();

    const next = path.join(dir, 'veridia-5.upr');
    const pathField = within(dialog).getByRole('textbox', { name: /File path of the new report/ });
    await user.clear(pathField);
    await user.type(pathField, next);
    await user.click(within(dialog).getByRole('button', { name: 'Start the next report' }));
    await screen.findByText('The next report is open: cycle 5, 2 recommendations carried over.');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(await screen.findByRole('tab', { name: 'Report settings' }));
    expect((await screen.findByTestId('previous-report')).textContent).toBe(
      'This report follows “Universal Periodic Review, 4th cycle, national report of the Republic of Veridia”, the report of cycle 4 (report.upr).',
    );
    expect(fs.existsSync(next)).toBe(true);
    const made = OpenReport.openSnapshot(next);
    try {
      expect(made.db.prepare('SELECT cycle FROM report').pluck().get()).toBe(5);
      expect(made.db.prepare('SELECT count(*) FROM recommendations').pluck().get()).toBe(2);
    } finally {
      made.close();
    }
  });

  it('is not offered to a drafter', async () => {
    const { user } = await renderOnReport({ as: 'David Okafor' });
    await findWorkspace();
    await user.click(screen.getByRole('tab', { name: 'Report settings' }));
    await screen.findByRole('heading', { name: 'Report settings' });
    expect(screen.queryByRole('button', { name: 'Start the next report…' })).toBeNull();
  });
});
