// Signed changes (issue 17, part 1): a copy cannot speak for another office. Every change-log batch
// and text update is signed by its author's key; a merge holds back what is not signed by whom it
// claims, what was changed after signing, and what is signed with a key the secretariat has not
// confirmed (released once it is); history from before signing is accepted and counted; `upr check
// --signatures` names what fails; a person's folded text is signed again on their machine and
// still checks in every office. Real files, real keys (Node's Ed25519).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readSectionText } from '../../electron/docs/section-text.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { confirmKey, listKeys } from '../../electron/services/keys.js';
import { updateSection } from '../../electron/services/sections.js';
import { readReportFile } from '../../electron/store/open.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { mergeCopy } from '../../electron/sync/merge.js';
import { checkSignatures } from '../../electron/sync/signature-check.js';
import { FileKeyStore, MemoryKeyStore, fingerprint, newSigningKey, roots, type KeyProtection } from '../../electron/sync/signing.js';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { main as cli } from '../../electron/hosts/cli.js';
import { tempDir } from './helpers.js';
import { actIn, sendCopyOf } from './office.js';

function setUp() {
  const dir = tempDir();
  const main = path.join(dir, 'secretariat.upr');
  createDemoReport(main).close();
  return { dir, main, backups: path.join(dir, 'backups'), send: (name: string, from = main) => sendCopyOf(from, path.join(dir, name)) };
}

/** Acts in `file` as `who` on a machine of their own: a key store no other office shares. */
function onOwnMachine(file: string, who: string, store = new MemoryKeyStore()) {
  const office = actIn(file, who);
  office.report.log.signer!.store = store;
  return office;
}

const signaturesOf = (file: string) => readReportFile(file, (db) => checkSignatures(db));
const titleOf = (report: OpenReport) => report.db.prepare('SELECT title FROM report').pluck().get() as string;
/** A drafter's own change: their ministry's section marked ready for review. */
const markReady = (office: ReturnType<typeof actIn>, title: string) =>
  office.report.write(office.me.id, [{ table: 'sections', row: office.section(title).id, column: 'status', value: 'ready_for_review' }]);

