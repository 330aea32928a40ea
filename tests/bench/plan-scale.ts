// 15. The implementation matrix at the scale (issue 16, point 5): a report following up
// 5,000 recommendations from three mechanisms (the large report's 400 UPR ones, 2,600 of treaty
// bodies and 2,000 of special procedures; a tenth of everything with --quick), with 8,000 actions and 20,000 progress reports, all
// written through the change log before the run (not timed). Timed: the matrix exported to .xlsx
// (every recommendation and action, protected sheets, drop-down lists), then a filled copy of it
// imported back (1,000 statuses changed, 500 progress reports written, every row read and
// compared with the report, every change judged and written in one change set). Baseline in the
// same run: exceljs alone writing the same cells to a workbook and reading them back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { RecommendationImport } from '../../shared/domain.js';
import { exportMatrix, importMatrix, MATRIX_LABELS } from '../../electron/services/plan-workbook.js';
import { importRecommendations, listRecommendations } from '../../electron/services/recommendations.js';
import type { ServiceContext } from '../../electron/services/context.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { getMember, listOrganizations } from '../../electron/store/queries.js';
import type { Change } from '../../electron/sync/changes.js';
import type { Benchmark, BenchEnv } from './benchmarks.js';

/** The scale; `--quick` (a smoke test of the benchmark, run by the tests) takes a tenth of it. */
export interface Scale {
  recommendations: number;
  actions: number;
  notes: number;
  changedStatuses: number;
  newNotes: number;
}
export const FULL_SCALE: Scale = { recommendations: 5_000, actions: 8_000, notes: 20_000, changedStatuses: 1_000, newNotes: 500 };
const QUICK_SCALE: Scale = { recommendations: 500, actions: 800, notes: 2_000, changedStatuses: 100, newNotes: 50 };
export const scaleOf = (quick: boolean): Scale => (quick ? QUICK_SCALE : FULL_SCALE);

const BODIES = ['CRC', 'CEDAW', 'CAT', 'CCPR', 'CESCR', 'CERD', 'CRPD'];
const PROCEDURES = ['SR Torture', 'SR Education', 'WG Arbitrary Detention', 'IE Older persons', 'SR Housing'];

function otherMechanisms(count: number): RecommendationImport[] {
  return Array.from({ length: count }, (_, i) => {
    // Over half of them a treaty body's, the rest a special procedure's (2,600 and 2,000 at full scale).
    const treaty = i < Math.round(count * 0.565);
    const body = treaty ? BODIES[i % BODIES.length]! : PROCEDURES[i % PROCEDURES.length]!;
    const symbol = treaty ? `${body}/C/VRD/CO/${1 + (i % 6)}` : `A/HRC/${40 + (i % 15)}/${10 + (i % 40)}/Add.1`;
    const paragraph = String(10 + (i % 60));
    return {
      number: `${symbol}, para. ${paragraph}`,
      text: `The ${treaty ? 'Committee' : 'mandate holder'} recommends that the State strengthen measure ${i + 1} for the protection of the rights concerned, with adequate resources and monitoring.`,
      states: [],
      position: null,
      positionSource: '',
      cluster: '',
      themes: [['Detention', 'Education', 'Housing', 'Women', 'Children'][i % 5]!],
      groups: [],
      sdgs: [1 + (i % 17)],
      origin: { mechanism: treaty ? 'treaty_body' : 'special_procedure', body, documentSymbol: symbol, paragraph, documentDate: '2024-03-15', uhriId: String(5_000_000 + i) },
    };
  });
}

/** Actions and progress reports for the recommendations, through the change log in batches, as the services would write them. */
function plan(ctx: ServiceContext, scale: Scale): void {
  const recs = listRecommendations(ctx.report.db);
  const orgs = listOrganizations(ctx.report.db).map((o) => o.id);
  const statuses = ['planned', 'under_way', 'completed', 'under_way'] as const;
  const actionIds: Array<{ id: string; rec: string }> = [];
  let batch: Change[] = [];
  const flush = () => {
    if (batch.length) ctx.report.write(ctx.me!.id, batch);
    batch = [];
  };
  for (let i = 0; i < scale.actions; i++) {
    const rec = recs[i % recs.length]!.id;
    const id = ctx.report.newId();
    actionIds.push({ id, rec });
    const cell = (column: string, value: string | number | null): Change => ({ table: 'actions', row: id, column, value });
    batch.push(
      cell('recommendation_id', rec),
      cell('title', `Action ${i + 1}: draft, consult on and adopt the measures the recommendation asks for`),
      cell('lead_organization_id', orgs[i % orgs.length]!),
      cell('start_date', '2026-01-01'),
      cell('end_date', `2027-${String(1 + (i % 12)).padStart(2, '0')}-28`),
      cell('status', statuses[i % statuses.length]!),
      cell('created_at', new Date().toISOString()),
    );
    if (batch.length > 20_000) flush();
  }
  for (let i = 0; i < scale.notes; i++) {
    const { id: action, rec } = actionIds[i % actionIds.length]!;
    const id = ctx.report.newId();
    const cell = (column: string, value: string): Change => ({ table: 'recommendation_notes', row: id, column, value });
    batch.push(
      cell('recommendation_id', rec),
      cell('date', `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`),
      cell('text', `Progress report ${i + 1}: the ministry met the partners, the draft was circulated and comments were received.`),
      cell('author_id', ctx.me!.id),
      cell('created_at', new Date().toISOString()),
      cell('action_id', action),
    );
    if (batch.length > 20_000) flush();
  }
  flush();
}

/**
 * Makes the large report (400 UPR recommendations) one of the scale: 5,000 recommendations
 * from three mechanisms, 8,000 actions, 20,000 progress reports. Not timed.
 */
