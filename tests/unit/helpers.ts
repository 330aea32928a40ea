import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach } from 'vitest';
import type { Input, MethodName, Reply, Result } from '../../shared/api.js';
import { Host, type Client } from '../../electron/hosts/host.js';
import { startServer, type RunningServer, type ServerOptions } from '../../electron/hosts/server.js';
import { createDemoReport } from '../../electron/services/demo.js';

const dirs: string[] = [];
const hosts: Host[] = [];

afterEach(() => {
  for (const h of hosts.splice(0)) h.closeAll();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-test-'));
  dirs.push(d);
  return d;
}

export function newHost(dataDir = tempDir()): Host {
  const host = new Host({ dataDir });
  hosts.push(host);
  return host;
}

/**
 * The browser-mode server on the demo report in a temporary folder, with a one-page renderer and,
 * beside it, a file that must never be served. The caller closes the server.
 */
export async function startDemoServer(token: string, options: Partial<ServerOptions> = {}): Promise<{ server: RunningServer; file: string; dir: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'demo.upr');
  createDemoReport(file).close();
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>UPR</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the web');
  const server = await startServer({ host: newHost(), token, staticDir, defaultReport: file, port: 0, ...options });
  return { server, file, dir };
}

/** A client of a host with typed calls that throw on error replies. */
export class TestClient {
  readonly events: unknown[] = [];
  readonly client: Client;
  constructor(readonly host: Host) {
    this.client = host.connect((e) => this.events.push(e));
  }
  async reply<M extends MethodName>(method: M, input: Input<M> | Record<string, unknown> = {}): Promise<Reply<unknown>> {
    return this.host.dispatch(this.client.id, method, input);
  }
  async call<M extends MethodName>(method: M, input: Input<M> | Record<string, unknown> = {}): Promise<Result<M>> {
    const r = await this.reply(method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
    return r.result as Result<M>;
  }
  async signInAs(name: string): Promise<void> {
    const ws = await this.call('workspace.load');
    const m = ws.members.find((x: { name: string }) => x.name === name);
    if (!m) throw new Error(`no member ${name}`);
    await this.call('session.signIn', { memberId: m.id });
  }
}

export async function newReport(dir = tempDir(), host = newHost()): Promise<{ file: string; host: Host; admin: TestClient }> {
  const file = path.join(dir, 'report.upr');
  const admin = new TestClient(host);
  await admin.call('app.newReport', { path: file, country: 'Testland', yourName: 'Sam Secretariat', yourOrganization: 'Ministry of Foreign Affairs' });
  return { file, host, admin };
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'node_modules', '.bin');

/** Runs `upr` as `npx upr` does in a checkout: the package's bin, Node 22 from the project first on PATH. */
export async function upr(args: string[], env: Record<string, string> = {}, limit = '') {
  try {
    const command = path.join(root, 'electron', 'bin', 'upr.mjs');
    // With a limit (`ulimit -f 64`), through a shell that sets it for upr alone.
    const [file, argv] = limit ? ['bash', ['-c', `${limit} && exec "$0" "$@"`, command, ...args]] : [command, args];
    const { stdout, stderr } = await promisify(execFile)(file, argv, {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, UPR_DATA_DIR: tempDir(), ...env },
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Whether a command answers `--version` (pandoc, LibreOffice): the readers the export tests open files with. */
export function installed(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/** LibreOffice's command on this machine, if it has one. */
export const LIBREOFFICE = ['libreoffice', 'soffice'].find(installed);
