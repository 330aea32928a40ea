// Trust at the edges (issue 12, cases 1, 2, 10, 11, 12, 14, 15 and 16): nothing is written over a
// report; a tab cannot act as another; paths are taken only as the host allows; browser mode
// answers anything sent to it and stays up; another program holding the file is said in words; a
// file checked or merged is left as it was.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../shared/base64.js';
import { editSection } from '../../electron/docs/headless.js';
import { textUpdates } from '../../electron/docs/section-text.js';
import { Host } from '../../electron/hosts/host.js';
import { startServer, type RunningServer } from '../../electron/hosts/server.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { APPLICATION_ID } from '../../electron/store/open.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { newHost, sha256, tempDir, TestClient, upr } from './helpers.js';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function demo(host: Host = newHost()) {
  const dir = tempDir();
  const file = path.join(dir, 'report.upr');
  createDemoReport(file).close();
  const as = async (name: string | null) => {
    const c = new TestClient(host);
    await c.call('app.openReport', { path: file });
    if (name) await c.signInAs(name);
    return c;
  };
  return { dir, file, host, as };
}

/** The report still holds what it held: it opens, and a change made now is still there after a reload. */
async function stillWhole(host: Host, file: string) {
  const c = new TestClient(host);
  await c.call('app.openReport', { path: file });
  await c.signInAs('Maria Santos');
  await c.call('report.update', { session: 'Fiftieth session' });
  host.closeAll();
  const r = OpenReport.open(file);
  try {
    expect(r.db.prepare('SELECT session FROM report').pluck().get()).toBe('Fiftieth session');
  } finally {
    r.close();
  }
}

