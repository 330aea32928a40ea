// How the renderer reaches the main process: Electron's preload bridge when it is there, otherwise
// the browser-mode server over HTTP (token from the address the server printed) and Server-Sent
// Events. Both carry the same method names and replies; nothing else in the renderer knows which.
import type { ApiEvent, Reply } from '../../shared/api.js';

export interface Transport {
  call(method: string, input: unknown): Promise<Reply<unknown>>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  /** Identifies this window or tab, to tell its own text edits from others' when echoed back. */
  readonly clientId: string;
  /** The desktop app, with the system's file dialogs (app.chooseFile answers with a path). */
  readonly desktop?: boolean;
  /**
   * Browser mode: a request to the server's file routes (electron/hosts/browser-files.ts), "upload"
   * with the file as its body, "slot" or "view" with JSON.
   */
  files?(what: 'upload' | 'slot' | 'view', body: Blob | object, name?: string): Promise<Reply<unknown>>;
}

interface Bridge {
  call(method: string, input: unknown): Promise<Reply<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
}

function electronTransport(bridge: Bridge): Transport {
  return { call: (m, i) => bridge.call(m, i), subscribe: (l) => bridge.onEvent(l), clientId: 'window', desktop: true };
}

const TOKEN_KEY = 'upr.token';

function httpTransport(): Transport {
  // The token arrives once in the address; keep it for reloads of this tab and take it out of the
  // address bar so it is not bookmarked or shared by accident.
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : '') + location.hash);
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const clientId = crypto.randomUUID();
  const listeners = new Set<(event: ApiEvent) => void>();
  let source: EventSource | null = null;
  const connect = () => {
    source = new EventSource(`./api/events?token=${encodeURIComponent(token)}&client=${clientId}`);
    source.onmessage = (m) => {
      const event = JSON.parse(m.data as string) as ApiEvent;
      for (const l of listeners) l(event);
    };
  };
  connect();
  const post = async (address: string, body: BodyInit, headers: Record<string, string>): Promise<Reply<unknown>> => {
    let res: Response;
    try {
      res = await fetch(address, { method: 'POST', headers: { ...headers, Authorization: `Bearer ${token}`, 'X-Upr-Client': clientId }, body });
    } catch {
      return { ok: false, error: { message: 'The app server is not reachable. Is `npm run serve` still running?', code: 'io' } };
    }
    if (res.status === 401) {
      return { ok: false, error: { message: 'This page has no valid access token. Open the address that `npm run serve` printed.', code: 'forbidden' } };
    }
    if (!(res.headers.get('Content-Type') ?? '').startsWith('application/json')) {
      return { ok: false, error: { message: (await res.text()) || `The server answered ${res.status}.`, code: 'io' } };
    }
    return (await res.json()) as Reply<unknown>;
  };
  return {
    clientId,
    call: (method, input) => post(`./api/${encodeURIComponent(method)}`, JSON.stringify(input ?? {}), { 'Content-Type': 'application/json' }),
    files: (what, body, name) =>
      body instanceof Blob
        ? post(`./api/files/${what}`, body, { 'Content-Type': 'application/octet-stream', 'X-Upr-File-Name': encodeURIComponent(name ?? '') })
        : post(`./api/files/${what}`, JSON.stringify(body), { 'Content-Type': 'application/json' }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function createTransport(): Transport {
  const bridge = (window as unknown as { upr?: Bridge }).upr;
  return bridge ? electronTransport(bridge) : httpTransport();
}