export function buildScale(ctx: ServiceContext, scale: Scale) {
  const have = listRecommendations(ctx.report.db).length;
  importRecommendations(ctx, otherMechanisms(scale.recommendations - have), [], 'UHRI export.xlsx');
  plan(ctx, scale);
  const all = listRecommendations(ctx.report.db);
  if (all.length !== scale.recommendations) throw new Error(`Expected ${scale.recommendations} recommendations, found ${all.length}.`);
  return all;
}

/** The matrix exported from `file`, with 1,000 statuses changed and 500 progress reports written, as a ministry fills it. */
async function filledMatrix(ctx: ServiceContext, dir: string, scale: Scale): Promise<string> {
  const sent = path.join(dir, 'sent.xlsx');
  await exportMatrix(ctx, { path: sent });
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(sent);
  const sheet = book.getWorksheet('Recommendations')!;
  const labels = MATRIX_LABELS.status;
  for (let row = 2; row < 2 + scale.changedStatuses; row++) {
    const now = sheet.getCell(row, 6).value as string;
    sheet.getCell(row, 6).value = now === labels.implemented ? labels.not_applicable : labels.implemented;
  }
  for (let row = 2; row < 2 + scale.newNotes; row++) {
    sheet.getCell(row, 7).value = '2026-11-30';
    sheet.getCell(row, 8).value = `Reported from the ministry's workbook, row ${row}.`;
  }
  const filled = path.join(dir, 'filled.xlsx');
  await book.xlsx.writeFile(filled);
  return filled;
}

export function planScaleBenchmark(env: BenchEnv): Benchmark {
  const scale = scaleOf(env.quick);
  const { recommendations: RECOMMENDATIONS, actions: ACTIONS, notes: NOTES, changedStatuses: CHANGED_STATUSES, newNotes: NEW_NOTES } = scale;
  let scaleFile = '';
  let filled = '';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-bench-plan-'));
  const open = (file: string) => {
    const report = OpenReport.open(file);
    return { report, me: getMember(report.db, env.report.secretariatId)! };
  };
  /** The same cells the matrix holds, as plain values, for the baseline. */
  let cells: { recs: string[][]; actions: string[][] } = { recs: [], actions: [] };
  return {
    id: '15',
    name: `Implementation matrix of ${RECOMMENDATIONS.toLocaleString('en')} recommendations to .xlsx and back`,
    note:
      `plan.exportMatrix then plan.importMatrix on a report of ${RECOMMENDATIONS.toLocaleString('en')} recommendations (three mechanisms), ${ACTIONS.toLocaleString('en')} actions and ${NOTES.toLocaleString('en')} progress reports: ` +
      `the workbook written (protected sheets, lists), then a filled copy read back, ${CHANGED_STATUSES.toLocaleString('en')} statuses and ${NEW_NOTES} progress reports judged and written in one change set. ` +
      'Baseline: exceljs alone writing the same cells to a workbook and reading them back.',
    target: { stat: 'p95', ms: 5_000 },
    plan: env.quick ? { warmup: 0, runs: 1 } : { warmup: 1, runs: 3 },
    before: async () => {
      scaleFile = env.copy();
      const ctx = open(scaleFile);
      try {
        const all = buildScale(ctx, scale);
        const actions = new Map(all.flatMap((r) => r.actions.map((a) => [a.id, a] as const)));
        cells = {
          recs: all.map((r) => [r.id, r.number, r.text, '', r.implementationStatus, r.implementationStatus, '', '']),
          actions: [...actions.values()].map((a) => [a.id, '', a.title, '', a.endDate, a.status, a.status]),
        };
        if (cells.actions.length !== ACTIONS) throw new Error(`Expected ${ACTIONS} actions, found ${cells.actions.length}.`);
        filled = await filledMatrix(ctx, dir, scale);
      } finally {
        ctx.report.close();
      }
    },
    after: () => {
      env.discard(scaleFile);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    run: {
      setup: () => {
        const file = path.join(dir, `run-${Date.now()}-${Math.random().toString(36).slice(2)}.upr`);
        fs.copyFileSync(scaleFile, file);
        return { file, ctx: open(file) };
      },
      run: async (state: unknown) => {
        const { ctx } = state as { ctx: ServiceContext };
        const out = path.join(dir, 'out.xlsx');
        const sent = await exportMatrix(ctx, { path: out });
        if (sent.recommendations !== RECOMMENDATIONS || sent.actions !== ACTIONS) throw new Error(`Exported ${sent.recommendations} and ${sent.actions}.`);
        const back = await importMatrix(ctx, { path: filled });
        if (back.written !== CHANGED_STATUSES + NEW_NOTES || back.problems !== 0) throw new Error(`Imported ${JSON.stringify(back)}.`);
      },
      teardown: (state: unknown) => {
        const { file, ctx } = state as { file: string; ctx: ServiceContext };
        ctx.report.close();
        env.discard(file);
      },
    },
    baseline: {
      run: async () => {
        const book = new ExcelJS.Workbook();
        book.addWorksheet('Recommendations').addRows(cells.recs);
        book.addWorksheet('Actions').addRows(cells.actions);
        const file = path.join(dir, 'plain.xlsx');
        await book.xlsx.writeFile(file);
        const read = new ExcelJS.Workbook();
        await read.xlsx.readFile(file);
        let n = 0;
        for (const sheet of read.worksheets) sheet.eachRow(() => n++);
        if (n !== RECOMMENDATIONS + ACTIONS) throw new Error(`Read ${n} rows back.`);
      },
    },
    baselineName: 'exceljs alone, same cells written and read back',
  };
}
