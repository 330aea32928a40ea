import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sha256, tempDir } from './helpers.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'node_modules', '.bin');

/** Runs `upr` as `npx upr` does in a checkout: the package's bin, Node 22 from the project first on PATH. */
async function upr(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(root, 'electron', 'bin', 'upr.mjs'), args, {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, UPR_DATA_DIR: tempDir(), ...env },
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('the upr command', () => {
  it('makes a demo report whose info shows the outline and word counts', async () => {
    const file = path.join(tempDir(), 'd.upr');
    expect((await upr(['demo', file])).code).toBe(0);
    const info = await upr(['info', file, '--json']);
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout);
    expect(parsed.sections.filter((s: { depth: number }) => s.depth === 0).map((s: { label: string }) => s.label)).toEqual([
      'A', 'B', 'C', 'D', 'E', 'F', 'G',
    ]);
    expect(parsed.totalWords).toBeGreaterThan(200);
    expect(parsed.totalWords).toBe(parsed.sections.reduce((n: number, s: { words: number }) => n + s.words, 0));
    expect(parsed.members).toHaveLength(5);
    expect((await upr(['check', file])).stdout).toMatch(/^sound: schema \d+, \d+ changes/);
  });

  it('creates a report and runs API calls with the same permissions as the app', async () => {
    const file = path.join(tempDir(), 'n.upr');
    expect((await upr(['new', file, '--title', 'National report', '--country', 'Testland', '--cycle', '4', '--by', 'Ana'])).code).toBe(0);
    const created = await upr(['call', file, 'organizations.create', '{"name":"NHRI","kind":"nhri"}', '--as', 'Ana']);
    expect(created.code).toBe(0);
    const org = JSON.parse(created.stdout);
    const member = await upr(['call', file, 'members.create', JSON.stringify({ name: 'Rita', organizationId: org.id, role: 'reviewer' }), '--as', 'Ana']);
    expect(member.code).toBe(0);
    const refused = await upr(['call', file, 'report.update', '{"title":"Hijacked"}', '--as', 'Rita']);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe('upr: Only the secretariat can change this (your role: reviewer).\n');
  });

  it('says a foreign file is not sound, without changing it', async () => {
    const dir = tempDir();
    const foreign = path.join(dir, 'letter.upr');
    fs.writeFileSync(foreign, 'Dear colleagues, please find attached the draft. '.repeat(10));
    const before = sha256(foreign);
    const check = await upr(['check', foreign]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/not a UPR report file[\s\S]*not sound/);
    expect(sha256(foreign)).toBe(before);
  });

  it('says a damaged file, and one whose tables disagree with its change log, are not sound', async () => {
    const dir = tempDir();
    const damaged = path.join(dir, 'damaged.upr');
    expect((await upr(['demo', damaged])).code).toBe(0);
    const bytes = fs.readFileSync(damaged);
    for (let i = 4096 * 2; i < bytes.length - 100; i += 7) bytes[i] = (bytes[i]! * 31 + 17) & 0xff;
    fs.writeFileSync(damaged, bytes);
    const before = sha256(damaged);
    const r = await upr(['check', damaged]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/is damaged and cannot be opened[\s\S]*not sound/);
    expect(sha256(damaged)).toBe(before);

    // A title changed behind the change log's back (by another tool) is found.
    const tampered = path.join(dir, 'tampered.upr');
    expect((await upr(['demo', tampered])).code).toBe(0);
    const db = new Database(tampered);
    db.prepare("UPDATE sections SET title = 'Edited outside the app' WHERE rowid = (SELECT min(rowid) FROM sections)").run();
    db.close();
    const t = await upr(['check', tampered]);
    expect(t.code).toBe(1);
    expect(t.stdout).toMatch(/problem: sections .*: title is “Edited outside the app” but the change log says “/);
  });

  it('reports errors in one line with exit code 2, never a stack trace', async () => {
    const r = await upr(['info', path.join(tempDir(), 'nowhere.upr')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^upr: There is no file at /);
    const bad = await upr(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^upr: unknown command “frobnicate”/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
