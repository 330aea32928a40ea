// "Connect to the office server…" in the app (browser mode): an office's copy connected to a real
// server process on 127.0.0.1 with the invitation the secretariat issued, the state line saying
// whom it acts as; a section marked ready for review in the office reaches the secretariat's file
// through the server; disconnecting, and an invitation already used by another office refused in
// the person's words. Accessible in both states.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenReport } from '../../electron/store/open-report.js';
import { openSection, seriousViolations, signIn, startBrowserMode, type BrowserMode } from './harness.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { createComment } from '../../electron/services/comments.js';
import { getMember, listSections } from '../../electron/store/queries.js';
import { eventually, OfficeProcess, ServerProcess, setUpNetwork, type NetworkSetup } from './network-harness.js';

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

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

    // Leila, signed in on this same computer, marks her section too: her change does not go over
    // David's connection, and the card says so.
    const leilasTab = mode.host.connect(() => {});
    mode.host.attach(leilasTab, mode.file);
    const leila = report.db.prepare("SELECT id FROM members WHERE name = 'Leila Haddad'").pluck().get() as string;
    const promotion = report.db.prepare("SELECT id FROM sections WHERE title LIKE 'Promotion and protection%'").pluck().get() as string;
    expect(await mode.host.dispatch(leilasTab.id, 'session.signIn', { memberId: leila })).toMatchObject({ ok: true });
    expect(await mode.host.dispatch(leilasTab.id, 'sections.setStatus', { id: promotion, status: 'ready_for_review' })).toMatchObject({ ok: true });
    await expect.poll(async () => (await card.getByTestId('network-others').textContent().catch(() => '')) ?? '', { timeout: 10_000 }).toMatch(/by anyone other than David Okafor do not go over this connection \(\d+ so far\)/);

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

  it('serves the report from the secretariat’s app: invites a person, says who is connected, passes on its edits and a merged copy, and each sees the others’ carets', async () => {
    const served = setUpNetwork(['Leila Haddad', 'David Okafor']);
    const sec = await startBrowserMode({ file: served.file });
    // This app's data folder holds the secretariat's key, the report's signing root (as on the secretariat's computer).
    fs.cpSync(path.join(served.serverData, 'keys'), path.join(sec.dir, 'data', 'keys'), { recursive: true });
    let office: OfficeProcess | null = null;
    let davidsOffice: BrowserMode | null = null;
    const blocker = net.createServer();
    try {
      const tab = sec.host.connect(() => {});
      const report = sec.host.attach(tab, sec.file);
      const labour = listSections(report.db).find((s) => s.title.startsWith('Promotion and protection'))!.id;
      const leila = served.offices[0]!;
      // Serving is the secretariat's; a port in use is said in words, and nothing starts.
      expect(await sec.host.dispatch(tab.id, 'session.signIn', { memberId: leila.memberId })).toMatchObject({ ok: true });
      expect(await sec.host.dispatch(tab.id, 'network.serve', { port: 5790 })).toMatchObject({ ok: false, error: { key: 'secretariatOnly' } });
      expect(await sec.host.dispatch(tab.id, 'session.signIn', { memberId: served.secretariatId })).toMatchObject({ ok: true });
      const taken = await freePort();
      await new Promise<void>((resolve) => blocker.listen(taken, '0.0.0.0', resolve));
      expect(await sec.host.dispatch(tab.id, 'network.serve', { port: taken })).toMatchObject({ ok: false, error: { key: 'networkPortTaken', params: { port: taken } } });
      expect(await sec.host.dispatch(tab.id, 'network.serving', {})).toEqual({ ok: true, result: null });

      const page = await sec.openTab();
      await signIn(page, 'Maria Santos');
      await page.getByRole('tab', { name: 'Sharing' }).click();
      const card = page.getByRole('region', { name: 'Serve to the office network' });
      const port = await freePort();
      await card.getByRole('textbox', { name: /^Port/ }).fill('80');
      await card.getByRole('button', { name: 'Start serving' }).click();
      await card.getByText('Write a port number from 1024 to 65535.').waitFor();
      await card.getByRole('textbox', { name: /^Port/ }).fill(String(port));
      await card.getByRole('button', { name: 'Start serving' }).click();
      const state = card.getByTestId('serving-state');
      await expect.poll(async () => (await state.textContent()) ?? '', { timeout: 10_000 }).toContain(`Serving on port ${port}`);
      expect(await state.textContent()).toContain('No office is connected yet.');

      // The invitation, made here and shown once, admits Leila's office.
      await card.getByRole('button', { name: /Person/ }).click();
      await page.getByRole('option', { name: 'Leila Haddad' }).click();
      await card.getByRole('button', { name: 'Create an invitation' }).click();
      const code = ((await card.getByTestId('invitation').locator('code').textContent()) ?? '').trim();
      expect(code).toMatch(/^[0-9a-f]{10}\.[A-Za-z0-9_-]{24}$/);
      office = OfficeProcess.start({ ...leila, invitation: code }, `ws://127.0.0.1:${port}`);
      await office.connected();
      await expect.poll(async () => (await state.textContent()) ?? '', { timeout: 10_000 }).toContain('Connected now: Leila Haddad');
      expect(await seriousViolations(page)).toEqual([]);

      // Leila's comment reaches the secretariat's file; the secretariat's own comment reaches her.
      await office.ask({ do: 'comment', section: 'Promotion and protection', body: 'From Leila, live.' });
      await eventually(async () => (report.db.prepare('SELECT body FROM comments').pluck().all() as string[]).includes('From Leila, live.'), 10_000, 'Leila’s comment in the secretariat’s file');
      expect(await sec.host.dispatch(tab.id, 'comments.create', { id: randomUUID(), sectionId: labour, type: 'editorial', body: 'From the secretariat, live.' })).toMatchObject({ ok: true });
      await eventually(async () => (await office!.state()).comments.includes('From the secretariat, live.'), 10_000, 'the secretariat’s comment at Leila’s');

      // A copy merged here while serving reaches Leila without her reconnecting.
      const copy = path.join(served.dir, 'returned.upr');
      writeClosedCopy(report.db, copy);
      const returned = OpenReport.open(copy);
      try {
        createComment({ report: returned, me: getMember(returned.db, served.secretariatId)! }, { id: randomUUID(), sectionId: labour, type: 'editorial', body: 'Came back in a copy.', proposed: '' });
      } finally {
        returned.close();
      }
      expect(await sec.host.dispatch(tab.id, 'sharing.merge', { path: copy })).toMatchObject({ ok: true });
      await eventually(async () => (await office!.state()).comments.includes('Came back in a copy.'), 10_000, 'the merged comment at Leila’s');

      // Others' carets: David, connected from his own app, and the secretariat, serving, have the
      // same section open; each sees the other's caret and name, and the line saying who is there.
      await card.getByRole('button', { name: /Person/ }).click();
      await page.getByRole('option', { name: 'David Okafor' }).click();
      await card.getByRole('button', { name: 'Create an invitation' }).click();
      await expect.poll(async () => (await card.getByTestId('invitation').textContent()) ?? '').toContain('David Okafor');
      const davidCode = ((await card.getByTestId('invitation').locator('code').textContent()) ?? '').trim();
      davidsOffice = await startBrowserMode({ file: served.offices[1]!.file });
      const david = await davidsOffice.openTab();
      await signIn(david, 'David Okafor');
      await david.getByRole('tab', { name: 'Sharing' }).click();
      const connect = david.getByRole('region', { name: 'Office network server' });
      await connect.getByRole('textbox', { name: /Server address/ }).fill(`ws://127.0.0.1:${port}`);
      await connect.getByRole('textbox', { name: 'Invitation' }).fill(davidCode);
      await connect.getByRole('button', { name: 'Connect to the office server' }).click();
      await expect.poll(async () => (await connect.getByTestId('network-state').textContent()) ?? '', { timeout: 20_000 }).toContain('Connected as David Okafor');
      for (const p of [page, david]) {
        await p.getByRole('tab', { name: 'Sections', exact: true }).click();
        await openSection(p, /Normative framework/);
      }
      await david.locator('.ed-content p').first().click();
      const davidsCaret = page.locator('.ed-peer-caret', { hasText: 'David Okafor' });
      await davidsCaret.waitFor({ timeout: 10_000 });
      await page.getByText('Also in this section now: David Okafor').waitFor();
      // Drawn over the text, where he clicked (his first paragraph).
      const [caretBox, paragraphBox] = await Promise.all([davidsCaret.boundingBox(), page.locator('.ed-content p').first().boundingBox()]);
      expect(caretBox!.y).toBeGreaterThanOrEqual(paragraphBox!.y - 2);
      expect(caretBox!.y).toBeLessThan(paragraphBox!.y + paragraphBox!.height);
      await page.locator('.ed-content p').first().click({ position: { x: 10, y: 5 } });
      await david.locator('.ed-peer-caret', { hasText: 'Maria Santos' }).waitFor({ timeout: 10_000 });
      expect(await seriousViolations(page)).toEqual([]);

      // Stopping: Leila's office goes on offline.
      const from = office.lines.length;
      await page.getByRole('tab', { name: 'Sharing' }).click();
      await card.getByRole('button', { name: 'Stop serving' }).click();
      await card.getByRole('button', { name: 'Start serving' }).waitFor();
      await office.waitForLine((l) => l.includes('"kind":"offline"'), 10_000, from);
    } finally {
      blocker.close();
      await office?.kill();
      await davidsOffice?.close();
      await sec.close();
      fs.rmSync(served.dir, { recursive: true, force: true });
    }
  }, 90_000);
});