describe('nothing is written over a report', () => {
  it('an export of the report or of the comment matrix to the open report’s path, its journal, or another name for it is refused, by anyone, and the report stays whole', async () => {
    const { dir, file, host, as } = await demo();
    const nobody = await as(null);
    const observer = await as('Ingrid Larsen');
    const alias = path.join(dir, 'alias.upr');
    fs.symlinkSync(file, alias);
    const hardLink = path.join(dir, 'hard.upr');
    fs.linkSync(file, hardLink);
    for (const target of [file, `${file}-wal`, `${file}-shm`, alias, hardLink, path.join(dir, '.', 'report.upr')]) {
      for (const [client, method, input] of [
        [nobody, 'export.write', { format: 'html', path: target }],
        [observer, 'export.write', { format: 'docx', path: target }],
        [nobody, 'comments.export', { format: 'csv', path: target }],
        [observer, 'comments.export', { format: 'xlsx', path: target }],
      ] as const) {
        const reply = await client.reply(method, input);
        expect(reply, `${method} to ${target}`).toMatchObject({ ok: false, error: { code: 'conflict' } });
      }
    }
    await stillWhole(host, file);
    // The command line, with the same file named as the output.
    const cli = await upr(['export', file, '--format', 'comments-csv', '--out', file]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/^upr: .*report/);
    await stillWhole(newHost(), file);
  });

  it('a copy is never sent over another open report, nor over any report file', async () => {
    const host = newHost();
    const { file: first, as } = await demo(host);
    const { file: second, as: asSecond } = await demo(host);
    const inFirst = await as('Maria Santos');
    await asSecond('Maria Santos');
    const before = sha256(second);
    expect(await inFirst.reply('sharing.sendCopy', { path: second })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(sha256(second)).toBe(before);
    host.closeAll();
    // Closed, the other report is still a report: not written over either.
    const closedBefore = sha256(second);
    const r = OpenReport.open(first);
    expect(() => writeClosedCopy(r.db, second)).toThrow(/is a report file/);
    r.close();
    expect(sha256(second)).toBe(closedBefore);
    await stillWhole(newHost(), second);
  });
});

describe('one tab cannot act as another', () => {
  it('text events reach other tabs without the id of the tab that made them', async () => {
    const { host, as } = await demo();
    const tomas = await as('Tomás Ruiz');
    const observer = await as(null);
    const e = (await tomas.call('workspace.load')).sections.find((s) => s.title.startsWith('Achievements'))!.id;
    const r = host.client(tomas.client.id)!.report!;
    const update = editSection(textUpdates(r.db, e), () => $getRoot().append($createParagraphNode().append($createTextNode('Typed by Tomás.'))));
    await tomas.call('text.push', { sectionId: e, update: bytesToBase64(update) });
    // The host knows which tab typed (to keep the echo from it); what it sends carries no id.
    const seen = JSON.stringify(observer.events);
    expect(seen).toContain('"kind":"text"');
    expect(seen).not.toContain(tomas.client.id);
  });

  it('over the browser-mode server too: nothing an event carries lets another tab call as the typist', async () => {
    const { dir, file } = await demo();
    const host = newHost();
    const token = 'test-token-0123456789abcdef';
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>UPR</title>');
    server = await startServer({ host, token, staticDir: dir, defaultReport: file, port: 0 });
    const typist = 'tab-aaaaaaaa-0001';
    const watcher = 'tab-bbbbbbbb-0002';
    const received: string[] = [];
    const stream = http.get({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${token}&client=${watcher}` }, (res) => res.on('data', (c: Buffer) => received.push(c.toString())));
    await new Promise((r) => setTimeout(r, 100));
    const api = (client: string, method: string, input: unknown) =>
      fetch(`http://127.0.0.1:${server!.port}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'X-Upr-Client': client, 'Content-Type': 'application/json' }, body: JSON.stringify(input) }).then((r) => r.json() as Promise<{ ok: boolean; result: { members: Array<{ id: string; name: string }>; sections: Array<{ id: string; title: string }> } }>);
    const ws = (await api(typist, 'workspace.load', {})).result;
    await api(typist, 'session.signIn', { memberId: ws.members.find((m) => m.name === 'Tomás Ruiz')!.id });
    const e = ws.sections.find((s) => s.title.startsWith('Achievements'))!.id;
    const r = OpenReport.open(file);
    const update = editSection(textUpdates(r.db, e), () => $getRoot().append($createParagraphNode().append($createTextNode('Over HTTP.'))));
    r.close();
    await api(typist, 'text.push', { sectionId: e, update: bytesToBase64(update) });
    await new Promise((res) => setTimeout(res, 100));
    stream.destroy();
    expect(received.join('')).toContain('"kind":"text"');
    expect(received.join('')).not.toContain(typist);
  });
});

describe('paths', () => {
  it('in the desktop app, only a path the main process’s dialog gave (or a recent file) is taken', async () => {
    const dir = tempDir();
    const wanted = path.join(dir, 'chosen.upr');
    const host = new Host({ dataDir: tempDir(), pathsFromDialogs: true, chooseFile: async () => wanted });
    const c = new TestClient(host);
    const input = { path: path.join(dir, 'typed.upr'), country: 'Testland', yourName: 'Sam', yourOrganization: 'Ministry' };
    expect(await c.reply('app.newReport', input)).toMatchObject({ ok: false, error: { key: 'pathNotChosen' } });
    expect(await c.reply('app.openReport', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { key: 'pathNotChosen' } });
    expect(fs.existsSync(input.path)).toBe(false);
    expect((await c.call('app.chooseFile', { mode: 'save' })).path).toBe(wanted);
    await c.call('app.newReport', { ...input, path: wanted });
    expect(await c.reply('inputs.attachFile', { inputId: 'x', path: '/etc/hostname' })).toMatchObject({ ok: false, error: { key: 'pathNotChosen' } });
    expect(await c.reply('sharing.merge', { path: path.join(dir, 'somewhere.upr') })).toMatchObject({ ok: false, error: { key: 'pathNotChosen' } });
    host.closeAll();
    // A recent file may be opened again without the dialog.
    const again = new TestClient(host);
    expect(await again.reply('app.openReport', { path: wanted })).toMatchObject({ ok: true });
  });

  it('in browser mode, a file outside the system’s own trees only, and never more than the limit: not /proc/self/environ, not /dev/zero', async () => {
    const { as } = await demo();
    const maria = await as('Maria Santos');
    const input = await maria.call('inputs.create', { title: 'A submission' });
    for (const p of ['/proc/self/environ', '/dev/zero', '/proc/self/fd/0', '/sys/kernel/hostname']) {
      const attached = await maria.reply('inputs.attachFile', { inputId: input.id, path: p });
      expect(attached, p).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a file|no file/) } });
      const imported = await maria.reply('recommendations.previewImport', { path: p });
      expect(imported.ok, p).toBe(false);
    }
    expect((await maria.call('inputs.list')).find((i) => i.id === input.id)!.attachments).toEqual([]);
    expect(await maria.reply('export.write', { format: 'html', path: 'a\u0000b.html' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

function rawRequest(port: number, line: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = new net.Socket();
    let got = '';
    socket.connect(port, '127.0.0.1', () => socket.write(`${line}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
    socket.on('data', (c: Buffer) => (got += c.toString()));
    socket.on('close', () => resolve(got));
    socket.on('error', () => resolve(got));
  });
}

describe('browser mode', () => {
  it('answers malformed addresses with 400 and stays up, without the token', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>UPR</title>');
    server = await startServer({ host: newHost(), token: 'test-token-0123456789abcdef', staticDir: dir, port: 0 });
    for (const target of ['/%00', '/%E0%A4%A', '//[', '/api/%E0%A4%A', '/..%2f..%2fetc/passwd', '/%2e%2e/x']) {
      const answer = await rawRequest(server.port, `GET ${target} HTTP/1.1`);
      expect(answer, target).toMatch(/^HTTP\/1\.1 (400|403|404|405)/);
    }
    const page = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(page.status).toBe(200);
  });
});

describe('another program writing the same file', () => {
  it('is said in words, the server and its background work carry on, and the save goes through once the file is free', async () => {
    const { file, host, as } = await demo();
    const tomas = await as('Tomás Ruiz');
    const report = host.client(tomas.client.id)!.report!;
    report.db.pragma('busy_timeout = 50');
    const e = (await tomas.call('workspace.load')).sections.find((s) => s.title.startsWith('Achievements'))!.id;
    const update = editSection(textUpdates(report.db, e), () => $getRoot().append($createParagraphNode().append($createTextNode('Typed while locked.'))));
    const other = new Database(file);
    other.pragma('busy_timeout = 50');
    other.exec('BEGIN IMMEDIATE');
    const reply = await tomas.reply('text.push', { sectionId: e, update: bytesToBase64(update) });
    expect(reply).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^Another program is writing this report/) } });
    expect(JSON.stringify(reply)).not.toMatch(/database is locked|SQLITE/);
    // The background tidying runs while the file is locked, and fails quietly.
    report.scheduleRecount();
    await new Promise((r) => setTimeout(r, 1300));
    other.exec('COMMIT');
    other.close();
    await tomas.call('text.push', { sectionId: e, update: bytesToBase64(update) });
    expect((await tomas.call('text.content', { sectionId: e })).plain).toContain('Typed while locked.');
  });
});

describe('messages and checks', () => {
  it('a file missing parts every report has is refused in words (never “no such table”), and upr check lists every broken invariant', async () => {
    const dir = tempDir();
    const base = path.join(dir, 'base.upr');
    createDemoReport(base).close();
    const variant = (name: string, sql: string) => {
      const f = path.join(dir, name);
      fs.copyFileSync(base, f);
      const db = new Database(f);
      db.exec(sql);
      db.close();
      return f;
    };
    const noMeta = variant('no-meta.upr', 'DROP TABLE meta');
    const trigger = variant('trigger.upr', 'CREATE TRIGGER t AFTER INSERT ON change_log BEGIN DELETE FROM section_updates; END');
    for (const f of [noMeta, trigger]) {
      const host = newHost();
      const c = new TestClient(host);
      const reply = await c.reply('app.openReport', { path: f });
      expect(reply).toMatchObject({ ok: false, error: { code: 'damaged', message: expect.stringMatching(/is damaged and cannot be opened/) } });
      expect(JSON.stringify(reply)).not.toMatch(/no such table|SQLITE|Something went wrong/);
      const info = await upr(['info', f]);
      expect(info.stderr).toMatch(/^upr: “.*” is damaged and cannot be opened/);
    }
    const noSettings = variant('no-settings.upr', "DELETE FROM report; DELETE FROM change_log WHERE tbl = 'report'");
    const cycle = variant(
      'cycle.upr',
      `UPDATE sections SET parent_id = (SELECT id FROM sections WHERE title = 'Institutional framework') WHERE title = 'Normative framework';
       UPDATE sections SET parent_id = (SELECT id FROM sections WHERE title = 'Normative framework') WHERE title = 'Institutional framework';`,
    );
    const badValues = variant('bad-values.upr', "UPDATE sections SET status = 'finished' WHERE rowid = 1; UPDATE recommendations SET themes = 'not json'; UPDATE inputs SET themes = '{\"a\":1}'");
    const noSecretariat = variant('no-secretariat.upr', "UPDATE members SET role = 'drafter' WHERE role = 'secretariat'");
    const expectations: Array<[string, RegExp]> = [
      [noSettings, /settings \(title, country, cycle\) are missing/],
      [cycle, /is not reached from the top of the outline/],
      [badValues, /holds “finished”, which the app cannot show/],
      [noSecretariat, /no member is in the secretariat/],
    ];
    for (const [f, problem] of expectations) {
      const before = sha256(f);
      const checked = await upr(['check', f]);
      expect(checked.code, f).toBe(1);
      expect(checked.stdout, f).toMatch(problem);
      expect(sha256(f)).toBe(before);
      expect(fs.existsSync(`${f}-wal`) || fs.existsSync(`${f}-shm`)).toBe(false);
    }
  });

  it('checking or merging a copy leaves nothing beside it, and a foreign SQLite file wearing our id with no schema is refused, untouched', async () => {
    const dir = tempDir();
    const main = path.join(dir, 'main.upr');
    createDemoReport(main).close();
    // A copy made the careless way: the file of an open report, in WAL mode.
    const live = path.join(dir, 'live.upr');
    const r = OpenReport.open(main);
    fs.copyFileSync(main, live);
    r.close();
    expect([...fs.readFileSync(live).subarray(18, 20)]).toEqual([2, 2]);
    const before = sha256(live);
    expect((await upr(['check', live])).code).toBe(0);
    const merged = await upr(['merge', main, live]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('live.upr'))).toEqual(['live.upr']);
    expect(sha256(live)).toBe(before);

    const foreign = path.join(dir, 'foreign.upr');
    const db = new Database(foreign);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec('CREATE TABLE notes (x TEXT)');
    db.close();
    const foreignBefore = sha256(foreign);
    const c = new TestClient(newHost());
    expect(await c.reply('app.openReport', { path: foreign })).toMatchObject({ ok: false, error: { code: 'not_ours' } });
    expect(sha256(foreign)).toBe(foreignBefore);
    expect(new Database(foreign, { readonly: true }).pragma('user_version', { simple: true })).toBe(0);
  });
});
