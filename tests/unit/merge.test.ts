// Sharing between offices, on real files: a closed copy sent out, edited elsewhere, merged back.
// Every change arrives, merging twice changes nothing, fields changed on both sides are listed as
// conflicts with both values, text edited on both sides merges and is flagged, and a copy of
// another report, a newer or damaged file, or a clock far ahead is refused with nothing changed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readSectionText } from '../../electron/docs/section-text.js';
import { createSection, updateSection } from '../../electron/services/sections.js';
import { backUp, writeClosedCopy } from '../../electron/sync/copy.js';
import { mergeCopy } from '../../electron/sync/merge.js';
import { checkReportFile } from '../../electron/store/check.js';
import { inspectReportFile } from '../../electron/store/open.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { SYNCED_TABLES } from '../../electron/store/schema.js';
import { listSections } from '../../electron/store/queries.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { newReport, tempDir, TestClient, upr } from './helpers.js';
import { actIn } from './office.js';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every synced table's rows and every section's text, to compare two files. */
function contents(report: OpenReport) {
  const tables = Object.fromEntries(Object.keys(SYNCED_TABLES).map((t) => [t, report.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
  const texts = Object.fromEntries(listSections(report.db).map((s) => [s.id, readSectionText(report.db, s.id).plain]));
  return { tables, texts, log: report.db.prepare('SELECT hlc FROM change_log ORDER BY hlc').pluck().all() };
}

function setUp() {
  const dir = tempDir();
  const main = path.join(dir, 'secretariat.upr');
  createDemoReport(main).close();
  const send = (name: string) => {
    const r = OpenReport.open(main);
    try {
      return writeClosedCopy(r.db, path.join(dir, name)).path;
    } finally {
      r.close();
    }
  };
  return { dir, main, send, backups: path.join(dir, 'backups') };
}

describe('sending a copy', () => {
  it('writes a closed, self-contained copy that opens as the same report, and never over the report itself', async () => {
    const { main, send, dir } = setUp();
    const copy = send('justice.upr');
    expect(fs.existsSync(`${copy}-wal`)).toBe(false);
    const a = OpenReport.open(main);
    const b = OpenReport.open(copy);
    expect(contents(b)).toEqual(contents(a));
    expect(b.db.prepare("SELECT value FROM meta WHERE key = 'report_id'").pluck().get()).toBe(a.db.prepare("SELECT value FROM meta WHERE key = 'report_id'").pluck().get());
    expect(() => writeClosedCopy(a.db, main)).toThrow(/cannot be written over the report itself/);
    a.close();
    b.close();
    const cli = await upr(['copy', main, path.join(dir, 'nhri.upr')]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/^wrote a copy to .*nhri\.upr \([\d,]+ bytes\)\n$/);
  });
});

describe('backing up before a merge', () => {
  it('keeps a closed copy of the file as it was, made by copying the checkpointed file, or by VACUUM INTO while another connection reads', () => {
    const { main, dir } = setUp();
    const report = OpenReport.open(main);
    const closedAndSame = (file: string) => {
      expect([...fs.readFileSync(file).subarray(18, 20)], 'the header says rollback journal, not WAL').toEqual([1, 1]);
      inspectReportFile(file); // opens read-only and passes quick_check
      const copy = OpenReport.open(file);
      try {
        expect(contents(copy)).toEqual(contents(report));
      } finally {
        copy.close();
      }
    };
    const m = report.db.prepare("SELECT id FROM members WHERE role = 'secretariat' LIMIT 1").pluck().get() as string;
    report.write(m, [{ table: 'organizations', row: 'o-backup', column: 'name', value: 'In the WAL only' }]);
    const quick = backUp(report.db, path.join(dir, 'backups'));
    // The fast way: the whole file, once the WAL is checkpointed into it.
    expect(fs.statSync(quick).size).toBe(fs.statSync(main).size);
    closedAndSame(quick);
    // A reader elsewhere holds a snapshot: the WAL cannot be emptied, and the backup is made by
    // VACUUM INTO without waiting for the reader.
    const reader = new Database(main, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM change_log').get();
    report.write(m, [{ table: 'organizations', row: 'o-backup', column: 'kind', value: 'nhri' }]);
    const slow = backUp(report.db, path.join(dir, 'backups'));
    reader.exec('COMMIT');
    reader.close();
    expect(slow).not.toBe(quick);
    closedAndSame(slow);
    // Compacted, never larger (a file with no free pages, as this one is since schema 16's tables,
    // comes out the same size); that it holds the change still only in the WAL, checked just above,
    // is what shows it was not a copy of the file on disk.
    expect(fs.statSync(slow).size).toBeLessThanOrEqual(fs.statSync(main).size);
    report.close();
  });
});

describe('merging a copy', () => {
  it('brings over every change the copy has, and merging it again changes nothing', () => {
    const { main, send, backups } = setUp();
    const justiceFile = send('justice.upr');
    const justice = actIn(justiceFile);
    updateSection(justice.ctx, { id: justice.section('Developments').id, dueDate: '2027-01-15' });
    createSection(justice.ctx, { title: 'Access to justice', parentId: justice.section('Developments').id });
    justice.type('Promotion and protection', 'Legal aid now reaches 40,000 people a year.');
    justice.report.close();

    const secretariat = actIn(main);
    secretariat.type('Methodology', 'The draft was validated on 3 May.');
    const summary = mergeCopy(secretariat.report, justiceFile, { backupDir: backups });
    expect(summary).toMatchObject({ offices: ['Ministry of Foreign Affairs'], conflicts: [], bothEdited: [], texts: 2 });
    expect(summary.rows).toBeGreaterThan(3);
    expect(summary.changed.sections).toBe(2);
    expect(fs.existsSync(summary.backup)).toBe(true);
    expect(secretariat.section('Developments').dueDate).toBe('2027-01-15');
    expect(secretariat.section('Access to justice')).toBeDefined();
    expect(readSectionText(secretariat.report.db, secretariat.section('Promotion and protection').id).plain).toContain('Legal aid now reaches 40,000 people a year.');
    expect(readSectionText(secretariat.report.db, secretariat.section('Methodology').id).plain).toContain('validated on 3 May');

    // Again: nothing new, nothing written, no backup.
    const before = contents(secretariat.report);
    const again = mergeCopy(secretariat.report, justiceFile, { backupDir: backups });
    expect(again).toMatchObject({ rows: 0, texts: 0, backup: '' });
    expect(contents(secretariat.report)).toEqual(before);
    secretariat.report.close();
  });

  it('lists a field changed in both copies as a conflict with both values, and flags text edited in both', () => {
    const { main, send, backups } = setUp();
    const copyFile = send('social.upr');
    const social = actIn(copyFile);
    social.type('Promotion and protection', 'Four more shelters open in 2026.');
    updateSection(social.ctx, { id: social.section('Promotion and protection').id, title: 'Human rights on the ground' });
    social.report.close();

    const secretariat = actIn(main);
    updateSection(secretariat.ctx, { id: secretariat.section('Promotion and protection').id, title: 'Protection of human rights in practice' });
    secretariat.type('Protection of human rights', 'The helpline took 12,000 calls.');
    const summary = mergeCopy(secretariat.report, copyFile, { backupDir: backups });
    expect(summary.conflicts).toEqual([
      expect.objectContaining({
        table: 'sections',
        column: 'title',
        local: expect.objectContaining({ value: 'Protection of human rights in practice' }),
        other: expect.objectContaining({ value: 'Human rights on the ground' }),
        shown: 'local',
      }),
    ]);
    const s = secretariat.section('Protection of human rights');
    expect(summary.bothEdited).toEqual([s.id]);
    const text = readSectionText(secretariat.report.db, s.id).plain;
    expect(text).toContain('Four more shelters open in 2026.');
    expect(text).toContain('The helpline took 12,000 calls.');
    expect(secretariat.report.db.prepare('SELECT side FROM merge_revisions WHERE section_id = ? ORDER BY side').pluck().all(s.id)).toEqual(['local', 'other']);
    secretariat.report.close();
  });

  it('ends with the same report whichever office merges, in whichever order', () => {
    const { main, send, backups } = setUp();
    const files = ['a.upr', 'b.upr', 'c.upr'].map(send);
    files.forEach((f, i) => {
      const o = actIn(f);
      updateSection(o.ctx, { id: o.section('Methodology').id, wordBudget: 1000 + i });
      o.type('Key national priorities', `Priority set by office ${i}.`);
      createSection(o.ctx, { title: `Annex note ${i}`, parentId: null });
      o.report.close();
    });
    const results = [
      [0, 1, 2],
      [2, 0, 1],
      [1, 2, 0],
    ].map((order, k) => {
      const target = path.join(path.dirname(main), `merged-${k}.upr`);
      fs.copyFileSync(main, target);
      const o = actIn(target);
      for (const i of order) mergeCopy(o.report, files[i]!, { backupDir: backups });
      const c = contents(o.report);
      o.report.close();
      return c;
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    for (const i of [0, 1, 2]) expect(Object.values(results[0]!.texts).join('\n')).toContain(`Priority set by office ${i}.`);
  });

  it('refuses a copy of another report, a newer, damaged or truncated file, or a clock far ahead, and changes nothing', async () => {
    const { main, send, dir, backups } = setUp();
    const copyFile = send('late.upr');
    const other = path.join(dir, 'other.upr');
    createDemoReport(other).close();
    const newer = path.join(dir, 'newer.upr');
    fs.copyFileSync(copyFile, newer);
    const n = OpenReport.open(newer);
    n.db.pragma('user_version = 99');
    n.db.close();
    const truncated = path.join(dir, 'truncated.upr');
    fs.writeFileSync(truncated, fs.readFileSync(copyFile).subarray(0, 8192));

    const before = sha(main);
    const secretariat = actIn(main);
    expect(() => mergeCopy(secretariat.report, other, { backupDir: backups })).toThrow(/is a copy of another report/);
    expect(() => mergeCopy(secretariat.report, newer, { backupDir: backups })).toThrow(/newer version of the app/);
    expect(() => mergeCopy(secretariat.report, truncated, { backupDir: backups })).toThrow(/damaged/);
    expect(() => mergeCopy(secretariat.report, main, { backupDir: backups })).toThrow(/this report’s own file/);

    // The copy's office wrote with a clock an hour ahead of this computer's.
    const late = actIn(copyFile);
    updateSection(late.ctx, { id: late.section('Methodology').id, dueDate: '2027-02-01' });
    late.report.close();
    expect(() => mergeCopy(secretariat.report, copyFile, { backupDir: backups, now: () => Date.now() - 60 * 60 * 1000 })).toThrow(
      /stamped 60 minutes ahead of this computer’s clock/,
    );
    secretariat.report.close();
    expect(sha(main)).toBe(before);
    expect(fs.existsSync(backups)).toBe(false);

    const cli = await upr(['merge', main, other]);
    expect(cli).toMatchObject({ code: 2, stdout: '' });
    expect(cli.stderr).toMatch(/^upr: “other\.upr” is a copy of another report/);
  });

  it('checks a copy where the merge reads it: damage in its log is refused, damage only in a table it never reads is not', () => {
    const { main, send, backups } = setUp();
    const copies = ['log.upr', 'comments.upr'].map((name) => {
      const copy = send(name);
      const office = actIn(copy);
      updateSection(office.ctx, { id: office.section('Methodology').id, dueDate: '2027-03-01' });
      office.report.close(); // left in WAL mode, as a copy someone worked in: read as an image
      return copy;
    });
    // A page of the table overwritten with noise, as a bad disk or a careless tool would.
    const damage = (file: string, table: string) => {
      const db = new Database(file, { readonly: true });
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      const page = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' LIMIT 1").pluck().get(table) as number;
      db.close();
      for (const j of ['-wal', '-shm']) fs.rmSync(file + j, { force: true });
      expect(page).toBeGreaterThan(1);
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
      fs.closeSync(fd);
    };
    damage(copies[0]!, 'change_log');
    damage(copies[1]!, 'comments');
    const before = sha(main);
    const secretariat = actIn(main);
    expect(() => mergeCopy(secretariat.report, copies[0]!, { backupDir: backups })).toThrow(/“log\.upr” is damaged/);
    expect(sha(main)).toBe(before);
    const summary = mergeCopy(secretariat.report, copies[1]!, { backupDir: backups });
    expect(summary.rows).toBe(1);
    expect(secretariat.section('Methodology').dueDate).toBe('2027-03-01');
    secretariat.report.close();
    for (const copy of copies) expect(fs.existsSync(`${copy}-wal`) || fs.existsSync(`${copy}-shm`)).toBe(false);
    // Opened or checked, the damaged copy is still refused as a whole.
    expect(checkReportFile(copies[1]!).sound).toBe(false);
    expect(() => OpenReport.open(copies[1]!)).toThrow(/damaged/);
  });
});

describe('sharing through the API', () => {
  it('sends a copy, merges it back, lists the conflict with names and settles it with a third value that then stands', async () => {
    const { file, host, admin } = await newReport();
    const copy = path.join(path.dirname(file), 'copy.upr');
    // Packed to e-mail (copy.uprz), and opened as the report it unpacks to beside it (copy.upr).
    expect(await admin.call('sharing.sendCopy', { path: copy })).toMatchObject({ path: `${copy}z` });
    const [a] = (await admin.call('workspace.load')).sections;
    const elsewhere = new TestClient(host);
    expect(await elsewhere.call('app.openReport', { path: `${copy}z` })).toEqual({ path: copy });
    await elsewhere.signInAs('Sam Secretariat');
    await elsewhere.call('sections.update', { id: a!.id, title: 'Method and consultations' });
    await elsewhere.call('sections.setStatus', { id: a!.id, status: 'drafting' });
    // Later by the wall clock here, so this side's value is the one shown.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await admin.call('sections.update', { id: a!.id, title: 'How the report was prepared' });
    await admin.call('sections.setStatus', { id: a!.id, status: 'ready_for_review' });
    await elsewhere.call('app.closeReport');

    const summary = await admin.call('sharing.merge', { path: copy });
    expect(summary.conflicts.map((c) => c.column).sort()).toEqual(['status', 'title']);
    const conflicts = await admin.call('sharing.conflicts');
    const conflict = conflicts.find((c) => c.column === 'title');
    const status = conflicts.find((c) => c.column === 'status')!;
    // A status is settled by keeping a side, never by a value typed in.
    expect(await admin.reply('sharing.settle', { conflictId: status.id, value: 'approved' })).toMatchObject({ ok: false, error: { key: 'settleKeepASide' } });
    expect(await admin.reply('sharing.settle', { conflictId: conflict!.id, value: '  ' })).toMatchObject({ ok: false, error: { key: 'settleEmpty' } });
    await admin.call('sharing.settle', { conflictId: status.id, value: 'drafting' });
    expect((await admin.call('workspace.load')).sections[0]!.status).toBe('drafting');
    expect(conflict).toMatchObject({
      subject: { kind: 'section', label: 'How the report was prepared' },
      column: 'title',
      local: { value: 'How the report was prepared', authorName: 'Sam Secretariat' },
      other: { value: 'Method and consultations', authorName: 'Sam Secretariat' },
      current: 'How the report was prepared',
    });
    expect(admin.events).toContainEqual(expect.objectContaining({ kind: 'changed' }));

    await admin.call('members.create', { name: 'Rita Reviewer', organizationId: (await admin.call('workspace.load')).organizations[0]!.id, role: 'reviewer' });
    const reviewer = new TestClient(host);
    await reviewer.call('app.openReport', { path: file });
    await reviewer.signInAs('Rita Reviewer');
    expect(await reviewer.reply('sharing.settle', { conflictId: conflict!.id, value: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await reviewer.reply('sharing.merge', { path: copy })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await admin.call('sharing.settle', { conflictId: conflict!.id, value: 'Methodology and consultation process' });
    expect(await admin.call('sharing.conflicts')).toEqual([]);
    expect((await admin.call('workspace.load')).sections[0]!.title).toBe('Methodology and consultation process');
    expect(await admin.reply('sharing.settle', { conflictId: 'nope', value: 'x' })).toMatchObject({ ok: false, error: { key: 'conflictMissing' } });
  });
});

describe('the last merge, kept in the file', () => {
  it('is null before any merge, then the latest merge that brought something, with its time; only for the secretariat', async () => {
    const { file, host, admin } = await newReport();
    expect(await admin.call('sharing.lastMerge')).toBeNull();
    const [a] = (await admin.call('workspace.load')).sections;
    const copy = path.join(path.dirname(file), 'copy.upr');
    await admin.call('sharing.sendCopy', { path: copy });
    const elsewhere = new TestClient(host);
    await elsewhere.call('app.openReport', { path: `${copy}z` });
    await elsewhere.signInAs('Sam Secretariat');
    await elsewhere.call('sections.update', { id: a!.id, title: 'Changed in the copy' });
    await elsewhere.call('app.closeReport');

    const before = Date.now();
    const first = await admin.call('sharing.merge', { path: copy });
    const last = await admin.call('sharing.lastMerge');
    expect(last?.summary).toEqual(first);
    expect(last?.mergedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(last!.mergedAt)).toBeGreaterThanOrEqual(before - 1);

    // Merging the same copy again brings nothing and is not recorded: the first stays the last.
    expect((await admin.call('sharing.merge', { path: copy })).rows).toBe(0);
    expect(await admin.call('sharing.lastMerge')).toEqual(last);

    // A second copy that brings something becomes the last.
    const second = path.join(path.dirname(file), 'second.upr');
    await admin.call('sharing.sendCopy', { path: second });
    await elsewhere.call('app.openReport', { path: `${second}z` });
    await elsewhere.signInAs('Sam Secretariat');
    await elsewhere.call('sections.update', { id: a!.id, dueDate: '2027-01-15' });
    await elsewhere.call('app.closeReport');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const next = await admin.call('sharing.merge', { path: second });
    expect((await admin.call('sharing.lastMerge'))?.summary).toEqual(next);
    expect(next.file).toBe(second);

    await admin.call('members.create', { name: 'Rita Reviewer', organizationId: (await admin.call('workspace.load')).organizations[0]!.id, role: 'reviewer' });
    const reviewer = new TestClient(host);
    await reviewer.call('app.openReport', { path: file });
    expect(await reviewer.reply('sharing.lastMerge')).toMatchObject({ ok: false, error: { key: 'sayWhoFirst' } });
    await reviewer.signInAs('Rita Reviewer');
    expect(await reviewer.reply('sharing.lastMerge')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin.reply('sharing.lastMerge', { since: 'yesterday' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('what a conflict belongs to', () => {
  it('names the report, an organization and a member by kind and name, in no language', async () => {
    const { file, host, admin } = await newReport();
    const ws = await admin.call('workspace.load');
    const org = ws.organizations[0]!;
    const sam = ws.members.find((m) => m.name === 'Sam Secretariat')!;
    const copy = path.join(path.dirname(file), 'copy.upr');
    await admin.call('sharing.sendCopy', { path: copy });
    const elsewhere = new TestClient(host);
    await elsewhere.call('app.openReport', { path: `${copy}z` });
    await elsewhere.signInAs('Sam Secretariat');
    await elsewhere.call('report.update', { session: 'Forty-eighth session' });
    await elsewhere.call('organizations.update', { id: org.id, name: 'Foreign Ministry' });
    await elsewhere.call('members.update', { id: sam.id, name: 'Samuel Secretariat' });
    await elsewhere.call('app.closeReport');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await admin.call('report.update', { session: 'Forty-ninth session' });
    await admin.call('organizations.update', { id: org.id, name: 'Ministry of External Affairs' });
    await admin.call('members.update', { id: sam.id, name: 'Sam S.' });

    await admin.call('sharing.merge', { path: copy });
    const subjects = Object.fromEntries((await admin.call('sharing.conflicts')).map((c) => [`${c.table}.${c.column}`, c.subject]));
    expect(subjects).toEqual({
      'report.session': { kind: 'report', label: '' },
      'organizations.name': { kind: 'organization', label: 'Ministry of External Affairs' },
      'members.name': { kind: 'member', label: 'Sam S.' },
    });
  });
});
