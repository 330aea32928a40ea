// Sharing between offices, as the app offers it: send a closed copy (packed to travel), merge a copy
// or changes that came back (./exchange.ts), see and settle what both copies changed. Sending a
// copy is for anyone who has the report open; merging and settling change the report, so they are
// the secretariat's.
import path from 'node:path';
import type { ConflictSubject, MergeSummary, OpenConflict, ParsedInput, Result } from '../../shared/api.js';
import { userError } from '../../shared/messages.js';
import { settlesWithText } from '../../shared/domain.js';
import { readSection } from '../docs/headless.js';
import { readSectionText } from '../docs/section-text.js';
import { defaultDataDir } from '../paths.js';
import { prepared } from '../store/open.js';
import { columnType, type SyncedTable } from '../store/schema.js';
import { writeSentCopy } from '../sync/copy.js';
import { mergeReceived } from './exchange.js';
import { listComments } from './comments.js';
import { resyncServed } from './network.js';
import type { ServiceContext } from './context.js';
import { actor } from './access.js';

type Cell = string | number | null;

/** A copy packed to travel (`.uprz`), saying from which file, by whom and from which office. */
export function sendCopy(ctx: ServiceContext, input: ParsedInput<'sharing.sendCopy'>): Result<'sharing.sendCopy'> {
  const me = ctx.me;
  return writeSentCopy(ctx.report.db, path.resolve(input.path), { from: path.basename(ctx.report.path), by: me?.name ?? '', ...(me ? { byId: me.id, organization: me.organizationId } : {}) });
}

/** Merges a copy (packed or not) or a packet of changes; see ./exchange.ts. */
export function mergeFromCopy(ctx: ServiceContext, input: ParsedInput<'sharing.merge'>): Result<'sharing.merge'> {
  const summary = mergeReceived(ctx.report, input.path, { backupDir: path.join(ctx.dataDir ?? defaultDataDir(), 'backups'), ...(input.name ? { shownAs: input.name } : {}), ...(ctx.me ? { versionBy: ctx.me.id } : {}), ...(input.confirmKeys && ctx.me ? { confirmKeysBy: ctx.me.id } : {}) });
  if (summary.rows || summary.texts) {
    ctx.report.scheduleRecount();
    ctx.report.emit({ kind: 'changed', what: ['report', 'organizations', 'members', 'sections', 'words', 'comments', 'recommendations', 'inputs'] });
    resyncServed(ctx.report);
  }
  return withSubjects(ctx.report.db, summary);
}

/** The merge report as the screen shows it: each change held back named by what it belongs to. A report kept before this had no such list. */
function withSubjects(db: Db, summary: MergeSummary): MergeSummary {
  const held = summary.held ?? [];
  if (held.length === 0) return { ...summary, held, released: summary.released ?? 0, attachments: summary.attachments ?? 0 };
  const names = new Map((prepared(db, 'SELECT id, name FROM members').all() as Array<{ id: string; name: string }>).map((m) => [m.id, m.name]));
  const subject = subjectNamer(db, names);
  return { ...summary, held: held.map((h) => ({ ...h, subject: subject(h.table, h.row) })) };
}

interface ConflictRow {
  id: string;
  tbl: string;
  row_id: string;
  col: string;
  local_hlc: string;
  local_value: Cell;
  local_author: string;
  other_hlc: string;
  other_value: Cell;
  other_author: string;
}

/** The stamp's time, as ISO: "2026-11-24T10:12:03.123Z-0000-…" gives "2026-11-24T10:12:03.123Z". */
const timeOf = (hlc: string) => hlc.slice(0, 24);

type Db = ServiceContext['report']['db'];

/**
 * Names what a changed row belongs to, in no language: a kind the screen words, and the name,
 * number or title that tells it apart. A row that is gone (never, in practice) is named by its id.
 */
export function subjectNamer(db: Db, memberNames: Map<string, string>) {
  const comments = new Map(listComments(db).map((c) => [c.id, String(c.number)]));
  const one = (sql: string, row: string) => (prepared(db, sql).pluck().get(row) as string | number | undefined) ?? null;
  const recommendation = (id: string) => one('SELECT number FROM recommendations WHERE id = ?', id);
  const input = (id: string) => one('SELECT title FROM inputs WHERE id = ?', id);
  const section = (id: string) => one('SELECT title FROM sections WHERE id = ?', id);
  const named = (kind: ConflictSubject['kind'], label: string | number | null, row: string): ConflictSubject => ({ kind, label: label === null ? row : String(label) });
  return (table: string, row: string): ConflictSubject => {
    switch (table) {
      case 'report':
        return { kind: 'report', label: '' };
      case 'sections':
        return named('section', section(row), row);
      case 'comments':
        return named('comment', comments.get(row) ?? null, row);
      case 'comment_replies': {
        const comment = one('SELECT comment_id FROM comment_replies WHERE id = ?', row);
        return named('reply', comment === null ? null : (comments.get(String(comment)) ?? null), row);
      }
      case 'recommendations':
        return named('recommendation', recommendation(row), row);
      case 'recommendation_notes': {
        const rec = one('SELECT recommendation_id FROM recommendation_notes WHERE id = ?', row);
        return named('note', rec === null ? null : recommendation(String(rec)), row);
      }
      case 'section_recommendations': {
        const link = prepared(db, 'SELECT section_id, recommendation_id FROM section_recommendations WHERE id = ?').get(row) as
          | { section_id: string; recommendation_id: string }
          | undefined;
        return named('link', link ? `${section(link.section_id) ?? link.section_id} – ${recommendation(link.recommendation_id) ?? link.recommendation_id}` : null, row);
      }
      case 'inputs':
        return named('input', input(row), row);
      case 'input_links': {
        const id = one('SELECT input_id FROM input_links WHERE id = ?', row);
        return named('link', id === null ? null : input(String(id)), row);
      }
      case 'attachments':
        return named('attachment', one('SELECT name FROM attachments WHERE id = ?', row), row);
      case 'organizations':
        return named('organization', one('SELECT name FROM organizations WHERE id = ?', row), row);
      case 'members':
        return named('member', memberNames.get(row) ?? null, row);
      default:
        return { kind: 'other', label: `${table} ${row}` };
    }
  };
}

