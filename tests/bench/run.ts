// `npm run bench`: builds (once, cached under .bench/) a full-length report with a long history,
// times each benchmark in ./benchmarks.ts against its baseline in the same run, and prints a table.
//   --json    one JSON object on stdout instead of the table (progress goes to stderr)
//   --quick   a small report and fewer runs: a smoke test of the benchmark itself
//   --only S  only the benchmarks whose name contains S
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { benchmarks, workingCopies, type Benchmark, type Target } from './benchmarks.js';
import { cachedLargeReport, FULL_REPORT, QUICK_REPORT, type GeneratedReport } from './generate.js';
import { measure, summarize, type Stats } from './measure.js';

export interface Result {
  id: string;
  name: string;
  unit: 'ms';
  /** The first run of all, warm-up included (a cold start), then the timed runs. */
  first: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
  baseline: (Stats & { name: string }) | null;
  /** Median over the baseline's median. */
  ratio: number | null;
  target: Target | null;
  verdict: 'met' | 'not met' | 'n/a';
  /** Median per item when a run does many (for example per edit), in microseconds. */
  perItem: { noun: string; medianUs: number; baselineMedianUs: number | null } | null;
  note: string;
}

export interface Pending {
  id: string;
  name: string;
  status: string;
  note: string;
}

export interface BenchOutput {
  machine: { cpus: number; cpuModel: string; node: string; platform: string; arch: string; sqlite: string };
  quick: boolean;
  report: Omit<GeneratedReport, 'file' | 'options' | 'secretariatId' | 'bigSection'> & { bigSectionWords: number; bigSectionUpdates: number };
  results: Result[];
  pending: Pending[];
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function parseArgs(argv: string[]): { json: boolean; quick: boolean; only: string | null } {
  const args = { json: false, quick: false, only: null as string | null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--quick') args.quick = true;
    else if (a === '--only') args.only = argv[++i] ?? '';
    else {
      console.error(`Unknown option ${a}. Use --json, --quick or --only NAME.`);
      process.exit(2);
    }
  }
  return args;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function verdictOf(stats: Stats, target: Target | null, baseline: Stats | null): Result['verdict'] {
  if (!target) return 'n/a';
  if (target.ms !== undefined && !(stats[target.stat] < target.ms)) return 'not met';
  if (target.ratio !== undefined && !(baseline && stats[target.stat] <= target.ratio * baseline[target.stat])) return 'not met';
  return 'met';
}

function targetText(t: Target): string {
  return t.ms !== undefined ? `${t.stat} < ${t.ms} ms` : `${t.stat} ≤ ${t.ratio}× baseline`;
}

async function runOne(b: Benchmark, log: (line: string) => void): Promise<Result> {
  await b.before?.();
  try {
    log(`  ${b.name}: ${b.plan.runs} runs after ${b.plan.warmup} warm-up...`);
    let stats: Stats;
    let baseline: Stats | null;
    if (b.samples) {
      const s = await b.samples();
      stats = summarize(s.run);
      baseline = summarize(s.baseline);
    } else {
      stats = await measure(b.run!, b.plan);
      baseline = b.baseline ? await measure(b.baseline, b.plan) : null;
    }
    return {
      id: b.id,
      name: b.name,
      unit: 'ms',
      first: round(stats.first),
      median: round(stats.median),
      p95: round(stats.p95),
      min: round(stats.min),
      max: round(stats.max),
      runs: stats.runs,
      baseline: baseline && {
        name: b.baselineName ?? 'baseline',
        first: round(baseline.first),
        median: round(baseline.median),
        p95: round(baseline.p95),
        min: round(baseline.min),
        max: round(baseline.max),
        runs: baseline.runs,
      },
      ratio: baseline ? Math.round((stats.median / baseline.median) * 10) / 10 : null,
      target: b.target,
      verdict: verdictOf(stats, b.target, baseline),
      perItem: b.items
        ? {
            noun: b.items.noun,
            medianUs: Math.round((stats.median * 1000) / b.items.count),
            baselineMedianUs: baseline ? Math.round((baseline.median * 1000 * 10) / b.items.count) / 10 : null,
          }
        : null,
      note: b.note,
    };
  } finally {
    b.after?.();
  }
}

function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

function perItem(r: Result): string {
  if (!r.perItem) return '';
  const { noun, medianUs, baselineMedianUs } = r.perItem;
  return `Per ${noun}: ${medianUs} µs${baselineMedianUs === null ? '' : ` (baseline ${baselineMedianUs} µs)`}. `;
}

/** Wraps a note to about 100 columns, continuation lines indented under its text. */
function wrap(text: string, width = 96): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? '  ' : '      ') + l).join('\n');
}