describe('keys', () => {
  it('are made where a person first acts, recorded in the report, the first secretariat key its root; key files are this user’s only, sealed when the system can', () => {
    const { main } = setUp();
    const here = actIn(main);
    const keys = listKeys(here.ctx);
    const maria = keys.find((k) => k.memberId === here.me.id)!;
    expect(maria).toMatchObject({ root: true, confirmed: true, mine: true });
    expect(maria.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    expect(roots(here.report.db)).toEqual([maria.id]);
    // The demo's other people acted too: their keys are recorded, not the root.
    expect(keys.filter((k) => !k.root).length).toBeGreaterThan(0);
    here.report.close();

    const dir = tempDir();
    const plain = new FileKeyStore(path.join(dir, 'plain'));
    const key = newSigningKey('m1');
    plain.save('report-1', key);
    const file = path.join(dir, 'plain', 'report-1', 'm1.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(plain.load('report-1', 'm1')!.keyId).toBe(key.keyId);
    expect(plain.load('report-1', 'someone-else')).toBeNull();
    // With the operating system's protection (safeStorage in the app; an AES key stands in here).
    const secret = randomBytes(32);
    const iv = randomBytes(12);
    const protect: KeyProtection = {
      available: () => true,
      encrypt: (p) => {
        const c = createCipheriv('aes-256-gcm', secret, iv);
        return Buffer.concat([c.update(p, 'utf8'), c.final(), c.getAuthTag()]);
      },
      decrypt: (b) => {
        const d = createDecipheriv('aes-256-gcm', secret, iv);
        d.setAuthTag(b.subarray(b.length - 16));
        return Buffer.concat([d.update(b.subarray(0, b.length - 16)), d.final()]).toString('utf8');
      },
    };
    const sealed = new FileKeyStore(path.join(dir, 'sealed'), protect);
    sealed.save('report-1', key);
    const bytes = fs.readFileSync(path.join(dir, 'sealed', 'report-1', 'm1.key'));
    expect(bytes.toString('latin1')).not.toMatch(/PRIVATE KEY/);
    expect(sealed.load('report-1', 'm1')!.keyId).toBe(key.keyId);
    // Read without the protection (another login): no key, and a new one is made rather than a crash.
    expect(new FileKeyStore(path.join(dir, 'sealed')).load('report-1', 'm1')).toBeNull();
  });
});

describe('a merged copy', () => {
  it('holds back a change written into it with sqlite3 in the secretariat’s name, and one whose signed value was changed by hand; check --signatures names both', () => {
    const { main, send, backups } = setUp();
    const copy = send('edited.upr');
    // A drafter's real change, signed on their machine...
    const david = onOwnMachine(copy, 'David Okafor');
    const section = david.section('Developments');
    markReady(david, 'Developments');
    david.report.close();
    const db = new Database(copy);
    const maria = db.prepare("SELECT id FROM members WHERE name = 'Maria Santos'").pluck().get() as string;
    // ...its value changed afterwards, and a change the secretariat never made.
    expect(db.prepare("UPDATE change_log SET value = 'approved' WHERE tbl = 'sections' AND col = 'status' AND row_id = ? AND value = 'ready_for_review'").run(section.id).changes).toBe(1);
    const newest = db.prepare('SELECT max(hlc) FROM change_log').pluck().get() as string;
    const forged = `${new Date(Date.parse(newest.slice(0, 24)) + 1000).toISOString()}-0000-00000000000000f1`;
    db.prepare("INSERT INTO change_log VALUES (?, '00000000000000f1', ?, 'report', (SELECT id FROM report), 'title', 'Taken over', NULL)").run(forged, maria);
    db.close();

    const problems = signaturesOf(copy).problems.join('\n');
    expect(problems).toMatch(/Maria Santos has signed their changes since/);
    expect(problems).toMatch(/signature of David Okafor .* does not match what it covers/);

    const here = actIn(main);
    const before = titleOf(here.report);
    const summary = mergeCopy(here.report, copy, { backupDir: backups, confirmKeysBy: here.me.id });
    expect(titleOf(here.report)).toBe(before);
    expect(here.section('Developments').status).toBe(section.status);
    expect(summary.held).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'change', table: 'report', column: 'title', authorName: 'Maria Santos', reason: 'heldUnsigned' }),
        expect.objectContaining({ kind: 'change', table: 'sections', column: 'status', value: 'approved', authorName: 'David Okafor', reason: 'heldBadSignature' }),
      ]),
    );
    // What is held back is kept, and the file still checks: held is what a merge holds.
    here.report.close();
    expect(signaturesOf(main).problems.join('\n')).toMatch(/Taken over|report\.title/);
  });

  it('holds back what a person signed on a new machine until the secretariat confirms the key; then it is applied, and every office ends the same', () => {
    const { main, send, backups } = setUp();
    const copy = send('justice.upr');
    const david = onOwnMachine(copy, 'David Okafor');
    const developments = david.section('Developments');
    markReady(david, 'Developments');
    david.type('Developments', 'Typed on the ministry’s laptop.');
    const newKey = listKeys(david.ctx).find((k) => k.mine)!;
    expect(newKey.confirmed).toBe(false);
    david.report.close();

    const here = actIn(main);
    const summary = mergeCopy(here.report, copy, { backupDir: backups });
    expect(summary.held.map((h) => h.reason)).toEqual(expect.arrayContaining(['heldUnconfirmedKey']));
    expect(summary.held.every((h) => h.reason === 'heldUnconfirmedKey')).toBe(true);
    expect(here.section('Developments').status).toBe(developments.status);
    expect(readSectionText(here.report.db, developments.id).plain).not.toMatch(/ministry’s laptop/);
    const waiting = listKeys(here.ctx).find((k) => k.id === newKey.id)!;
    expect(waiting).toMatchObject({ confirmed: false, mine: false, fingerprint: fingerprint(newKey.id) });
    expect(waiting.waiting).toBeGreaterThan(0);

    // The secretariat reads the fingerprint with David over the telephone, and confirms it.
    expect(confirmKey(here.ctx, { keyId: newKey.id, confirmed: true })).toMatchObject({ confirmed: true, waiting: 0 });
    expect(here.section('Developments').status).toBe('ready_for_review');
    expect(readSectionText(here.report.db, developments.id).plain).toMatch(/ministry’s laptop/);
    here.report.close();
    const checked = signaturesOf(main);
    expect(checked.problems).toEqual([]);
    expect(checked.waiting).toEqual([]);

    // The confirmation travels: the ministry's copy takes it, and both files read the same.
    const back = send('back.upr');
    const there = onOwnMachine(copy, 'David Okafor');
    mergeCopy(there.report, back, { backupDir: backups });
    expect(there.section('Developments').status).toBe('ready_for_review');
    expect(listKeys(there.ctx).find((k) => k.id === newKey.id)!.confirmed).toBe(true);
    there.report.close();
  });

  it('is applied at once when the secretariat confirms the keys it brings as it merges', () => {
    const { main, send, backups } = setUp();
    const copy = send('justice.upr');
    const david = onOwnMachine(copy, 'David Okafor');
    markReady(david, 'Developments');
    david.report.close();
    const here = actIn(main);
    const summary = mergeCopy(here.report, copy, { backupDir: backups, confirmKeysBy: here.me.id });
    expect(summary).toMatchObject({ held: [], keysConfirmed: 1 });
    expect(here.section('Developments').status).toBe('ready_for_review');
    here.report.close();
  });
});

