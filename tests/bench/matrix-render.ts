// 6. Opening the comment resolution matrix in Chromium, from pressing the Comments tab to its first
// rows on screen, over the generated report's review round; measured by ./matrix/measure-matrix.ts.
import type { Benchmark, BenchEnv } from './benchmarks.js';
import { BASELINE_ROWS } from './matrix/measure-matrix.js';

export function matrixRenderBenchmark(env: BenchEnv): Benchmark {
  const n = env.report.comments.toLocaleString('en');
  const rounds = env.quick ? 5 : 20;
  const warmup = env.quick ? 1 : 2;
  let file = '';
  return {
    id: '6',
    name: `open the comment matrix, ${n} comments (Chromium)`,
    note:
      `Time from pointer-down on the Comments tab to the first animation frame after the matrix's first row is in the ` +
      `DOM, in Debian Chromium (playwright-core) on the app built from renderer/ and served by the browser-mode server ` +
      `over a copy of the report: comments.list of all ${n} comments (numbering, anchors, replies), filter, sort, and the ` +
      `virtualized grid's visible rows; the view is left and entered again each round. Baseline: the same comments.list ` +
      `fetched from the same server in the same page and its first ${BASELINE_ROWS} comments written as plain table rows ` +
      `(innerHTML), to the next frame; ${rounds} alternating rounds after ${warmup} warm-up.`,
    target: { stat: 'p95', ms: 1000 },
    plan: { warmup, runs: rounds },
    before: () => {
      file = env.copy();
    },
    after: () => env.discard(file),
    run: null,
    samples: async () => {
      const { measureMatrixRender } = await import('./matrix/measure-matrix.js');
      const s = await measureMatrixRender(file, env.report.secretariatId, rounds, warmup);
      // Virtualized: a window of rows, not all of them.
      if (env.report.comments > 200 && s.renderedRows > 100) throw new Error(`The matrix put ${s.renderedRows} rows in the page.`);
      return { run: s.app, baseline: s.plain };
    },
    baseline: null,
    baselineName: `fetch + ${BASELINE_ROWS} plain rows`,
  };
}
