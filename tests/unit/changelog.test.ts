import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Clock, parseStamp } from '../../electron/sync/hlc.js';
import { rebuildMaterializedTables } from '../../electron/sync/changes.js';
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
    const row = report.db.prepare('SELECT * FROM change_log').get() as Record<string, unknown>;
    expect(row).toMatchObject({ replica: report.replica, author: 'm1', tbl: 'organizations', row_id: 'o1', col: 'name', value: 'Ministry of Justice', prev_hlc: null });
    expect(report.db.prepare('SELECT name FROM organizations').get()).toEqual({ name: 'Ministry of Justice' });
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

  it('refuses a change naming a field that is not in the schema, before building any SQL', () => {
    const report = OpenReport.create(path.join(tempDir(), 'r.upr'));
    const evil = { hlc: '2030-01-01T00:00:00.000Z-0000-ffffffffffffffff', replica: 'ffffffffffffffff', author: 'x', row_id: 'r', prev_hlc: null, value: 'x' };
    expect(() => report.log.applyLoggedChange({ ...evil, tbl: 'organizations; DROP TABLE meta', col: 'name' })).toThrow(/unknown field/);
    expect(() => report.log.applyLoggedChange({ ...evil, tbl: 'organizations', col: 'name = 1 --' })).toThrow(/unknown field/);
    expect(() => report.log.applyLoggedChange({ ...evil, tbl: 'sections', col: 'word_budget', value: 'lots' })).toThrow(/wrong kind/);
    expect(report.db.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual({ n: 0 });
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

  it('a reopened file keeps ticking after its newest stamp, with a new replica id', () => {
    const file = path.join(tempDir(), 'r.upr');
    const first = OpenReport.create(file);
    first.write('m', [{ table: 'organizations', row: 'o', column: 'name', value: 'A' }]);
    const firstReplica = first.replica;
    // Pretend the first session's clock ran far ahead of this machine's.
    first.db.prepare("UPDATE change_log SET hlc = '2099-01-01T00:00:00.000Z-0000-' || replica").run();
    first.close();
    const again = OpenReport.open(file);
    expect(again.replica).not.toBe(firstReplica);
    again.write('m', [{ table: 'organizations', row: 'o', column: 'name', value: 'B' }]);
    expect(again.db.prepare('SELECT name FROM organizations').get()).toEqual({ name: 'B' });
    again.close();
  });
});
