// "Start the next report" (issue 16, point 8): a new report file for the next review cycle, made
// from the one open. It carries over the organizations and people (the same ids, so a person is the
// same person in both files), the recommendations with every field, their implementation plan and
// their progress notes with the evidence files' bytes: the status and history of the follow-up.
// It starts with the 17/119 outline, section D seeded with the table of the previous review's
// recommendations (./follow-up-table.ts), and remembers the report it came from in `meta` (not
// synced: it describes this file). Everything is written by the person starting it, through the
// change log's one write path, in one transaction; a file half made is removed.
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../shared/api.js';
import type { Member, OrganizationKind, Workspace } from '../../shared/domain.js';
import { isUserError } from '../../shared/errors.js';
import { userError } from '../../shared/messages.js';
import { defaultReportTitle } from '../../shared/outline.js';
import { denyReportChange } from '../../shared/permissions.js';
import { SYNCED, columnDefault, shown, shownList, type CellValue, type SyncedTable } from '../../shared/synced.js';
import { assertWritableTarget, realPath } from '../store/files.js';
import { prepared, type DB } from '../store/open.js';
import type { OpenReport } from '../store/open-report.js';
import { getReport } from '../store/queries.js';
import type { Change } from '../sync/changes.js';
import { readBlob, storeBlob } from './attachments.js';
import type { ServiceContext } from './context.js';
import { followUpBlocks } from './follow-up-table.js';
import { createReport } from './new-report.js';
import { listRecommendations } from './recommendations.js';

/** The report a next report was started from, as its `meta` remembers it; null for any other report. */
export type PreviousReport = Workspace['previousReport'];

/** Section D, "Follow-up to the previous review", is the fourth of the 17/119 outline in every language. */
const FOLLOW_UP_SECTION = 3;

type Row = Record<string, unknown> & { id: string };

/**
 * Everything about starting the next report that does not depend on where it is written, checked at
 * once: only the secretariat may, for a later cycle. `make` then writes it at a path (the one asked
 * for, or a working file when the host puts it on a network share afterwards).
 */
export function prepareNextReport(ctx: ServiceContext, input: ParsedInput<'app.startNextReport'>): { make: (file: string) => { report: OpenReport; creator: Member } } {
  const denied = denyReportChange(ctx.me);
  if (denied) throw userError(denied.key, denied.params);
  const me = ctx.me!;
  const from = ctx.report;
  const previous = getReport(from.db);
  const cycle = input.cycle ?? previous.cycle + 1;
  if (cycle <= previous.cycle || cycle > 20) throw userError('nextCycleNotAfter', { cycle, previous: previous.cycle });
  refuseOwnFile(from, input.path);
  const org = prepared(from.db, 'SELECT name, kind FROM organizations WHERE id = ?').get(me.organizationId) as { name: string; kind: string } | undefined;
  return {
    make: (file) => {
      refuseOwnFile(from, file);
      if (fs.existsSync(file)) throw userError('fileExists', { file });
      if (!fs.existsSync(path.dirname(file))) throw userError('noFolder', { dir: path.dirname(file) });
      // Nor the journal of a report open here, even before it exists.
      assertWritableTarget(file);
      // Read before the new file is made: reading the old one never waits on it.
      const orgNames = new Map((prepared(from.db, 'SELECT id, name FROM organizations').all() as Array<{ id: string; name: string }>).map((o) => [o.id, o.name]));
      const outlineText = [];
      outlineText[FOLLOW_UP_SECTION] = followUpBlocks(listRecommendations(from.db), previous.language, (id) => orgNames.get(id) ?? '', new Date().toISOString().slice(0, 10));
      const carried = readCarried(from.db, previous.cycle);
      return createReport(
        {
          path: file,
          title: input.title ?? defaultReportTitle(previous.country, cycle, previous.language),
          country: previous.country,
          cycle,
          language: previous.language,
          yourName: me.name,
          yourOrganization: org?.name ?? '',
        },
        {
          creator: { memberId: me.id, organizationId: me.organizationId, organizationKind: shown<OrganizationKind>('organizations', 'kind', org?.kind) },
          outlineText,
          fill: (to) => {
            const meta = prepared(to.report.db, 'INSERT INTO meta (key, value) VALUES (?, ?)');
            const reportId = prepared(from.db, "SELECT value FROM meta WHERE key = 'report_id'").pluck().get() as string | undefined;
            meta.run('previous_report_id', reportId ?? previous.id);
            meta.run('previous_report_title', previous.title);
            meta.run('previous_report_cycle', String(previous.cycle));
            meta.run('previous_report_file', path.basename(from.path));
            writeCarried(to, carried, me);
          },
        },
      );
    },
  };
}

