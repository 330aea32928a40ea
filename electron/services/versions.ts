// Versions of the report: saving one (by name, or by the app before a merge and at an export),
// listing them, reading one, comparing two (or one with the report now) section by section, and
// restoring a section's text or a field as it was in one. A version is a row of `versions` written
// through the change log, so it travels in copies and is judged like any change; restoring writes
// new changes (text through the text write path), so what it replaced stays in the history.
import { randomUUID } from 'node:crypto';
import { diffArrays, diffWordsWithSpace } from 'diff';
import { $getRoot, $parseSerializedNode, type SerializedLexicalNode } from 'lexical';
import * as Y from 'yjs';
import type { ParsedInput, Result } from '../../shared/api.js';
import { outlineOrder, SECTION_STATUSES, type Section, type SectionStatus } from '../../shared/domain.js';
import { userError } from '../../shared/messages.js';
import type {
  FieldChange,
  ParagraphChange,
  RecordsChanged,
  SectionComparison,
  TextPart,
  VersionComparison,
  VersionInfo,
  VersionKind,
  VersionReading,
  VersionSide,
} from '../../shared/versions.js';
import { VERSION_KINDS } from '../../shared/versions.js';
import { countWords, reportWords } from '../../shared/words.js';
import { editSection, readSection } from '../docs/headless.js';
import { refreshStaleText, textUpdates } from '../docs/section-text.js';
import { historyDoc, paragraphsAt, snapshotNow, usableSnapshot } from '../docs/version-text.js';
import { markedParagraphs } from '../docs/markup.js';
import type { OpenReport } from '../store/open-report.js';
import { prepared, type DB } from '../store/open.js';
import { listSections, sectionWordCounts } from '../store/queries.js';
import { writeText } from '../sync/text-log.js';
import { CurrentView, judgeTextAt } from '../sync/policy.js';
import { actor } from './access.js';
import type { ServiceContext } from './context.js';

/** A section as a version keeps it: its place, details and words, and a snapshot of its text. */
export interface KeptSection extends Section {
  words: number;
  /** Yjs snapshot (V2) of the section's text, base64. */
  snapshot: string;
}

interface VersionRow {
  id: string;
  name: string;
  kind: string;
  created_by: string;
  created_at: string;
  words: number;
  state: string;
}

/** How long one paragraph's word comparison may take before it is shown as removed and added whole. */
const DIFF_MS = 200;

/** The report's sections as a version keeps them, now. */
export function keptSections(db: DB): KeptSection[] {
  refreshStaleText(db);
  const words = sectionWordCounts(db);
  return listSections(db).map((s) => {
    const doc = historyDoc(textUpdates(db, s.id));
    try {
      return { ...s, words: words.get(s.id) ?? 0, snapshot: snapshotNow(doc) };
    } finally {
      doc.destroy();
    }
  });
}

/**
 * Saves a version of the report as it is now, by `authorId`, through the change log (judged by
 * the write policy: the secretariat's). Returns it as the list shows it.
 */
export function saveVersion(report: OpenReport, authorId: string, kind: VersionKind, name: string): VersionInfo {
  const sections = keptSections(report.db);
  const words = bodyWords(sections);
  const id = randomUUID();
  const createdAt = new Date().toISOString();
  const state = JSON.stringify({ v: 1, sections });
  report.write(authorId, [
    { table: 'versions', row: id, column: 'name', value: name },
    { table: 'versions', row: id, column: 'kind', value: kind },
    { table: 'versions', row: id, column: 'created_by', value: authorId },
    { table: 'versions', row: id, column: 'created_at', value: createdAt },
    { table: 'versions', row: id, column: 'words', value: words },
    { table: 'versions', row: id, column: 'state', value: state },
  ]);
  return { id, name, kind, createdBy: memberName(report.db, authorId), createdAt, words, sections: sections.length };
}

