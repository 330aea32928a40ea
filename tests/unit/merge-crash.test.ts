// A merge killed part way (the computer loses power, the app is force-quit): the report still
// opens, `upr check` finds it sound, and it holds either none of the copy's changes or all of
// them, never some: a merge is one transaction. The merge runs in a child process that is sent
// SIGKILL, once surely inside the transaction (tests/unit/fixtures/merge-then-hang.ts says when)
// and a few times after plain delays, wherever those land.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { tempDir, upr } from './helpers.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const fixture = path.join(import.meta.dirname, 'fixtures', 'merge-then-hang.ts');

/** The report, and a copy that registered 1,500 consultation inputs (12,000 change-log rows). */
function setUp() {
  const dir = tempDir();
  const main = path.join(dir, 'secretariat.upr');
  createDemoReport(main).close();
  const copy = path.join(dir, 'busy-office.upr');
  const pristine = path.join(dir, 'pristine.upr');
  const r = OpenReport.open(main);
  writeClosedCopy(r.db, copy);
  writeClosedCopy(r.db, pristine);
  const author = r.db.prepare("SELECT id FROM members WHERE role = 'secretariat' LIMIT 1").pluck().get() as string;
  r.close();
  const busy = OpenReport.open(copy);
  const cells = ['title', 'summary', 'full_text', 'channel', 'received_on', 'themes', 'created_at', 'deleted'];
  busy.write(
    author,
    Array.from({ length: 1500 }, (_, i) => {
      const id = `crash-input-${i}`;
      const value = (c: string) =>
        c === 'deleted' ? 0 : c === 'channel' ? 'email' : c === 'themes' ? '[]' : c === 'received_on' ? '2026-10-01' : c === 'created_at' ? '2026-10-01T09:00:00.000Z' : `${c} of submission ${i}`;
      return cells.map((column) => ({ table: 'inputs' as const, row: id, column, value: value(column) }));
    }).flat(),
  );
  busy.close();
  const stamps = (file: string) => {
    const db = new Database(file, { readonly: true });
    const hlcs = new Set(db.prepare('SELECT hlc FROM change_log').pluck().all() as string[]);
    db.close();
    return hlcs;
  };
  const ours = stamps(pristine);
  const incoming = [...stamps(copy)].filter((h) => !ours.has(h));
  return { dir, copy, pristine, incoming };
}

/** Runs the merge in a child and kills it when `when` says; resolves with what it printed. */
function mergeAndKill(args: string[], when: (said: string) => number | null): Promise<{ said: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    // One process, tsx loaded into it: the tsx command would run the script in a grandchild that
    // a kill of its own process leaves running.
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      said += d.toString();
      const delay = timer ? null : when(said);
      if (delay !== null) timer = setTimeout(() => child.kill('SIGKILL'), delay);
    });
    child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' || code === 0) resolve({ said, killed: signal === 'SIGKILL' });
      else reject(new Error(`the merge failed on its own (${code}): ${errors}`));
    });
  });
}

/** How many of the copy's change-log rows the report holds, after it opens and checks sound. */
async function mergedRows(file: string, incoming: string[]): Promise<number> {
  const report = OpenReport.open(file);
  const has = report.db.prepare('SELECT 1 FROM change_log WHERE hlc = ?').pluck();
  const found = incoming.filter((h) => has.get(h)).length;
  const inputs = report.db.prepare("SELECT count(*) FROM inputs WHERE id LIKE 'crash-input-%'").pluck().get();
  const merges = report.db.prepare('SELECT count(*) FROM merges').pluck().get();
  // The tables agree with the log: all the inputs and the merge recorded, or neither.
  expect({ inputs, merges }).toEqual(found ? { inputs: 1500, merges: 1 } : { inputs: 0, merges: 0 });
  report.close();
  const check = await upr(['check', file]);
  expect(check).toMatchObject({ code: 0, stderr: '' });
  return found;
}

describe('a merge killed part way', () => {
  it('leaves a sound report with none of the copy’s changes when killed inside the transaction', async () => {
    const { dir, copy, pristine, incoming } = setUp();
    expect(incoming).toHaveLength(12_000);
    const file = path.join(dir, 'killed-inside.upr');
    fs.copyFileSync(pristine, file);
    const { said, killed } = await mergeAndKill([file, copy, path.join(dir, 'backups'), '6000'], (s) => (s.includes('inside') ? 0 : null));
    expect(killed).toBe(true);
    expect(said).toContain('inside');
    // Half the rows had gone in, and some pages had spilled to the WAL, uncommitted.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(await mergedRows(file, incoming)).toBe(0);
  }, 60_000);

  it('leaves none or all of them wherever a kill lands, and all once the merge has committed', async () => {
    const { dir, copy, pristine, incoming } = setUp();
    const kills: Array<[string, (said: string) => number | null]> = [
      ...[0, 50, 200, 800].map((delay): [string, (said: string) => number | null] => [`after-${delay}`, (s) => (s.includes('merging') ? delay : null)]),
      // Committed, not yet checkpointed into the file: the WAL holds the whole merge.
      ['committed', (s) => (s.includes('merged') ? 0 : null)],
    ];
    for (const [name, when] of kills) {
      const file = path.join(dir, `killed-${name}.upr`);
      fs.copyFileSync(pristine, file);
      await mergeAndKill([file, copy, path.join(dir, 'backups')], when);
      const found = await mergedRows(file, incoming);
      expect([0, incoming.length]).toContain(found);
      if (name === 'committed') expect(found).toBe(incoming.length);
    }
    // And the report a kill left behind still takes the whole merge afterwards.
    const again = path.join(dir, 'killed-after-0.upr');
    await mergeAndKill([again, copy, path.join(dir, 'backups')], () => null);
    expect(await mergedRows(again, incoming)).toBe(incoming.length);
  }, 120_000);
});
