// The shared file choice (renderer/widgets/file-choice.tsx) on its own: in browser mode the
// browser's chooser (the file sent to the server, the action run on the server's copy, a failure
// naming the file as chosen) and downloads (the action writes in a place the server gives, then the
// browser fetches it); in the app the system's dialog; the pending button and status line while the
// file is worked on, and the main process's message in an alert region when it fails. The screens
// that use it have their own tests (export, matrix, sharing), and tests/e2e/browser-files.test.ts
// goes through it all with the real server in Chromium.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { Button } from 'react-aria-components';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../shared/api.js';
import { ApiError, setTransport } from '../../renderer/api/client.js';
import { initI18n } from '../../renderer/i18n/index.js';
import { useFileChoice } from '../../renderer/widgets/file-choice.js';
import { chooseInBrowser } from './renderApp.js';

type Kind = 'xlsx' | 'csv';

/** What the test's main process does: the dialog's answer, and every run held until released. */
interface Stage {
  /** What the system's dialog answers; null when the person cancels it. */
  chosen: string | null;
  dialogs: unknown[];
  runs: Array<{ kind: Kind; path: string; name?: string }>;
  /** Browser mode: what went through the server's file routes. */
  files: Array<{ what: string; body: unknown }>;
  /** When set, a run fails with this message. */
  refusal?: string;
  /** Lets the held run go on. */
  release?: () => void;
  held?: boolean;
  busyButton?: 'pending' | 'disabled';
}

function Saver({ stage }: { stage: Stage }) {
  const choice = useFileChoice<Kind>({
    // XLSX files are saved, CSV files opened: both ways through one hook.
    dialog: (kind) => ({ mode: kind === 'xlsx' ? 'save' : 'open', kind }),
    run: async (kind, path, name) => {
      stage.runs.push(name === undefined ? { kind, path } : { kind, path, name });
      if (stage.held) await new Promise<void>((resolve) => (stage.release = resolve));
      // As the main process says it: the path it was given, in the message and its values.
      if (stage.refusal) throw new ApiError(`${stage.refusal} (${path})`, 'io', 'cannotRead', { file: path, reason: stage.refusal });
    },
    downloadName: (kind) => `matrix.${kind}`,
    busyButton: stage.busyButton,
  });
  return (
    <section aria-label="Saving">
      {(['xlsx', 'csv'] as const).map((kind) => (
        <Button key={kind} {...choice.buttonProps(kind)}>
          {kind.toUpperCase()}
        </Button>
      ))}
      <div role="status">{choice.busy ? `Saving the ${choice.busy} file…` : null}</div>
      <div role="alert">{choice.failure ? `Not saved: ${choice.failure.message}` : null}</div>
    </section>
  );
}

async function renderSaver({ desktop = false, stage = {} }: { desktop?: boolean; stage?: Partial<Stage> } = {}) {
  initI18n('en');
  await i18next.changeLanguage('en');
  const full: Stage = { chosen: null, dialogs: [], runs: [], files: [], ...stage };
  setTransport({
    clientId: 'test',
    desktop,
    subscribe: () => () => {},
    call: async (method, input): Promise<Reply<unknown>> => {
      if (method !== 'app.chooseFile') throw new Error(`not expected here: ${method}`);
      full.dialogs.push(input);
      return { ok: true, result: { path: full.chosen } };
    },
    files: async (what, body, name): Promise<Reply<unknown>> => {
      full.files.push({ what, body: body instanceof Blob ? { name, size: body.size } : body });
      if (what === 'upload') return { ok: true, result: { path: `/srv/uploads/u1/${name}` } };
      return { ok: true, result: { id: 'slot-1', path: `/srv/downloads/slot-1/${(body as { name: string }).name}` } };
    },
  });
  const user = userEvent.setup();
  render(<Saver stage={full} />);
  return { user, stage: full };
}

afterEach(cleanup);

const button = (name: string) => screen.getByRole('button', { name });
const status = () => screen.getByRole('status');
const alert = () => screen.getByRole('alert');