/** Starts the next report at `input.path` and answers it, open, with its creator (the member starting it). */
export function startNextReport(ctx: ServiceContext, input: ParsedInput<'app.startNextReport'>): { report: OpenReport; creator: Member } {
  return prepareNextReport(ctx, input).make(path.resolve(input.path));
}

/** The report itself (the file the person opened, or its working copy) and its journals are never a target. */
function refuseOwnFile(report: OpenReport, file: string): void {
  const target = realPath(file);
  for (const own of new Set([realPath(report.path), realPath(report.db.name)])) {
    if (['', '-wal', '-shm', '-journal'].some((suffix) => target === own + suffix)) throw userError('targetIsOpenReport', { file });
  }
}

interface Carried {
  /** By table, in the order they are written: what a row refers to is written before it. */
  rows: Array<[SyncedTable, Row[]]>;
  /** The id a recommendation has in the next report (its own, or one naming its cycle). */
  idOf: (id: string) => string;
  /** The evidence files' bytes, by hash. */
  blobs: Map<string, Buffer>;
}

const allRows = (db: DB, table: SyncedTable): Row[] => db.prepare(`SELECT * FROM ${table}`).all() as Row[];

/**
 * What the next report carries over. Rows removed are left behind, but for the people and the
 * organizations that what is carried names (a progress note's author who has since left): they come
 * as removed, so their names still show.
 */
function readCarried(db: DB, cycle: number): Carried {
  const live = (rows: Row[]) => rows.filter((r) => r.deleted === 0);
  const recommendations = live(allRows(db, 'recommendations'));
  // A UPR recommendation's id is made from its number ("rec-115-23"), and the next cycle's list may
  // number its own the same way: carried over, it names its cycle ("rec-c3-115-23"), so importing
  // that list adds its recommendations beside these rather than writing over them. The Index's
  // rows keep their ids (the same treaty-body recommendation, updated by the next download).
  const renamed = new Map<string, string>();
  for (const r of recommendations) {
    const id = r.id as string;
    if (/^rec-(?!uhri-)(?!c\d+-)/.test(id) && (r.mechanism ?? 'upr') === 'upr') renamed.set(id, `rec-c${cycle}-${id.slice(4)}`.slice(0, 64));
  }
  const idOf = (id: string) => renamed.get(id) ?? id;
  const recommendationIds = new Set(recommendations.map((r) => r.id));
  // A recommendation's plan, or a cluster's.
  const plan = (table: 'actions' | 'indicators') => live(allRows(db, table)).filter((r) => (r.recommendation_id ? recommendationIds.has(r.recommendation_id as string) : r.cluster !== ''));
  const actions = plan('actions');
  const indicators = plan('indicators');
  const notes = live(allRows(db, 'recommendation_notes')).filter((n) => recommendationIds.has(n.recommendation_id as string));
  const noteIds = new Set(notes.map((n) => n.id));
  const evidence = live(allRows(db, 'evidence')).filter((e) => noteIds.has(e.note_id as string));
  const authors = new Set(notes.map((n) => n.author_id as string));
  const members = allRows(db, 'members').filter((m) => m.deleted === 0 || authors.has(m.id));
  const named = new Set<string>();
  for (const m of members) named.add(m.organization_id as string);
  for (const r of recommendations) {
    named.add(r.responsible_organization_id as string);
    for (const o of shownList<string>(r.contributing_organization_ids, 'strings')) named.add(o);
  }
  for (const a of actions) {
    named.add(a.lead_organization_id as string);
    for (const o of shownList<string>(a.partner_organization_ids, 'strings')) named.add(o);
  }
  const organizations = allRows(db, 'organizations').filter((o) => o.deleted === 0 || named.has(o.id));
  // Bytes that are not here (or not what their hash says) stay behind; the record comes, as it was.
  const blobs = new Map<string, Buffer>();
  for (const e of evidence) {
    const sha256 = e.sha256 as string;
    if (blobs.has(sha256)) continue;
    try {
      blobs.set(sha256, readBlob(db, sha256, e.name as string));
    } catch (err) {
      if (!isUserError(err)) throw err;
    }
  }
  return {
    rows: [
      ['organizations', organizations],
      ['members', members],
      ['recommendations', recommendations],
      ['actions', actions],
      ['indicators', indicators],
      ['recommendation_notes', notes],
      ['evidence', evidence],
    ],
    idOf,
    blobs,
  };
}

