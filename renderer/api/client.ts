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
