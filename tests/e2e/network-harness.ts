// The office server and offices as separate processes, as they run on an office network: the
// server is the CLI (`upr serve-network`), each office the headless app of ./network-office.ts
// with its own copy of the report and data folder. Used by the office-server tests and the load bench.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createDemoReport } from '../../electron/services/demo.js';
import { issueInvitation } from '../../electron/network/invitations.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { currentKeyStore, FileKeyStore } from '../../electron/sync/signing.js';
import type { CellValue } from '../../electron/store/schema.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** Node with tsx loaded in the same process (the tsx command runs a second one, which a kill would leave running). */
const NODE_TS = [process.execPath, ['--import', 'tsx']] as const;
const nodeTs = (args: string[]) => [NODE_TS[0], [...NODE_TS[1], ...args]] as const;

export interface OfficeSetup {
  name: string;
  file: string;
  dataDir: string;
  invitation: string;
  memberId: string;
}

export interface NetworkSetup {
  dir: string;
  /** The secretariat's report, served. */
  file: string;
  serverData: string;
  reportId: string;
  secretariatId: string;
  offices: OfficeSetup[];
}

/**
 * A demo report for the secretariat, its first secretariat key (the report's signing root) kept in
 * the server's data folder as the app keeps it, and for each name a member (made when not in the
 * report, with a section their organization leads), an invitation and a copy of the report.
 */
export function setUpNetwork(names: readonly string[], opts: { extraMembers?: number } = {}): NetworkSetup {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-network-'));
  const file = path.join(dir, 'secretariat.upr');
  createDemoReport(file).close();
  const report = OpenReport.open(file);
  try {
    const { db } = report;
    const reportId = db.prepare("SELECT value FROM meta WHERE key = 'report_id'").pluck().get() as string;
    const secretariatId = db.prepare("SELECT id FROM members WHERE role = 'secretariat' LIMIT 1").pluck().get() as string;
    const serverData = path.join(dir, 'server-data');
    const rootKey = currentKeyStore().load(reportId, secretariatId);
    if (rootKey) new FileKeyStore(path.join(serverData, 'keys')).save(reportId, rootKey);
    // Members for the load test: each a drafter of an organization of their own leading a section.
    for (let i = 0; i < (opts.extraMembers ?? 0); i++) {
      const org = report.newId();
      const member = report.newId();
      const section = report.newId();
      const w = (table: string, row: string, column: string, value: CellValue) => ({ table: table as 'members', row, column, value });
      report.write(secretariatId, [
        w('organizations', org, 'name', `Office ${i + 1}`),
        w('members', member, 'name', `Drafter ${i + 1}`),
        w('members', member, 'organization_id', org),
        w('members', member, 'role', 'drafter'),
        w('sections', section, 'title', `Section of office ${i + 1}`),
        w('sections', section, 'position', `z${String(i).padStart(4, '0')}`),
        w('sections', section, 'lead_organization_id', org),
      ]);
    }
    const offices = names.map((name, i) => {
      const memberId = db.prepare('SELECT id FROM members WHERE name = ?').pluck().get(name) as string;
      const officeFile = path.join(dir, `office-${i}.upr`);
      const invitation = issueInvitation(db, memberId).code;
      return { name, file: officeFile, dataDir: path.join(dir, `office-${i}-data`), invitation, memberId };
    });
    // Copies after the invitations: they carry only their hashes.
    for (const o of offices) writeClosedCopy(db, o.file);
    return { dir, file, serverData, reportId, secretariatId, offices };
  } finally {
    report.close();
  }
}

/** A child process speaking JSON lines. */
class Child {
  readonly lines: string[] = [];
  private readonly waiters = new Set<() => void>();
  exited = false;

  constructor(readonly proc: ChildProcess) {
    readline.createInterface({ input: proc.stdout! }).on('line', (line) => {
      this.lines.push(line);
      for (const w of [...this.waiters]) w();
    });
    proc.stderr!.on('data', (d: Buffer) => {
      if (process.env.UPR_NETWORK_DEBUG) process.stderr.write(d);
    });
    proc.on('exit', () => {
      this.exited = true;
      for (const w of [...this.waiters]) w();
    });
  }

  /** Resolves with the first line (from `from` on) that `match` accepts. */
  waitForLine(match: (line: string) => boolean, timeoutMs = 15_000, from = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.lines.slice(from).find(match);
        if (found !== undefined) {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolve(found);
        } else if (this.exited) {
          clearTimeout(timer);
          this.waiters.delete(check);
          reject(new Error(`process exited; its output: ${this.lines.slice(-10).join(' | ')}`));
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out; last output: ${this.lines.slice(-5).join(' | ')}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.proc.once('exit', () => resolve());
      this.proc.kill(signal);
    });
  }
}

export class ServerProcess extends Child {
  port = 0;

  static async start(setup: NetworkSetup, port = 0, extra: string[] = []): Promise<ServerProcess> {
    const [node, args] = nodeTs([path.join(ROOT, 'electron', 'bin', 'upr.mjs'), 'serve-network', setup.file, '--port', String(port), '--host', '127.0.0.1', ...extra]);
    const proc = spawn(node, args, {
      cwd: ROOT,
      env: { ...process.env, UPR_DATA_DIR: setup.serverData },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(proc);
    const line = await server.waitForLine((l) => l.startsWith('serving '), 30_000);
    server.port = Number(/:(\d+)\s*$/.exec(line)![1]);
    return server;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }
}

export interface OfficeState {
  texts: Record<string, string>;
  comments: string[];
  log: number;
  held: Array<{ kind: string; reason: string }>;
  conflicts: Array<{ tbl: string; col: string }>;
}

export class OfficeProcess extends Child {
  private next = 1;

  static start(office: OfficeSetup, url: string, extra: string[] = []): OfficeProcess {
    const [node, args] = nodeTs([path.join(ROOT, 'tests', 'e2e', 'network-office.ts'), office.file, '--server', url, '--invitation', office.invitation, '--as', office.name, ...extra]);
    const proc = spawn(node, args, { cwd: ROOT, env: { ...process.env, UPR_DATA_DIR: office.dataDir }, stdio: ['pipe', 'pipe', 'pipe'] });
    return new OfficeProcess(proc);
  }

  /** Sends a command; resolves with its answer. */
  async ask<T = { ok?: boolean; state?: OfficeState; error?: string }>(cmd: Record<string, unknown>, timeoutMs = 20_000): Promise<T> {
    const id = this.next++;
    this.proc.stdin!.write(JSON.stringify({ ...cmd, id }) + '\n');
    const line = await this.waitForLine((l) => l.startsWith(`{"reply":${id},`), timeoutMs);
    const answer = JSON.parse(line) as T & { error?: string };
    if (answer.error) throw new Error(answer.error);
    return answer;
  }

  /** Waits until the office says it is connected (after `from`, a line count). */
  connected(timeoutMs = 20_000, from = 0): Promise<string> {
    return this.waitForLine((l) => l.includes('"kind":"connected"'), timeoutMs, from);
  }

  async state(): Promise<OfficeState> {
    return (await this.ask({ do: 'state' })).state!;
  }
}

/** Polls until `check` holds (or throws after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000, what = 'the condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = await check();
    if (got) return got;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