describe('history from before signing', () => {
  it('is accepted and counted as unsigned history; check --signatures says so and finds nothing wrong', () => {
    const { main, send, backups } = setUp();
    // The demo as a report made before signing: no keys, no records (as migration 18 leaves one).
    const db = new Database(main);
    db.exec("DELETE FROM signatures; DELETE FROM change_log WHERE tbl = 'member_keys'; DELETE FROM member_keys; DELETE FROM meta WHERE key = 'signing_roots';");
    db.close();
    const before = signaturesOf(main);
    expect(before.sound).toBe(true);
    expect(before.summary).toMatch(/^0 signature records .* 0 changes and 0 text updates signed, [1-9]\d* changes and [1-9]\d* text updates unsigned history/);
    const copy = send('after.upr');
    const david = onOwnMachine(copy, 'David Okafor');
    markReady(david, 'Developments');
    david.report.close();
    const here = actIn(main);
    // The first secretariat key made in the upgraded file becomes its root.
    updateSection(here.ctx, { id: here.section('Methodology').id, title: 'Methodology and consultation' });
    expect(roots(here.report.db)).toHaveLength(1);
    const summary = mergeCopy(here.report, copy, { backupDir: backups, confirmKeysBy: here.me.id });
    expect(summary.held).toEqual([]);
    expect(here.section('Developments').status).toBe('ready_for_review');
    here.report.close();
    const after = signaturesOf(main);
    expect(after.problems).toEqual([]);
    expect(after.summary).toMatch(/[1-9]\d* changes and [1-9]\d* text updates unsigned history/);
  });
});

describe('check --signatures', () => {
  it('names a record removed from a person’s chain', async () => {
    const { main, send } = setUp();
    const here = actIn(main);
    for (const title of ['A', 'B', 'C']) updateSection(here.ctx, { id: here.section('Methodology').id, title: `Methodology ${title}` });
    here.report.close();
    const copy = send('gap.upr');
    const db = new Database(copy);
    const maria = db.prepare("SELECT id FROM members WHERE name = 'Maria Santos'").pluck().get() as string;
    const middle = db.prepare("SELECT hash FROM signatures WHERE author = ? AND kind = 'changes' ORDER BY last_hlc DESC LIMIT 1 OFFSET 1").pluck().get(maria) as string;
    db.prepare('DELETE FROM signatures WHERE hash = ?').run(middle);
    db.close();
    const result = signaturesOf(copy);
    expect(result.sound).toBe(false);
    expect(result.problems.join('\n')).toMatch(/chain of Maria Santos’s key .* misses what came before/);
    // The same from the command line: each problem on its line, and a failing exit code.
    const said: string[] = [];
    const io = { out: (l: string) => said.push(l), err: (l: string) => said.push(l) };
    expect(await cli(['check', copy, '--signatures'], io)).toBe(1);
    expect(said.join('\n')).toMatch(/^problem: the chain of Maria Santos’s key/m);
    expect(said.at(-1)).toMatch(/^signatures not sound: \d+ signature records/);
    said.length = 0;
    expect(await cli(['check', main, '--signatures'], io)).toBe(0);
    expect(said).toEqual([expect.stringMatching(/^signatures sound: \d+ signature records \(0 failing\)/)]);
  });
});

