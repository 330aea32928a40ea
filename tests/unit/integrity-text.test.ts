// Trust in section text (issue 12, cases 3, 4 and 7): a failed save is never dropped (the editor
// resends what the main process lacks, by state vectors); a comment's anchor cannot carry the
// deletion of words not typed yet; a node type this app does not know is refused on a push, held
// back in a merge, and, found in a file, makes only its own section unreadable.
import path from 'node:path';
import Database from 'better-sqlite3';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiEvent } from '../../shared/api.js';
import { bytesToBase64 } from '../../shared/base64.js';
import { markPassage } from '../../electron/docs/annotate.js';
import { bindHeadless, editSection } from '../../electron/docs/headless.js';
import { readSectionText, textState, textUpdates } from '../../electron/docs/section-text.js';
import { startServer, type RunningServer } from '../../electron/hosts/server.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { checkReportFile } from '../../electron/store/check.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { listSections } from '../../electron/store/queries.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { mergeCopy } from '../../electron/sync/merge.js';
import { setTransport } from '../../renderer/api/client.js';
import { SectionTextProvider, type SaveState } from '../../renderer/editor/provider.js';
import { newHost, tempDir, TestClient, upr } from './helpers.js';
import { actIn } from './office.js';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function demo() {
  const dir = tempDir();
  const file = path.join(dir, 'report.upr');
  createDemoReport(file).close();
  const host = newHost();
  const as = async (name: string) => {
    const c = new TestClient(host);
    await c.call('app.openReport', { path: file });
    await c.signInAs(name);
    return c;
  };
  return { dir, file, host, as };
}

const sectionIdOf = async (c: TestClient, title: string) => (await c.call('workspace.load')).sections.find((s) => s.title.startsWith(title))!.id;

/** An update holding a paragraph of a node type no version of this app knows, as a newer app might write it. */
function unknownNode(state: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  const root = doc.get('root', Y.XmlText);
  const block = new Y.XmlText();
  root.insertEmbed(root.length, block);
  block.setAttribute('__type', 'nonexistent');
  block.insert(0, 'From a newer version.');
  return Y.encodeStateAsUpdate(doc, before);
}

describe('a save that fails', () => {
  it('is sent again with everything typed after it, by state vectors, and "saved" is said only once it is stored', async () => {
    const { host, as } = await demo();
    const tomas = await as('Tomás Ruiz');
    const sectionId = await sectionIdOf(tomas, 'Achievements');
    let failPushes = 0;
    setTransport({
      clientId: tomas.client.id,
      call: async (method, input) => {
        if (method === 'text.push' && failPushes > 0) {
          failPushes--;
          return { ok: false, error: { message: 'Another program is writing this report; try again in a moment.', code: 'io' } };
        }
        return host.dispatch(tomas.client.id, method, input);
      },
      subscribe: () => () => {},
    });
    const doc = new Y.Doc();
    const states: SaveState[] = [];
    const provider = new SectionTextProvider(sectionId, doc, { onSaveError: () => {}, onLoaded: () => {}, onSaveState: (s) => states.push(s) });
    await provider.connect();
    const editor = bindHeadless(doc);
    const type = (words: string) => editor.editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(words))), { discrete: true });

    failPushes = 1;
    type('Typed while the file was locked.');
    await provider.flush();
    expect(provider.saveState).toMatchObject({ kind: 'unsaved', retrying: true, message: expect.stringMatching(/try again/) });
    type('Typed after that.');
    await provider.flush();
    expect(provider.saveState).toEqual({ kind: 'saved' });
    expect(states.map((s) => s.kind)).toEqual(['saving', 'unsaved', 'saving', 'saved']);
    const stored = (await tomas.call('text.content', { sectionId })).plain;
    expect(stored).toContain('Typed while the file was locked.');
    expect(stored).toContain('Typed after that.');
    editor.dispose();
    provider.destroy();
  });

  it('a push that builds on typing the main process never got is refused, not stored out of sight', async () => {
    const { as } = await demo();
    const tomas = await as('Tomás Ruiz');
    const sectionId = await sectionIdOf(tomas, 'Achievements');
    const { state } = await tomas.call('text.load', { sectionId });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(state, 'base64'));
    const editor = bindHeadless(doc);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    editor.editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode('Lost on the way.'))), { discrete: true });
    editor.editor.update(() => $getRoot().getLastChild()!.selectEnd().insertText(' And more.'), { discrete: true });
    const second = updates.at(-1)!;
    const reply = await tomas.reply('text.push', { sectionId, update: bytesToBase64(second) });
    expect(reply).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/builds on typing that was not saved/) } });
    editor.dispose();
  });
});

describe('a comment’s anchor', () => {
  it('cannot carry the deletion of words the drafter has not typed yet', async () => {
    const { file, host, as } = await demo();
    const tomas = await as('Tomás Ruiz');
    const ingrid = await as('Ingrid Larsen');
    const sectionId = await sectionIdOf(tomas, 'Achievements');
    const report = host.client(ingrid.client.id)!.report!;
    const state = textState(report.db, sectionId);
    // The drafter types a paragraph (not saved yet); the reviewer's crafted anchor deletes it.
    const drafter = new Y.Doc();
    Y.applyUpdate(drafter, state);
    const drafterEditor = bindHeadless(drafter);
    const before = Y.encodeStateVector(drafter);
    drafterEditor.editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode('Words still to be saved.'))), { discrete: true });
    const typed = Y.encodeStateAsUpdate(drafter, before);
    let deletion: Uint8Array | null = null;
    drafter.on('update', (u: Uint8Array) => (deletion = u));
    const root = drafter.get('root', Y.XmlText);
    root.delete(root.length - 1, 1);
    const mark = markPassage(textUpdates(report.db, sectionId), 'Enrolment in pre-school', 'evil-1')!;
    const anchor = Y.mergeUpdates([mark, deletion!]);
    const reply = await ingrid.reply('comments.create', { id: 'evil-1', sectionId, type: 'editorial', body: 'Fine.', anchor: bytesToBase64(anchor) });
    expect(reply.ok).toBe(false);
    await tomas.call('text.push', { sectionId, update: bytesToBase64(typed) });
    expect((await tomas.call('text.content', { sectionId })).plain).toContain('Words still to be saved.');
    drafterEditor.dispose();
    host.closeAll();
    const reopened = OpenReport.open(file);
    expect(readSectionText(reopened.db, sectionId).plain).toContain('Words still to be saved.');
    reopened.close();
  });
});