/**
 * Writes what is carried over as `me`, through the change log: every cell the synced description
 * has, as the app reads it, but those at their default (a row not yet written reads so anyway).
 * The creator and their organization are the report's first rows already. The log says who made
 * each change in this file: the person who started it, never someone else in their name; a
 * progress note still names its author, and in this file it is the secretariat's to change.
 */
function writeCarried(to: ServiceContext, carried: Carried, me: Member): void {
  for (const bytes of carried.blobs.values()) storeBlob(to.report.db, bytes);
  const already = new Set([me.id, me.organizationId]);
  for (const [table, rows] of carried.rows) {
    const columns = Object.keys(SYNCED[table].columns);
    const changes: Change[] = [];
    for (const row of rows) {
      if ((table === 'members' || table === 'organizations') && already.has(row.id)) continue;
      const rowId = table === 'recommendations' ? carried.idOf(row.id as string) : (row.id as string);
      const cells = columns
        .filter((column) => column in row)
        .map((column) => ({ column, value: shown<CellValue>(table, column, row[column]) }))
        .map(({ column, value }) => ({ column, value: (column === 'recommendation_id' || column === 'same_as') && typeof value === 'string' && value ? carried.idOf(value) : value }))
        .filter(({ column, value }) => value !== columnDefault(table, column));
      // A row all at its defaults is still made: by its first column.
      if (cells.length === 0) cells.push({ column: columns[0]!, value: columnDefault(table, columns[0]!) });
      for (const { column, value } of cells) changes.push({ table, row: rowId, column, value });
    }
    to.report.write(me.id, changes);
  }
}

/** The live recommendations of a report: what a next report says it carried over. */
export function countRecommendations(db: DB): number {
  return prepared(db, 'SELECT count(*) FROM recommendations WHERE deleted = 0').pluck().get() as number;
}

/** The report this one was started from, as `meta` remembers it (not synced: a copy of this file says the same). */
export function previousReport(db: DB): PreviousReport {
  const meta = new Map(
    (prepared(db, "SELECT key, value FROM meta WHERE key IN ('previous_report_id', 'previous_report_title', 'previous_report_cycle', 'previous_report_file')").all() as Array<{
      key: string;
      value: string;
    }>).map((m) => [m.key, m.value]),
  );
  const id = meta.get('previous_report_id');
  const cycle = Number(meta.get('previous_report_cycle'));
  if (!id || !Number.isInteger(cycle)) return null;
  return { id, title: meta.get('previous_report_title') ?? '', cycle, file: meta.get('previous_report_file') ?? '' };
}