/** Conflicts not settled yet: no change to the field is newer than both sides'. */
export function openConflicts(ctx: ServiceContext): OpenConflict[] {
  const db = ctx.report.db;
  const rows = prepared(db, 'SELECT * FROM merge_conflicts ORDER BY other_hlc').all() as ConflictRow[];
  const newest = prepared(db, 'SELECT max(hlc) AS hlc, value FROM change_log WHERE tbl = ? AND row_id = ? AND col = ?');
  const names = new Map((prepared(db, 'SELECT id, name FROM members').all() as Array<{ id: string; name: string }>).map((m) => [m.id, m.name]));
  const subject = subjectNamer(db, names);
  // One per field: the latest merge's.
  const byCell = new Map<string, ConflictRow>();
  for (const r of rows) byCell.set(`${r.tbl}\u0000${r.row_id}\u0000${r.col}`, r);
  const open: OpenConflict[] = [];
  for (const r of byCell.values()) {
    const latest = newest.get(r.tbl, r.row_id, r.col) as { hlc: string | null; value: Cell };
    const settled = latest.hlc !== null && latest.hlc > r.local_hlc && latest.hlc > r.other_hlc;
    if (settled) continue;
    open.push({
      id: r.id,
      table: r.tbl,
      row: r.row_id,
      column: r.col,
      subject: subject(r.tbl, r.row_id),
      local: { value: r.local_value, authorName: names.get(r.local_author) ?? r.local_author, at: timeOf(r.local_hlc) },
      other: { value: r.other_value, authorName: names.get(r.other_author) ?? r.other_author, at: timeOf(r.other_hlc) },
      current: latest.value,
    });
  }
  return open;
}

export function listConflicts(ctx: ServiceContext): Result<'sharing.conflicts'> {
  return openConflicts(ctx);
}

/** The last merge that brought something, with its report as it was then: the Sharing screen shows it on load. */
export function lastMerge(ctx: ServiceContext): Result<'sharing.lastMerge'> {
  const row = prepared(ctx.report.db, 'SELECT merged_at, summary FROM merges ORDER BY merged_at DESC, rowid DESC LIMIT 1').get() as
    | { merged_at: string; summary: string }
    | undefined;
  if (!row) return null;
  let summary: MergeSummary;
  try {
    summary = JSON.parse(row.summary) as MergeSummary;
  } catch {
    // A record this app cannot read (edited by hand): there is no report to show.
    return null;
  }
  if (!summary || typeof summary !== 'object' || !Array.isArray(summary.offices) || !summary.changed) return null;
  return { mergedAt: row.merged_at, summary: withSubjects(ctx.report.db, summary) };
}

/** Writes the chosen value as a new change, newer than both sides': it wins in every office. */
export function settleConflict(ctx: ServiceContext, input: ParsedInput<'sharing.settle'>): Result<'sharing.settle'> {
  const author = actor(ctx);
  const row = prepared(ctx.report.db, 'SELECT * FROM merge_conflicts WHERE id = ?').get(input.conflictId) as ConflictRow | undefined;
  if (!row) throw userError('conflictMissing');
  const type = columnType(row.tbl, row.col);
  if (!type) throw userError('unknownField', { field: `${row.tbl}.${row.col}` });
  const aSide = input.value === row.local_value || input.value === row.other_value;
  if (!aSide) {
    if (!settlesWithText(row.tbl, row.col)) throw userError('settleKeepASide');
    if (typeof input.value !== 'string' || input.value.trim() === '') throw userError('settleEmpty');
  }
  ctx.report.write(author.id, [{ table: row.tbl as SyncedTable, row: row.row_id, column: row.col, value: input.value }]);
  ctx.report.emit({ kind: 'changed', what: ['report', 'sections', 'comments', 'recommendations', 'inputs', 'organizations', 'members'] });
  return { ok: true };
}

/** Each side's text of a section both copies edited, as they met, and the merged text now. */
export function sectionTexts(ctx: ServiceContext, input: ParsedInput<'sharing.texts'>): Result<'sharing.texts'> {
  const db = ctx.report.db;
  const rows = prepared(db, "SELECT side, state FROM merge_revisions WHERE section_id = ? ORDER BY rowid DESC LIMIT 2").all(input.sectionId) as Array<{
    side: string;
    state: Uint8Array;
  }>;
  const local = rows.find((r) => r.side === 'local');
  const other = rows.find((r) => r.side === 'other');
  if (!local || !other) return null;
  const plain = (state: Uint8Array) => readSection([state]).plain;
  return { local: plain(local.state), other: plain(other.state), merged: readSectionText(db, input.sectionId).plain };
}
