// 16, 16c and 16b. The Recommendations view at the scale (issue 16): 5,000 recommendations
// from three mechanisms, 8,000 actions, 20,000 progress reports (./plan-scale.ts makes them, not
// timed); opening the view again (the list it kept), opening it first in a page (the list fetched),
// and filtering it by a word typed, in Chromium; measured by ./recommendations/measure-view.ts.
import { OpenReport } from '../../electron/store/open-report.js';
import { getMember } from '../../electron/store/queries.js';
import type { Benchmark, BenchEnv } from './benchmarks.js';
import { buildScale, scaleOf } from './plan-scale.js';
import { BASELINE_ROWS, type ViewSamples } from './recommendations/measure-view.js';

export function recommendationsViewBenchmarks(env: BenchEnv): Benchmark[] {
  const rounds = env.quick ? 1 : 10;
  const warmup = env.quick ? 0 : 1;
  const scale = scaleOf(env.quick);
  const n = scale.recommendations.toLocaleString('en');
  let file = '';
  let taken: Promise<ViewSamples> | null = null;
  const samples = () => {
    taken ??= (async () => {
      const { measureRecommendationsView } = await import('./recommendations/measure-view.js');
      return measureRecommendationsView(file, env.report.secretariatId, rounds, warmup);
    })();
    return taken;
  };
  const baselineNote = `Baseline: the same recommendations.list fetched from the same server in the same page and its first ${BASELINE_ROWS} rows written as plain table rows (innerHTML), to the next frame; ${rounds} alternating rounds after ${warmup} warm-up.`;
  return [
    {
      id: '16',
      name: `open the Recommendations view again, nothing changed, ${n} recommendations (Chromium)`,
      note: `Time from pointer-down on the Recommendations tab (coming from the Overview, the view opened before and nothing changed since, so it shows the list it kept) to the first animation frame after the table's first row is in the DOM, in Debian Chromium on the app built from renderer/ and served by the browser-mode server, over a report of ${n} recommendations from three mechanisms, 8,000 actions and 20,000 progress reports. ${baselineNote}`,
      target: { stat: 'p95', ms: 300 },
      plan: { warmup, runs: rounds },
      before: () => {
        file = env.copy();
        const report = OpenReport.open(file);
        try {
          buildScale({ report, me: getMember(report.db, env.report.secretariatId)! }, scale);
        } finally {
          report.close();
        }
      },
      run: null,
      samples: async () => {
        const s = await samples();
        return { run: s.open, baseline: s.plain };
      },
      baseline: null,
      baselineName: `${BASELINE_ROWS} plain rows from the same list`,
    },
    {
      id: '16c',
      name: `open the Recommendations view first in a page, the list fetched, ${n} recommendations (Chromium)`,
      note: `As 16, for the view's first opening in a page (a new page each round, loaded and signed in before the clock starts), so that the list of ${n} is fetched from the server. ${baselineNote}`,
      target: { stat: 'p95', ms: 300 },
      plan: { warmup, runs: rounds },
      run: null,
      samples: async () => {
        const s = await samples();
        return { run: s.first, baseline: s.plain };
      },
      baseline: null,
      baselineName: `${BASELINE_ROWS} plain rows from the same list`,
    },
    {
      id: '16b',
      name: `filter the Recommendations view by a word, ${n} recommendations (Chromium)`,
      note: `Time from a word landing in the view's empty search box (as a paste does) to the first animation frame after the count of rows shown changed, same page and rounds as 16. ${baselineNote}`,
      target: { stat: 'p95', ms: 50 },
      plan: { warmup, runs: rounds },
      after: () => env.discard(file),
      run: null,
      samples: async () => {
        const s = await samples();
        return { run: s.filter, baseline: s.plain };
      },
      baseline: null,
      baselineName: `${BASELINE_ROWS} plain rows from the same list`,
    },
  ];
}