function table(out: BenchOutput): string {
  const head = ['benchmark', 'median', 'p95', 'baseline', 'ratio', 'target', 'verdict'];
  const rows = out.results.map((r) => [
    `${r.id}. ${r.name}`,
    formatMs(r.median),
    formatMs(r.p95),
    r.baseline
      ? `${formatMs(r.baseline.median)}${r.target?.ratio ? `, p95 ${formatMs(r.baseline.p95)}` : ''} (${r.baseline.name})`
      : '—',
    r.ratio === null ? '—' : `${r.ratio >= 10 ? Math.round(r.ratio) : r.ratio}×`,
    r.target ? targetText(r.target) : '—',
    r.verdict,
  ]);
  for (const p of out.pending) rows.push([`${p.id}. ${p.name}`, '—', '—', '—', '—', '—', p.status]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c >= 1 && c <= 4 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  const notes = [
    ...out.results.map((r) => wrap(`${r.id}. ${r.note} ${perItem(r)}First run of all (cold): ${formatMs(r.first)}.`)),
    ...out.pending.map((p) => wrap(`${p.id}. ${p.note}`)),
  ];
  const rep = out.report;
  return [
    `UPR Workbench benchmark${out.quick ? ' (--quick: small report, fewer runs)' : ''}`,
    `Machine: ${out.machine.cpus} × ${out.machine.cpuModel}, Node ${out.machine.node}, SQLite ${out.machine.sqlite}, ${out.machine.platform}/${out.machine.arch}`,
    `Report: ${rep.sections} sections, ${rep.words.toLocaleString('en')} words (one section of ${rep.bigSectionWords.toLocaleString('en')}), ` +
      `${rep.members} members in ${rep.organizations} organizations, ${rep.changes.toLocaleString('en')} change-log rows, ` +
      `${(rep.bytes / 1e6).toFixed(1)} MB (generator v${rep.generatorVersion}, made in ${(rep.generatedInMs / 1000).toFixed(1)} s)`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    'Median and p95 over timed runs after warm-up; ratio = median / baseline median.',
    ...notes,
  ].join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.error(line);
  const report = cachedLargeReport(args.quick ? QUICK_REPORT : FULL_REPORT, path.join(ROOT, '.bench'), log);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-bench-'));
  const results: Result[] = [];
  const pending: Pending[] = [];
  try {
    const env = { report, quick: args.quick, ...workingCopies(() => report.file, workDir) };
    const list = benchmarks(env).filter((b) => !args.only || b.name.includes(args.only));
    for (const b of list) {
      if (!b.run && !b.samples) pending.push({ id: b.id, name: b.name, status: b.pending ?? 'not measured yet', note: b.note });
      else results.push(await runOne(b, log));
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  const { file: _file, options: _options, secretariatId: _me, bigSection, ...counts } = report;
  const out: BenchOutput = {
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      sqlite: (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    },
    quick: args.quick,
    report: { ...counts, bigSectionWords: bigSection.words, bigSectionUpdates: bigSection.updates },
    results,
    pending,
  };
  console.log(args.json ? JSON.stringify(out, null, 2) : table(out));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
