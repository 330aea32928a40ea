// The Sharing screen: sending a copy to a typed path (".upr" added), merging one with the pending
// state and the merge report (offices, counts, backup, sections edited in both copies compared
// side by side, "Nothing to merge"), the conflicts with who and when and the value shown now,
// settled by keeping a side or writing another, and a reviewer who may send but not merge or settle.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent, MergeSummary, OpenConflict, Reply, ShellEvent } from '../../shared/api.js';
import type { Workspace } from '../../shared/domain.js';
import { AnnouncerProvider } from '../../renderer/app/Announcer.js';
import { WorkspaceContext } from '../../renderer/app/workspaceContext.js';
import { setTransport } from '../../renderer/api/client.js';
import { reportFilePath } from '../../renderer/features/sharing/reportPath.js';
import { localTime, localTimeLong } from '../../renderer/features/sharing/fieldNames.js';
import { SharingScreen } from '../../renderer/features/sharing/SharingScreen.js';
import { initI18n } from '../../renderer/i18n/index.js';
import { fakeTransport, sampleWorld, type FakeTransport } from './fakeServer.js';
import { callsTo, chooseInBrowser, findWorkspace, renderApp } from './renderApp.js';

afterEach(cleanup);

function sampleSummary(): MergeSummary {
  return {
    file: '/shared/justice.upr',
    offices: ['Ministry of Justice', 'National Human Rights Commission'],
    rows: 14,
    changed: { sections: 2, comments: 3, recommendations: 1, inputs: 0, other: 1 },
    texts: 1,
    bothEdited: ['b'],
    conflicts: [
      {
        id: 'k1',
        table: 'sections',
        row: 'a',
        column: 'title',
        local: { value: 'Method', author: 'maria', at: '2026-11-24T10:00:00.000Z' },
        other: { value: 'Methods used', author: 'david', at: '2026-11-24T09:00:00.000Z' },
        shown: 'local',
      },
    ],
    backup: '/data/backups/report-2026-11-24.upr',
    held: [],
    released: 0,
    attachments: 0,
  };
}

function sampleConflict(): OpenConflict {
  return {
    id: 'k1',
    table: 'sections',
    row: 'a',
    column: 'title',
    subject: { kind: 'section', label: 'Method' }, // the title the file had; the screen names sections as they are now
    local: { value: 'Method', authorName: 'Maria Santos', at: '2026-11-24T10:00:00.000Z' },
    other: { value: 'Methods used', authorName: 'David Okafor', at: '2026-11-23T09:30:00.000Z' },
    current: 'Method',
  };
}

interface SharingStore {
  summary: MergeSummary;
  conflicts: OpenConflict[];
  texts: { local: string; other: string; merged: string } | null;
  /** What sharing.lastMerge answers: the file's record of its last merge. */
  last?: { mergedAt: string; summary: MergeSummary } | null;
  /** Merges wait for the test to let them finish. */
  held?: boolean;
  release?: () => void;
}