/** The body's words as the limit counts them (each section's text and heading), as the header shows them. */
function bodyWords(sections: readonly KeptSection[]): number {
  return reportWords(outlineOrder(sections).map(({ section, label }) => ({ label, title: section.title, words: section.words })));
}

function memberName(db: DB, id: string): string {
  return (prepared(db, 'SELECT name FROM members WHERE id = ?').pluck().get(id) as string | undefined) ?? '';
}

/** A version's kept sections, or null when its record cannot be read (edited by hand). */
export function readKept(state: string): KeptSection[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as { sections?: unknown }).sections)) return null;
  const out: KeptSection[] = [];
  for (const s of (parsed as { sections: unknown[] }).sections) {
    if (!s || typeof s !== 'object') return null;
    const r = s as Record<string, unknown>;
    const str = (v: unknown) => typeof v === 'string';
    if (!str(r.id) || !str(r.title) || !str(r.position) || !str(r.snapshot) || !str(r.dueDate)) return null;
    if (!(r.parentId === null || str(r.parentId)) || !(r.leadOrganizationId === null || str(r.leadOrganizationId))) return null;
    if (!(r.wordBudget === null || Number.isInteger(r.wordBudget)) || !Number.isInteger(r.words)) return null;
    if (!SECTION_STATUSES.includes(r.status as SectionStatus)) return null;
    out.push({
      id: r.id as string,
      parentId: r.parentId as string | null,
      position: r.position as string,
      title: r.title as string,
      leadOrganizationId: r.leadOrganizationId as string | null,
      dueDate: r.dueDate as string,
      wordBudget: r.wordBudget as number | null,
      status: r.status as SectionStatus,
      words: r.words as number,
      snapshot: r.snapshot as string,
    });
  }
  return out;
}

function versionRow(db: DB, id: string): VersionRow {
  const row = prepared(db, 'SELECT id, name, kind, created_by, created_at, words, state FROM versions WHERE id = ? AND deleted = 0').get(id) as VersionRow | undefined;
  if (!row) throw userError('versionMissing');
  return row;
}

function infoOf(db: DB, r: VersionRow, sections: number | null): VersionInfo {
  return {
    id: r.id,
    name: r.name,
    kind: (VERSION_KINDS as readonly string[]).includes(r.kind) ? (r.kind as VersionKind) : 'named',
    createdBy: memberName(db, r.created_by),
    createdAt: r.created_at,
    words: r.words,
    sections: sections ?? 0,
    ...(sections === null ? { unreadable: true as const } : {}),
  };
}

/** The versions, newest first. */
export function listVersions(db: DB): VersionInfo[] {
  const rows = prepared(
    db,
    `SELECT id, name, kind, created_by, created_at, words, '' AS state,
       CASE WHEN json_valid(state) AND json_type(state, '$.sections') = 'array' THEN json_array_length(state, '$.sections') END AS n
     FROM versions WHERE deleted = 0 ORDER BY created_at DESC, id`,
  ).all() as Array<VersionRow & { n: number | null }>;
  return rows.map((r) => infoOf(db, r, r.n));
}

/** One side of a comparison: a version's kept sections, or the report now (snapshots left empty: the documents are read as they are). */
interface Side {
  info: VersionSide;
  sections: KeptSection[];
  now: boolean;
}

function sideOf(db: DB, id: string): Side {
  if (id === 'now') {
    refreshStaleText(db);
    const words = sectionWordCounts(db);
    const sections = listSections(db).map((s) => ({ ...s, words: words.get(s.id) ?? 0, snapshot: '' }));
    return { info: { id: 'now', name: '', at: new Date().toISOString(), words: bodyWords(sections) }, sections, now: true };
  }
  const row = versionRow(db, id);
  const sections = readKept(row.state);
  if (!sections) throw userError('versionUnreadable', { name: row.name });
  return { info: { id: row.id, name: row.name, at: row.created_at, words: row.words }, sections, now: false };
}

