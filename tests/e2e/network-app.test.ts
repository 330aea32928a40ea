// "Connect to the office server…" in the app (browser mode): an office's copy connected to a real
// server process on 127.0.0.1 with the invitation the secretariat issued, the state line saying
// whom it acts as; a section marked ready for review in the office reaches the secretariat's file
// through the server; disconnecting, and an invitation already used by another office refused in
// the person's words. Accessible in both states.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenReport } from '../../electron/store/open-report.js';
import { seriousViolations, signIn, startBrowserMode, type BrowserMode } from './harness.js';
import { eventually, ServerProcess, setUpNetwork, type NetworkSetup } from './network-harness.js';

let setup: NetworkSetup;
let server: ServerProcess;
let mode: BrowserMode;

beforeAll(async () => {
  setup = setUpNetwork(['David Okafor']);
  server = await ServerProcess.start(setup);
  mode = await startBrowserMode({ file: setup.offices[0]!.file });
}, 60_000);

afterAll(async () => {
  await mode?.close();
  await server?.kill();
  if (setup) fs.rmSync(setup.dir, { recursive: true, force: true });
});

describe('the office server, from the app', () => {
  it('connects with an invitation, says as whom, carries a change to the secretariat, disconnects; an invitation used elsewhere is refused', async () => {
    const page = await mode.openTab();
    await signIn(page, 'David Okafor');
    await page.getByRole('tab', { name: 'Sharing' }).click();
    const card = page.getByRole('region', { name: 'Office network server' });
    await card.getByRole('textbox', { name: /Server address/ }).fill(server.url);
    await card.getByRole('textbox', { name: 'Invitation' }).fill(setup.offices[0]!.invitation);
    await card.getByRole('button', { name: 'Connect to the office server' }).click();
    const state = card.getByTestId('network-state');
    await expect.poll(async () => (await state.textContent()) ?? '', { timeout: 20_000 }).toContain('Connected as David Okafor to');
    expect(await seriousViolations(page)).toEqual([]);

    // David marks his ministry's section ready for review (through the same host, as a second tab
    // would): it reaches the secretariat's file through the server.
    const tab = mode.host.connect(() => {});
    const report = mode.host.attach(tab, mode.file);
    const developments = report.db.prepare("SELECT id FROM sections WHERE title LIKE 'Developments%'").pluck().get() as string;
    expect(await mode.host.dispatch(tab.id, 'session.signIn', { memberId: setup.offices[0]!.memberId })).toMatchObject({ ok: true });
    expect(await mode.host.dispatch(tab.id, 'sections.setStatus', { id: developments, status: 'ready_for_review' })).toMatchObject({ ok: true });
    await eventually(async () => {
      const secretariat = OpenReport.openSnapshot(setup.file);
      try {
        return secretariat.db.prepare('SELECT status FROM sections WHERE id = ?').pluck().get(developments) === 'ready_for_review';
      } finally {
        secretariat.close();
      }
    }, 20_000, 'the status in the secretariat’s file');

    await card.getByRole('button', { name: 'Disconnect' }).click();
    await card.getByRole('button', { name: 'Connect to the office server' }).waitFor();

    // The same invitation from another office's copy (another data folder): refused, in words.
    const other = await startBrowserMode({ file: setup.offices[0]!.file.replace('office-0', 'office-other'), makeFile: (f) => fs.copyFileSync(setup.offices[0]!.file, f) });
    try {
      const page2 = await other.openTab();
      await signIn(page2, 'David Okafor');
      await page2.getByRole('tab', { name: 'Sharing' }).click();
      const card2 = page2.getByRole('region', { name: 'Office network server' });
      await card2.getByRole('textbox', { name: /Server address/ }).fill(server.url);
      await card2.getByRole('textbox', { name: 'Invitation' }).fill(setup.offices[0]!.invitation);
      await card2.getByRole('button', { name: 'Connect to the office server' }).click();
      await expect.poll(async () => (await card2.getByTestId('network-state').textContent()) ?? '', { timeout: 20_000 }).toMatch(/The server did not admit this copy: .*invitation/i);
      expect(await seriousViolations(page2)).toEqual([]);
    } finally {
      await other.close();
    }
  }, 90_000);
});
