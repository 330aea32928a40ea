// Timing: a trial is set up, timed and torn down again for each run, so only what we mean to time
// is timed (opening a copy of the file, for example, is setup). Warm-up runs come first and are
// thrown away; the rest give the median and the 95th percentile. There is no forced garbage
// collection between runs: a collection that falls in a run is part of its cost, as in the app.
import { performance } from 'node:perf_hooks';

// Method signatures (not properties) on purpose: a Trial<S> then fits where a Trial<unknown> goes.
export interface Trial<S = unknown> {
  /** Untimed, before each run. */
  setup?(): S;
  /** Timed. */
  run(state: S): void | Promise<void>;
  /** Untimed, after each run (also after warm-up runs). */
  teardown?(state: S): void;
}

export interface Plan {
  warmup: number;
  runs: number;
}

export interface Stats {
  /** The very first run, warm-up included: what a cold process pays once (JIT, caches). */
  first: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

/** The value at or below which `p` (0 to 1) of the sorted samples lie: nearest rank, no interpolation. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('no samples');
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(sorted: readonly number[]): number {
  if (sorted.length === 0) throw new Error('no samples');
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(samples: readonly number[], first = samples[0]!): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { first, median: median(sorted), p95: percentile(sorted, 0.95), min: sorted[0]!, max: sorted.at(-1)!, runs: sorted.length };
}

/** Runs `trial` `plan.warmup + plan.runs` times and summarizes the timed runs in milliseconds. */
export async function measure<S>(trial: Trial<S>, plan: Plan): Promise<Stats> {
  const samples: number[] = [];
  let first = NaN;
  for (let i = 0; i < plan.warmup + plan.runs; i++) {
    const state = trial.setup ? trial.setup() : (undefined as S);
    let elapsed: number;
    try {
      const started = performance.now();
      await trial.run(state);
      elapsed = performance.now() - started;
    } finally {
      trial.teardown?.(state);
    }
    if (i === 0) first = elapsed;
    if (i >= plan.warmup) samples.push(elapsed);
  }
  return summarize(samples, first);
}
