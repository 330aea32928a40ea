// The mid-term report in the screens, in browser mode on the real services (issue 16, point 7): from
// the Recommendations view, anyone who has the report (here the NHRI's reviewer) writes it as Word
// and downloads it whole, named after the report; pandoc reads what it says.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { addProgressNote, importRecommendations, recommendationId } from '../../electron/services/recommendations.js';
import { listMembers } from '../../electron/store/queries.js';
import type { RecommendationImport } from '../../shared/domain.js';
import { installed } from '../unit/helpers.js';
import { findWorkspace } from './renderApp.js';
import { renderOnReport } from './realHost.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));

const rec = (number: string, text: string, more: Partial<RecommendationImport> = {}): RecommendationImport => ({
  number,
  text,
  states: ['France'],
  position: 'supported',
  positionSource: '',
  cluster: 'Torture',
  themes: [],
  groups: [],
  sdgs: [],
  ...more,
});

/** The demo report with two UPR recommendations (one with a progress note) and a treaty body's. */
function withRecommendations(file: string): void {
  const report = createDemoReport(file);
  try {
    const ctx = { report, me: listMembers(report.db).find((m) => m.role === 'secretariat')! };
    importRecommendations(ctx, [rec('121.1', 'Criminalize torture.'), rec('121.2', 'Train prison staff.')], [], 'list.docx');
    importRecommendations(
      ctx,
      [rec('CRC/C/VRD/CO/1, para. 9', 'Raise the age of criminal responsibility.', { origin: { mechanism: 'treaty_body', body: 'CRC', documentSymbol: 'CRC/C/VRD/CO/1', paragraph: '9', documentDate: '', uhriId: '99' } })],
      [],
      'UHRI export.xlsx',
    );
    addProgressNote(ctx, { recommendationId: recommendationId('121.1'), date: '2026-03-01', text: 'The bill was adopted.' });
  } finally {
    report.close();
  }
}

let clicked: { mock: { contexts: unknown[] }; mockRestore: () => void } | null = null;
afterEach(() => {
  clicked?.mockRestore();
  clicked = null;
});

describe('the mid-term report in the screens', () => {
  it.skipIf(!installed('pandoc') && !process.env.CI)('a reviewer downloads it as Word from the Recommendations view, named after the report', async () => {
    const app = await renderOnReport({ as: 'Ingrid Larsen', make: withRecommendations, browser: true });
    clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await findWorkspace();
    await app.user.click(screen.getByRole('tab', { name: 'Recommendations' }));
    const group = await screen.findByRole('group', { name: 'Mid-term report' });
    await app.user.click(within(group).getByRole('button', { name: 'Word…' }));
    await within(group).findByText('Mid-term report downloaded as report mid-term report.docx (UPR recommendations: 2).', undefined, { timeout: 10_000 });
    const href = (clicked.mock.contexts[0] as HTMLAnchorElement).getAttribute('href')!;
    const got = app.download(href)!;
    expect(got.name).toBe('report mid-term report.docx');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'upr-midterm-')), got.name);
    fs.writeFileSync(file, got.bytes);
    const { stdout } = await promisify(execFile)('pandoc', ['-f', 'docx', '-t', 'plain', '--columns=100000', file]);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Mid-term report on the implementation of the recommendations received in the');
    expect(text).toContain('Recommendation 121.1');
    expect(text).toContain('1 March 2026: The bill was adopted.');
    expect(text).not.toContain('Raise the age of criminal responsibility');
  });
});
