// Copies small enough to e-mail (issue 17, point 2). "Send a copy" writes the report packed, without
// its search index and cached text; opening the copy unpacks it beside itself as the same report,
// searchable, and opening it again opens the file it gave; merging takes it as it takes a plain
// copy, after a plain backup. A packed file cut short, damaged, one that would unpack past the
// limit, one packed by a newer version, or a file that is not ours is refused in words, and nothing
// changes: neither the report, nor the folder the file is in.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main as cli } from '../../electron/hosts/cli.js';
import { searchReport } from '../../electron/search/search.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { loadWorkspace } from '../../electron/services/report.js';
import { setSectionStatus } from '../../electron/services/sections.js';
import { mergeFromCopy, sendCopy } from '../../electron/services/sharing.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { reportToOpen } from '../../electron/sync/received.js';
import { contents, HEADER, repack } from './exchange-helpers.js';
import { newHost, tempDir, TestClient } from './helpers.js';
import { actIn } from './office.js';

let dataDir = '';
beforeEach(() => {
  dataDir = tempDir();
  process.env.UPR_DATA_DIR = dataDir;
});
afterEach(() => {
  delete process.env.UPR_DATA_DIR;
});

function setUp() {
  const dir = tempDir();
  const main = path.join(dir, 'veridia.upr');
  createDemoReport(main).close();
  return { dir, main };
}

/** "Send a copy" as the secretariat's Maria Santos does it. */
function sendFrom(file: string, to: string, who?: string): string {
  const office = actIn(file, who);
  try {
    return sendCopy(office.ctx, { path: to }).path;
  } finally {
    office.report.close();
  }
}