describe('choosing a file in browser mode', () => {
  it('saves in the place the server gives, then has the browser download it; no dialog, no path to type', async () => {
    const { user, stage } = await renderSaver({ stage: { held: true } });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(button('XLSX'));
    await waitFor(() => expect(status().textContent).toBe('Saving the xlsx file…'));
    expect(button('XLSX').hasAttribute('data-pending')).toBe(true);
    expect(button('CSV').hasAttribute('disabled')).toBe(true);
    // Not offered before it is written.
    expect(clicked).not.toHaveBeenCalled();
    await act(async () => stage.release?.());
    await waitFor(() => expect(status().textContent).toBe(''));
    expect(stage.files).toEqual([{ what: 'slot', body: { name: 'matrix.xlsx' } }]);
    expect(stage.runs).toEqual([{ kind: 'xlsx', path: '/srv/downloads/slot-1/matrix.xlsx' }]);
    expect(clicked.mock.contexts.map((a) => (a as HTMLAnchorElement).getAttribute('href'))).toEqual(['./api/files/download/slot-1']);
    expect(stage.dialogs).toEqual([]);
    expect(screen.queryByRole('textbox')).toBeNull();
    clicked.mockRestore();
  });

  it('opens the browser’s chooser, sends the file chosen to the server and works on the server’s copy, under the name chosen', async () => {
    const { user, stage } = await renderSaver();
    await user.click(button('CSV'));
    const picker = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(picker.accept).toBe('.csv');
    await chooseInBrowser(new File(['a;b'], 'list.csv'));
    await waitFor(() => expect(stage.runs).toEqual([{ kind: 'csv', path: '/srv/uploads/u1/list.csv', name: 'list.csv' }]));
    expect(stage.files).toEqual([{ what: 'upload', body: { name: 'list.csv', size: 3 } }]);
    // The chooser is gone from the page once it has answered.
    expect(document.querySelector('input[type="file"]')).toBeNull();
  });

  it('does nothing when the chooser is closed without a file', async () => {
    const { user, stage } = await renderSaver();
    await user.click(button('CSV'));
    const picker = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    await act(async () => {
      picker.dispatchEvent(new Event('cancel'));
    });
    expect(document.querySelector('input[type="file"]')).toBeNull();
    expect(stage.files).toEqual([]);
    expect(stage.runs).toEqual([]);
    expect(button('CSV').hasAttribute('disabled')).toBe(false);
  });

  it('says why it failed naming the file as chosen, never the server’s copy', async () => {
    const { user } = await renderSaver({ stage: { refusal: 'it is not a table' } });
    await user.click(button('CSV'));
    await chooseInBrowser(new File(['?'], 'list.csv'));
    await waitFor(() => expect(alert().textContent).toMatch(/^Not saved: /));
    expect(alert().textContent).toContain('list.csv');
    expect(alert().textContent).not.toContain('/srv/uploads');
  });
});

describe('choosing a file in the app', () => {
  it('saves where the system’s dialog says, the button pending and the other waiting, and nothing when it is cancelled', async () => {
    const { user, stage } = await renderSaver({ desktop: true, stage: { chosen: '/Users/maria/matrix.xlsx', held: true } });
    await user.click(button('XLSX'));
    await waitFor(() => expect(status().textContent).toBe('Saving the xlsx file…'));
    expect(stage.dialogs).toEqual([{ mode: 'save', kind: 'xlsx' }]);
    expect(button('XLSX').hasAttribute('data-pending')).toBe(true);
    expect(button('XLSX').hasAttribute('disabled')).toBe(false);
    expect(button('CSV').hasAttribute('disabled')).toBe(true);
    await act(async () => stage.release?.());
    await waitFor(() => expect(status().textContent).toBe(''));
    expect(stage.runs).toEqual([{ kind: 'xlsx', path: '/Users/maria/matrix.xlsx' }]);

    // Cancelling the dialog neither saves nor asks for a typed path.
    stage.chosen = null;
    stage.held = false;
    await user.click(button('CSV'));
    await waitFor(() => expect(stage.dialogs).toHaveLength(2));
    expect(stage.runs).toHaveLength(1);
  });

  it('says why it failed in the alert region', async () => {
    const { user } = await renderSaver({ desktop: true, stage: { chosen: '/gone/matrix.xlsx', refusal: 'There is no folder /gone.' } });
    await user.click(button('XLSX'));
    await waitFor(() => expect(alert().textContent).toMatch(/^Not saved: .*\/gone\/matrix\.xlsx/));
  });

  it('shows the working buttons disabled instead of pending when the caller asks', async () => {
    const { user, stage } = await renderSaver({ desktop: true, stage: { chosen: '/Users/maria/matrix.xlsx', held: true, busyButton: 'disabled' } });
    await user.click(button('XLSX'));
    await waitFor(() => expect(status().textContent).toBe('Saving the xlsx file…'));
    expect(button('XLSX').hasAttribute('data-pending')).toBe(false);
    expect(button('XLSX').hasAttribute('disabled')).toBe(true);
    await act(async () => stage.release?.());
    await waitFor(() => expect(button('XLSX').hasAttribute('disabled')).toBe(false));
  });
});
