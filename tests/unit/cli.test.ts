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
    expect((await upr(['check', file])).stdout).toMatch(/^sound: schema 1, \d+ changes/);
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

  it('says a damaged or foreign file is not sound, without changing it', async () => {
    const dir = tempDir();
    const foreign = path.join(dir, 'letter.upr');
    fs.writeFileSync(foreign, 'Dear colleagues, please find attached the draft. '.repeat(10));
    const before = sha256(foreign);
    const check = await upr(['check', foreign]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/not a UPR report file[\s\S]*not sound/);
    expect(sha256(foreign)).toBe(before);
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
