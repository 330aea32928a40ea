// 14. Following up many recommendations at once (issue 16, point 3): a lead ministry and an
// implementation status given to 1,000 recommendations in one call, as the Recommendations view's
// bulk actions send it: every row read and judged by the write policy, a change-log row for each
// lead, each status that differed and each status now marked as set by hand, written in one batch, the tables updated. The large report has 400 recommendations; 600 more
// are imported into each working copy first (not timed). Baseline in the same run: plain UPDATEs
// of the same two columns of the same 1,000 rows in one transaction, with no change log.
import Database from 'better-sqlite3';
import type { RecommendationImport } from '../../shared/domain.js';
import { importRecommendations, listRecommendations, updateManyRecommendations } from '../../electron/services/recommendations.js';
import type { ServiceContext } from '../../electron/services/context.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { getMember } from '../../electron/store/queries.js';
import { createOrganization } from '../../electron/services/people.js';
import type { Benchmark, BenchEnv } from './benchmarks.js';

const TOTAL = 1_000;

const extra = (n: number): RecommendationImport => ({
  number: `200.${n}`,
  text: `Strengthen the follow-up of recommendation 200.${n} through the national mechanism for implementation, reporting and follow-up.`,
  states: ['Norway'],
  position: 'supported',
  positionSource: '',
  cluster: 'National mechanism',
  themes: ['National mechanism for reporting and follow-up'],
  groups: [],
  sdgs: [16],
});

interface State {
  file: string;
  ctx: ServiceContext;
  ids: string[];
  organization: string;
  rowsBefore: number;
  /** The change-log rows the call must write: a lead for each, a status where it differs. */
  expected: number;
}

export function bulkAssignBenchmark(env: BenchEnv): Benchmark {
  const rows = (report: OpenReport) => (report.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
  /** A working copy with 1,000 recommendations, none yet led by the organization the run assigns. */
  const copyWithThousand = () => {
    const file = env.copy();
    const report = OpenReport.open(file);
    const me = getMember(report.db, env.report.secretariatId)!;
    const ctx = { report, me };
    const have = listRecommendations(report.db).length;
    importRecommendations(ctx, Array.from({ length: Math.max(0, TOTAL - have) }, (_, i) => extra(i + 1)), [], 'bench');
    const ids = listRecommendations(report.db).slice(0, TOTAL).map((r) => r.id);
    if (ids.length !== TOTAL) throw new Error(`Expected ${TOTAL} recommendations, found ${ids.length}.`);
    // A ministry made for the run leads none of them, so every row changes; the status changes where it differs.
    const organization = createOrganization(ctx, { name: 'Ministry of Bench Follow-up', kind: 'ministry' }).id;
    const chosen = listRecommendations(report.db).slice(0, TOTAL);
    const statusChanges = chosen.filter((r) => r.implementationStatus !== 'in_progress').length;
    // A status given by hand is marked so (schema 16), where it was not already.
    const markedByHand = chosen.filter((r) => !r.statusByHand).length;
    return { file, report, ctx, ids, organization, expected: TOTAL + statusChanges + markedByHand };
  };
  return {
    id: '14',
    name: `Bulk-assign ${TOTAL.toLocaleString('en')} recommendations (lead and status)`,
    note:
      `recommendations.updateMany as the secretariat: ${TOTAL.toLocaleString('en')} rows read and judged, a lead ministry and a status each, ` +
      `up to ${(3 * TOTAL).toLocaleString('en')} change-log rows in one batch (a status where it differs, and that it was set by hand). Baseline: plain UPDATEs of the same two columns of the same rows in ONE transaction, no change log.`,
    target: { stat: 'p95', ms: 1_000 },
    plan: env.quick ? { warmup: 1, runs: 3 } : { warmup: 1, runs: 5 },
    run: {
      setup: (): State => {
        const { file, report, ctx, ids, organization, expected } = copyWithThousand();
        return { file, ctx, ids, organization, rowsBefore: rows(report), expected };
      },
      run: (state: unknown) => {
        const { ctx, ids, organization } = state as State;
        const done = updateManyRecommendations(ctx, { ids, responsibleOrganizationId: organization, implementationStatus: 'in_progress' });
        if (done.changed !== TOTAL) throw new Error(`Expected ${TOTAL} recommendations changed, got ${done.changed}.`);
      },
      teardown: (state: unknown) => {
        const { file, ctx, rowsBefore, expected } = state as State;
        // Honest counting: a row for each lead given, and for each status that differed.
        const written = rows(ctx.report) - rowsBefore;
        ctx.report.close();
        env.discard(file);
        if (written !== expected) throw new Error(`Expected ${expected} change-log rows, found ${written}.`);
      },
    },
    baseline: {
      setup: () => {
        const { file, report, ids, organization } = copyWithThousand();
        report.close();
        return { file, db: new Database(file, { fileMustExist: true }), ids, organization };
      },
      run: (state: unknown) => {
        const { db, ids, organization } = state as { db: Database.Database; ids: string[]; organization: string };
        const update = db.prepare('UPDATE recommendations SET responsible_organization_id = ?, implementation_status = ? WHERE id = ?');
        db.transaction(() => {
          for (const id of ids) update.run(organization, 'in_progress', id);
        })();
      },
      teardown: (state: unknown) => {
        const { file, db } = state as { file: string; db: Database.Database };
        db.close();
        env.discard(file);
      },
    },
    baselineName: 'plain UPDATEs, one transaction',
  };
}
