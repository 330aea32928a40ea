// The office server on 127.0.0.1, as separate processes: the CLI serving the secretariat's file and
// offices each working in their own copy. Text and comments typed in one office reach the others
// live; an office killed and restarted, the server killed and restarted, and an office offline for
// a while all end with every change everywhere; invitations are bound to the office that used them
// first; and nothing sent to the server stops it.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkClient, type NetworkStatus } from '../../electron/network/client.js';
import { peersFrom, PRESENCE_FIELD } from '../../electron/network/presence.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { readSectionText } from '../../electron/docs/section-text.js';
import { getMember, listSections } from '../../electron/store/queries.js';
import { createComment } from '../../electron/services/comments.js';
import { connectNetwork, disconnectNetwork, networkStatus } from '../../electron/services/network.js';
import { eventually, OfficeProcess, ServerProcess, setUpNetwork, type NetworkSetup, type OfficeState } from './network-harness.js';
import { upr } from '../unit/helpers.js';

const JUSTICE = 'Developments since the previous review';
const LABOUR = 'Promotion and protection';

let setup: NetworkSetup;
let server: ServerProcess;
let justice: OfficeProcess;
let labour: OfficeProcess;

const hasAll = (state: OfficeState, words: readonly string[]) => words.every((w) => Object.values(state.texts).some((t) => t.includes(w)));

beforeAll(async () => {
  setup = setUpNetwork(['David Okafor', 'Leila Haddad']);
  server = await ServerProcess.start(setup);
  justice = OfficeProcess.start(setup.offices[0]!, server.url);
  labour = OfficeProcess.start(setup.offices[1]!, server.url);
  await Promise.all([justice.connected(), labour.connected()]);
});

afterAll(async () => {
  await Promise.all([justice?.kill(), labour?.kill(), server?.kill()]);
});