/** A version opened to read: its outline, and each section's paragraphs as they were. */
export function readVersion(ctx: ServiceContext, input: ParsedInput<'versions.read'>): Result<'versions.read'> {
  const db = ctx.report.db;
  const row = versionRow(db, input.id);
  const kept = readKept(row.state);
  if (!kept) throw userError('versionUnreadable', { name: row.name });
  const sections = outlineOrder(kept).map(({ section, depth, label }) => {
    const doc = historyDoc(textUpdates(db, section.id));
    try {
      const snap = usableSnapshot(doc, section.snapshot);
      return { sectionId: section.id, label, title: section.title, level: depth, status: section.status, paragraphs: snap ? paragraphsAt(doc, snap) : [], ...(snap ? {} : { textMissing: true as const }) };
    } finally {
      doc.destroy();
    }
  });
  return { version: infoOf(db, row, kept.length), sections } satisfies VersionReading;
}

/** Compares two versions, or a version with the report now ('now'), section by section. */
export function compareVersions(db: DB, fromId: string, toId: string): VersionComparison {
  const from = sideOf(db, fromId);
  const to = sideOf(db, toId);
  const orgs = new Map((prepared(db, 'SELECT id, name FROM organizations').all() as Array<{ id: string; name: string }>).map((o) => [o.id, o.name]));
  const fromOrder = outlineOrder(from.sections);
  const toOrder = outlineOrder(to.sections);
  const fromById = new Map(fromOrder.map((o) => [o.section.id, o]));
  const toById = new Map(toOrder.map((o) => [o.section.id, o]));
  const parentTitle = (order: typeof fromOrder, id: string | null) => (id === null ? '' : (order.find((o) => o.section.id === id)?.section.title ?? ''));
  const writers = writersBetween(db, from.info.at, to.info.at);
  const out: SectionComparison[] = [];
  const totals = { sectionsChanged: 0, wordsInserted: 0, wordsDeleted: 0 };
  // In the newer side's order, each removed section after the one before it in the older side.
  const ids = [...toOrder.map((o) => o.section.id)];
  fromOrder.forEach((o, i) => {
    if (toById.has(o.section.id)) return;
    const before = fromOrder.slice(0, i).reverse().find((p) => ids.includes(p.section.id));
    ids.splice(before ? ids.indexOf(before.section.id) + 1 : 0, 0, o.section.id);
  });
  for (const id of ids) {
    const a = fromById.get(id);
    const b = toById.get(id);
    const fields: FieldChange[] = [];
    if (a && b) {
      const push = (field: FieldChange['field'], x: string, y: string) => {
        if (x !== y) fields.push({ field, from: x, to: y });
      };
      push('title', a.section.title, b.section.title);
      push('status', a.section.status, b.section.status);
      push('lead', orgs.get(a.section.leadOrganizationId ?? '') ?? '', orgs.get(b.section.leadOrganizationId ?? '') ?? '');
      push('due', a.section.dueDate, b.section.dueDate);
      push('budget', a.section.wordBudget === null ? '' : String(a.section.wordBudget), b.section.wordBudget === null ? '' : String(b.section.wordBudget));
      if (a.section.parentId !== b.section.parentId || a.label !== b.label) {
        push('place', `${a.label}${a.section.parentId ? ` (${parentTitle(fromOrder, a.section.parentId)})` : ''}`, `${b.label}${b.section.parentId ? ` (${parentTitle(toOrder, b.section.parentId)})` : ''}`);
      }
    }
    const text = compareText(db, a?.section ?? null, from.now, b?.section ?? null, to.now);
    const change: SectionComparison['change'] = !a ? 'added' : !b ? 'removed' : fields.length || text.changed || text.missing ? 'changed' : 'same';
    if (change !== 'same') totals.sectionsChanged++;
    totals.wordsInserted += text.inserted;
    totals.wordsDeleted += text.deleted;
    out.push({
      sectionId: id,
      title: (b ?? a)!.section.title,
      label: b?.label ?? '',
      change,
      fields,
      paragraphs: text.changed ? text.paragraphs : [],
      writers: [...(writers.get(id) ?? [])],
      ...(text.missing ? { textMissing: true as const } : {}),
    });
  }
  return { from: from.info, to: to.info, sections: out, records: recordsBetween(db, from.info.at, to.info.at), totals };
}