/** The sharing.* methods on top of the shared fake server. */
function withSharing(transport: FakeTransport, store: SharingStore): FakeTransport {
  const call = transport.call.bind(transport);
  transport.call = async (method, input): Promise<Reply<unknown>> => {
    if (!method.startsWith('sharing.')) return call(method, input);
    transport.calls.push({ method, input });
    if (method === 'sharing.sendCopy') return { ok: true, result: { path: (input as { path: string }).path, bytes: 245_760 } };
    if (method === 'sharing.offices') {
      return {
        ok: true,
        result: [
          { id: 'mfa', name: 'Ministry of Foreign Affairs', heardAt: null },
          { id: 'justice', name: 'Ministry of Justice', heardAt: '2026-11-24T10:00:00.000Z' },
        ],
      };
    }
    if (method === 'sharing.sendChanges') return { ok: true, result: { path: (input as { path: string }).path, bytes: 48_128, changes: 120, sections: 3 } };
    if (method === 'sharing.merge') {
      if (store.held) await new Promise<void>((resolve) => (store.release = resolve));
      // As the service does: the copy is named as the person chose it.
      const { path, name } = input as { path: string; name?: string };
      store.summary = { ...store.summary, file: name ?? path };
      if (store.summary.rows || store.summary.texts) store.last = { mergedAt: new Date().toISOString(), summary: structuredClone(store.summary) };
      return { ok: true, result: structuredClone(store.summary) };
    }
    if (method === 'sharing.lastMerge') {
      if (Object.keys(input as object).length) return { ok: false, error: { message: 'sharing.lastMerge takes nothing', code: 'invalid' } };
      return { ok: true, result: structuredClone(store.last ?? null) };
    }
    if (method === 'sharing.conflicts') return { ok: true, result: structuredClone(store.conflicts) };
    if (method === 'sharing.texts') return { ok: true, result: store.texts };
    if (method === 'sharing.settle') {
      const { conflictId } = input as { conflictId: string };
      store.conflicts = store.conflicts.filter((c) => c.id !== conflictId);
      transport.emit({ kind: 'changed', what: ['sections'] });
      return { ok: true, result: { ok: true } };
    }
    return { ok: false, error: { message: `no ${method}`, code: 'internal' } };
  };
  return transport;
}

async function renderSharing(meId = 'maria', store: Partial<SharingStore> = {}, language: 'en' | 'fr' = 'en') {
  initI18n('en');
  await i18next.changeLanguage(language);
  const full: SharingStore = { summary: sampleSummary(), conflicts: [sampleConflict()], texts: { local: 'Ours.', other: 'Theirs.', merged: 'Ours. Theirs.' }, ...store };
  const transport = withSharing(fakeTransport(sampleWorld({ meId })), full);
  setTransport(transport);
  const workspace = (await transport.call('workspace.load', {})) as { ok: true; result: Workspace };
  const user = userEvent.setup();
  render(
    <AnnouncerProvider>
      <WorkspaceContext.Provider value={{ workspace: workspace.result, refresh: async () => {} }}>
        <SharingScreen />
      </WorkspaceContext.Provider>
    </AnnouncerProvider>,
  );
  await screen.findByRole('heading', { name: language === 'fr' ? 'Partager avec les autres services' : 'Share with other offices' });
  return { transport, store: full, user };
}

describe('the file a typed path names', () => {
  it('adds .upr when it is missing, whatever its case otherwise', () => {
    expect(reportFilePath(' /out/copy ')).toBe('/out/copy.upr');
    expect(reportFilePath('/out/copy.UPR')).toBe('/out/copy.UPR');
  });
});

// Sending a copy in browser mode, on the real services: tests/ui/browser-files.test.tsx.

describe('sending changes', () => {
  it('goes, by keyboard, only to an office heard from, downloaded under a name that says for whom', async () => {
    const { transport, user } = await renderSharing('maria');
    const send = screen.getByRole('button', { name: 'Send changes…' });
    expect(send.hasAttribute('disabled') || send.getAttribute('aria-disabled') === 'true').toBe(true);
    expect(screen.getByText('Changes can go to an office once a copy or changes from it have been merged here.')).toBeTruthy();
    const trigger = screen.getByRole('button', { name: /To the office/ });
    await user.click(trigger);
    const never = await screen.findByRole('option', { name: 'Ministry of Foreign Affairs (nothing merged from it yet: send a whole copy)' });
    expect(never.getAttribute('aria-disabled')).toBe('true');
    await user.keyboard('{Escape}');
    // Chosen from the keyboard: the office's name typed on the closed list (the other cannot be chosen).
    trigger.focus();
    await user.keyboard('Ministry of J');
    expect(screen.getByText(/^What Ministry of Justice has is known from what came from it on /)).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send changes…' }).hasAttribute('disabled')).toBe(false));
    screen.getByRole('button', { name: 'Send changes…' }).focus();
    await user.keyboard('{Enter}');
    const done = await screen.findByText(/^Downloaded as .*\(changes for Ministry of Justice\)\.uprz \(.+\)\. Give this file to Ministry of Justice\.$/);
    expect(done).toBeTruthy();
    expect(callsTo(transport, 'sharing.sendChanges')).toEqual([{ path: expect.stringMatching(/\(changes for Ministry of Justice\)\.uprz$/), organizationId: 'justice' }]);
  });
});

