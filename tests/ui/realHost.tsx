// Renders the whole app against the real main-process services: a Host in this process over a
// report file in a temporary folder, called as the desktop app's window calls it (the same method
// names, inputs passed through JSON as over IPC). What a screen does is read back from the file.
// With `browser`, the app is in browser mode: files chosen in the browser are received, and
// downloads written, by the browser-mode server's own BrowserFiles.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { ApiEvent, Input, MethodName, Reply, Result } from '../../shared/api.js';
import { BrowserFiles } from '../../electron/hosts/browser-files.js';
import { Host } from '../../electron/hosts/host.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { App } from '../../renderer/app/App.js';
import { setTransport } from '../../renderer/api/client.js';
import type { Transport } from '../../renderer/api/transport.js';
import { initI18n } from '../../renderer/i18n/index.js';

const opened: Array<() => void> = [];
afterEach(() => {
  cleanup();
  for (const close of opened.splice(0)) close();
});

export interface OnReport {
  file: string;
  dir: string;
  host: Host;
  /** Browser mode: what the browser downloads from the address `href` (once), as the server serves it. */
  download(href: string): { name: string; bytes: Buffer } | null;
  user: ReturnType<typeof userEvent.setup>;
  /** Calls the services as this window, as the app would. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<M>>;
  /** Reads what the report file holds now, through a connection of its own. */
  stored<T>(read: (report: OpenReport) => T): T;
}

/** The demo report (or what `make` writes), opened and signed in as `as`, the app rendered on it. */
export async function renderOnReport({
  as,
  make = (f) => createDemoReport(f).close(),
  browser = false,
}: { as?: string; make?: (file: string) => void; browser?: boolean } = {}): Promise<OnReport> {
  sessionStorage.clear();
  initI18n('en');
  await i18next.changeLanguage('en');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-ui-'));
  const file = path.join(dir, 'report.upr');
  make(file);
  const host = new Host({ dataDir: path.join(dir, 'data') });
  const clientId = randomUUID();
  const listeners = new Set<(event: ApiEvent) => void>();
  host.connect((event) => {
    for (const l of listeners) l(event);
  }, clientId);
  const files = new BrowserFiles({ root: fs.mkdtempSync(path.join(dir, 'browser-files-')) });
  const transport: Transport = {
    clientId,
    desktop: !browser,
    call: (method, input) => host.dispatch(clientId, method, JSON.parse(JSON.stringify(input ?? {}))),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ...(browser ? { files: (what: 'upload' | 'slot' | 'view', body: Blob | object, name?: string) => serveFiles(files, clientId, what, body, name) } : {}),
  };
  const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Result<M>> => {
    const reply = await transport.call(method, input);
    if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result as Result<M>;
  };
  opened.push(() => {
    host.closeAll();
    files.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await call('app.openReport', { path: file });
  if (as) {
    const me = (await call('workspace.load', {})).members.find((m) => m.name === as);
    if (!me) throw new Error(`no member ${as}`);
    await call('session.signIn', { memberId: me.id });
  }
  setTransport(transport);
  const user = userEvent.setup();
  render(<App />);
  const stored = <T,>(read: (report: OpenReport) => T): T => {
    const report = OpenReport.openSnapshot(file);
    try {
      return read(report);
    } finally {
      report.close();
    }
  };
  const download = (href: string) => {
    const taken = files.take(href.replace(/^\.\/api\/files\/download\//, ''));
    if (!taken) return null;
    const bytes = fs.readFileSync(taken.file);
    taken.forget();
    return { name: path.basename(taken.file), bytes };
  };
  return { file, dir, host, download, user, call, stored };
}

/** The browser-mode server's file routes (electron/hosts/server.ts), on the real BrowserFiles. */
async function serveFiles(files: BrowserFiles, clientId: string, what: 'upload' | 'slot' | 'view', body: Blob | object, name?: string): Promise<Reply<unknown>> {
  if (what === 'upload') {
    const bytes = Buffer.from(await (body as Blob).arrayBuffer());
    // The request's body as the server reads it: a stream.
    const request = Object.assign(Readable.from([bytes]), { headers: { 'content-length': String(bytes.length) } }) as unknown as IncomingMessage;
    const received = await files.receive(clientId, name ?? '', request);
    if (!received || 'tooLarge' in received) return { ok: false, error: { message: 'not received', code: 'io' } };
    return { ok: true, result: received };
  }
  const input = body as { name?: string; attachment?: string };
  if (what === 'slot') return { ok: true, result: files.slot(clientId, input.name ?? '') };
  return { ok: true, result: { ticket: files.ticket(clientId, input.attachment ?? '') } };
}