interface TextComparison {
  changed: boolean;
  missing: boolean;
  paragraphs: ParagraphChange[];
  inserted: number;
  deleted: number;
}

function compareText(db: DB, a: KeptSection | null, aNow: boolean, b: KeptSection | null, bNow: boolean): TextComparison {
  const id = (a ?? b)!.id;
  const doc = historyDoc(textUpdates(db, id));
  try {
    const at = (s: KeptSection | null, now: boolean): { paragraphs: string[]; snap: Y.Snapshot | null; missing: boolean } => {
      if (!s) return { paragraphs: [], snap: null, missing: false };
      if (now) return { paragraphs: paragraphsAt(doc), snap: Y.snapshot(doc), missing: false };
      const snap = usableSnapshot(doc, s.snapshot);
      return snap ? { paragraphs: paragraphsAt(doc, snap), snap, missing: false } : { paragraphs: [], snap: null, missing: true };
    };
    const x = at(a, aNow);
    const y = at(b, bNow);
    if (x.missing || y.missing) return { changed: false, missing: true, paragraphs: [], inserted: 0, deleted: 0 };
    if (x.snap && y.snap && Y.equalSnapshots(x.snap, y.snap)) return { changed: false, missing: false, paragraphs: [], inserted: 0, deleted: 0 };
    return { ...paragraphDiff(x.paragraphs, y.paragraphs), missing: false };
  } finally {
    doc.destroy();
  }
}

/** Paragraphs aligned (jsdiff's diffArrays), then each pair of a removed and an added one compared word by word. */
export function paragraphDiff(from: readonly string[], to: readonly string[]): Omit<TextComparison, 'missing'> {
  const paragraphs: ParagraphChange[] = [];
  let inserted = 0;
  let deleted = 0;
  const runs = diffArrays(from as string[], to as string[]);
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (!run.added && !run.removed) {
      for (const text of run.value) paragraphs.push({ kind: 'same', text });
      continue;
    }
    // A removed run followed by an added one: the same paragraphs edited, paired in order.
    const removed = run.removed ? run.value : [];
    const next = runs[i + 1];
    const added = run.added ? run.value : next?.added ? next.value : [];
    if (run.removed && next?.added) i++;
    const pairs = Math.min(removed.length, added.length);
    for (let k = 0; k < pairs; k++) {
      const parts = wordDiff(removed[k]!, added[k]!);
      if (parts) {
        paragraphs.push({ kind: 'changed', parts });
        for (const p of parts) {
          if (p.change === 'inserted') inserted += countWords(p.text);
          else if (p.change === 'deleted') deleted += countWords(p.text);
        }
      } else {
        paragraphs.push({ kind: 'removed', text: removed[k]! }, { kind: 'added', text: added[k]! });
        deleted += countWords(removed[k]!);
        inserted += countWords(added[k]!);
      }
    }
    for (const text of removed.slice(pairs)) {
      paragraphs.push({ kind: 'removed', text });
      deleted += countWords(text);
    }
    for (const text of added.slice(pairs)) {
      paragraphs.push({ kind: 'added', text });
      inserted += countWords(text);
    }
  }
  const changed = paragraphs.some((p) => p.kind !== 'same');
  return { changed, paragraphs, inserted, deleted };
}