describe('merging a copy', () => {
  it('shows the merge underway, then whose changes came in, how many of each, the backup and the sections both copies edited', async () => {
    const { user, store } = await renderSharing('maria', { held: true });
    await user.click(screen.getByRole('button', { name: 'Merge a copy…' }));
    await chooseInBrowser(new File(['SQLite format 3'], 'justice.upr'));
    expect((await screen.findByTestId('sh-merge-status')).textContent).toContain('Merging the copy…');
    await act(async () => store.release?.());
    const report = await screen.findByTestId('merge-report');
    expect(screen.getByTestId('sh-merge-status').textContent).toBe('✓ Merged. What the copy brought is shown below.');
    const text = report.textContent ?? '';
    expect(text).toContain('Changes from Ministry of Justice, National Human Rights Commission');
    expect(within(report).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2 sections changed',
      '3 comments changed',
      '1 recommendation changed',
      'The report’s settings or people: 1 change',
      'The text of 1 section changed',
      '1 field changed in both copies: settle it below',
      'Developments since the previous reviewCompare',
    ]);
    expect(text).toContain('Backup made before merging: /data/backups/report-2026-11-24.upr');

    await user.click(within(report).getByRole('button', { name: 'Compare the texts of Developments since the previous review' }));
    const dialog = await screen.findByRole('dialog', { name: 'Texts of Developments since the previous review' });
    expect(within(dialog).getByRole('region', { name: 'This report' }).textContent).toBe('This reportOurs.');
    expect(within(dialog).getByRole('region', { name: 'The copy' }).textContent).toContain('Theirs.');
    expect(within(dialog).getByRole('region', { name: 'Merged text, now in the report' }).textContent).toContain('Ours. Theirs.');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // Another tab and back (the view is mounted again), or a reload: the file's record shows it again.
    cleanup();
    await renderSharing('maria', { last: store.last });
    expect((await screen.findByTestId('merge-report')).textContent).toContain('Changes from Ministry of Justice');
  });

  it('says there was nothing to merge when the copy brought no change', async () => {
    const nothing = { ...sampleSummary(), offices: [], rows: 0, texts: 0, bothEdited: [], conflicts: [], backup: '' };
    const { user } = await renderSharing('maria', { summary: nothing });
    await user.click(screen.getByRole('button', { name: 'Merge a copy…' }));
    await chooseInBrowser(new File(['SQLite format 3'], 'justice.upr'));
    await waitFor(() => expect(screen.getByTestId('merge-report').textContent).toContain('Nothing to merge'));
    expect(screen.getByTestId('merge-report').textContent).not.toContain('Backup');
  });
});