function inFolder(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

describe('a copy sent packed', () => {
  it('is small, opens beside itself as the same report, searchable, and opens the same file again', async () => {
    const { dir, main } = setUp();
    const sent = sendFrom(main, path.join(dir, 'for-justice.upr'));
    expect(path.basename(sent)).toBe('for-justice.uprz');
    const head = fs.readFileSync(sent).subarray(0, 5);
    expect([...head]).toEqual([0x89, ...Buffer.from('UPRZ')]);
    expect(fs.statSync(sent).size).toBeLessThan(fs.statSync(main).size / 5);

    const host = newHost(dataDir);
    const client = new TestClient(host);
    const opened = await client.call('app.openReport', { path: sent });
    expect(opened.path).toBe(path.join(dir, 'for-justice.upr'));
    host.closeAll();

    const original = OpenReport.open(main);
    const copy = OpenReport.open(opened.path);
    try {
      expect(contents(copy)).toEqual(contents(original));
      // What was left out is there again: the cached text and the search index.
      const count = (r: OpenReport, table: string) => r.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
      expect(count(copy, 'section_text')).toBe(count(original, 'section_text'));
      expect(count(copy, 'search_docs')).toBeGreaterThan(0);
      const hits = searchReport(copy.db, 'submissions').groups.flatMap((g) => g.hits);
      expect(hits.length).toBeGreaterThan(0);
      expect(loadWorkspace({ report: copy, me: null }).sentCopy).toMatchObject({ from: 'veridia.upr', by: 'Maria Santos' });
    } finally {
      original.close();
      copy.close();
    }
    // Opened again (the e-mail's attachment double-clicked twice), it is the same file, with what was done in it since.
    expect(reportToOpen(sent)).toBe(opened.path);
    expect(inFolder(dir)).toEqual(['for-justice.upr', 'for-justice.uprz', 'veridia.upr']);

    // A file of that name that is not what the copy gave is left as it is; the copy opens beside it.
    const other = path.join(dir, 'other.upr');
    createDemoReport(other).close();
    const before = fs.readFileSync(other);
    fs.copyFileSync(sent, path.join(dir, 'other.uprz'));
    expect(reportToOpen(path.join(dir, 'other.uprz'))).toBe(path.join(dir, 'other (2).upr'));
    expect(fs.readFileSync(other).equals(before)).toBe(true);
  });

  it('merges as a plain copy does, after a plain backup, in the app and from the command line', async () => {
    const { dir, main } = setUp();
    const justiceFile = reportToOpen(sendFrom(main, path.join(dir, 'for-justice.uprz')));
    const justice = actIn(justiceFile, 'David Okafor');
    setSectionStatus(justice.ctx, { id: justice.section('Institutional framework').id, status: 'ready_for_review' });
    justice.type('Institutional framework', 'The Ministry of Justice adds a paragraph on the national preventive mechanism.');
    justice.report.close();
    const packed = sendFrom(justiceFile, path.join(dir, 'from-justice'), 'David Okafor');
    const plain = path.join(dir, 'from-justice-plain.upr');
    const r = OpenReport.open(justiceFile);
    writeClosedCopy(r.db, plain);
    r.close();
    const twin = path.join(dir, 'twin.upr');
    fs.copyFileSync(main, twin);
    const third = path.join(dir, 'third.upr');
    fs.copyFileSync(main, third);

    const here = actIn(main);
    const summary = mergeFromCopy({ ...here.ctx, dataDir }, { path: packed });
    expect(summary).toMatchObject({ file: 'from-justice.uprz', texts: 1, held: [] });
    expect(summary.rows).toBeGreaterThan(0);
    expect(summary.offices).toEqual(['Ministry of Justice']);
    expect(summary.backup.endsWith('.upr')).toBe(true);
    expect(fs.readFileSync(summary.backup).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect(mergeFromCopy({ ...here.ctx, dataDir }, { path: packed })).toMatchObject({ rows: 0, texts: 0 });
    // The same copy, plain, gives the same report.
    const other = actIn(twin);
    mergeFromCopy({ ...other.ctx, dataDir }, { path: plain });
    expect(contents(other.report)).toEqual(contents(here.report));
    other.report.close();
    here.report.close();

    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await cli(['merge', third, packed], io)).toBe(0);
    expect(out.at(-1)).toMatch(/^merged from-justice\.uprz/);
    // `upr copy` packs when told .uprz, and writes a plain closed copy otherwise.
    expect(await cli(['copy', main, path.join(dir, 'cli.uprz')], io)).toBe(0);
    expect(await cli(['send-copy', main, path.join(dir, 'sent-by-cli'), '--as', 'Maria Santos'], io)).toBe(0);
    expect(out.at(-1)).toMatch(/^wrote a copy to .*sent-by-cli\.uprz \([\d,]+ bytes\), packed to send/);
    expect(await cli(['merge', main, path.join(dir, 'cli.uprz')], io)).toBe(0);
    expect(out.at(-1)).toMatch(/^nothing to merge: cli\.uprz holds nothing this report lacks$/);
  });
});

describe('a packed file that cannot be trusted', () => {
  it('is refused in words, opened or merged, and nothing changes', async () => {
    const { dir, main } = setUp();
    const sent = sendFrom(main, path.join(dir, 'copy.uprz'));
    const bytes = fs.statSync(sent).size;
    const bad = path.join(dir, 'bad');
    fs.mkdirSync(bad);
    const at = (name: string) => path.join(bad, name);
    // Zeros pack to almost nothing: 80 MiB of them pass the 64 MiB a small file may unpack to.
    const zeros = zlib.brotliCompressSync(Buffer.alloc(80 * 1024 ** 2), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
    const cases: Array<[string, RegExp]> = [];
    const add = (file: string, said: RegExp) => cases.push([file, said]);
    const damaged = /is damaged or incomplete \(cut short or changed on the way/;
    fs.writeFileSync(at('half.uprz'), fs.readFileSync(sent).subarray(0, Math.floor(bytes / 2)));
    add(at('half.uprz'), damaged);
    fs.writeFileSync(at('header-only.uprz'), fs.readFileSync(sent).subarray(0, HEADER.bytes));
    add(at('header-only.uprz'), damaged);
    add(repack(sent, at('flipped.uprz'), { flip: HEADER.bytes + Math.floor((bytes - HEADER.bytes) / 2) }), damaged);
    add(repack(sent, at('wrong-digest.uprz'), { flip: HEADER.sha + 3 }), damaged);
    add(repack(sent, at('wrong-size.uprz'), { size: BigInt(bytes * 3) }), damaged);
    add(repack(sent, at('bomb.uprz'), { payload: zeros, size: 80n * 1024n ** 2n }), /would unpack to more than 64 MB/);
    add(repack(sent, at('lying-bomb.uprz'), { payload: zeros, size: 1000n }), /would unpack to more than 64 MB/);
    add(repack(sent, at('newer.uprz'), { format: 2 }), /was packed by a newer version of the app/);
    fs.writeFileSync(at('archive.uprz'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
    add(at('archive.uprz'), /“archive\.uprz” is not a UPR report file/);

    const here = actIn(main);
    const log = () => here.report.db.prepare('SELECT count(*) FROM change_log').pluck().get();
    const before = log();
    const host = newHost(dataDir);
    const client = new TestClient(host);
    const listed = inFolder(bad);
    for (const [file, said] of cases) {
      const name = path.basename(file);
      expect(() => mergeFromCopy({ ...here.ctx, dataDir }, { path: file }), name).toThrow(said);
      expect(() => mergeFromCopy({ ...here.ctx, dataDir }, { path: file }), name).toThrow(name);
      const opened = await client.reply('app.openReport', { path: file });
      expect(opened.ok, name).toBe(false);
      if (!opened.ok) expect(opened.error.message, name).toMatch(said);
    }
    expect(log()).toBe(before);
    expect(fs.existsSync(path.join(dataDir, 'backups')) ? fs.readdirSync(path.join(dataDir, 'backups')) : []).toEqual([]);
    // Nothing unpacked, nothing half written beside the files.
    expect(inFolder(bad)).toEqual(listed);
    here.report.close();
  });

  it('is found out by its first bytes when renamed .upr, and opens beside itself', () => {
    const { dir, main } = setUp();
    const sent = sendFrom(main, path.join(dir, 'copy.uprz'));
    const renamed = path.join(dir, 'renamed.upr');
    fs.copyFileSync(sent, renamed);
    expect(reportToOpen(renamed)).toBe(path.join(dir, 'renamed (2).upr'));
    const db = new Database(path.join(dir, 'renamed (2).upr'), { readonly: true });
    expect(db.prepare("SELECT count(*) FROM meta WHERE key = 'report_id'").pluck().get()).toBe(1);
    db.close();
  });
});
