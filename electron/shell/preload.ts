// The preload: runs sandboxed before the page and hands it exactly `window.upr`, one call for every
// API method and one stream of events. Nothing of ipcRenderer or Electron leaks to the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEvent, Reply, ShellEvent, UprBridge } from '../../shared/api.js';
// From its own module, not api.ts: the preload must not carry zod and the schemas into every window.
import { IPC_CALL, IPC_EVENT } from '../../shared/ipc-channels.js';

type Listener = (event: ApiEvent | ShellEvent) => void;

const listeners = new Set<Listener>();
// A menu command sent to a window that is still loading would be lost before the page subscribes;
// keep what arrives until the first listener, within reason.
const early: Array<ApiEvent | ShellEvent> = [];
const MAX_EARLY = 100;

ipcRenderer.on(IPC_EVENT, (_event: IpcRendererEvent, payload: ApiEvent | ShellEvent) => {
  if (listeners.size === 0) {
    if (early.length < MAX_EARLY) early.push(payload);
    return;
  }
  for (const listener of listeners) listener(payload);
});

const bridge: UprBridge = {
  async call(name: string, input?: unknown): Promise<Reply<unknown>> {
    try {
      return (await ipcRenderer.invoke(IPC_CALL, name, input ?? {})) as Reply<unknown>;
    } catch (e) {
      // Only a broken channel gets here: the main process answers every call with a Reply.
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, error: { message: `The app could not be reached: ${message}`, code: 'internal' } };
    }
  },
  onEvent(listener: Listener): () => void {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    listeners.add(listener);
    for (const payload of early.splice(0)) listener(payload);
    return () => {
      listeners.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('upr', bridge);
