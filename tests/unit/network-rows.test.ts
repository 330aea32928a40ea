// What the office server and an office's app do with the rows they exchange, on real files in one
// process: only the rows a peer lacks are sent, taking rows is the merge path (a forged change is
// held back for the same reason a merge holds it; taking twice changes nothing), fields changed on
// both sides while apart are listed as conflicts, invitations bind to the first office that uses
// them, and whatever arrives that is not a message is answered as such, never thrown.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admit, issueInvitation } from '../../electron/network/invitations.js';
import { readToken, readToServer } from '../../electron/network/protocol.js';
import { rowsMissingFrom, summarize, toWire } from '../../electron/network/rows.js';
import { connectionFor, checkAddress } from '../../electron/network/settings.js';
import { takeRows } from '../../electron/network/take-rows.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { updateSection } from '../../electron/services/sections.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { mergeCopy } from '../../electron/sync/merge.js';
import { tempDir } from './helpers.js';
import { actIn } from './office.js';

function offices() {
  const dir = tempDir();
  const main = path.join(dir, 'secretariat.upr');
  createDemoReport(main).close();
  const r = OpenReport.open(main);
  const a = writeClosedCopy(r.db, path.join(dir, 'a.upr')).path;
  const b = writeClosedCopy(r.db, path.join(dir, 'b.upr')).path;
  r.close();
  return { dir, main, a, b };
}

/** Everything `from` has that `to` lacks, as it would travel. */
function rowsFor(from: OpenReport, to: OpenReport) {
  const missing = rowsMissingFrom(from.db, summarize(to.db), null);
  return { missing, wire: toWire(from.db, missing.changes, missing.texts, 100_000)[0]! };
}