describe('conflicts to settle', () => {
  it('shows both values with who and when, and which one the report shows now', async () => {
    await renderSharing();
    const item = await screen.findByRole('listitem', { name: /Section “Methodology and consultation process” · Title/ });
    const mine = within(item).getByRole('group', { name: /In this report/ });
    const theirs = within(item).getByRole('group', { name: /In the copy/ });
    expect(mine.textContent).toContain('Method');
    expect(mine.textContent).toContain(`Maria Santos, ${localTime('2026-11-24T10:00:00.000Z', 'en')}`);
    expect(within(mine).getByText(localTime('2026-11-24T10:00:00.000Z', 'en')).closest('time')?.getAttribute('dateTime')).toBe('2026-11-24T10:00:00.000Z');
    expect(mine.textContent).toContain('Shown now');
    expect(theirs.textContent).toContain('Methods used');
    expect(theirs.textContent).toContain(`David Okafor, ${localTime('2026-11-23T09:30:00.000Z', 'en')}`);
    expect(theirs.textContent).not.toContain('UTC');
    expect(theirs.textContent).not.toContain('Shown now');
    expect(screen.getByText('1 conflict to settle')).toBeTruthy();
  });

  it('keeps the copy’s value, says so, and the list follows', async () => {
    const { user, transport } = await renderSharing();
    await user.click(await screen.findByRole('button', { name: 'Keep this one: in the copy, Section “Methodology and consultation process” · Title' }));
    expect(callsTo(transport, 'sharing.settle')).toEqual([{ conflictId: 'k1', value: 'Methods used' }]);
    expect((await screen.findByTestId('status-message')).textContent).toBe('Settled: Section “Methodology and consultation process” · Title is now “Methods used”.');
    expect(await screen.findByText('No conflicts to settle.')).toBeTruthy();
  });

  it('settles with another value written in a small form', async () => {
    const { user, transport } = await renderSharing();
    await user.click(await screen.findByRole('button', { name: 'Write another…' }));
    const field = screen.getByRole('textbox', { name: 'Another value for Section “Methodology and consultation process” · Title' });
    expect((field as HTMLInputElement).value).toBe('Method');
    await user.clear(field);
    await user.type(field, 'Methodology');
    await user.click(screen.getByRole('button', { name: 'Settle' }));
    expect(callsTo(transport, 'sharing.settle')).toEqual([{ conflictId: 'k1', value: 'Methodology' }]);
    expect(await screen.findByText('No conflicts to settle.')).toBeTruthy();
  });

  it('offers only to keep a side for a field that is not free text (a word budget)', async () => {
    const budget: OpenConflict = { ...sampleConflict(), id: 'k2', column: 'word_budget', local: { ...sampleConflict().local, value: 2000 }, other: { ...sampleConflict().other, value: 1500 }, current: 2000 };
    await renderSharing('maria', { conflicts: [budget] });
    const item = await screen.findByRole('listitem', { name: /Word budget/ });
    expect(within(item).getAllByRole('button', { name: /^Keep this one/ })).toHaveLength(2);
    expect(within(item).queryByRole('button', { name: 'Write another…' })).toBeNull();
  });
});

describe('for a reviewer', () => {
  it('offers sending a copy, but neither merging nor settling', async () => {
    await renderSharing('ingrid');
    expect(screen.getByText(/Merging copies and settling conflicts is for the secretariat/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send a copy…' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Merge a copy…' })).toBeNull();
    const item = await screen.findByRole('listitem', { name: /Section “Methodology and consultation process”/ });
    expect(within(item).queryByRole('button')).toBeNull();
    expect(item.textContent).toContain('Methods used');
  });
});

describe('the app menu', () => {
  it('opens the Sharing view on File ▸ Send a copy… and Merge a copy…', async () => {
    const { transport } = await renderApp();
    withSharing(transport, { summary: sampleSummary(), conflicts: [], texts: null });
    await findWorkspace();
    for (const command of ['sendCopy', 'mergeCopy'] as const) {
      await userEvent.setup().click(screen.getByRole('tab', { name: 'Overview' }));
      // The Electron bridge carries shell commands beside the API's events.
      await act(async () => transport.emit({ kind: 'command', command } satisfies ShellEvent as unknown as ApiEvent));
      await waitFor(() => expect(screen.getByRole('tab', { name: 'Sharing' }).getAttribute('aria-selected')).toBe('true'));
      expect(await screen.findByRole('heading', { name: 'Share with other offices' })).toBeTruthy();
    }
  });
});