describe('signed text', () => {
  it('is never folded (only unsigned history is): it stays as its author signed it, and checks in every office', () => {
    const { main, send, backups } = setUp();
    const copy = send('typing.upr');
    const david = onOwnMachine(copy, 'David Okafor');
    for (let i = 0; i < 6; i++) david.type('Developments', `Sentence ${i} typed.`);
    const id = david.section('Developments').id;
    const mine = (db: Database.Database | OpenReport['db']) => db.prepare('SELECT count(*) FROM section_updates WHERE section_id = ? AND author = (SELECT id FROM members WHERE name = ?)').pluck().get(id, 'David Okafor') as number;
    const typed = mine(david.report.db);
    expect(typed).toBeGreaterThanOrEqual(6);
    // Closing folds what it may: nothing signed.
    david.report.close();
    const sent = send('sent.upr', copy);
    const again = new Database(sent, { readonly: true });
    expect(mine(again)).toBe(typed);
    // One record covers the session's typing in the section.
    expect(again.prepare("SELECT count(*) FROM signatures WHERE kind = 'text' AND section_id = ?").pluck().get(id)).toBeGreaterThanOrEqual(1);
    again.close();
    expect(signaturesOf(sent).problems).toEqual([]);

    const here = actIn(main);
    const summary = mergeCopy(here.report, sent, { backupDir: backups, confirmKeysBy: here.me.id });
    expect(summary.held).toEqual([]);
    expect(readSectionText(here.report.db, id).plain).toMatch(/Sentence 5 typed\./);
    here.report.close();
    expect(signaturesOf(main).problems).toEqual([]);
  });
});

describe('edits inside a larger transaction', () => {
  const unsignedRecords = (db: OpenReport['db']) => db.prepare('SELECT count(*) FROM signatures WHERE length(signature) = 0').pluck().get() as number;

  it('are signed, and follow one another, as they stand after a transaction or savepoint was undone: nothing undone is covered or followed, nothing kept left out', () => {
    const { main } = setUp();
    const here = actIn(main);
    const id = here.section('Methodology').id;
    const retitle = (title: string) => updateSection(here.ctx, { id, title });
    const undone = () => {
      throw new Error('undone');
    };
    // A transaction kept with a savepoint undone in its middle, then a whole transaction undone,
    // then a write of its own, all before the records are sealed.
    here.report.db.transaction(() => {
      retitle('K1');
      retitle('K2');
      expect(() => here.report.db.transaction(() => (retitle('U1'), retitle('U2'), undone()))()).toThrow('undone');
      retitle('K3');
    })();
    expect(() => here.report.db.transaction(() => (['U3', 'U4', 'U5'].forEach((t) => retitle(t)), undone()))()).toThrow('undone');
    retitle('K4');
    // Nothing undone is left, and each title change follows the one before it that was kept.
    const titles = here.report.db.prepare("SELECT hlc, value, prev_hlc FROM change_log WHERE tbl = 'sections' AND row_id = ? AND col = 'title' ORDER BY hlc").all(id) as Array<{ hlc: string; value: string; prev_hlc: string | null }>;
    expect(titles.slice(-4).map((t) => t.value)).toEqual(['K1', 'K2', 'K3', 'K4']);
    titles.slice(1).forEach((t, i) => expect(t.prev_hlc).toBe(titles[i]!.hlc));
    here.report.log.signer!.seal();
    expect(unsignedRecords(here.report.db)).toBe(0);
    here.report.close();
    const checked = signaturesOf(main);
    expect(checked.problems).toEqual([]);
    expect(checked.summary).toMatch(/\(0 failing\)/);
  });

  it('left unwritten by a crash after the commit are all signed when the report is next opened', () => {
    const { dir, main } = setUp();
    const here = actIn(main);
    const id = here.section('Methodology').id;
    here.report.db.transaction(() => {
      for (let i = 0; i < 20; i++) updateSection(here.ctx, { id, title: `Methodology ${i}` });
    })();
    // The file as a crash would leave it now: committed, before the record grown in memory is written.
    const crashed = path.join(dir, 'crashed.upr');
    fs.copyFileSync(main, crashed);
    fs.copyFileSync(`${main}-wal`, `${crashed}-wal`);
    here.report.close();
    const left = new Database(crashed);
    const maria = here.me.id;
    const rows = left.prepare('SELECT count(*) FROM change_log WHERE replica = ? AND author = ?').pluck().get(here.report.replica, maria) as number;
    const covered = left.prepare("SELECT sum(count) FROM signatures WHERE kind = 'changes' AND replica = ? AND author = ?").pluck().get(here.report.replica, maria) as number;
    expect(covered).toBeLessThan(rows);
    left.close();

    const again = OpenReport.open(crashed);
    expect(unsignedRecords(again.db)).toBe(0);
    again.close();
    const checked = signaturesOf(crashed);
    expect(checked.problems).toEqual([]);
  });
});