describe('rows over the network', () => {
  it('sends only what the peer lacks, and taking them twice changes nothing', () => {
    const { a, b } = offices();
    const A = actIn(a);
    const B = actIn(b, 'David Okafor');
    B.type('Developments', 'Typed at Justice.');
    const { missing, wire } = rowsFor(B.report, A.report);
    expect(missing.texts).toHaveLength(1);
    expect(missing.changes.every((c) => c.replica === B.report.replica)).toBe(true);
    const first = takeRows(A.report, wire, { from: 'test' });
    expect(first.texts).toHaveLength(1);
    expect(first.held).toEqual([]);
    const log = A.report.db.prepare('SELECT count(*) FROM change_log').pluck().get();
    const again = takeRows(A.report, wire, { from: 'test' });
    expect(again.changes).toEqual([]);
    expect(again.texts).toEqual([]);
    expect(A.report.db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(log);
    expect(rowsMissingFrom(B.report.db, summarize(A.report.db), null)).toEqual({ changes: [], texts: [] });
    A.report.close();
    B.report.close();
  });

  it('holds back a change its author may not make, for the reason a merge gives', () => {
    const { a, b, dir } = offices();
    // Written into Justice's copy by hand: Leila Haddad (a drafter) renaming a section.
    const B = OpenReport.open(b);
    const leila = B.db.prepare("SELECT id FROM members WHERE name = 'Leila Haddad'").pluck().get() as string;
    const section = B.db.prepare('SELECT id FROM sections LIMIT 1').pluck().get() as string;
    const forged = { hlc: B.clock.tick(), replica: B.replica, author: leila, tbl: 'sections', row_id: section, col: 'title', value: 'Forged', prev_hlc: null };
    B.db.prepare('INSERT INTO change_log (hlc, replica, author, tbl, row_id, col, value, prev_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(...Object.values(forged));
    B.close();
    const viaNetwork = OpenReport.open(a);
    const taken = takeRows(viaNetwork, { changes: [forged], texts: [], blobs: [], signatures: [] }, { from: 'test' });
    const viaCopy = OpenReport.open(writeClosedCopy(viaNetwork.db, path.join(dir, 'a2.upr')).path);
    viaCopy.log.held.list().forEach((h) => viaCopy.log.held.release(h.kind, h.hlc));
    viaCopy.db.prepare('DELETE FROM change_log WHERE hlc = ?').run(forged.hlc);
    const merged = mergeCopy(viaCopy, b, { backupDir: path.join(dir, 'backups') });
    expect(taken.held.map((h) => h.reason)).toEqual(merged.held.map((h) => h.reason));
    expect(taken.held).toHaveLength(1);
    expect(viaNetwork.db.prepare('SELECT title FROM sections WHERE id = ?').pluck().get(section)).not.toBe('Forged');
    viaNetwork.close();
    viaCopy.close();
  });

  it('lists a field changed on both sides while apart as a conflict, with both values', () => {
    const { a, b } = offices();
    const A = actIn(a);
    const B = actIn(b);
    const id = A.section('Methodology').id;
    updateSection(A.ctx, { id, title: 'Methodology (here)' });
    updateSection(B.ctx, { id, title: 'Methodology (there)' });
    const apart = rowsMissingFrom(A.report.db, summarize(B.report.db), null);
    const { wire } = rowsFor(B.report, A.report);
    const taken = takeRows(A.report, wire, { from: 'the office server', apart });
    expect(taken.conflicts).toBe(1);
    const conflict = A.report.db.prepare('SELECT local_value, other_value FROM merge_conflicts').get();
    expect(conflict).toEqual({ local_value: 'Methodology (here)', other_value: 'Methodology (there)' });
    expect(A.report.db.prepare('SELECT file FROM merges').pluck().get()).toBe('the office server');
    A.report.close();
    B.report.close();
  });
});

describe('invitations', () => {
  it('bind to the first office that uses them, and admit only it', () => {
    const { main } = offices();
    const r = OpenReport.open(main);
    const david = r.db.prepare("SELECT id FROM members WHERE name = 'David Okafor'").pluck().get() as string;
    const { code } = issueInvitation(r.db, david);
    expect(admit(r.db, code, 'office-key-one-0123456789')).toMatchObject({ member: { id: david } });
    expect(admit(r.db, code, 'office-key-one-0123456789')).toMatchObject({ member: { id: david } });
    expect(admit(r.db, code, 'office-key-two-0123456789')).toEqual({ refusal: 'invitation-used' });
    expect(admit(r.db, `${code.split('.')[0]}.wrong`, 'office-key-one-0123456789')).toEqual({ refusal: 'invitation-invalid' });
    expect(admit(r.db, 'nonsense', 'office-key-one-0123456789')).toEqual({ refusal: 'invitation-invalid' });
    // Only hashes are kept: the file (and every copy of it) never holds the code.
    expect(JSON.stringify(r.db.prepare('SELECT value FROM meta').pluck().all())).not.toContain(code.split('.')[1]);
    r.close();
  });

  it('keep the office key for the same invitation and make a new one for another', () => {
    const dataDir = tempDir();
    const first = connectionFor(dataDir, 'r1', 'ws://server:5790', 'aaaa.bbbb', null);
    fs.mkdirSync(path.join(dataDir, 'network'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'network', 'r1.json'), JSON.stringify(first));
    expect(connectionFor(dataDir, 'r1', 'ws://server:5790', 'aaaa.bbbb', null).device).toBe(first.device);
    expect(connectionFor(dataDir, 'r1', 'ws://server:5790', 'cccc.dddd', null).device).not.toBe(first.device);
    expect(() => checkAddress('http://server')).toThrow(/not an office server address/);
    expect(() => checkAddress('server:5790')).toThrow(/not an office server address/);
  });
});

describe('messages from the network', () => {
  it('are read or refused, never thrown, whatever arrives', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ t: 'push', id: 1, catchUp: false, changes: [v], texts: [], blobs: [], signatures: [] }))), (payload) => {
        expect(readToServer(payload)).toBeNull();
        expect(readToken(payload)).toBeNull();
      }),
      { numRuns: 500 },
    );
    expect(readToServer(JSON.stringify({ t: 'hello', protocol: 1, summary: { changes: {}, texts: {} } }))).not.toBeNull();
  });
});
