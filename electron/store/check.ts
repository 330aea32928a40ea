// `upr check`: is this file a sound report? Reads only (a file in WAL mode is read from a copy, so
// nothing is left beside it) and lists every problem in words a person can act on:
// - it is a report this app can open (ours, not newer, the tables of its version, quick_check) and
//   passes SQLite's full integrity check;
// - it has its report id and exactly one settings row;
// - every change-log row has a readable stamp and names a field the app knows with a value it can
//   hold, or is held back; the changes held back are exactly those the write policy refuses when
//   the whole log is judged again from the start, in stamp order;
// - the tables hold exactly what the log's newest change (not held back) of each field says, and
//   every value is one the app can show (an enum's value, a JSON list, a date);
// - the outline has no cycle, and every section's parent is in it;
// - at least one member is in the secretariat;
// - every text update can be read, and every section's text reads (no node this app does not know);
// - every attached file's contents are here and match their hash.
import * as Y from 'yjs';
import { outlineOrder, type Section } from '../../shared/domain.js';
import { isUserError } from '../../shared/errors.js';
import { formatMessage, type Message } from '../../shared/messages.js';
import { SYNCED, columnKind, valueFits, type CellValue } from '../../shared/synced.js';
import { createHash } from 'node:crypto';
import { readSection } from '../docs/headless.js';
import { textUpdateProblem } from '../docs/text-check.js';
import { LogView, judge, judgeTextAt } from '../sync/policy.js';
import { parseStamp } from '../sync/hlc.js';
import { hasSigning, SignatureJudge } from '../sync/signing.js';
import { inspectReportFile, shapeProblems, withReadOnly, type DB } from './open.js';
import { SCHEMA_VERSION } from './migrations/index.js';

export interface CheckResult {
  sound: boolean;
  problems: string[];
  summary: string;
}

/** At most this many problems of one kind are listed; the count says how many more. */
const LISTED = 20;

class Problems {
  readonly lines: string[] = [];
  private readonly counts = new Map<string, number>();

  add(kind: string, line: string): void {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    if (n <= LISTED) this.lines.push(line);
  }

  finish(): string[] {
    for (const [kind, n] of this.counts) if (n > LISTED) this.lines.push(`… and ${n - LISTED} more ${kind}`);
    return this.lines;
  }
}

export function checkReportFile(file: string): CheckResult {
  try {
    inspectReportFile(file);
  } catch (e) {
    if (!isUserError(e)) throw e;
    // A file refused for what it lacks says what that is.
    const missing = e.translatable?.key === 'damaged' ? whatIsMissing(file) : [];
    return { sound: false, problems: [e.message, ...missing], summary: '' };
  }
  return withReadOnly(file, {}, (db) => checkDatabase(db));
}

function whatIsMissing(file: string): string[] {
  try {
    return withReadOnly(file, {}, (db) => {
      const version = db.pragma('user_version', { simple: true }) as number;
      return version >= 1 && version <= SCHEMA_VERSION ? shapeProblems(db, version) : [];
    });
  } catch {
    return [];
  }
}

interface LogRow {
  hlc: string;
  replica: string;
  prev_hlc: string | null;
  author: string;
  tbl: string;
  row_id: string;
  col: string;
  value: CellValue;
}

