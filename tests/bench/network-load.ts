// The office server under load (not in CI; not part of `npm run bench`'s table): the CLI serving the
// secretariat's report on 127.0.0.1 and N offices, each a process with its own copy, typing in
// their sections and adding comments for the given time. At the end every change must be
// everywhere (each office's texts and comments, and the secretariat's file, the same), and it says:
// - keystroke latency: from a text update stored in one office to it stored in another (p50, p95, max);
// - the server's memory: its resident set's peak (VmHWM), and at the end.
//   npx tsx tests/bench/network-load.ts --minutes 5 --clients 30 [--keystroke-ms 1000] [--field-s 20] [--json]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { readSectionText } from '../../electron/docs/section-text.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { listSections } from '../../electron/store/queries.js';
import { ROOT, ServerProcess, setUpNetwork } from '../e2e/network-harness.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    clients: { type: 'string', default: '30' },
    'keystroke-ms': { type: 'string', default: '1000' },
    'field-s': { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
});
const minutes = Number(values.minutes);
const clients = Number(values.clients);
const log = (line: string) => process.stderr.write(`${line}\n`);

function memoryOf(pid: number): { peakMb: number; nowMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peakMb: Math.round(kb('VmHWM') / 1024), nowMb: Math.round(kb('VmRSS') / 1024) };
}

/** CPU seconds the process used (user and system). */
function cpuOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

interface Typist {
  name: string;
  lines: string[];
  send(line: string): void;
  next(match: (line: string) => boolean, from?: number): Promise<string>;
  kill(): void;
}

function startTypist(office: { name: string; file: string; dataDir: string; invitation: string }, url: string, section: string): Typist {
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'tests', 'bench', 'network-typist.ts'),
      office.file,
      '--server',
      url,
      '--invitation',
      office.invitation,
      '--as',
      office.name,
      '--section',
      section,
      '--seconds',
      String(minutes * 60),
      '--keystroke-ms',
      values['keystroke-ms']!,
      '--field-s',
      values['field-s']!,
    ],
    { cwd: ROOT, env: { ...process.env, UPR_DATA_DIR: office.dataDir }, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  readline.createInterface({ input: proc.stdout! }).on('line', (l) => {
    lines.push(l);
    for (const w of [...waiters]) w();
  });
  return {
    name: office.name,
    lines,
    send: (line) => proc.stdin!.write(`${line}\n`),
    next: (match, from = 0) =>
      new Promise((resolve) => {
        const check = () => {
          const found = lines.slice(from).find(match);
          if (found !== undefined) {
            waiters.delete(check);
            resolve(found);
          }
        };
        waiters.add(check);
        check();
      }),
    kill: () => proc.kill('SIGKILL'),
  };
}

async function main(): Promise<void> {
  log(`setting up a report with ${clients} offices…`);
  const names = Array.from({ length: clients }, (_, i) => `Drafter ${i + 1}`);
  const setup = setUpNetwork(names, { extraMembers: clients });
  const server = await ServerProcess.start(setup);
  log(`server at ${server.url} (pid ${server.proc.pid}); starting ${clients} offices`);
  const typists = setup.offices.map((o, i) => startTypist(o, server.url, `Section of office ${i + 1}`));
  await Promise.all(typists.map((t) => t.next((l) => l.startsWith('{"ready"'))));
  log(`all connected; typing for ${minutes} minute(s)…`);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(server.proc.pid!).nowMb)), 1000);
  const started = Date.now();
  const done = await Promise.all(typists.map((t) => t.next((l) => l.startsWith('{"done"')).then((l) => JSON.parse(l) as { latencies: number[]; typed: number; fields: number })));
  const typingSeconds = Math.round((Date.now() - started) / 1000);
  log(`typing done after ${typingSeconds} s; waiting for every change to be everywhere…`);

  // Converged: every office's digest the same, twice in a row a second apart.
  let digests: string[] = [];
  let same = 0;
  const convergeStart = Date.now();
  while (same < 2 && Date.now() - convergeStart < Number(process.env.UPR_NETWORK_SETTLE_MS ?? 120_000)) {
    await new Promise((r) => setTimeout(r, 1000));
    const from = typists.map((t) => t.lines.length);
    typists.forEach((t) => t.send('digest'));
    digests = await Promise.all(typists.map((t, i) => t.next((l) => l.startsWith('{"digest"'), from[i]).then((l) => (JSON.parse(l) as { digest: string }).digest)));
    same = new Set(digests).size === 1 ? same + 1 : 0;
  }
  const convergedAfter = Date.now() - convergeStart;
  const memory = memoryOf(server.proc.pid!);
  const serverCpu = cpuOf(server.proc.pid!);
  clearInterval(sampler);
  typists.forEach((t) => t.send('quit'));
  await new Promise((r) => setTimeout(r, 1500));
  typists.forEach((t) => t.kill());
  await server.kill('SIGTERM');

  // The secretariat's file holds the same.
  const report = OpenReport.openSnapshot(setup.file);
  const h = createHash('sha256');
  for (const s of listSections(report.db)) h.update(`${s.id}\u0000${readSectionText(report.db, s.id).plain}\u0000`);
  for (const b of report.db.prepare('SELECT body FROM comments ORDER BY id').pluck().all() as string[]) h.update(b);
  const serverDigest = h.digest('hex');
  const held = report.db.prepare('SELECT reason, count(*) AS n FROM held_changes GROUP BY reason').all();
  const rows = report.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
  const textRows = report.db.prepare('SELECT count(*) FROM section_updates').pluck().get() as number;
  report.close();

  const latencies = done.flatMap((d) => d.latencies).sort((a, b) => a - b);
  const result = {
    clients,
    minutes,
    keystrokeMs: Number(values['keystroke-ms']),
    fieldS: Number(values['field-s']),
    typed: done.reduce((n, d) => n + d.typed, 0),
    fields: done.reduce((n, d) => n + d.fields, 0),
    converged: new Set(digests).size === 1 && digests[0] === serverDigest,
    convergedAfterMs: convergedAfter,
    held,
    serverFile: { changeLogRows: rows, textRows },
    latencyMs: { samples: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1) ?? NaN },
    serverRssMb: { peak: Math.max(peak, memory.peakMb), end: memory.nowMb },
    serverCpuSeconds: serverCpu,
    typingSeconds: typingSeconds,
  };
  if (values.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else {
    log('');
    log(`${clients} offices, ${minutes} min: ${result.typed} keystrokes, ${result.fields} comments`);
    log(`every change everywhere: ${result.converged ? 'yes' : 'NO'} (settled ${convergedAfter} ms after typing stopped); held back: ${JSON.stringify(held)}`);
    log(`keystroke to another office: p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms (${latencies.length} samples)`);
    log(`server memory: RSS peak ${result.serverRssMb.peak} MB, at the end ${result.serverRssMb.end} MB; server CPU ${serverCpu} s over ${typingSeconds} s of typing`);
  }
  if (process.env.UPR_NETWORK_KEEP) log(`files kept in ${setup.dir}`);
  else fs.rmSync(setup.dir, { recursive: true, force: true });
  process.exit(result.converged ? 0 : 1);
}

main().catch((e: unknown) => {
  log(`network-load: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});
