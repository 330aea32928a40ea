// The benchmarks, one definition each: what is timed (run), what it is compared with (baseline,
// measured in the same run on the same machine), and the target it should meet. To add a figure,
// add a definition to the list in `benchmarks()`; run.ts times it and puts it in the table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { $createTableNodeWithDimensions } from '@lexical/table';
import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode } from 'lexical';
import { editSection } from '../../electron/docs/headless.js';
import { writeText } from '../../electron/sync/text-log.js';
import type { ParsedInput } from '../../shared/api.js';
import { outlineOrder, type Member } from '../../shared/domain.js';
import { readSectionText, textUpdates } from '../../electron/docs/section-text.js';
import { OpenReport } from '../../electron/store/open-report.js';
import type { SoundFiles } from '../../electron/store/open.js';
import { SoundFileRecord } from '../../electron/store/sound-files.js';
import { getMember, listSections } from '../../electron/store/queries.js';
import type { ServiceContext } from '../../electron/services/context.js';
import { loadWorkspace } from '../../electron/services/report.js';
import { updateSection } from '../../electron/services/sections.js';
import type { GeneratedReport } from './generate.js';
import { isoDay } from './history.js';
import type { Plan, Trial } from './measure.js';
import { commentsExportBenchmark } from './comments-export.js';
import { matrixRenderBenchmark } from './matrix-render.js';
import { ohchrListBenchmark } from './ohchr-import.js';
import { findAllBenchmark, searchBenchmark } from './search.js';
import { reportExportBenchmark, reportPdfBenchmark } from './report-export.js';
import { mergeBenchmark } from './merge.js';
import { versionsBenchmarks } from './versions.js';
import { bulkAssignBenchmark } from './bulk.js';
import { planScaleBenchmark } from './plan-scale.js';
import { recommendationsViewBenchmarks } from './recommendations-render.js';
import { sharingScaleBenchmarks } from './sharing-scale.js';

export interface Target {
  /** Which statistic must stay under `ms` (or under `ratio` times the baseline's same statistic). */
  stat: 'median' | 'p95';
  ms?: number;
  ratio?: number;
}

export interface Benchmark {
  /** The figure's number in the table and in tests/bench/README.md. */
  id: string;
  name: string;
  /** What is timed and what the baseline does, in a sentence or two: printed under the table. */
  note: string;
  target: Target | null;
  plan: Plan;
  /** null while the benchmark cannot be measured yet; `pending` then says why. */
  run: Trial | null;
  /**
   * For figures measured outside this process (in a browser): gives the samples of the run and
   * of the baseline at once, taken in alternation so that noise falls on both alike.
   */
  samples?: () => Promise<{ run: number[]; baseline: number[] }>;
  baseline: Trial | null;
  baselineName?: string;
  /** When a run does many things (edits), the table also gives the time per thing. */
  items?: { count: number; noun: string };
  pending?: string;
  /** Once, before the first run and after the last (not timed). */
  before?: () => void | Promise<void>;
  after?: () => void;
}

export interface BenchEnv {
  /** The generated report; its file is shared and must not be written: use `copy()`. */
  report: GeneratedReport;
  quick: boolean;
  /** A fresh working copy of the report file, in a temporary folder. */
  copy: () => string;
  /** Deletes a working copy (and its -wal and -shm files). */
  discard: (file: string) => void;
}

/** Each trial's own state erased to `unknown`, so definitions of different kinds fit one list. */
function trial<S>(t: Trial<S>): Trial {
  return t;
}

export function benchmarks(env: BenchEnv): Benchmark[] {
  return [...openAndLoad(env), ...serviceEdits(env), sectionLoad(env), keystrokeLatency(env), keystrokeLatencyWithTables(env), commentsExportBenchmark(env), matrixRenderBenchmark(env), ohchrListBenchmark(env), searchBenchmark(env), reportExportBenchmark(env), reportPdfBenchmark(env), mergeBenchmark(env), mergeBenchmark(env, true), findAllBenchmark(env), ...versionsBenchmarks(env), bulkAssignBenchmark(env), planScaleBenchmark(env), ...recommendationsViewBenchmarks(env), ...sharingScaleBenchmarks(env)];
}

/**
 * 1. Opening the report and loading what the workspace screen shows. 1a: a report this app closed
 * itself, unchanged since, as a person opens their own report day after day (`PRAGMA quick_check`
 * is skipped: store/sound-files.ts); 1b: a report never seen here (a copy just received), read
 * through `quick_check` every time.
 */