describe('the office server', () => {
  it('passes text and comments typed in one office to the others as they are made', async () => {
    const from = labour.lines.length;
    const t0 = Date.now();
    await justice.ask({ do: 'type', section: JUSTICE, words: 'Justice typed this live.' });
    await labour.waitForLine((l) => l.startsWith('{"took"'), 10_000, from);
    const latency = Date.now() - t0;
    await labour.ask({ do: 'type', section: LABOUR, words: 'Labour answers live.' });
    await labour.ask({ do: 'comment', section: JUSTICE, body: 'A comment from Labour.' });
    const words = ['Justice typed this live.', 'Labour answers live.'];
    const [j, l] = await Promise.all([
      eventually(async () => {
        const s = await justice.state();
        return hasAll(s, words) && s.comments.includes('A comment from Labour.') && s;
      }, 10_000, 'Justice to have everything'),
      eventually(async () => {
        const s = await labour.state();
        return hasAll(s, words) && s;
      }, 10_000, 'Labour to have everything'),
    ]);
    expect(j.texts).toEqual(l.texts);
    expect(j.held).toEqual([]);
    expect(latency).toBeLessThan(3_000);
  });

  it('takes an office killed before it could send, and restarted, back in step', async () => {
    await labour.ask({ do: 'type', section: LABOUR, words: 'Typed just before the crash.' });
    await labour.kill();
    await justice.ask({ do: 'type', section: JUSTICE, words: 'Typed while Labour was down.' });
    labour = OfficeProcess.start(setup.offices[1]!, server.url);
    const words = ['Typed just before the crash.', 'Typed while Labour was down.'];
    await Promise.all([
      eventually(async () => hasAll(await justice.state(), words), 15_000, 'Justice to have Labour’s last words'),
      eventually(async () => hasAll(await labour.state(), words), 15_000, 'Labour to catch up'),
    ]);
  });

  it('goes on while an office is offline, and sends what it did when it is back', async () => {
    await labour.ask({ do: 'offline' });
    await labour.ask({ do: 'type', section: LABOUR, words: 'Written offline, first.' });
    await labour.ask({ do: 'comment', section: LABOUR, body: 'An offline comment.' });
    await justice.ask({ do: 'type', section: JUSTICE, words: 'Written while Labour was offline.' });
    expect(hasAll(await labour.state(), ['Written while Labour was offline.'])).toBe(false);
    await labour.ask({ do: 'online' });
    const words = ['Written offline, first.', 'Written while Labour was offline.'];
    const [j, l] = await Promise.all([
      eventually(async () => {
        const s = await justice.state();
        return hasAll(s, words) && s.comments.includes('An offline comment.') && s;
      }, 15_000, 'Justice to have Labour’s offline work'),
      eventually(async () => {
        const s = await labour.state();
        return hasAll(s, words) && s;
      }, 15_000, 'Labour to have Justice’s'),
    ]);
    expect(j.texts).toEqual(l.texts);
    expect(j.comments).toEqual(l.comments);
  });

  it('survives being killed: the offices work on offline, count what waits, and catch up on restart', async () => {
    const port = server.port;
    const [jFrom, lFrom] = [justice.lines.length, labour.lines.length];
    await server.kill();
    await justice.waitForLine((l) => l.includes('"kind":"offline"'), 10_000, jFrom);
    await justice.ask({ do: 'type', section: JUSTICE, words: 'Justice, server down.' });
    await labour.ask({ do: 'type', section: LABOUR, words: 'Labour, server down.' });
    server = await ServerProcess.start(setup, port);
    await Promise.all([justice.connected(20_000, jFrom + 1), labour.connected(20_000, lFrom)]);
    const words = ['Justice, server down.', 'Labour, server down.'];
    const [j, l] = await Promise.all([
      eventually(async () => hasAll(await justice.state(), words) && justice.state(), 15_000, 'Justice to catch up'),
      eventually(async () => hasAll(await labour.state(), words) && labour.state(), 15_000, 'Labour to catch up'),
    ]);
    expect(j.texts).toEqual(l.texts);
    // What the offices waited to send was counted.
    expect(justice.lines.slice(jFrom).some((line) => /"kind":"offline".*"waiting":[1-9]/.test(line))).toBe(true);
  });

  it('admits an office only with a valid invitation, bound to the office that used it first', async () => {
    const statuses: NetworkStatus[] = [];
    // A copy of the report on a computer that was never invited.
    const stranger = path.join(setup.dir, 'stranger.upr');
    const snapshot = OpenReport.openSnapshot(setup.offices[0]!.file);
    writeClosedCopy(snapshot.db, stranger);
    snapshot.close();
    const report = OpenReport.open(stranger);
    try {
      const tryWith = async (invitation: string, device: string) => {
        const client = new NetworkClient(report, { address: server.url, invitation, device, ca: null }, { onStatus: (s) => statuses.push(s) });
        client.start();
        const s = await eventually(async () => statuses.find((x) => x.kind === 'refused' || x.kind === 'connected'), 10_000, 'an answer');
        await client.stop();
        statuses.length = 0;
        return s;
      };
      // Justice's invitation, from another computer (another key): used already.
      expect((await tryWith(setup.offices[0]!.invitation, 'another-computer-0123456789')).problem).toMatchObject({ key: 'networkInvitationUsed' });
      expect((await tryWith('0123456789.not-an-invitation', 'another-computer-0123456789')).problem).toMatchObject({ key: 'networkInvitationInvalid' });
      expect((await tryWith('garbage', 'another-computer-0123456789')).problem).toMatchObject({ key: 'networkInvitationInvalid' });
    } finally {
      report.close();
    }
  });

  it('survives anything sent to it, and goes on serving the offices', async () => {
    // Not HTTP at all.
    await new Promise<void>((resolve) => {
      const socket = net.connect(server.port, '127.0.0.1', () => socket.end(Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10])));
      socket.on('error', () => resolve());
      socket.on('close', () => resolve());
    });
    // WebSocket frames that are not Hocuspocus messages, text frames, and a message for another report.
    await new Promise<void>((resolve) => {
      const ws = new WebSocket(server.url);
      ws.on('open', () => {
        ws.send(Buffer.from([255, 255, 255, 255, 1, 2, 3]));
        ws.send('plain text');
        ws.send(Buffer.alloc(100_000, 7));
        setTimeout(() => ws.close(), 200);
      });
      ws.on('error', () => resolve());
      ws.on('close', () => resolve());
    });
    // A valid connection (Justice's invitation and key) sending garbage and others' changes.
    const socket = new HocuspocusProviderWebsocket({ url: server.url, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
    const answers: string[] = [];
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: setup.reportId,
      document: new Y.Doc(),
      token: JSON.stringify({ protocol: 1, invitation: setup.offices[0]!.invitation, device: `device-of-${setup.offices[0]!.memberId}` }),
      onStateless: ({ payload }) => answers.push(payload),
    });
    provider.attach();
    await eventually(async () => provider.isAuthenticated, 10_000, 'authentication');
    provider.sendStateless('{not json');
    provider.sendStateless(JSON.stringify({ t: 'push', id: 1, catchUp: false, changes: [{ hlc: 'x' }], texts: [], blobs: [], signatures: [] }));
    const other = { hlc: '2020-01-01T00:00:00.000Z-0000-0123456789abcdef', replica: '0123456789abcdef', author: setup.secretariatId, tbl: 'sections', row_id: 'x', col: 'title', value: 'Forged', prev_hlc: null };
    provider.sendStateless(JSON.stringify({ t: 'push', id: 2, catchUp: false, changes: [other], texts: [], blobs: [], signatures: [] }));
    const mine = { ...other, author: setup.offices[0]!.memberId, hlc: '2999-01-01T00:00:00.000Z-0000-0123456789abcdef' };
    provider.sendStateless(JSON.stringify({ t: 'push', id: 3, catchUp: false, changes: [mine], texts: [{ hlc: mine.hlc, section: 'x', replica: mine.replica, author: mine.author, folded: false, data: 'AAAA' }], blobs: [], signatures: [] }));
    await eventually(async () => answers.length >= 4, 10_000, 'answers to each');
    expect(answers.map((a) => JSON.parse(a) as { t: string; refused?: { key: string } }).map((a) => a.refused?.key ?? a.t)).toEqual([
      'networkGarbled',
      'networkGarbled',
      'networkNotYours',
      'mergeClockAhead',
    ]);
    // Where it says it is, claiming to be the secretariat: others see it as the member its
    // invitation admitted; a caret that is not one is left out.
    const watcherSocket = new HocuspocusProviderWebsocket({ url: server.url, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
    const watcher = new HocuspocusProvider({
      websocketProvider: watcherSocket,
      name: setup.reportId,
      document: new Y.Doc(),
      token: JSON.stringify({ protocol: 1, invitation: setup.offices[1]!.invitation, device: `device-of-${setup.offices[1]!.memberId}` }),
    });
    watcher.attach();
    await eventually(async () => watcher.isAuthenticated, 10_000, 'the watcher’s authentication');
    provider.setAwarenessField('member', { id: setup.secretariatId, name: 'Maria Santos' });
    provider.setAwarenessField(PRESENCE_FIELD, { section: 'sec-1', anchor: null, focus: null, focusing: true });
    const states = () => [...watcher.awareness!.getStates()].map(([clientId, state]): { clientId: number; [key: string]: unknown } => ({ ...state, clientId }));
    const seen = await eventually(async () => peersFrom(states(), watcher.document.clientID).find((p) => p.section === 'sec-1'), 10_000, 'the claimed presence');
    expect(seen.member).toEqual({ id: setup.offices[0]!.memberId, name: 'David Okafor' });
    provider.setAwarenessField(PRESENCE_FIELD, { section: 'sec-2', anchor: '<script>', focus: 42, focusing: 'yes' });
    await eventually(async () => states().some((st) => (st[PRESENCE_FIELD] as { section?: string } | undefined)?.section === 'sec-2'), 10_000, 'the garbage presence');
    expect(peersFrom(states(), watcher.document.clientID).some((p) => p.section === 'sec-2')).toBe(false);
    watcher.destroy();
    watcherSocket.destroy();
    provider.destroy();
    socket.destroy();
    // Still serving: Justice's typing reaches Labour.
    await justice.ask({ do: 'type', section: JUSTICE, words: 'Still here after the garbage.' });
    await eventually(async () => hasAll(await labour.state(), ['Still here after the garbage.']), 10_000, 'Labour to get it');
  });

  it('passes on a copy merged into the served file by another process (upr merge), the offices staying connected', async () => {
    // A copy that came back by e-mail with a comment of the secretariat's in it.
    const copy = path.join(setup.dir, 'returned.upr');
    const snapshot = OpenReport.openSnapshot(setup.file);
    try {
      writeClosedCopy(snapshot.db, copy);
    } finally {
      snapshot.close();
    }
    const returned = OpenReport.open(copy);
    try {
      const sectionId = listSections(returned.db).find((s) => s.title.startsWith(JUSTICE))!.id;
      createComment({ report: returned, me: getMember(returned.db, setup.secretariatId)! }, { id: randomUUID(), sectionId, type: 'editorial', body: 'Came back in a copy.', proposed: '' });
    } finally {
      returned.close();
    }
    const linesBefore = [justice.lines.length, labour.lines.length] as const;
    const merged = await upr(['merge', setup.file, copy], { UPR_DATA_DIR: setup.serverData });
    expect(merged.code).toBe(0);
    await Promise.all(
      [justice, labour].map((office, i) =>
        eventually(async () => (await office.state()).comments.includes('Came back in a copy.'), 10_000, `${i ? 'Labour' : 'Justice'} to have the merged comment`),
      ),
    );
    // Neither went offline for it.
    expect(justice.lines.slice(linesBefore[0]).some((l) => l.includes('"kind":"offline"'))).toBe(false);
    expect(labour.lines.slice(linesBefore[1]).some((l) => l.includes('"kind":"offline"'))).toBe(false);
  });

  it('keeps everything in the secretariat’s file, the source of truth', async () => {
    const words = ['Justice typed this live.', 'Labour answers live.', 'Typed just before the crash.', 'Written offline, first.', 'Justice, server down.', 'Still here after the garbage.'];
    const j = await justice.state();
    await server.kill('SIGTERM');
    const report = OpenReport.openSnapshot(setup.file);
    try {
      const texts = Object.fromEntries(listSections(report.db).map((s) => [s.id, readSectionText(report.db, s.id).plain]));
      expect(texts).toEqual(j.texts);
      expect(words.every((w) => Object.values(texts).some((t) => t.includes(w)))).toBe(true);
      expect(report.db.prepare("SELECT count(*) FROM held_changes WHERE reason <> 'heldTextNeeds'").pluck().get()).toBe(0);
    } finally {
      report.close();
    }
  });
});