describe('a node type this app does not know', () => {
  it('is refused on a push, with a message that says so, and the text stays as it was', async () => {
    const { host, as } = await demo();
    const tomas = await as('Tomás Ruiz');
    const sectionId = await sectionIdOf(tomas, 'Achievements');
    const report = host.client(tomas.client.id)!.report!;
    const before = (await tomas.call('text.content', { sectionId })).plain;
    const reply = await tomas.reply('text.push', { sectionId, update: bytesToBase64(unknownNode(textState(report.db, sectionId))) });
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/does not know \(nonexistent\)/) } });
    expect((await tomas.call('text.content', { sectionId })).plain).toBe(before);
  });

  it('arriving in a copy is held back, and the rest of the copy merged', () => {
    const dir = tempDir();
    const main = path.join(dir, 'main.upr');
    createDemoReport(main).close();
    const r = OpenReport.open(main);
    const copy = writeClosedCopy(r.db, path.join(dir, 'newer-app.upr')).path;
    r.close();
    const office = actIn(copy, 'Tomás Ruiz');
    const e = office.section('Achievements');
    office.type('Achievements', 'A paragraph the app knows.');
    const stamp = office.report.clock.tick();
    office.report.close();
    // Then a newer app's typing, stored as that app stores it.
    const db = new Database(copy);
    db.prepare('INSERT INTO section_updates (section_id, data, replica, author, created_at, hlc, folded) VALUES (?, ?, ?, ?, ?, ?, 0)').run(
      e.id, unknownNode(textState(db, e.id)), '00000000000000e1', office.me.id, new Date().toISOString(), stamp,
    );
    db.close();
    const here = actIn(main);
    const summary = mergeCopy(here.report, copy, { backupDir: path.join(dir, 'backups') });
    expect(summary.held).toEqual([expect.objectContaining({ kind: 'text', row: e.id, reason: 'textUnknownNode', params: { type: 'nonexistent' } })]);
    const text = readSectionText(here.report.db, e.id);
    expect(text.damaged).toBe(false);
    expect(text.plain).toContain('A paragraph the app knows.');
    here.report.close();
  });

  it('found in a file, makes only its own section unreadable: the workspace, comments, search, export and the command line work, the server stays up, and upr check names it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.upr');
    createDemoReport(file).close();
    const probe = OpenReport.open(file);
    const e = listSections(probe.db).find((s) => s.title.startsWith('Achievements'))!;
    const poisoned = unknownNode(textState(probe.db, e.id));
    probe.close();
    // Put there by hand, as an older app would have stored a newer one's text.
    const db = new Database(file);
    db.prepare("INSERT INTO section_updates (section_id, data, replica, author, created_at, hlc, folded) VALUES (?, ?, 'ffffffffffffffff', 'x', '', '2026-01-01T00:00:00.000Z-0000-ffffffffffffffff', 0)").run(e.id, poisoned);
    db.close();

    const host = newHost();
    server = await startServer({ host, token: 'test-token-0123456789abcdef', staticDir: dir, defaultReport: file, port: 0 });
    const c = new TestClient(host);
    const events: ApiEvent[] = [];
    c.client.send = (ev) => events.push(ev);
    await c.call('app.openReport', { path: file });
    await c.signInAs('Maria Santos');
    const ws = await c.call('workspace.load');
    expect(ws.sections.find((s) => s.id === e.id)).toMatchObject({ damaged: true, words: 0 });
    expect(ws.sections.filter((s) => s.damaged)).toHaveLength(1);
    expect((await c.call('comments.list', {})).length).toBeGreaterThan(0);
    expect((await c.call('search.query', { q: 'shelters' })).groups[0]!.hits.length).toBeGreaterThan(0);
    const check = await c.call('export.check');
    expect(check.blockers).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'damaged', sectionId: e.id })]));
    // Typing elsewhere runs the background work that once took the server down.
    const a = ws.sections.find((s) => s.title.startsWith('Methodology'))!.id;
    const r = host.client(c.client.id)!.report!;
    const typed = editSection(textUpdates(r.db, a), () => $getRoot().append($createParagraphNode().append($createTextNode('Still working.'))));
    await c.call('text.push', { sectionId: a, update: bytesToBase64(typed) });
    await new Promise((done) => setTimeout(done, 1500));
    expect((await c.call('text.content', { sectionId: a })).plain).toContain('Still working.');
    await server.close();
    server = null;
    host.closeAll();

    const info = await upr(['info', file]);
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/Achievements.*cannot be read/);
    const out = path.join(dir, 'report.docx');
    const exported = await upr(['export', file, '--format', 'docx', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const checked = await upr(['check', file]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/problem: text update .* cannot be read and is not held back \(.*nonexistent/);
    expect(checked.stdout).toMatch(/problem: the text of section “Achievements[^”]*” cannot be read/);
    expect(checkReportFile(file).sound).toBe(false);
  });
});