function wordDiff(from: string, to: string): TextPart[] | null {
  const parts = diffWordsWithSpace(from, to, { timeout: DIFF_MS });
  if (!parts) return null;
  return parts.map((p) => (p.added ? { text: p.value, change: 'inserted' as const } : p.removed ? { text: p.value, change: 'deleted' as const } : { text: p.value }));
}

/** Who wrote in each section's text between two moments (their names, in the order they first wrote). */
function writersBetween(db: DB, from: string, to: string): Map<string, Set<string>> {
  const [lo, hi] = from < to ? [from, to] : [to, from];
  const rows = prepared(
    db,
    `SELECT u.section_id AS section, coalesce(m.name, u.author) AS name FROM section_updates AS u LEFT JOIN members AS m ON m.id = u.author
     WHERE u.hlc > ? AND u.hlc <= ? AND NOT EXISTS (SELECT 1 FROM held_changes AS h WHERE h.kind = 'text' AND h.hlc = u.hlc) ORDER BY u.hlc`,
  ).all(lo, `${hi}\uffff`) as Array<{ section: string; name: string }>;
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.section) ?? new Set<string>();
    set.add(r.name);
    out.set(r.section, set);
  }
  return out;
}

/** What the change log recorded between two moments in the comments, recommendations and inputs. */
function recordsBetween(db: DB, from: string, to: string): RecordsChanged {
  const [lo, hi] = from < to ? [from, to] : [to, from];
  const count = (sql: string) => prepared(db, `SELECT count(DISTINCT row_id) FROM change_log WHERE hlc > ? AND hlc <= ? AND ${sql}`).pluck().get(lo, `${hi}\uffff`) as number;
  return {
    commentsMade: count("tbl = 'comments' AND col = 'created_at'"),
    commentsAnswered: count("tbl = 'comments' AND col = 'disposition' AND value <> ''"),
    commentsClosed: count("tbl = 'comments' AND col = 'status' AND value = 'closed'"),
    recommendationsChanged: count("tbl = 'recommendations'"),
    inputsAdded: count("tbl = 'inputs' AND col = 'created_at'"),
    inputsDecided: count("tbl = 'inputs' AND col = 'disposition' AND value <> ''"),
  };
}

/** The text a version kept for a section, as Lexical's JSON of its blocks; null when this file cannot rebuild it. */
function blocksAt(db: DB, sectionId: string, snapshot: string): SerializedLexicalNode[] | null {
  const doc = historyDoc(textUpdates(db, sectionId));
  try {
    const snap = usableSnapshot(doc, snapshot);
    if (!snap) return null;
    const past = Y.createDocFromSnapshot(doc, snap);
    try {
      const reading = readSection([Y.encodeStateAsUpdate(past)]);
      return reading.damaged ? null : (reading.json.root.children as SerializedLexicalNode[]);
    } finally {
      past.destroy();
    }
  } finally {
    doc.destroy();
  }
}

/**
 * Puts a section's text, or one of its details, back as it was in a version, as new changes by the
 * person restoring: the text through the text write path (only the paragraphs that differ are
 * replaced, so the rest keeps its history and its comments' anchors), a detail through the change log.
 */
