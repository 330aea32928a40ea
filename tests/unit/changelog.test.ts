import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Clock, parseStamp } from '../../electron/sync/hlc.js';
import { rebuildMaterializedTables, type LoggedChange } from '../../electron/sync/changes.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { SYNCED_TABLES } from '../../electron/store/schema.js';
import { tempDir } from './helpers.js';

function snapshot(report: OpenReport) {
  return Object.fromEntries(
    Object.keys(SYNCED_TABLES).map((t) => [t, report.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]),
  );
}

describe('hybrid logical clock', () => {
  it('stamps sort in the order they were made, even when the wall clock stands still or goes back', () => {
    let now = 1_700_000_000_000;
    const clock = new Clock('00000000000000aa', () => now);
    const stamps = [clock.tick(), clock.tick()];
    now -= 5000;
    stamps.push(clock.tick());
    now += 10_000;
    stamps.push(clock.tick());
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(parseStamp(stamps[1]!)).toEqual({ millis: 1_700_000_000_000, counter: 1, replica: '00000000000000aa' });
  });

  it('after seeing a stamp from elsewhere, ticks after it', () => {
    const clock = new Clock('00000000000000aa', () => 1000);
    const remote = new Clock('00000000000000bb', () => 9_000_000).tick();
    clock.observe(remote);
    expect(clock.tick() > remote).toBe(true);
  });
});

