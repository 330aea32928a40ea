// Renders the whole app against the real main-process services: a Host in this process over a
// report file in a temporary folder, called as the desktop app's window calls it (the same method
// names, inputs passed through JSON as over IPC). What a screen does is read back from the file.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach } from 'vitest';
import type { ApiEvent, Input, MethodName, Result } from '../../shared/api.js';
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
  host: Host;
  user: ReturnType<typeof userEvent.setup>;
  /** Calls the services as this window, as the app would. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<M>>;
  /** Reads what the report file holds now, through a connection of its own. */
  stored<T>(read: (report: OpenReport) => T): T;
}

/** The demo report (or what `make` writes), opened and signed in as `as`, the app rendered on it. */
export async function renderOnReport({ as, make = (f) => createDemoReport(f).close() }: { as?: string; make?: (file: string) => void } = {}): Promise<OnReport> {
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
  const transport: Transport = {
    clientId,
    desktop: true,
    call: (method, input) => host.dispatch(clientId, method, JSON.parse(JSON.stringify(input ?? {}))),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Result<M>> => {
    const reply = await transport.call(method, input);
    if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result as Result<M>;
  };
  opened.push(() => {
    host.closeAll();
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
  return { file, host, user, call, stored };
}
