// 9. The final report to Word: the large generated report (60 sections, 10,700 words, the
// 400-recommendation annex and the 2,000-input annex) built into the export model (every section
// read headless without annotations) and written as .docx by the `docx` library, one run each.
// Baseline in the same run: pandoc converting the exported HTML of the same report to .docx
// (`pandoc -f html -t docx`, the HTML written beforehand and not timed). Target: faster than pandoc.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildExportDocument } from '../../electron/export/document.js';
import { writeDocx } from '../../electron/export/docx.js';
import { renderHtml } from '../../electron/export/html.js';
import { OpenReport } from '../../electron/store/open-report.js';
import type { Benchmark, BenchEnv } from './benchmarks.js';

function hasPandoc(): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, 'pandoc')));
}

export function reportExportBenchmark(env: BenchEnv): Benchmark {
  let file = '';
  let report: OpenReport | null = null;
  let dir = '';
  let html = '';
  const facts = { docxBytes: 0, paragraphs: 0, annexRows: 0 };
  const pandoc = hasPandoc();
  return {
    id: '9',
    name: 'Export the report to Word (.docx)',
    // Read when the table is printed, after the runs have filled `facts`.
    get note() {
      return (
        'buildExportDocument (every section read headless from its Yjs updates without annotations, paragraphs and footnotes numbered, ' +
        `both annexes: ${facts.annexRows.toLocaleString('en')} rows) then writeDocx (docx library) to bytes; ` +
        `${facts.paragraphs.toLocaleString('en')} numbered paragraphs, ${Math.round(facts.docxBytes / 1024)} KB. ` +
        'Baseline: pandoc -f html -t docx on the exported HTML of the same report (written beforehand, not timed), as a child process.'
      );
    },
    target: pandoc ? { stat: 'median', ratio: 1 } : null,
    plan: { warmup: 1, runs: env.quick ? 3 : 10 },
    baselineName: 'pandoc HTML to docx',
    ...(pandoc ? {} : { pending: 'pandoc is not installed (apt-get install pandoc).' }),
    before: () => {
      if (!pandoc) return;
      file = env.copy();
      report = OpenReport.open(file);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-bench-export-'));
      const doc = buildExportDocument(report.db);
      facts.paragraphs = doc.body.filter((b) => b.kind === 'paragraph').length;
      facts.annexRows = doc.annexes.reduce((n, a) => n + a.rows.length, 0);
      html = path.join(dir, 'report.html');
      fs.writeFileSync(html, renderHtml(doc));
    },
    after: () => {
      report?.close();
      report = null;
      if (file) env.discard(file);
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
    run: pandoc
      ? {
          run: async () => {
            const bytes = await writeDocx(buildExportDocument(report!.db));
            facts.docxBytes = bytes.length;
          },
        }
      : null,
    baseline: pandoc
      ? {
          run: async () => {
            await promisify(execFile)('pandoc', ['-f', 'html', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx'), html]);
          },
        }
      : null,
  };
}
