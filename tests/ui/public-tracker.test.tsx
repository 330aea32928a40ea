// The public tracker in the screens, on the real services (issue 16, point 9): the secretariat puts
// recommendations in it many at once and one by one, a progress note, a consultation input, and
// downloads the site (browser mode: one .zip of the folder); a ministry's drafter sees what is
// public but can neither mark nor export it.
import { strFromU8, unzipSync } from 'fflate';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { createInput } from '../../electron/services/inputs.js';
import { setRecommendationsPublic } from '../../electron/services/public-marks.js';
import { addProgressNote, importRecommendations, recommendationId, updateManyRecommendations } from '../../electron/services/recommendations.js';
import { listMembers, listOrganizations } from '../../electron/store/queries.js';
import type { RecommendationImport } from '../../shared/domain.js';
import { findWorkspace } from './renderApp.js';
import { renderOnReport } from './realHost.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));

const rec = (number: string, text: string): RecommendationImport => ({ number, text, states: ['France'], position: 'supported', positionSource: '', cluster: '', themes: ['Torture'], groups: [], sdgs: [16] });

/** The demo report with three recommendations (two the Ministry of Justice's), a progress note and an input; those `published` public. */
function withFollowUp(file: string, { published = [] }: { published?: string[] } = {}): void {
  const report = createDemoReport(file);
  try {
    const ctx = { report, me: listMembers(report.db).find((m) => m.role === 'secretariat')! };
    importRecommendations(ctx, [rec('121.1', 'Criminalize torture.'), rec('121.2', 'Train prison staff.'), rec('121.3', 'Close the old prison.')], [], 'list.docx');
    const justice = listOrganizations(report.db).find((o) => o.name === 'Ministry of Justice')!.id;
    updateManyRecommendations(ctx, { ids: ['121.1', '121.2'].map(recommendationId), responsibleOrganizationId: justice });
    addProgressNote(ctx, { recommendationId: recommendationId('121.1'), date: '2026-03-01', text: 'The bill was adopted.' });
    createInput(ctx, { title: 'Submission of the Coalition against Torture', sourceOrganizationId: null, receivedOn: '2026-01-20', channel: 'written_submission', summary: 'Make torture a crime.', fullText: '', themes: [] });
    if (published.length) setRecommendationsPublic(ctx, { ids: published.map(recommendationId), public: true });
  } finally {
    report.close();
  }
}

let clicked: { mock: { contexts: unknown[] }; mockRestore: () => void } | null = null;
afterEach(() => {
  clicked?.mockRestore();
  clicked = null;
});

describe('the public tracker in the screens', () => {
  it('the secretariat marks recommendations, a note and an input public, and downloads the site', async () => {
    const app = await renderOnReport({ as: 'Maria Santos', make: withFollowUp, browser: true });
    clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const publicOf = (table: string) => app.stored((r) => r.db.prepare(`SELECT public FROM ${table} ORDER BY id`).pluck().all());
    await findWorkspace();
    await app.user.click(screen.getByRole('tab', { name: 'Recommendations' }));
    // Two chosen in the table, made public at once.
    await app.user.click(await screen.findByRole('checkbox', { name: 'Choose 121.1' }));
    await app.user.click(screen.getByRole('checkbox', { name: 'Choose 121.2' }));
    await app.user.click(screen.getByRole('button', { name: 'Make public' }));
    await screen.findByText('Put in the public tracker: 2; already there: 0.', { selector: '.rc-bulk-said' });
    expect(publicOf('recommendations')).toEqual([1, 1, 0]);
    // One by one, in its detail; and its progress note.
    await app.user.click(screen.getByRole('button', { name: 'Show recommendation 121.1' }));
    const detail = await screen.findByRole('region', { name: 'Recommendation 121.1' });
    const box = within(detail).getByRole('checkbox', { name: 'In the public tracker' });
    expect((box as HTMLInputElement).checked).toBe(true);
    await app.user.click(box);
    await vi.waitFor(() => expect(publicOf('recommendations')).toEqual([0, 1, 0]));
    await app.user.click(within(detail).getByRole('checkbox', { name: 'In the public tracker' }));
    await vi.waitFor(() => expect(publicOf('recommendations')).toEqual([1, 1, 0]));
    await app.user.click(await within(detail).findByRole('checkbox', { name: 'Public (Progress note of Mar 1, 2026 in the public tracker)' }));
    await vi.waitFor(() => expect(publicOf('recommendation_notes')).toEqual([1]));
    // The site, downloaded as one .zip of the folder to publish.
    await app.user.click(screen.getByRole('button', { name: 'Export public tracker…' }));
    await screen.findByText(/^Downloaded as report public tracker\.zip: 2 recommendations \(progress notes: 1; consultation inputs: 0\)\./, undefined, { timeout: 10_000 });
    const got = app.download((clicked.mock.contexts as HTMLAnchorElement[]).map((a) => a.getAttribute('href') ?? '')[0]!)!;
    const files = unzipSync(new Uint8Array(got.bytes));
    const index = strFromU8(files['report public tracker/index.html']!);
    expect(index).toContain('The bill was adopted.');
    expect(index).not.toContain('Close the old prison.');
    // An input, from its detail.
    await app.user.click(screen.getByRole('tab', { name: 'Consultation' }));
    await app.user.click(await screen.findByRole('button', { name: 'Show input Submission of the Coalition against Torture' }));
    await app.user.click(await screen.findByRole('checkbox', { name: 'In the public tracker' }));
    await vi.waitFor(() => expect(publicOf('inputs')).toEqual([1]));
  });

  it('a ministry’s drafter sees what is public, and can neither mark nor export it', async () => {
    const app = await renderOnReport({ as: 'David Okafor', make: (file) => withFollowUp(file, { published: ['121.1'] }) });
    await findWorkspace();
    await app.user.click(screen.getByRole('tab', { name: 'Recommendations' }));
    await app.user.click(await screen.findByRole('button', { name: 'Show recommendation 121.1' }));
    const detail = await screen.findByRole('region', { name: 'Recommendation 121.1' });
    expect(within(detail).getByText('In the public tracker')).toBeTruthy();
    expect(within(detail).queryByRole('checkbox', { name: 'In the public tracker' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Export public tracker…' })).toBeNull();
    await app.user.click(screen.getByRole('checkbox', { name: 'Choose 121.1' }));
    expect(screen.queryByRole('button', { name: 'Make public' })).toBeNull();
  });
});
