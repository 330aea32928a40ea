import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Host } from '../../electron/hosts/host.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { tempDir } from './helpers.js';

describe('the host of open reports', () => {
  it('in the app, a window opening a report another window has open is told so and does not open it', async () => {
    const file = path.join(tempDir(), 'r.upr');
    createDemoReport(file).close();
    const broughtForward: string[] = [];
    const host: Host = new Host({
      dataDir: tempDir(),
      // What the shell does: find another window with the file, bring it forward.
      focusOtherWindowWith: (client, f) => {
        const other = ['first', 'second'].find((id) => id !== client.id && host.client(id)?.report?.path === f);
        if (other) broughtForward.push(other);
        return other !== undefined;
      },
    });
    const first = host.connect(() => {}, 'first');
    const second = host.connect(() => {}, 'second');
    try {
      expect(await host.dispatch(first.id, 'app.openReport', { path: file })).toMatchObject({ ok: true });
      expect(await host.dispatch(second.id, 'app.openReport', { path: file })).toMatchObject({
        ok: false,
        error: { message: 'This report is already open in another window; that window is now in front.' },
      });
      expect(broughtForward).toEqual(['first']);
      expect(second.report).toBeNull();
    } finally {
      host.closeAll();
    }
  });

  it('closes the file when the last window or tab with it lets go', async () => {
    const file = path.join(tempDir(), 'r.upr');
    createDemoReport(file).close();
    const host = new Host({ dataDir: tempDir() });
    const a = host.connect(() => {});
    const b = host.connect(() => {});
    await host.dispatch(a.id, 'app.openReport', { path: file });
    await host.dispatch(b.id, 'app.openReport', { path: file });
    const report = a.report!;
    expect(b.report).toBe(report);
    host.disconnect(a.id);
    expect(report.isClosed).toBe(false);
    host.disconnect(b.id);
    expect(report.isClosed).toBe(true);
  });
});
