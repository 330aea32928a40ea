// The renderer's one client of the API: typed by the handler map in shared/api.ts.
import type { ApiEvent, Input, MethodName, Result } from '../../shared/api.js';
import { createTransport, type Transport } from './transport.js';

/** An error the main process sent back; its message is meant for the person using the app. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** The message's key and values (shared/messages.ts), to say it in the interface language. */
    readonly key?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let transport: Transport | null = null;

function current(): Transport {
  transport ??= createTransport();
  return transport;
}

/** For component tests: route calls somewhere else. */
export function setTransport(t: Transport): void {
  transport = t;
  generation++;
}

let generation = 0;
/** Changes whenever calls are routed somewhere else: what was loaded before may not hold there. */
export function transportGeneration(): number {
  return generation;
}

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<M>> {
  const reply = await current().call(method, input);
  if (!reply.ok) throw new ApiError(reply.error.message, reply.error.code, reply.error.key, reply.error.params);
  return reply.result as Result<M>;
}

export function onEvent(listener: (event: ApiEvent) => void): () => void {
  return current().subscribe(listener);
}

export function clientId(): string {
  return current().clientId;
}

/** In the desktop app, files are chosen with the system's dialog and read by the main process; in browser mode, by the page. */
export function inDesktopApp(): boolean {
  return current().desktop === true;
}

/** The server's file routes (browser mode only); the desktop app's main process reads and writes files itself. */
async function files<T>(what: 'upload' | 'slot' | 'view', body: Blob | object, name?: string): Promise<T> {
  const send = current().files;
  if (!send) throw new ApiError('Files are chosen with the system’s dialog here.', 'invalid');
  const reply = await send(what, body, name);
  if (!reply.ok) throw new ApiError(reply.error.message, reply.error.code, reply.error.key, reply.error.params);
  return reply.result as T;
}

/** Browser mode: sends a file the person chose to the server; answers the path the API reads it from. */
export async function uploadFile(file: File): Promise<string> {
  return (await files<{ path: string }>('upload', file, file.name)).path;
}

/** Browser mode: a place on the server for an action to write `name` to, and the id that downloads it. */
export function downloadSlot(name: string): Promise<{ id: string; path: string }> {
  return files('slot', { name });
}

/** Browser mode: the browser downloads what was written in slot `id` (once). */
export function offerDownload(id: string): void {
  const link = document.createElement('a');
  link.href = `./api/files/download/${encodeURIComponent(id)}`;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/** Browser mode: an address that shows attachment `id` (a PDF) in the browser's own viewer for a little while. */
export async function attachmentViewUrl(id: string): Promise<string> {
  const { ticket } = await files<{ ticket: string }>('view', { attachment: id });
  return `./api/files/view/${encodeURIComponent(ticket)}`;
}