describe('upr invite and serve-network', () => {
  it('issue an invitation on the command line, and say in words what is wrong', async () => {
    const invited = await upr(['invite', setup.file, '--member', 'Ingrid Larsen']);
    expect(invited.code).toBe(0);
    expect(invited.stdout).toMatch(/invitation for Ingrid Larsen/);
    expect(invited.stdout.trim().split('\n').at(-1)).toMatch(/^[0-9a-f]{10}\.[A-Za-z0-9_-]{24}$/);
    const tls = await upr(['serve-network', setup.file, '--cert', path.join(setup.dir, 'missing.pem')]);
    expect(tls.code).toBe(2);
    expect(tls.stderr).toMatch(/give both the certificate and its key/);
    expect(tls.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe('the office server over TLS', () => {
  it('serves wss:// with the secretariat’s certificate: an office given it connects from the app, one without it is told this computer does not trust it', async () => {
    const tls = setUpNetwork(['David Okafor']);
    const cert = path.join(tls.dir, 'server.pem');
    const key = path.join(tls.dir, 'server.key');
    // A certificate of the secretariat's own (no public authority knows it), as an office network has.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=upr-office-server', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
    const served = await ServerProcess.start(tls, 0, ['--cert', cert, '--key', key]);
    const david = tls.offices[0]!;
    const report = OpenReport.open(david.file);
    const ctx = { report, me: getMember(report.db, david.memberId)!, dataDir: david.dataDir };
    const address = `wss://127.0.0.1:${served.port}`;
    try {
      expect(served.lines.some((l) => l.includes(`wss://127.0.0.1:${served.port}`))).toBe(true);
      await connectNetwork(ctx, { address, invitation: david.invitation });
      const untrusted = await eventually(async () => networkStatus(ctx)?.problem?.key === 'networkTlsUntrusted' && networkStatus(ctx), 15_000, 'the untrusted certificate said');
      expect(untrusted.kind).toBe('offline');
      await disconnectNetwork(ctx);
      // The same invitation (never used: TLS failed first), with the certificate pasted.
      await connectNetwork(ctx, { address, invitation: david.invitation, ca: fs.readFileSync(cert, 'utf8') });
      const connected = await eventually(async () => networkStatus(ctx)?.kind === 'connected' && networkStatus(ctx), 15_000, 'connected over TLS');
      expect(connected).toMatchObject({ member: 'David Okafor', problem: null });
      await disconnectNetwork(ctx);
    } finally {
      report.close();
      await served.kill();
      fs.rmSync(tls.dir, { recursive: true, force: true });
    }
  });
});
