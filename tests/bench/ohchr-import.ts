// 7. Importing the real OHCHR thematic list (Slovenia, 3rd cycle, 215 recommendations) from its
// .docx into a report, against mammoth alone converting the same file to HTML: what reading the
// table and writing it through the change log add to the conversion they cannot do without.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import mammoth from 'mammoth';
import { readThematicList } from '../../electron/import/ohchr-list.js';
import { createReport } from '../../electron/services/new-report.js';
import { importRecommendations } from '../../electron/services/recommendations.js';
import type { ServiceContext } from '../../electron/services/context.js';
import type { Benchmark, BenchEnv } from './benchmarks.js';

/** The corpus sits next to the repository (DESIGN.md: ../shared/corpus/). */
export const OHCHR_LIST = path.resolve(import.meta.dirname, '../../../shared/corpus/UPR34_Slovenia_Thematic_list_of_Recommendations.docx');
const RECOMMENDATIONS = 215;

export function ohchrListBenchmark(env: BenchEnv): Benchmark {
  const present = fs.existsSync(OHCHR_LIST);
  let bytes = new Uint8Array();
  return {
    id: '7',
    name: `import the OHCHR thematic list (${RECOMMENDATIONS} recommendations)`,
    note:
      `readThematicList on ${path.basename(OHCHR_LIST)} (${present ? Math.round(fs.statSync(OHCHR_LIST).size / 1024) : '?'} KB), ` +
      'already in memory: zip check (fflate, central directory only), mammoth to HTML, node-html-parser, header mapping and ' +
      'every row (States, position, themes, SDGs); then importRecommendations into a new report (one transaction through the ' +
      'change log, about 2,800 rows), made before each run and not timed. Baseline: mammoth.convertToHtml of the same bytes alone.',
    target: null,
    plan: env.quick ? { warmup: 1, runs: 5 } : { warmup: 3, runs: 20 },
    before: () => {
      bytes = new Uint8Array(fs.readFileSync(OHCHR_LIST));
    },
    run: present
      ? {
          setup: (): { ctx: ServiceContext; dir: string } => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-bench-import-'));
            const { report, creator } = createReport({
              path: path.join(dir, 'r.upr'),
              country: 'Slovenia',
              cycle: 4,
              language: 'en',
              yourName: 'Secretariat',
              yourOrganization: 'Ministry of Foreign Affairs',
            });
            return { ctx: { report, me: creator }, dir };
          },
          run: async ({ ctx }: { ctx: ServiceContext }) => {
            const list = await readThematicList(bytes, path.basename(OHCHR_LIST));
            const done = importRecommendations(ctx, list.rows, list.problems, path.basename(OHCHR_LIST));
            if (done.created !== RECOMMENDATIONS) throw new Error(`Imported ${done.created} recommendations, expected ${RECOMMENDATIONS}.`);
          },
          teardown: ({ ctx, dir }: { ctx: ServiceContext; dir: string }) => {
            ctx.report.close();
            fs.rmSync(dir, { recursive: true, force: true });
          },
        }
      : null,
    pending: present ? undefined : `The corpus file is not at ${OHCHR_LIST}.`,
    baselineName: 'mammoth alone',
    baseline: {
      run: async () => {
        await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
      },
    },
    items: { count: RECOMMENDATIONS, noun: 'recommendation' },
  };
}