describe('change log', () => {
  it('every change is a log row with stamp, replica and author, applied to its table', () => {
    const report = OpenReport.create(path.join(tempDir(), 'r.upr'));
    report.write('m1', [{ table: 'organizations', row: 'o1', column: 'name', value: 'Ministry of Justice' }]);
    const row = report.db.prepare("SELECT * FROM change_log WHERE tbl = 'organizations'").get() as Record<string, unknown>;
    expect(row).toMatchObject({ replica: report.replica, author: 'm1', tbl: 'organizations', row_id: 'o1', col: 'name', value: 'Ministry of Justice', prev_hlc: null });
    expect(report.db.prepare('SELECT name FROM organizations').get()).toEqual({ name: 'Ministry of Justice' });
    // A later change of the same field names the stamp it replaced.
    report.write('m1', [{ table: 'organizations', row: 'o1', column: 'name', value: 'Ministry of Justice and Human Rights' }]);
    const [first, second] = report.db.prepare("SELECT hlc, prev_hlc FROM change_log WHERE tbl = 'organizations' ORDER BY hlc").all() as Array<{ hlc: string; prev_hlc: string | null }>;
    expect(second!.prev_hlc).toBe(first!.hlc);
    report.close();
  });

  it('last writer wins per cell by stamp, whatever order the rows arrive in', () => {
    const report = OpenReport.create(path.join(tempDir(), 'r.upr'));
    const base = { replica: 'ffffffffffffffff', author: 'x', tbl: 'organizations', row_id: 'o1', prev_hlc: null };
    const later = { ...base, hlc: '2030-01-01T00:00:00.000Z-0000-ffffffffffffffff', col: 'name', value: 'Later' };
    const earlier = { ...base, hlc: '2029-01-01T00:00:00.000Z-0000-ffffffffffffffff', col: 'name', value: 'Earlier' };
    expect(report.log.applyLoggedChange(later)).toBe(true);
    expect(report.log.applyLoggedChange(earlier)).toBe(false);
    expect(report.db.prepare('SELECT name FROM organizations').get()).toEqual({ name: 'Later' });
    // Applying the same row twice changes nothing.
    expect(report.log.applyLoggedChange(later)).toBe(false);
    expect(report.db.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual({ n: 2 });
    report.close();
  });

  it('holds back a change from a copy that names a field not in the schema or gives a value of the wrong kind: kept in the log as it came, never turned into SQL', () => {
    const report = OpenReport.create(path.join(tempDir(), 'r.upr'));
    const evil = { replica: 'ffffffffffffffff', author: 'x', row_id: 'r', prev_hlc: null, value: 'x' };
    const applied = report.log.applyLoggedChanges([
      { ...evil, hlc: '2030-01-01T00:00:00.000Z-0000-ffffffffffffffff', tbl: 'organizations; DROP TABLE meta', col: 'name' },
      { ...evil, hlc: '2030-01-01T00:00:01.000Z-0000-ffffffffffffffff', tbl: 'organizations', col: 'name = 1 --' },
      { ...evil, hlc: '2030-01-01T00:00:02.000Z-0000-ffffffffffffffff', tbl: 'sections', col: 'word_budget', value: 'lots' },
      { ...evil, hlc: '2030-01-01T00:00:03.000Z-0000-ffffffffffffffff', tbl: 'sections', col: 'status', value: 'finished, honestly' },
    ]);
    expect(applied.written).toBe(0);
    expect(applied.held.map((h) => h.reason)).toEqual(['unknownField', 'unknownField', 'wrongKind', 'wrongKind']);
    expect(report.db.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual({ n: 4 });
    expect(report.db.prepare('SELECT count(*) AS n FROM held_changes').get()).toEqual({ n: 4 });
    expect(report.db.prepare('SELECT count(*) AS n FROM sections').get()).toEqual({ n: 0 });
    expect(report.db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'meta'").get()).toEqual({ n: 1 });
    report.close();
  });

  it('rebuilding the materialized tables from the log gives the same tables', () => {
    const report = createDemoReport(path.join(tempDir(), 'demo.upr'));
    const before = snapshot(report);
    expect((before.sections as unknown[]).length).toBeGreaterThan(5);
    for (const t of Object.keys(SYNCED_TABLES)) report.db.exec(`UPDATE ${t} SET deleted = 1`);
    rebuildMaterializedTables(report.db);
    expect(snapshot(report)).toEqual(before);
    report.close();
  });

  it('a batch of changes, in any order, some already logged, leaves the same log and tables as applying them one by one', () => {
    // A few rows and columns, so that batches hit the same cell again and again; stamps from three
    // replicas; values of each column's kind.
    const stamp = fc.record({ second: fc.integer({ min: 0, max: 59 }), counter: fc.integer({ min: 0, max: 3 }), replica: fc.constantFrom('00000000000000aa', '00000000000000bb', '00000000000000cc') });
    const change = fc.record({
      stamp,
      table: fc.constantFrom('organizations', 'sections'),
      row: fc.constantFrom('r1', 'r2', 'r3'),
      text: fc.constantFrom('A', 'B', 'C', ''),
      pick: fc.nat(3),
    });
    const asLogged = (c: { stamp: { second: number; counter: number; replica: string }; table: string; row: string; text: string; pick: number }): LoggedChange => {
      const hlc = `2030-01-01T00:00:${String(c.stamp.second).padStart(2, '0')}.000Z-${c.stamp.counter.toString(16).padStart(4, '0')}-${c.stamp.replica}`;
      // Values of each column's kind: a name or title, a kind or status, a word budget, a parent.
      const kind = ['ministry', 'agency', 'nhri', 'other'][c.text.length + c.pick]!;
      const status = ['not_started', 'drafting', 'ready_for_review', 'approved'][(c.text.charCodeAt(0) || 0) % 4]!;
      const [col, value] = c.table === 'organizations' ? [['name', 'kind', 'name', 'deleted'][c.pick]!, c.pick === 3 ? c.pick % 2 : c.pick === 1 ? kind : c.text] : [['title', 'status', 'word_budget', 'parent_id'][c.pick]!, c.pick === 2 ? (c.text ? c.text.charCodeAt(0) : null) : c.pick === 3 ? (c.text || null) : c.pick === 1 ? status : c.text];
      return { hlc, replica: c.stamp.replica, author: 'x', tbl: c.table, row_id: c.row, col, value, prev_hlc: null };
    };
    const dir = tempDir();
    let n = 0;
    fc.assert(
      fc.property(fc.array(fc.array(change, { maxLength: 25 }), { minLength: 1, maxLength: 4 }), (batches) => {
        // One stamp is one change: a later batch repeating a stamp repeats the same change.
        const seen = new Map<string, LoggedChange>();
        const logged = batches.map((b) => b.map(asLogged).map((c) => seen.get(c.hlc) ?? (seen.set(c.hlc, c), c)));
        const batched = OpenReport.create(path.join(dir, `b${++n}.upr`));
        const single = OpenReport.create(path.join(dir, `s${n}.upr`));
        try {
          for (const b of logged) {
            const changed = batched.log.applyLoggedChanges(b.map((c) => ({ ...c }))).written;
            const before = new Set(single.db.prepare('SELECT hlc FROM change_log').pluck().all());
            for (const c of b) single.log.applyLoggedChange({ ...c });
            // What the batch reports: the cells whose newest change is now one it brought.
            const brought = new Set(b.map((c) => c.hlc).filter((h) => !before.has(h)));
            const cells = new Map(b.map((c) => [`${c.tbl}.${c.row_id}.${c.col}`, c]));
            const newest = single.db.prepare('SELECT max(hlc) FROM change_log WHERE tbl = ? AND row_id = ? AND col = ?').pluck();
            expect(changed).toBe([...cells.values()].filter((c) => brought.has(newest.get(c.tbl, c.row_id, c.col) as string)).length);
          }
          const log = (r: OpenReport) => r.db.prepare('SELECT * FROM change_log ORDER BY hlc').all();
          expect(log(batched)).toEqual(log(single));
          expect(snapshot(batched)).toEqual(snapshot(single));
        } finally {
          batched.close();
          single.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a batch with one change that cannot be read holds that one back and applies the rest', () => {
    const report = OpenReport.create(path.join(tempDir(), 'r.upr'));
    const base = { replica: 'ffffffffffffffff', author: 'x', tbl: 'organizations', row_id: 'o1', prev_hlc: null };
    const applied = report.log.applyLoggedChanges([
      { ...base, hlc: '2030-01-01T00:00:00.000Z-0000-ffffffffffffffff', col: 'name', value: 'Fine' },
      { ...base, hlc: '2030-01-01T00:00:01.000Z-0000-ffffffffffffffff', col: 'deleted', value: 'not a number' },
    ]);
    expect(applied.held).toEqual([{ kind: 'change', hlc: '2030-01-01T00:00:01.000Z-0000-ffffffffffffffff', reason: 'wrongKind', params: { field: 'organizations.deleted' } }]);
    expect(report.db.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual({ n: 2 });
    expect(report.db.prepare('SELECT name, deleted FROM organizations').all()).toEqual([{ name: 'Fine', deleted: 0 }]);
    report.close();
  });

  it('a reopened file keeps ticking after its newest stamp, with a new replica id', () => {
    const file = path.join(tempDir(), 'r.upr');
    const first = OpenReport.create(file);
    first.db.prepare("INSERT INTO meta (key, value) VALUES ('report_id', 'r')").run();
    first.write('m', [{ table: 'report', row: 'r', column: 'title', value: 'A report' }]);
    first.write('m', [{ table: 'organizations', row: 'o', column: 'name', value: 'A' }]);
    const firstReplica = first.replica;
    // Pretend the first session's clock ran far ahead of this machine's.
    first.db.prepare("UPDATE change_log SET hlc = '2099-01-01T00:00:00.000Z-' || printf('%04x', rowid_) || '-' || replica FROM (SELECT hlc AS h, row_number() OVER (ORDER BY hlc) AS rowid_ FROM change_log) WHERE hlc = h").run();
    first.close();
    const again = OpenReport.open(file);
    expect(again.replica).not.toBe(firstReplica);
    again.write('m', [{ table: 'organizations', row: 'o', column: 'name', value: 'B' }]);
    expect(again.db.prepare('SELECT name FROM organizations').get()).toEqual({ name: 'B' });
    again.close();
  });
});