function openAndLoad(env: BenchEnv): Benchmark[] {
  const plain = trial<{ db?: Database.Database; file?: string }>({
    setup: () => ({}),
    run: (state) => {
      const db = (state.db = new Database(file, { fileMustExist: true }));
      for (const table of ['report', 'organizations', 'members', 'sections', 'section_text']) db.prepare(`SELECT * FROM ${table}`).all();
    },
    teardown: (state) => state.db?.close(),
  });
  let file = '';
  let dataDir = '';
  const open = (known: () => SoundFiles | undefined) =>
    trial<{ report?: OpenReport }>({
      setup: () => ({}),
      run: (state) => {
        state.report = OpenReport.open(file, known());
        loadWorkspace({ report: state.report, me: null });
      },
      teardown: (state) => state.report?.close(),
    });
  const common = {
    plan: env.quick ? { warmup: 2, runs: 10 } : { warmup: 3, runs: 30 },
    before: () => {
      file = env.copy();
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-bench-sound-'));
      // Opened and closed once, untimed, as after the migration of an older file.
      OpenReport.open(file).close();
    },
    after: () => {
      env.discard(file);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    baselineName: 'plain SELECTs',
    baseline: plain,
  };
  const what =
    'OpenReport.open (inspect: header, application id, schema version, the tables of that version; pragmas; migrations check; the clock reads the newest stamp; the held changes) + loadWorkspace, a new connection every run (the OS file cache stays warm: "cold-ish"); closing is not timed. ' +
    'Baseline: new better-sqlite3 connection + plain SELECT * of report, organizations, members, sections, section_text.';
  return [
    {
      ...common,
      id: '1a',
      name: 'open file + load workspace',
      note: `A report this app closed itself and unchanged since (inode, size, modification time in the data folder's sound-files.json): PRAGMA quick_check is skipped. ${what}`,
      target: { stat: 'p95', ms: 150 },
      run: open(() => new SoundFileRecord(dataDir)),
    },
    {
      ...common,
      id: '1b',
      name: 'open a file never seen here + load workspace',
      note: `The same, for a file not known sound here (a copy just received): PRAGMA quick_check reads every page each time. ${what}`,
      target: null,
      run: open(() => undefined),
    },
  ];
}

const COLUMNS = ['title', 'due_date', 'word_budget'] as const;

interface SectionEdit {
  input: ParsedInput<'sections.update'>;
  /** The same edit for the baseline's UPDATE. */
  column: (typeof COLUMNS)[number];
  value: string | number;
}

/**
 * Single-field edits of section details, round-robin over sections and fields. Every value
 * differs from the one before it in its cell, so every edit writes exactly one change-log row.
 */
function sectionEdits(file: string, count: number): SectionEdit[] {
  const report = OpenReport.open(file);
  const sections = outlineOrder(listSections(report.db)).map((e) => e.section);
  report.close();
  return Array.from({ length: count }, (_, i): SectionEdit => {
    const s = sections[i % sections.length]!;
    const { id } = s;
    switch (Math.floor(i / sections.length) % 3) {
      case 0: {
        const title = `${s.title} (rev. ${i})`;
        return { input: { id, title }, column: 'title', value: title };
      }
      case 1: {
        const dueDate = isoDay(100 + (i % 200));
        return { input: { id, dueDate }, column: 'due_date', value: dueDate };
      }
      default: {
        const wordBudget = 10_001 + (i % 1000) * 2;
        return { input: { id, wordBudget }, column: 'word_budget', value: wordBudget };
      }
    }
  });
}

/** 2. Edits through the services and the change log, against plain UPDATEs of the same cells. */
function serviceEdits(env: BenchEnv): Benchmark[] {
  const count = env.quick ? 1_000 : 10_000;
  let edits: SectionEdit[] = [];
  interface State {
    file: string;
    ctx: ServiceContext;
    rowsBefore: number;
  }
  const rows = (report: OpenReport) => (report.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
  const setup = (): State => {
    const file = env.copy();
    const report = OpenReport.open(file);
    const me: Member = getMember(report.db, env.report.secretariatId)!;
    if (me.role !== 'secretariat') throw new Error('The generated report lost its secretariat member.');
    // The member's signing key recorded first (their first act on this machine), untimed.
    report.log.keyForText(me.id);
    return { file, ctx: { report, me }, rowsBefore: rows(report) };
  };
  const teardown = (state: State) => {
    // Honest counting: every edit must have written exactly one change-log row.
    const written = rows(state.ctx.report) - state.rowsBefore;
    state.ctx.report.close();
    env.discard(state.file);
    if (written !== count) throw new Error(`Expected ${count} change-log rows from the edits, found ${written}.`);
  };
  const applyAll = (ctx: ServiceContext) => {
    for (const e of edits) updateSection(ctx, e.input);
  };
  const baseline = trial<{ file: string; db: Database.Database }>({
    setup: () => {
      const file = env.copy();
      return { file, db: new Database(file, { fileMustExist: true }) };
    },
    run: ({ db }) => {
      const update = new Map(COLUMNS.map((column) => [column, db.prepare(`UPDATE sections SET ${column} = ? WHERE id = ?`)]));
      db.transaction(() => {
        for (const e of edits) update.get(e.column)!.run(e.value, e.input.id);
      })();
    },
    teardown: ({ file, db }) => {
      db.close();
      env.discard(file);
    },
  });
  const plan = env.quick ? { warmup: 1, runs: 3 } : { warmup: 1, runs: 5 };
  const n = count.toLocaleString('en');
  const before = () => {
    const file = env.copy();
    edits = sectionEdits(file, count);
    env.discard(file);
  };
  return [
    {
      id: '2a',
      name: `${n} section edits, each its own transaction`,
      note:
        `${n} updateSection calls as the secretariat (title, due date or word budget; one field each), each its own ` +
        'write and transaction, as a person makes them: permission check, read, change-log row, materialized cell, re-read. ' +
        `Baseline: plain UPDATEs of the same ${n} cells in ONE transaction, with no change log: not like for like, it is the floor.`,
      target: null,
      plan,
      before,
      run: trial<State>({ setup, run: ({ ctx }) => applyAll(ctx), teardown }),
      baselineName: 'UPDATEs, 1 transaction',
      baseline,
      items: { count, noun: 'edit' },
    },
    {
      id: '2b',
      name: `${n} section edits, all in one transaction`,
      note: `The same ${n} updateSection calls wrapped in one transaction (as a bulk import would), against the same baseline.`,
      target: null,
      plan,
      before,
      run: trial<State>({ setup, run: ({ ctx }) => ctx.report.db.transaction(() => applyAll(ctx))(), teardown }),
      baselineName: 'UPDATEs, 1 transaction',
      baseline,
      items: { count, noun: 'edit' },
    },
    {
      id: '2s',
      name: `${n} section edits in one transaction, signed against not signed`,
      note: `2b's ${n} edits, signed (one Ed25519 signature over the batch's rows and the author's previous record). Baseline: the same with signing off, as edits were before signing.`,
      target: null,
      plan,
      before,
      run: trial<State>({ setup, run: ({ ctx }) => ctx.report.db.transaction(() => applyAll(ctx))(), teardown }),
      baselineName: '2b without signing',
      baseline: trial<State>({
        setup: () => {
          const state = setup();
          (state.ctx.report.log as { signer: unknown }).signer = null;
          return state;
        },
        run: ({ ctx }) => ctx.report.db.transaction(() => applyAll(ctx))(),
        teardown,
      }),
      items: { count, noun: 'edit' },
    },
  ];
}

/** 3. Reading the long section's text headless, as export, search and word counts do. */
function sectionLoad(env: BenchEnv): Benchmark {
  let file = '';
  let report: OpenReport | null = null;
  const big = env.report.bigSection;
  return {
    id: '3',
    name: `load ${big.words.toLocaleString('en')}-word section headless`,
    note:
      `readSectionText of "${big.title}" (${big.words} words, ${big.updates} stored Yjs updates): SELECT its updates, ` +
      'merge them, bind a headless Lexical editor to the Y.Doc, read plain text, counts and JSON. ' +
      'Baseline: the same updates merged into a bare Y.Doc and its XML text read, without Lexical.',
    target: { stat: 'p95', ms: 50 },
    plan: env.quick ? { warmup: 3, runs: 15 } : { warmup: 5, runs: 50 },
    before: () => {
      file = env.copy();
      report = OpenReport.open(file);
    },
    after: () => {
      report?.close();
      env.discard(file);
    },
    run: trial({
      run: () => {
        const r = readSectionText(report!.db, big.id);
        if (r.words !== big.words) throw new Error(`Read ${r.words} words, expected ${big.words}.`);
      },
    }),
    baselineName: 'Yjs only',
    baseline: trial({
      run: () => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, Y.mergeUpdates(textUpdates(report!.db, big.id)));
        doc.get('root', Y.XmlText).toString();
        doc.destroy();
      },
    }),
  };
}

