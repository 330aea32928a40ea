// The shared file choice (renderer/widgets/file-choice.tsx) on its own: in browser mode a typed
// path in a small form (required, Escape closes it, focus back on the button), in the app the
// system's dialog; the pending button and status line while the file is worked on, and the main
// process's message in an alert region when it fails. The three screens that use it have their own
// tests (export, matrix, sharing).
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { Button } from 'react-aria-components';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/api.js';
import { setTransport } from '../../renderer/api/client.js';
import { initI18n } from '../../renderer/i18n/index.js';
import { PathForm, useFileChoice } from '../../renderer/widgets/file-choice.js';

type Kind = 'xlsx' | 'csv';

/** What the test's main process does: the dialog's answer, and every run held until released. */
interface Stage {
  /** What the system's dialog answers; null when the person cancels it. */
  chosen: string | null;
  dialogs: unknown[];
  runs: Array<{ kind: Kind; path: string }>;
  /** When set, a run fails with this message. */
  refusal?: string;
  /** Lets the held run go on. */
  release?: () => void;
  held?: boolean;
  busyButton?: 'pending' | 'disabled';
}

function Saver({ stage }: { stage: Stage }) {
  const choice = useFileChoice<Kind>({
    dialog: (kind) => ({ mode: 'save', kind }),
    run: async (kind, path) => {
      stage.runs.push({ kind, path });
      if (stage.held) await new Promise<void>((resolve) => (stage.release = resolve));
      if (stage.refusal) throw new Error(stage.refusal);
    },
    pathRequired: 'Type the full path.',
    offer: (kind, typed) => typed.replace(/\.(xlsx|csv)$/, `.${kind}`),
    busyButton: stage.busyButton,
  });
  return (
    <section aria-label="Saving">
      {(['xlsx', 'csv'] as const).map((kind) => (
        <Button key={kind} {...choice.buttonProps(kind)}>
          {kind.toUpperCase()}
        </Button>
      ))}
      {choice.asking ? <PathForm choice={choice} className="path" label={`Save as ${choice.asking}`} hint="The full path." submit="Save" /> : null}
      <div role="status">{choice.busy ? `Saving the ${choice.busy} file…` : null}</div>
      <div role="alert">{choice.failure ? `Not saved: ${choice.failure.message}` : null}</div>
    </section>
  );
}

async function renderSaver({ desktop = false, stage = {} }: { desktop?: boolean; stage?: Partial<Stage> } = {}) {
  initI18n('en');
  await i18next.changeLanguage('en');
  const full: Stage = { chosen: null, dialogs: [], runs: [], ...stage };
  setTransport({
    clientId: 'test',
    desktop,
    subscribe: () => () => {},
    call: async (method, input): Promise<Reply<unknown>> => {
      if (method !== 'app.chooseFile') throw new Error(`not expected here: ${method}`);
      full.dialogs.push(input);
      return { ok: true, result: { path: full.chosen } };
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
  it('asks for a typed path instead of the dialog, requires one, and gives the focus back to the button', async () => {
    const { user, stage } = await renderSaver();
    await user.click(button('XLSX'));
    const field = screen.getByRole('textbox', { name: 'Save as xlsx' });
    expect(screen.getByRole('form', { name: 'Save as xlsx' })).toBeTruthy();
    expect(document.activeElement).toBe(field);

    await user.click(button('Save'));
    expect(screen.getByText('Type the full path.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // The field takes the focus, so that its message is heard.
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(stage.runs).toEqual([]);

    await user.type(field, '/home/maria/matrix.xlsx{Enter}');
    await waitFor(() => expect(screen.queryByRole('textbox')).toBeNull());
    expect(stage.runs).toEqual([{ kind: 'xlsx', path: '/home/maria/matrix.xlsx' }]);
    expect(stage.dialogs).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(button('XLSX')));

    // The typed path is offered again, for the other kind as the caller says.
    await user.click(button('CSV'));
    expect((screen.getByRole('textbox', { name: 'Save as csv' }) as HTMLInputElement).value).toBe('/home/maria/matrix.csv');
  });

  it('closes the form on Escape and on Cancel, focusing the button again, but not while the file is being saved', async () => {
    const { user, stage } = await renderSaver({ stage: { held: true } });
    await user.click(button('CSV'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button('CSV')));

    await user.click(button('CSV'));
    await user.click(button('Cancel'));
    expect(screen.queryByRole('textbox')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button('CSV')));

    await user.click(button('CSV'));
    await user.type(screen.getByRole('textbox', { name: 'Save as csv' }), '/out/list.csv{Enter}');
    await waitFor(() => expect(status().textContent).toBe('Saving the csv file…'));
    // The form's own button is pending (it keeps the focus); Cancel, Escape and the other kind wait.
    expect(button('Save').hasAttribute('data-pending')).toBe(true);
    expect(button('Cancel').hasAttribute('disabled')).toBe(true);
    expect(button('XLSX').hasAttribute('disabled')).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('textbox', { name: 'Save as csv' })).toBeTruthy();

    await act(async () => stage.release?.());
    await waitFor(() => expect(screen.queryByRole('textbox')).toBeNull());
    expect(status().textContent).toBe('');
    expect(button('XLSX').hasAttribute('disabled')).toBe(false);
  });

  it('says why it failed in the alert region and keeps the form with the typed path', async () => {
    const { user } = await renderSaver({ stage: { refusal: 'The folder /nowhere does not exist.' } });
    await user.click(button('XLSX'));
    await user.type(screen.getByRole('textbox', { name: 'Save as xlsx' }), '/nowhere/matrix.xlsx{Enter}');
    await waitFor(() => expect(alert().textContent).toBe('Not saved: The folder /nowhere does not exist.'));
    expect((screen.getByRole('textbox', { name: 'Save as xlsx' }) as HTMLInputElement).value).toBe('/nowhere/matrix.xlsx');
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
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('says why it failed in the alert region', async () => {
    const { user } = await renderSaver({ desktop: true, stage: { chosen: '/gone/matrix.csv', refusal: 'There is no folder /gone.' } });
    await user.click(button('CSV'));
    await waitFor(() => expect(within(alert()).getByText('Not saved: There is no folder /gone.')).toBeTruthy());
  });

  it('gives the focus to the field after a failure, so the path can be corrected and Escape still closes the form (disabled submit button too)', async () => {
    const { user } = await renderSaver({ stage: { refusal: 'The folder /nowhere does not exist.', busyButton: 'disabled' } });
    await user.click(button('XLSX'));
    const field = screen.getByRole('textbox', { name: 'Save as xlsx' });
    await user.type(field, '/nowhere/matrix.xlsx');
    await user.click(button('Save'));
    await waitFor(() => expect(alert().textContent).toBe('Not saved: The folder /nowhere does not exist.'));
    await waitFor(() => expect(document.activeElement).toBe(field));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button('XLSX')));
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
