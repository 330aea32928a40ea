// A corpus of hostile and careless files (issue 12): empty, random, truncated, foreign, newer,
// with another application's id, broken invariants, poisoned text, zip and XML bombs, change logs
// edited by hand with forged authors and unknown names. Each goes through every entry point: open
// (and the screens' first calls), check, info, export, merge in (as the copy), merge into (as the
// report), import (as a list) and attach. Each answer is a result or a message in a person's
// words (never SQLite's, Lexical's or a stack's), the file's bytes are unchanged wherever the entry
// point only reads it, and this process goes on.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strToU8, unzipSync, zipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { textState } from '../../electron/docs/section-text.js';
import { main as cli } from '../../electron/hosts/cli.js';
import { logFile } from '../../electron/hosts/failures.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { APPLICATION_ID } from '../../electron/store/open.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { newHost, TestClient } from './helpers.js';

const CORPUS_LIST = path.resolve(import.meta.dirname, '../../../shared/corpus/UPR34_Slovenia_Thematic_list_of_Recommendations.docx');

/** Words that must never reach a person. */
const INTERNAL = /SQLITE|no such (table|column)|database is locked|is not registered|report row missing|TypeError|ReferenceError|Cannot read prop|undefined|\bat .*\.ts:\d|Something went wrong|unexpected/;

const sha = (file: string) => (fs.statSync(file).isFile() ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : 'not a file');

let dir = '';
let good = '';
const corpus: Array<{ name: string; file: string }> = [];

/** A report edited with sqlite3 after it was made. */
function edited(name: string, sql: string | ((db: Database.Database) => void)): string {
  const file = path.join(dir, name);
  fs.copyFileSync(good, file);
  const db = new Database(file);
  if (typeof sql === 'string') db.exec(sql);
  else sql(db);
  db.close();
  return file;
}

function sqliteFile(name: string, make: (db: Database.Database) => void): string {
  const file = path.join(dir, name);
  const db = new Database(file);
  make(db);
  db.close();
  return file;
}

function raw(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** A stamp a second after the newest in the file, from a replica of its own. */
function laterStamp(db: Database.Database, n = 1): string {
  const newest = db.prepare('SELECT max(hlc) FROM change_log').pluck().get() as string;
  return `${new Date(Date.parse(newest.slice(0, 24)) + 1000 * n).toISOString()}-0000-00000000000000f1`;
}

function forgedRow(db: Database.Database, author: string, tbl: string, row: string, col: string, value: unknown, n = 1): void {
  db.prepare('INSERT INTO change_log VALUES (?, ?, ?, ?, ?, ?, ?, NULL)').run(laterStamp(db, n), '00000000000000f1', author, tbl, row, col, value);
}

const memberOf = (db: Database.Database, name: string) => db.prepare('SELECT id FROM members WHERE name = ?').pluck().get(name) as string;
const sectionOf = (db: Database.Database, title: string) => db.prepare('SELECT id FROM sections WHERE title LIKE ?').pluck().get(`${title}%`) as string;

function withNode(db: Database.Database, type: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, textState(db as never, sectionOf(db, 'Achievements')));
  const before = Y.encodeStateVector(doc);
  const root = doc.get('root', Y.XmlText);
  const block = new Y.XmlText();
  root.insertEmbed(root.length, block);
  block.setAttribute('__type', type);
  block.insert(0, 'From elsewhere.');
  return Y.encodeStateAsUpdate(doc, before);
}