describe('the last merge after a reload', () => {
  it('shows the report the file keeps, with when it was merged, and a new merge replaces it', async () => {
    const mergedAt = '2026-11-24T14:05:00.000Z';
    const old = { ...sampleSummary(), file: '/shared/old-copy.upr' };
    const { user, transport } = await renderSharing('maria', { last: { mergedAt, summary: old } });
    const report = await screen.findByTestId('merge-report');
    expect(callsTo(transport, 'sharing.lastMerge')).toEqual([{}]);
    expect(report.textContent).toContain('From the copy /shared/old-copy.upr');
    const when = within(report).getByText(`Last merge: ${localTimeLong(mergedAt, 'en')}`);
    expect(when.tagName).toBe('TIME');
    expect(when.getAttribute('dateTime')).toBe(mergedAt);
    expect(localTimeLong(mergedAt, 'en')).toMatch(/November 24, 2026/);
    // Nothing says it was merged just now: that is for a merge made here.
    expect(screen.queryByTestId('sh-merge-status')?.textContent ?? '').not.toContain('Merged.');

    await user.click(screen.getByRole('button', { name: 'Merge a copy…' }));
    await chooseInBrowser(new File(['SQLite format 3'], 'justice.upr'));
    await waitFor(() => expect(screen.getByTestId('merge-report').textContent).toContain('From the copy justice.upr'));
    // The server's copy of the file chosen is merged; the report names the file as it was chosen.
    expect(callsTo(transport, 'sharing.merge')).toEqual([{ path: '/uploads/justice.upr', name: 'justice.upr' }]);
    expect(screen.getByTestId('merge-report').textContent).not.toContain(localTimeLong(mergedAt, 'en'));
  });

  it('shows no report to someone who may not merge, and does not ask for it', async () => {
    const { transport } = await renderSharing('ingrid', { last: { mergedAt: '2026-11-24T14:05:00.000Z', summary: sampleSummary() } });
    await screen.findByRole('listitem', { name: /Section “Methodology and consultation process”/ });
    expect(screen.queryByTestId('merge-report')).toBeNull();
    expect(callsTo(transport, 'sharing.lastMerge')).toEqual([]);
  });

  it('names a section the report no longer has in words, not by its id', async () => {
    await renderSharing('maria', { last: { mergedAt: '2026-11-24T14:05:00.000Z', summary: { ...sampleSummary(), bothEdited: ['gone-section-id'] } } });
    const report = await screen.findByTestId('merge-report');
    expect(report.textContent).toContain('A section deleted since');
    expect(report.textContent).not.toContain('gone-section-id');
  });
});

describe('conflicts in French', () => {
  it('names the subject and the field in French, a status in French and a lead organization by its name', async () => {
    const status: OpenConflict = {
      ...sampleConflict(),
      id: 'k3',
      table: 'recommendations',
      row: 'r1',
      column: 'implementation_status',
      subject: { kind: 'recommendation', label: '115.1' },
      local: { ...sampleConflict().local, value: 'in_progress' },
      other: { ...sampleConflict().other, value: 'implemented' },
      current: 'in_progress',
    };
    const lead: OpenConflict = { ...sampleConflict(), id: 'k4', column: 'lead_organization_id', local: { ...sampleConflict().local, value: 'justice' }, other: { ...sampleConflict().other, value: null }, current: 'justice' };
    await renderSharing('maria', { conflicts: [sampleConflict(), status, lead] }, 'fr');
    try {
      expect(await screen.findByRole('listitem', { name: 'Section « Methodology and consultation process » · Titre' })).toBeTruthy();
      const statusItem = screen.getByRole('listitem', { name: 'Recommandation 115.1 · État de mise en œuvre' });
      expect(within(statusItem).getByRole('group', { name: /Dans ce rapport/ }).textContent).toContain('En cours');
      expect(statusItem.textContent).not.toContain('in_progress');
      const leadItem = screen.getByRole('listitem', { name: 'Section « Methodology and consultation process » · Organisation responsable' });
      expect(within(leadItem).getByRole('group', { name: /Dans ce rapport/ }).textContent).toContain('Ministry of Justice');
      expect(leadItem.textContent).not.toContain('justice,');
      expect(within(leadItem).getByRole('group', { name: /Dans la copie/ }).textContent).toContain('(vide)');
      expect(screen.getByRole('listitem', { name: /Titre/ }).textContent).toContain(localTime('2026-11-24T10:00:00.000Z', 'fr'));
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
