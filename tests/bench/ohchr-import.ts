// 7. Reading the real OHCHR thematic list (Slovenia, 3rd cycle, 215 recommendations) from its
// .docx, against mammoth alone converting the same file to HTML: what the reading adds to the
// conversion it cannot do without.
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { readThematicList } from '../../electron/import/ohchr-list.js';
import type { Benchmark, BenchEnv } from './benchmarks.js';

/** The corpus sits next to the repository (DESIGN.md: ../shared/corpus/). */
export const OHCHR_LIST = path.resolve(import.meta.dirname, '../../../shared/corpus/UPR34_Slovenia_Thematic_list_of_Recommendations.docx');
const RECOMMENDATIONS = 215;

export function ohchrListBenchmark(env: BenchEnv): Benchmark {
  const present = fs.existsSync(OHCHR_LIST);
  let bytes = new Uint8Array();
  return {
    id: '7',
    name: `read the OHCHR thematic list (${RECOMMENDATIONS} recommendations)`,
    note:
      `readThematicList on ${path.basename(OHCHR_LIST)} (${present ? Math.round(fs.statSync(OHCHR_LIST).size / 1024) : '?'} KB), ` +
      'already in memory: zip check (fflate, central directory only), mammoth to HTML, node-html-parser, header mapping and ' +
      'every row (States, position, themes, SDGs). Baseline: mammoth.convertToHtml of the same bytes alone.',
    target: { stat: 'median', ratio: 1.25 },
    plan: env.quick ? { warmup: 1, runs: 5 } : { warmup: 3, runs: 20 },
    before: () => {
      bytes = new Uint8Array(fs.readFileSync(OHCHR_LIST));
    },
    run: present
      ? {
          run: async () => {
            const list = await readThematicList(bytes, path.basename(OHCHR_LIST));
            if (list.rows.length !== RECOMMENDATIONS) throw new Error(`Read ${list.rows.length} recommendations, expected ${RECOMMENDATIONS}.`);
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
