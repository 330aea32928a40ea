// Renders the whole app against the fake server, in English unless a test switches.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { App } from '../../renderer/app/App.js';
import { setTransport } from '../../renderer/api/client.js';
import { initI18n } from '../../renderer/i18n/index.js';
import { fakeTransport, sampleWorld, type FakeWorld } from './fakeServer.js';

export async function renderApp(world: FakeWorld = sampleWorld()) {
  sessionStorage.clear();
  initI18n('en');
  await i18next.changeLanguage('en');
  const transport = fakeTransport(world);
  setTransport(transport);
  const user = userEvent.setup();
  const view = render(<App />);
  return { ...view, user, transport, world };
}

/** Waits for the workspace of the open report (its section tabs) to be on screen. */
export async function findWorkspace() {
  return screen.findByRole('tab', { name: 'Sections' });
}

export function callsTo(transport: { calls: Array<{ method: string; input: unknown }> }, method: string) {
  return transport.calls.filter((c) => c.method === method).map((c) => c.input);
}

/**
 * Browser mode: chooses `file` in the browser's file chooser the app has just opened (the hidden
 * file input it clicked), as the browser's own dialog does: the input changes, and no pointer
 * lands anywhere in the page (which would close a dialog open there).
 */
export async function chooseInBrowser(file: File) {
  const picker = await waitFor(() => {
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file chooser was opened');
    return input;
  });
  Object.defineProperty(picker, 'files', { value: [file], configurable: true });
  await act(async () => {
    fireEvent.change(picker);
  });
}

/** An error or warning the person is shown, in an alert region (inline or in the status bar). */
export async function findAlert(text: string | RegExp) {
  const found = await screen.findByText(text);
  const region = found.closest('[role="alert"]');
  if (!region) throw new Error(`"${found.textContent}" is on screen but not in an alert`);
  return region;
}
