// Months of structured edits for the benchmark report: the secretariat moving due dates, revising
// titles and word budgets, drafters moving their sections through the statuses (the secretariat approving and reopening), members changing
// roles. Written through OpenReport.write (the one write path of the app) over several sessions,
// each with its own replica id as when the report is closed and opened again, in batches of edits
// inside one transaction each so that 200,000 rows take seconds.
import { outlineOrder, type Member, type Role, type SectionStatus } from '../../shared/domain.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { getReport, listMembers, listOrganizations, listSections } from '../../electron/store/queries.js';
import type { Change } from '../../electron/sync/changes.js';
import type { Prng } from './prose.js';

export interface HistoryOptions {
  /** The change log has exactly this many rows when done. */
  rows: number;
  /** The member the benchmark acts as: kept in the secretariat. */
  secretariat: Member;
}

const BASE_DATE = Date.UTC(2026, 0, 15);

/** A date `offsetDays` from a fixed day, so the generated report is the same whenever it is made. */
export function isoDay(offsetDays: number): string {
  return new Date(BASE_DATE + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const ROWS_PER_SESSION = 25_000;
const ROWS_PER_TRANSACTION = 2_000;

const NEXT_STATUS: Record<SectionStatus, SectionStatus[]> = {
  not_started: ['drafting'],
  drafting: ['ready_for_review', 'drafting'],
  ready_for_review: ['drafting', 'approved'],
  approved: ['drafting'],
};

interface Edit {
  author: string;
  changes: Change[];
}

export function writeHistory(file: string, rng: Prng, { rows, secretariat }: HistoryOptions): void {
  let left = rows - countRows(file);
  if (left < 0) throw new Error(`Setting up the report took ${rows - left} change-log rows, more than the ${rows} asked for.`);
  while (left > 0) {
    const report = OpenReport.open(file);
    try {
      const session = makeSession(report, rng, secretariat);
      let inSession = Math.min(left, ROWS_PER_SESSION);
      left -= inSession;
      while (inSession > 0) {
        let inBatch = Math.min(inSession, ROWS_PER_TRANSACTION);
        inSession -= inBatch;
        report.db.transaction(() => {
          while (inBatch > 0) {
            const edit = session.next();
            const changes = edit.changes.slice(0, inBatch);
            report.write(edit.author, changes);
            inBatch -= changes.length;
          }
        })();
      }
    } finally {
      report.close();
    }
  }
}

function countRows(file: string): number {
  const report = OpenReport.open(file);
  try {
    // The report's history, without the rows that record its people's signing keys.
    return (report.db.prepare("SELECT count(*) AS n FROM change_log WHERE tbl != 'member_keys'").get() as { n: number }).n;
  } finally {
    report.close();
  }
}

/** A source of plausible edits, starting from what the report holds now. */
function makeSession(report: OpenReport, rng: Prng, secretariat: Member): { next: () => Edit } {
  // In outline order, not the database's (which breaks ties by random id): the same picks every time.
  const sections = outlineOrder(listSections(report.db)).map((e) => e.section);
  const orgs = listOrganizations(report.db);
  const members = listMembers(report.db);
  const reportRow = getReport(report.db);
  const secretaries = members.filter((m) => m.role === 'secretariat');
  // The member who generated the report stays in the secretariat: the benchmark acts as them.
  const others = members.filter((m) => m.id !== secretariat.id && m.role !== 'secretariat');
  const baseTitle = new Map(sections.map((s) => [s.id, s.title.replace(/ \((draft|revised)\)$/, '')]));
  const baseName = new Map(members.map((m) => [m.id, m.name.replace(/^Dr /, '')]));
  const roleOptions = new Map<string, Role[]>(
    others.map((m) => [m.id, m.role === 'drafter' || m.role === 'observer' ? ['drafter', 'observer'] : ['reviewer', 'observer']]),
  );
  const sec = () => rng.pick(secretaries).id;
  const drafterOf = (orgId: string | null) => {
    const drafters = members.filter((m) => m.role === 'drafter' && m.organizationId === orgId);
    return drafters.length ? rng.pick(drafters).id : sec();
  };
  const cell = (table: Change['table'], row: string, column: string, value: Change['value']): Change => ({ table, row, column, value });

  const kinds: Array<[number, () => Edit]> = [
    [25, () => {
      const s = rng.pick(sections);
      s.dueDate = isoDay(rng.int(-30, 60));
      return { author: sec(), changes: [cell('sections', s.id, 'due_date', s.dueDate)] };
    }],
    [15, () => {
      const s = rng.pick(sections);
      s.wordBudget = rng.int(2, 12) * 50;
      return { author: sec(), changes: [cell('sections', s.id, 'word_budget', s.wordBudget)] };
    }],
    [6, () => {
      // Due date and budget changed together, as one edit of the section's details.
      const s = rng.pick(sections);
      return {
        author: sec(),
        changes: [cell('sections', s.id, 'due_date', isoDay(rng.int(-30, 60))), cell('sections', s.id, 'word_budget', rng.int(2, 12) * 50)],
      };
    }],
    [14, () => {
      const s = rng.pick(sections);
      const base = baseTitle.get(s.id)!;
      s.title = rng.pick([base, `${base} (draft)`, `${base} (revised)`].filter((t) => t !== s.title));
      return { author: sec(), changes: [cell('sections', s.id, 'title', s.title)] };
    }],
    [25, () => {
      // Approving and reopening are the secretariat's; the rest, the lead ministry's drafters'.
      const s = rng.pick(sections);
      const was = s.status;
      s.status = rng.pick(NEXT_STATUS[s.status]);
      const bySecretariat = s.status === 'approved' || was === 'approved';
      return { author: bySecretariat ? sec() : drafterOf(s.leadOrganizationId), changes: [cell('sections', s.id, 'status', s.status)] };
    }],
    [5, () => {
      const s = rng.pick(sections);
      s.leadOrganizationId = rng.pick(orgs).id;
      return { author: sec(), changes: [cell('sections', s.id, 'lead_organization_id', s.leadOrganizationId)] };
    }],
    [5, () => {
      const m = rng.pick(others);
      m.role = rng.pick(roleOptions.get(m.id)!.filter((r) => r !== m.role));
      return { author: sec(), changes: [cell('members', m.id, 'role', m.role)] };
    }],
    [2, () => {
      const m = rng.pick(members);
      const base = baseName.get(m.id)!;
      m.name = m.name === base ? `Dr ${base}` : base;
      return { author: sec(), changes: [cell('members', m.id, 'name', m.name)] };
    }],
    [1, () => {
      const o = rng.pick(orgs);
      o.name = o.name.endsWith(' (focal point)') ? o.name.slice(0, -' (focal point)'.length) : `${o.name} (focal point)`;
      return { author: sec(), changes: [cell('organizations', o.id, 'name', o.name)] };
    }],
    [2, () => ({ author: sec(), changes: [cell('report', reportRow.id, 'deadline', isoDay(rng.int(45, 90)))] })],
  ];
  if (others.length === 0) kinds.splice(6, 1);
  const total = kinds.reduce((n, [w]) => n + w, 0);
  return {
    next: () => {
      let x = rng.next() * total;
      for (const [weight, make] of kinds) {
        x -= weight;
        if (x < 0) return make();
      }
      return kinds[0]![1]();
    },
  };
}