export function checkDatabase(db: DB): CheckResult {
  const problems = new Problems();
  const integrity = db.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
    return { sound: false, problems: [`the file is damaged (SQLite's integrity check: ${integrity.slice(0, 3).map((r) => r.integrity_check).join('; ')})`], summary: '' };
  }
  if (!db.prepare("SELECT value FROM meta WHERE key = 'report_id'").get()) problems.add('settings', 'the report id is missing');
  const settings = db.prepare('SELECT count(*) FROM report WHERE deleted = 0').pluck().get() as number;
  if (settings !== 1) problems.add('settings', settings === 0 ? 'the report’s settings (title, country, cycle) are missing' : `the report has ${settings} settings rows where it should have one`);

  const heldRows = db.prepare('SELECT kind, hlc, reason FROM held_changes').all() as Array<{ kind: string; hlc: string; reason: string }>;
  const heldChanges = new Map(heldRows.filter((h) => h.kind === 'change').map((h) => [h.hlc, h.reason]));
  const heldTexts = new Map(heldRows.filter((h) => h.kind === 'text').map((h) => [h.hlc, h.reason]));

  // The log, field by field, and the policy judged again from the start.
  let changes = 0;
  const winners = new Map<string, { hlc: string; value: CellValue }>();
  const replayHeld = new Set<string>();
  const view = new LogView(db, replayHeld);
  // Signatures are judged as a merge judges them. Whether a key is confirmed may differ between
  // offices until the confirmation reaches them (a person's own key counts as theirs on their
  // machine): a change held back, or not, for an unconfirmed key is not a problem either way.
  const signatures = hasSigning(db) ? new SignatureJudge(db, replayHeld) : null;
  const unconfirmed = (m: Message | null) => m?.key === 'heldUnconfirmedKey';
  const texts = db.prepare('SELECT hlc, replica, author, section_id AS sectionId, data FROM section_updates ORDER BY hlc').all() as Array<{ hlc: string; replica: string; author: string; sectionId: string; data: Uint8Array }>;
  let t = 0;
  const judgeTextUpTo = (stamp: string | null) => {
    for (; t < texts.length && (stamp === null || texts[t]!.hlc < stamp); t++) {
      const text = texts[t]!;
      view.at = text.hlc;
      const problem = textUpdateProblem(text.data);
      const recorded = heldTexts.get(text.hlc);
      if (problem) {
        if (!recorded) problems.add('text updates', `text update ${text.hlc} of section ${text.sectionId} cannot be read and is not held back (${formatMessage(problem.key, 'params' in problem ? problem.params : {})})`);
        continue;
      }
      const signed = signatures?.text(text) ?? null;
      if (signed) {
        if (!recorded && !unconfirmed(signed)) problems.add('verdicts', `text update ${text.hlc} of section ${text.sectionId} is applied, but ${formatMessage(signed.key, signed.params ?? {})}`);
        continue;
      }
      const { may } = judgeTextAt(view, text.sectionId, text.author);
      // Marking passages only is judged on the text itself when it arrives; it is not read again here.
      if (may === 'write' && recorded && recorded !== 'heldTextNeeds') problems.add('verdicts', `text update ${text.hlc} of section ${text.sectionId} is held back, but its author may write the section`);
      if (may === 'nothing' && !recorded) problems.add('verdicts', `text update ${text.hlc} of section ${text.sectionId} is applied, but its author may not write the section`);
    }
  };
  for (const row of db.prepare('SELECT hlc, replica, author, tbl, row_id, col, value, prev_hlc FROM change_log ORDER BY hlc').iterate() as Iterable<LogRow>) {
    changes++;
    judgeTextUpTo(row.hlc);
    view.at = row.hlc;
    let verdict: Message | null;
    if (!parseStamp(row.hlc)) verdict = { key: 'heldBadStamp' };
    else if (!columnKind(row.tbl, row.col)) verdict = { key: 'unknownField', params: { field: `${row.tbl}.${row.col}` } };
    else if (!valueFits(columnKind(row.tbl, row.col)!, row.value)) verdict = { key: 'wrongKind', params: { field: `${row.tbl}.${row.col}` } };
    else verdict = signatures?.change(row) ?? judge(view, { table: row.tbl as keyof typeof SYNCED, row: row.row_id, column: row.col, value: row.value }, row.author);
    const recorded = heldChanges.get(row.hlc);
    if (unconfirmed(verdict)) verdict = recorded ? verdict : null;
    if (verdict) replayHeld.add(row.hlc);
    if (verdict && !recorded) problems.add('verdicts', `change ${row.hlc} (${row.tbl}.${row.col} of ${row.row_id}) is applied, but the write policy refuses it: ${formatMessage(verdict.key, verdict.params ?? {})}`);
    if (!verdict && recorded && !(recorded === 'heldUnconfirmedKey')) problems.add('verdicts', `change ${row.hlc} (${row.tbl}.${row.col} of ${row.row_id}) is held back, but the write policy allows it`);
    if (verdict || recorded) continue;
    const key = `${row.tbl}\u0000${row.row_id}\u0000${row.col}`;
    winners.set(key, { hlc: row.hlc, value: row.value });
  }
  judgeTextUpTo(null);

  // The tables against the log, and every value one the app can show.
  const seenRows = new Map<string, Set<string>>();
  for (const key of winners.keys()) {
    const [table, row] = key.split('\u0000') as [string, string];
    const set = seenRows.get(table) ?? new Set<string>();
    set.add(row);
    seenRows.set(table, set);
  }
  for (const [table, spec] of Object.entries(SYNCED)) {
    const rows = db.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, CellValue>>;
    for (const row of rows) {
      const id = String(row.id);
      for (const [column, kind] of Object.entries(spec.columns)) {
        const logged = winners.get(`${table}\u0000${id}\u0000${column}`);
        if (!valueFits(kind, row[column])) problems.add('table cells', `${table} ${id}: ${column} holds “${String(row[column]).slice(0, 60)}”, which the app cannot show`);
        else if (logged && logged.value !== row[column]) problems.add('table cells', `${table} ${id}: ${column} is “${row[column]}” but the change log says “${logged.value}”`);
      }
      if (!seenRows.get(table)?.has(id)) problems.add('table rows', `${table} ${id} is not in the change log (or only in changes held back)`);
    }
  }

  // The outline, the secretariat.
  const sections = db.prepare('SELECT id, parent_id AS parentId, position, title FROM sections WHERE deleted = 0').all() as Section[];
  const reached = new Set(outlineOrder(sections).map((e) => e.section.id));
  for (const s of sections) {
    if (reached.has(s.id)) continue;
    problems.add('outline', `section “${s.title}” is not reached from the top of the outline (its parents form a cycle)`);
  }
  const secretariat = db.prepare("SELECT count(*) FROM members WHERE role = 'secretariat' AND deleted = 0").pluck().get() as number;
  if (secretariat === 0) problems.add('people', 'no member is in the secretariat: nobody could merge copies, settle conflicts or change roles');

  // Text.
  let updates = 0;
  const bySection = new Map<string, Uint8Array[]>();
  for (const text of texts) {
    updates++;
    if (heldTexts.has(text.hlc)) continue;
    try {
      Y.decodeUpdate(text.data);
    } catch {
      problems.add('text updates', `text update ${text.hlc} of section ${text.sectionId} cannot be read`);
      continue;
    }
    bySection.set(text.sectionId, [...(bySection.get(text.sectionId) ?? []), text.data]);
  }
  const titles = new Map(sections.map((s) => [s.id, s.title]));
  for (const [sectionId, list] of bySection) {
    if (!titles.has(sectionId)) continue;
    if (readSection(list).damaged) problems.add('sections', `the text of section “${titles.get(sectionId)}” cannot be read (it holds something this version of the app does not understand)`);
  }

  // Attached files.
  const attachments = db.prepare('SELECT a.id, a.name, a.sha256 FROM attachments a WHERE a.deleted = 0').all() as Array<{ id: string; name: string; sha256: string }>;
  const blob = db.prepare('SELECT data FROM blobs WHERE sha256 = ?').pluck();
  for (const a of attachments) {
    const data = blob.get(a.sha256) as Uint8Array | undefined;
    if (!data) problems.add('attachments', `the contents of attachment “${a.name}” are not in this file (merge the copy it was attached in)`);
    else if (createHash('sha256').update(data).digest('hex') !== a.sha256) problems.add('attachments', `the contents of attachment “${a.name}” do not match what was attached`);
  }

  const list = problems.finish();
  const summary = `schema ${db.pragma('user_version', { simple: true })}, ${changes} changes (${heldChanges.size} held back), ${sections.length} sections, ${updates} text updates (${heldTexts.size} held back)`;
  return { sound: list.length === 0, problems: list, summary };
}
