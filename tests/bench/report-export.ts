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
import { CHROMIUM_ARGS, chromiumPath, printPdf } from '../../electron/export/pdf.js';
import { renderPrintHtml } from '../../electron/export/print.js';
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

// 9b. The same report to PDF: built into the export model, laid out in pages by the paged-media
// engine (footnotes at the foot of their page, header rows repeated) and printed by Chromium, as
// browser mode and the CLI do (a Chromium launched per export). Baseline in the same run: Chromium
// printing the exported HTML as it is, without the engine (how the PDF was made before issue 15):
// what the engine costs.
export function reportPdfBenchmark(env: BenchEnv): Benchmark {
  let file = '';
  let report: OpenReport | null = null;
  let plainHtml = '';
  const facts = { pages: 0, bytes: 0 };
  const chromium = fs.existsSync(chromiumPath());
  return {
    id: '9b',
    name: 'Export the report to PDF',
    get note() {
      return (
        `buildExportDocument then renderPrintHtml and printPdf: Paged.js lays out ${facts.pages} pages in headless Chromium, which prints them ` +
        `(${Math.round(facts.bytes / 1024)} KB). Baseline: Chromium launched the same way printing the exported HTML without the engine.`
      );
    },
    target: null,
    plan: env.quick ? { warmup: 0, runs: 1 } : { warmup: 1, runs: 3 },
    baselineName: 'Chromium printing the HTML without the engine',
    ...(chromium ? {} : { pending: `Chromium is not installed at ${chromiumPath()}.` }),
    before: () => {
      if (!chromium) return;
      file = env.copy();
      report = OpenReport.open(file);
      plainHtml = renderHtml(buildExportDocument(report.db));
    },
    after: () => {
      report?.close();
      report = null;
      if (file) env.discard(file);
    },
    run: chromium
      ? {
          run: async () => {
            const bytes = await printPdf(renderPrintHtml(buildExportDocument(report!.db)));
            facts.bytes = bytes.length;
            facts.pages = (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
          },
        }
      : null,
    baseline: chromium
      ? {
          run: async () => {
            const { chromium: browserType } = await import('playwright-core');
            const browser = await browserType.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
            try {
              const page = await browser.newPage({ javaScriptEnabled: false });
              await page.setContent(plainHtml, { waitUntil: 'load' });
              await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
            } finally {
              await browser.close();
            }
          },
        }
      : null,
  };
}
