// 5. The comment resolution matrix written to XLSX from the generated report's review round,
// against exceljs alone writing the same rows (already strings, no styling) to a file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportCommentMatrix, MATRIX_COLUMNS, MATRIX_WORDS_EN, matrixRow } from '../../electron/export/comment-matrix.js';
import { listComments } from '../../electron/services/comments.js';
import { OpenReport } from '../../electron/store/open-report.js';
import type { Benchmark, BenchEnv } from './benchmarks.js';
import type { Trial } from './measure.js';

type Output = { out: string };

export function commentsExportBenchmark(env: BenchEnv): Benchmark {
  const n = env.report.comments.toLocaleString('en');
  let file = '';
  let report: OpenReport | null = null;
  let outDir = '';
  let rows: string[][] = [];
  let written = 0;
  // Every run writes a new file, as a person exporting again would; it is deleted untimed.
  const output = (): Output => ({ out: path.join(outDir, `matrix-${++written}.xlsx`) });
  const remove = ({ out }: Output) => fs.rmSync(out, { force: true });
  const run: Trial<Output> = {
    setup: output,
    run: async ({ out }) => {
      const result = await exportCommentMatrix(report!.db, 'xlsx', out);
      if (result.rows !== rows.length) throw new Error(`Wrote ${result.rows} rows, expected ${rows.length}.`);
    },
    teardown: remove,
  };
  const baseline: Trial<Output> = {
    setup: output,
    run: async ({ out }) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Comments');
      sheet.addRow(MATRIX_COLUMNS.map((c) => MATRIX_WORDS_EN.headers[c.key]));
      sheet.addRows(rows);
      await book.xlsx.writeFile(out);
    },
    teardown: remove,
  };
  return {
    id: '5',
    name: `Comment matrix to XLSX, ${n} comments`,
    note:
      `exportCommentMatrix(db, 'xlsx', file) over the ${n} comments of the report: listComments (numbering, sections, ` +
      'anchors, replies), one row each with formula starts neutralized, streamed by exceljs\'s WorkbookWriter with ' +
      'shared strings, column styles, bold frozen header and autofilter, to a temporary file renamed when complete. ' +
      'Baseline: the same rows, already built as arrays of strings, written by a plain exceljs Workbook without styling.',
    target: null,
    plan: env.quick ? { warmup: 1, runs: 3 } : { warmup: 2, runs: 10 },
    before: () => {
      file = env.copy();
      report = OpenReport.open(file);
      outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-bench-matrix-'));
      rows = listComments(report.db).map((c) => matrixRow(c).map(String));
      if (rows.length !== env.report.comments) throw new Error(`The report holds ${rows.length} comments, expected ${env.report.comments}.`);
    },
    after: () => {
      report?.close();
      env.discard(file);
      fs.rmSync(outDir, { recursive: true, force: true });
    },
    run,
    baselineName: 'exceljs alone',
    baseline,
    items: { count: env.report.comments, noun: 'comment' },
  };
}
