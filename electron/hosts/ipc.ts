// The Electron transport of the API: one ipcMain handler for every call, and the host's events sent
// back to the window. Each window (its webContents) is one Host client; the Host validates every
// input against the shared schemas. Only types come from 'electron', so this is tested with fakes.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CALL, IPC_EVENT, type ApiEvent, type Reply, type ShellEvent } from '../../shared/api.js';
import type { Client, Host } from './host.js';
import { isAllowedNavigation } from '../shell/window.js';

export function clientIdFor(webContentsId: number): string {
  return `window-${webContentsId}`;
}

/**
 * Whether a call comes from one of our pages: the top frame of a window showing an app:// page.
 * A frame from anywhere else (an iframe, a page that got past the navigation guard) is refused.
 */
export function isOurSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAllowedNavigation(frame.url, appOrigin);
}

const REFUSED: Reply<never> = {
  ok: false,
  error: { message: 'This page is not part of the app, so it cannot reach your reports.', code: 'forbidden' },
};

/** Binds IPC_CALL; returns the function that unbinds it (for a clean quit and for tests). */
export function bindIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, host: Host, appOrigin: string): () => void {
  ipcMain.handle(IPC_CALL, (event, name: unknown, input: unknown) => {
    if (!isOurSender(event, appOrigin)) return REFUSED;
    return host.dispatch(clientIdFor(event.sender.id), name, input);
  });
  return () => ipcMain.removeHandler(IPC_CALL);
}

/**
 * Makes a window a Host client: the host's events go to its page, and the client goes when the
 * window does (which lets go of its report, closing the file if no other window has it).
 */
export function connectWindow(host: Host, contents: WebContents, onEvent?: (event: ApiEvent) => void): Client {
  const id = clientIdFor(contents.id);
  // The host keeps the page's own text edits from coming back to it (the renderer cannot tell them
  // from another window's), and strips whose they were.
  const client = host.connect((event) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT, event);
    onEvent?.(event);
  }, id);
  contents.once('destroyed', () => host.disconnect(id));
  return client;
}

/** A menu command for the window's start screen (see ShellEvent). */
export function sendShellEvent(contents: WebContents, event: ShellEvent): void {
  if (!contents.isDestroyed()) contents.send(IPC_EVENT, event);
}