export function restoreFromVersion(ctx: ServiceContext, input: ParsedInput<'versions.restore'>): Result<'versions.restore'> {
  const author = actor(ctx);
  const { db } = ctx.report;
  const row = versionRow(db, input.versionId);
  const kept = readKept(row.state);
  if (!kept) throw userError('versionUnreadable', { name: row.name });
  const was = kept.find((s) => s.id === input.sectionId);
  const now = listSections(db).find((s) => s.id === input.sectionId);
  if (!was) throw userError('versionLacksSection', { name: row.name });
  if (!now) throw userError('sectionMissing');
  if (input.what !== 'text') {
    const column = { title: 'title', status: 'status', lead: 'lead_organization_id', due: 'due_date', budget: 'word_budget' }[input.what];
    const value = { title: was.title, status: was.status, lead: was.leadOrganizationId, due: was.dueDate, budget: was.wordBudget }[input.what];
    ctx.report.write(author.id, [{ table: 'sections', row: now.id, column, value: value ?? (input.what === 'lead' ? null : '') }]);
    ctx.report.emit({ kind: 'changed', what: ['sections'] });
    return { changed: true };
  }
  // Said before any work, even where the text is already as it was.
  const { may, denied } = judgeTextAt(new CurrentView(db, ctx.report.log.held.changes), now.id, author.id);
  if (may !== 'write') throw userError(denied!.key, denied!.params);
  const blocks = blocksAt(db, now.id, was.snapshot);
  if (!blocks) throw userError('versionTextMissing', { name: row.name });
  let changed = false;
  const updates = textUpdates(db, now.id);
  const ours = (readSection(updates).json.root.children as SerializedLexicalNode[]).map((b) => JSON.stringify(b));
  const theirs = blocks.map((b) => JSON.stringify(b));
  const update = editSection(updates, () => {
    const root = $getRoot();
    const current = root.getChildren();
    // Only the paragraphs that differ are replaced: aligned as a comparison aligns them.
    let at = 0;
    for (const run of diffArrays(ours, theirs)) {
      if (!run.added && !run.removed) {
        at += run.value.length;
        continue;
      }
      changed = true;
      if (run.removed) {
        for (let k = 0; k < run.value.length; k++) current[at + k]!.remove();
        at += run.value.length;
        continue;
      }
      const nodes = run.value.map((json) => $parseSerializedNode(JSON.parse(json) as SerializedLexicalNode));
      const before = current[at];
      if (before) for (const n of nodes) before.insertBefore(n);
      else root.append(...nodes);
    }
  });
  if (!changed) return { changed: false };
  ctx.report.db.transaction(() => writeText(ctx.report, now.id, update, author.id, 'edit')).immediate();
  ctx.report.emit({ kind: 'text', sectionId: now.id, update: Buffer.from(update).toString('base64'), origin: '' });
  ctx.report.scheduleRecount();
  return { changed: true };
}

export function saveNamedVersion(ctx: ServiceContext, input: ParsedInput<'versions.save'>): Result<'versions.save'> {
  const author = actor(ctx);
  const info = saveVersion(ctx.report, author.id, 'named', input.name);
  ctx.report.emit({ kind: 'changed', what: ['versions'] });
  return info;
}

export function versionsOf(ctx: ServiceContext): Result<'versions.list'> {
  return listVersions(ctx.report.db);
}

/** A section's text with what changed since a version marked, by whom and when. */
export function markupSince(ctx: ServiceContext, input: ParsedInput<'versions.markup'>): Result<'versions.markup'> {
  const db = ctx.report.db;
  const row = versionRow(db, input.since);
  const kept = readKept(row.state);
  if (!kept) throw userError('versionUnreadable', { name: row.name });
  if (!listSections(db).some((s) => s.id === input.sectionId)) throw userError('sectionMissing');
  // A section made since the version: all of its text is new.
  const was = kept.find((s) => s.id === input.sectionId);
  let until: string | null = null;
  if (input.until) {
    const end = versionRow(db, input.until);
    const endKept = readKept(end.state);
    if (!endKept) throw userError('versionUnreadable', { name: end.name });
    until = endKept.find((s) => s.id === input.sectionId)?.snapshot ?? EMPTY_SNAPSHOT;
  }
  return markedParagraphs(db, input.sectionId, textUpdates(db, input.sectionId), was ? was.snapshot : EMPTY_SNAPSHOT, until);
}

/** The snapshot of a document with nothing in it. */
const EMPTY_SNAPSHOT = Buffer.from(Y.encodeSnapshotV2(Y.emptySnapshot)).toString('base64');

export function compare(ctx: ServiceContext, input: ParsedInput<'versions.compare'>): Result<'versions.compare'> {
  return compareVersions(ctx.report.db, input.from, input.to);
}