afterAll(() => {
  delete process.env.UPR_DATA_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

beforeAll(() => {
  // Its own folder: the helpers' temporary folders go after each test.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-hostile-'));
  // The command line's data folder (backups, the log of unexpected failures): this test's own.
  process.env.UPR_DATA_DIR = path.join(dir, 'data');
  good = path.join(dir, 'good.upr');
  createDemoReport(good).close();
  const bytes = fs.readFileSync(good);
  const add = (name: string, file: string) => corpus.push({ name, file });

  // Not a report at all.
  add('empty', raw('empty.upr', ''));
  add('a few zeros', raw('zeros.upr', new Uint8Array(60)));
  add('random bytes', raw('random.upr', Uint8Array.from({ length: 100_000 }, (_, i) => (i * 2654435761) >>> 24)));
  add('a text file', raw('notes.upr', 'Minutes of the consultation of 3 May. '.repeat(200)));
  add('a PDF', raw('scan.upr', `%PDF-1.4\n${'0'.repeat(2000)}`));
  add('a Word file renamed', raw('list.upr', fs.readFileSync(CORPUS_LIST)));
  add('a folder', (fs.mkdirSync(path.join(dir, 'folder.upr')), path.join(dir, 'folder.upr')));
  add('a link to /dev/zero', (fs.symlinkSync('/dev/zero', path.join(dir, 'zero.upr')), path.join(dir, 'zero.upr')));
  // Damaged reports.
  add('truncated to 8 KB', raw('truncated-8k.upr', bytes.subarray(0, 8192)));
  add('truncated to half', raw('truncated-half.upr', bytes.subarray(0, bytes.length / 2)));
  add('header overwritten', raw('bad-header.upr', Buffer.concat([Buffer.from('SQLite format 4\0'), bytes.subarray(16)])));
  add('pages overwritten', raw('garbled.upr', Uint8Array.from(bytes, (b, i) => (i > 8192 && i < bytes.length - 100 && i % 7 === 0 ? (b * 31 + 17) & 0xff : b))));
  // SQLite files that are not reports, or not this version's.
  add('another app’s database', sqliteFile('other-app.upr', (db) => db.exec('CREATE TABLE t (x)')));
  add('our id, no schema', sqliteFile('our-id-empty.upr', (db) => db.pragma(`application_id = ${APPLICATION_ID}`)));
  add('our id, schema 0 with tables', sqliteFile('our-id-v0.upr', (db) => (db.pragma(`application_id = ${APPLICATION_ID}`), db.exec('CREATE TABLE notes (x TEXT)'))));
  add('another id on a report', edited('wrong-id.upr', 'PRAGMA application_id = 1234'));
  add('a newer version', edited('newer.upr', 'PRAGMA user_version = 99'));
  add('schema 3 with nothing in it', sqliteFile('v3-empty.upr', (db) => (db.pragma(`application_id = ${APPLICATION_ID}`), db.pragma('user_version = 3'))));
  add('no meta table', edited('no-meta.upr', 'DROP TABLE meta'));
  add('no report id', edited('no-report-id.upr', "DELETE FROM meta WHERE key = 'report_id'"));
  add('no settings row', edited('no-settings.upr', "DELETE FROM report; DELETE FROM change_log WHERE tbl = 'report'"));
  add('a trigger', edited('trigger.upr', 'CREATE TRIGGER wipe AFTER INSERT ON change_log BEGIN DELETE FROM section_updates; END'));
  add('a view in a table’s place', edited('view.upr', 'DROP TABLE organizations; CREATE VIEW organizations AS SELECT * FROM members'));
  add('a column added', edited('extra-column.upr', 'ALTER TABLE sections ADD COLUMN evil TEXT'));
  // Reports whose content breaks the app's invariants.
  add('sections in a cycle', edited('cycle.upr', (db) => {
    const [a, b] = [sectionOf(db, 'Normative'), sectionOf(db, 'Institutional')];
    db.prepare('UPDATE sections SET parent_id = ? WHERE id = ?').run(b, a);
    db.prepare('UPDATE sections SET parent_id = ? WHERE id = ?').run(a, b);
  }));
  add('values the app cannot show', edited('bad-values.upr', "UPDATE sections SET status = 'finished'; UPDATE members SET role = 'king' WHERE name = 'Tomás Ruiz'; UPDATE report SET language = 'xx', cycle = -5"));
  add('JSON that is not a list', edited('bad-json.upr', "UPDATE inputs SET themes = '{'; INSERT INTO recommendations (id, number, text, states, themes, sdgs) VALUES ('r1', '1.1', 'x', 'not json', '[1', '\"a\"')"));
  add('no secretariat', edited('no-secretariat.upr', "UPDATE members SET role = 'drafter' WHERE role = 'secretariat'"));
  add('a node no version knows', edited('unknown-node.upr', (db) => {
    db.prepare("INSERT INTO section_updates (section_id, data, replica, author, created_at, hlc, folded) VALUES (?, ?, 'ffffffffffffffff', 'x', '', '2026-01-01T00:00:00.000Z-0000-ffffffffffffffff', 0)").run(sectionOf(db, 'Achievements'), withNode(db, 'nonexistent'));
  }));
  add('text that is not Yjs', edited('bad-text.upr', (db) => {
    db.prepare("INSERT INTO section_updates (section_id, data, replica, author, created_at, hlc, folded) VALUES (?, ?, 'ffffffffffffffff', 'x', '', '2026-01-01T00:00:00.000Z-0001-ffffffffffffffff', 0)").run(sectionOf(db, 'Methodology'), Buffer.from('not an update at all'));
  }));
  add('a text cache edited', edited('bad-cache.upr', "UPDATE section_text SET mark_ids = 'garbage', recommendation_refs = '{'"));
  add('a merge record edited', edited('bad-merge-record.upr', "INSERT INTO merges VALUES ('m', '2026-01-01T00:00:00Z', '/x', 'not json')"));
  add('an attachment without its contents', edited('no-blob.upr', (db) => {
    const secretariat = memberOf(db, 'Maria Santos');
    forgedRow(db, secretariat, 'inputs', 'in-1', 'title', 'A submission', 1);
    forgedRow(db, secretariat, 'attachments', 'at-1', 'input_id', 'in-1', 2);
    forgedRow(db, secretariat, 'attachments', 'at-1', 'sha256', 'a'.repeat(64), 3);
    db.exec("INSERT INTO inputs (id, title) VALUES ('in-1', 'A submission'); INSERT INTO attachments (id, input_id, sha256, name) VALUES ('at-1', 'in-1', '" + 'a'.repeat(64) + "', 'x.pdf')");
  }));
  add('contents not matching their hash', edited('bad-blob.upr', "INSERT INTO blobs VALUES ('" + 'b'.repeat(64) + "', 3, x'010203')"));
  // Change logs edited by hand.
  add('a forged approval', edited('forged-approval.upr', (db) => forgedRow(db, memberOf(db, 'David Okafor'), 'sections', sectionOf(db, 'Methodology'), 'status', 'approved')));
  add('a reviewer made secretariat', edited('forged-role.upr', (db) => forgedRow(db, memberOf(db, 'Ingrid Larsen'), 'members', memberOf(db, 'Ingrid Larsen'), 'role', 'secretariat')));
  add('an author no one knows', edited('stranger.upr', (db) => forgedRow(db, 'mallory', 'report', db.prepare('SELECT id FROM report').pluck().get() as string, 'title', 'Taken over')));
  add('a field no one knows', edited('unknown-field.upr', (db) => forgedRow(db, memberOf(db, 'Maria Santos'), 'sections; DROP TABLE meta', 'x', 'evil', 1)));
  add('a value of the wrong kind', edited('wrong-kind.upr', (db) => forgedRow(db, memberOf(db, 'Maria Santos'), 'sections', sectionOf(db, 'Methodology'), 'word_budget', 'lots')));
  add('a stamp that is not one', edited('bad-stamp.upr', (db) => db.prepare("INSERT INTO change_log VALUES ('yesterday', 'x', 'x', 'sections', 'x', 'title', 'x', NULL)").run()));
  add('a clock far ahead', edited('far-ahead.upr', (db) => db.prepare("INSERT INTO change_log VALUES ('2099-01-01T00:00:00.000Z-0000-00000000000000f2', '00000000000000f2', ?, 'sections', ?, 'title', 'From the future', NULL)").run(memberOf(db, 'Maria Santos'), sectionOf(db, 'Methodology'))));
  add('a copy of another report', (() => {
    const other = path.join(dir, 'another-report.upr');
    createDemoReport(other).close();
    return other;
  })());
  // Archives for the importer (and, named .upr, for the rest).
  const list = unzipSync(fs.readFileSync(CORPUS_LIST));
  const xml = strFromU8(list['word/document.xml']!);
  const [start, end] = [xml.indexOf('<w:body>') + 8, xml.lastIndexOf('<w:sectPr')];
  const big = xml.slice(0, start) + xml.slice(start, end).repeat(Math.ceil((60 * 1024 * 1024) / (end - start))) + xml.slice(end);
  add('a zip bomb', raw('bomb.docx', zipSync({ ...list, 'word/document.xml': strToU8(big) }, { level: 9 })));
  const laughs = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "${'lol'.repeat(100)}">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>`;
  add('an XML bomb', raw('laughs.docx', zipSync({ ...list, 'word/document.xml': strToU8(laughs) })));
  add('a CSV of too many rows', raw('rows.csv', `Recommendation,Text\n${'1.1,Ratify\n'.repeat(20_000)}`));
  add('a workbook that is a zip of zeros', raw('zeros.xlsx', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/zeros.bin': [new Uint8Array(80 * 1024 * 1024), { level: 1 }] })));
});

describe('hostile and careless files', () => {
  it('has at least forty of them', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  it('through every entry point: a result or a message in a person’s words, the file unchanged where only read, the process alive', async () => {
    const host = newHost();
    // A good report, open as the secretariat's, to import and attach into and to merge the files in.
    const base = path.join(dir, 'base.upr');
    const r = OpenReport.open(good);
    writeClosedCopy(r.db, base);
    r.close();
    const maria = new TestClient(host);
    await maria.call('app.openReport', { path: base });
    await maria.signInAs('Maria Santos');
    const input = await maria.call('inputs.create', { title: 'Where files are attached' });
    const said: string[] = [];
    const io = { out: (s: string) => said.push(s), err: (s: string) => said.push(s) };
    const plainWords = (label: string, text: string) => expect(text, label).not.toMatch(INTERNAL);

    for (const { name, file } of corpus) {
      const before = sha(file);
      const readOnly = (step: string) => expect(sha(file), `${name}: ${step} changed the file`).toBe(before);

      // Check, info and export read only.
      said.length = 0;
      const checked = await cli(['check', file], io);
      expect([0, 1, 2], `${name}: check`).toContain(checked);
      readOnly('check');
      const info = await cli(['info', file], io);
      expect([0, 2], `${name}: info`).toContain(info);
      readOnly('info');
      const exported = await cli(['export', file, '--format', 'comments-csv', '--out', path.join(dir, 'matrix.csv')], io);
      expect([0, 2], `${name}: export`).toContain(exported);
      readOnly('export');
      for (const line of said) plainWords(`${name}: command line`, line);

      // Merged in, as a copy: refused in words, or merged with what it claims held back.
      said.length = 0;
      const mergedIn = await cli(['merge', base, file], io);
      expect([0, 2], `${name}: merge in`).toContain(mergedIn);
      readOnly('merge in');
      for (const line of said) plainWords(`${name}: merge in`, line);

      // Imported as a list and attached to an input, through the API.
      for (const [method, args] of [
        ['recommendations.previewImport', { path: file }],
        ['inputs.attachFile', { inputId: input.id, path: file }],
      ] as const) {
        const reply = await maria.reply(method, args);
        if (!reply.ok) plainWords(`${name}: ${method}`, reply.error.message);
        readOnly(method);
      }

      // Opened, and the screens' first calls made, by the secretariat if there is one.
      const tab = new TestClient(host);
      const opened = await tab.reply('app.openReport', { path: file });
      if (!opened.ok) {
        plainWords(`${name}: open`, opened.error.message);
        readOnly('a refused open');
      } else {
        const ws = await tab.reply('workspace.load', {});
        if (!ws.ok) plainWords(`${name}: workspace`, ws.error.message);
        const member = ws.ok ? (ws.result as { members: Array<{ id: string; role: string }> }).members.find((m) => m.role === 'secretariat') : undefined;
        if (member) await tab.reply('session.signIn', { memberId: member.id });
        for (const [method, args] of [
          ['comments.list', {}],
          ['recommendations.list', {}],
          ['inputs.list', {}],
          ['search.query', { q: 'human rights' }],
          ['export.check', {}],
          ['sharing.lastMerge', {}],
          ['sharing.conflicts', {}],
        ] as const) {
          const reply = await tab.reply(method, args);
          if (!reply.ok) plainWords(`${name}: ${method}`, reply.error.message);
        }
        await tab.reply('app.closeReport', {});
      }

      // Merged into, as the report: a copy of it, since a merge that succeeds writes its target.
      const target = path.join(dir, `into-${path.basename(file)}`);
      if (fs.statSync(file).isFile()) {
        fs.copyFileSync(file, target);
        said.length = 0;
        const into = await cli(['merge', target, base], io);
        expect([0, 2], `${name}: merge into`).toContain(into);
        for (const line of said) plainWords(`${name}: merge into`, line);
        fs.rmSync(target, { force: true });
        for (const j of ['-wal', '-shm']) fs.rmSync(target + j, { force: true });
      }
      expect(fs.existsSync(`${file}-wal`) || fs.existsSync(`${file}-shm`), `${name}: left a journal beside the file`).toBe(false);
    }
    // The good report is still whole: everything the hostile copies claimed is held back, the
    // attachment's record written by hand in the secretariat's name too (it is not signed, and the
    // secretariat signs its changes), so check names nothing.
    said.length = 0;
    await cli(['check', base], io);
    expect(said.filter((l) => l.startsWith('problem')), 'upr check of the report the copies were merged into').toEqual([]);
    // Nothing failed in a way the app did not foresee: nothing was written to the log of those.
    for (const log of [path.join(dir, 'data', 'logs', 'upr.log'), logFile(host.options.dataDir)]) {
      expect(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '', log).toBe('');
    }
  }, 600_000);
});