/** 4. Typing in the section editor, in Chromium, against a bare Lexical editor on the same page. */
function keystrokeLatency(env: BenchEnv): Benchmark {
  const big = env.report.bigSection;
  const rounds = env.quick ? 2 : 8;
  const keys = 25;
  let file = '';
  return {
    id: '4',
    name: `keystroke latency, ${big.words.toLocaleString('en')}-word section (Chromium)`,
    note:
      `Time from keydown to the DOM holding the character, typing at the end of "${big.title}" in Debian Chromium ` +
      `(playwright-core): the app's section editor (Lexical bound to Yjs, saving through the browser-mode server, run in a process ` +
      `of its own as the app's main process is) ` +
      `against a bare Lexical editor with the same text on the same page; ${rounds} alternating rounds of ${keys} keys each.`,
    target: { stat: 'p95', ratio: 1.5 },
    plan: { warmup: 10, runs: rounds * keys },
    before: () => {
      file = env.copy();
    },
    after: () => env.discard(file),
    ...typedInChromium(() => file, big.id, rounds, keys),
  };
}

/**
 * 4b. The same, with five 10×8 tables (statistics, as national reports hold) added to the section
 * first: what the table plugins and the find, citation and caret plugins cost a keystroke there.
 */
function keystrokeLatencyWithTables(env: BenchEnv): Benchmark {
  const big = env.report.bigSection;
  const rounds = env.quick ? 2 : 8;
  const keys = 25;
  let file = '';
  return {
    id: '4b',
    name: `keystroke latency, ${big.words.toLocaleString('en')} words + five 10×8 tables (Chromium)`,
    note:
      `Figure 4's method on a copy of the report whose section "${big.title}" has five tables of 10 rows and 8 columns (a number in ` +
      'each cell) appended headless through the text write path before the run; typing at the end of the text, after the last table.',
    target: { stat: 'p95', ratio: 1.5 },
    plan: { warmup: 10, runs: rounds * keys },
    before: () => {
      file = env.copy();
      const report = OpenReport.open(file);
      try {
        const me = report.db.prepare("SELECT id FROM members WHERE role = 'secretariat' LIMIT 1").pluck().get() as string;
        const update = editSection(textUpdates(report.db, big.id), () => {
          const root = $getRoot();
          for (let t = 0; t < 5; t++) {
            const table = $createTableNodeWithDimensions(10, 8, true);
            let n = 0;
            for (const cell of $cellsOf(table)) cell.append($createParagraphNode().append($createTextNode(String(++n * 37 + t))));
            root.append(table);
          }
          root.append($createParagraphNode().append($createTextNode('After the tables.')));
        });
        writeText(report, big.id, update, me, 'edit');
      } finally {
        report.close();
      }
    },
    after: () => env.discard(file),
    ...typedInChromium(() => file, big.id, rounds, keys),
  };
}

/** Every cell of a table, emptied of the paragraph Lexical makes in it. */
function $cellsOf(table: ReturnType<typeof $createTableNodeWithDimensions>): ElementNode[] {
  const cells: ElementNode[] = [];
  for (const row of table.getChildren<ElementNode>()) {
    for (const cell of row.getChildren<ElementNode>()) {
      cell.clear();
      cells.push(cell);
    }
  }
  return cells;
}

/** Figure 4's measure: the app's editor against a bare Lexical editor, in Chromium. */
function typedInChromium(file: () => string, sectionId: string, rounds: number, keys: number): Pick<Benchmark, 'run' | 'samples' | 'baseline' | 'baselineName'> {
  return {
    run: null,
    samples: async () => {
      const { measureKeystrokes } = await import('./keystroke/measure-keystrokes.js');
      const s = await measureKeystrokes(file(), sectionId, rounds, keys);
      return { run: s.app, baseline: s.bare };
    },
    baseline: null,
    baselineName: 'bare Lexical',
  };
}

/** A working-copy folder for one bench run. */
export function workingCopies(source: () => string, dir: string): Pick<BenchEnv, 'copy' | 'discard'> {
  let n = 0;
  return {
    copy: () => {
      const file = path.join(dir, `copy-${++n}.upr`);
      fs.copyFileSync(source(), file);
      return file;
    },
    discard: (file) => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    },
  };
}
