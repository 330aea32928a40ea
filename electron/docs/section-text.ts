// Section text as stored: one row per Yjs update, plus a derived cache of plain text and word
// counts that is refreshed whenever it is older than the newest update.
import * as Y from 'yjs';
import { prepared, type DB } from '../store/open.js';
import { withoutAnnotations } from '../../shared/annotations.js';
import { shownList } from '../../shared/synced.js';
import { mergeStored, readSection, type SectionReading } from './headless.js';

/** A stored text update: who made it, in which session, when (its clock stamp). */
export interface TextRow {
  sectionId: string;
  data: Uint8Array;
  replica: string;
  author: string;
  hlc: string;
  /** It stands for several updates folded into one (see compactSectionText). */
  folded: boolean;
}

/**
 * Stores a text update as given. Only the text write path (electron/sync/text-log.ts) and merges
 * call this: they check and judge it first.
 */
export function storeTextRow(db: DB, row: TextRow): number {
  const info = prepared(db, 'INSERT INTO section_updates (section_id, data, replica, author, created_at, hlc, folded) VALUES (?, ?, ?, ?, ?, ?, ?)').run(row.sectionId, row.data, row.replica, row.author, new Date().toISOString(), row.hlc, row.folded ? 1 : 0);
  return Number(info.lastInsertRowid);
}

/** A section's stored updates, without those held back, in the order they were stored. */
export function textUpdates(db: DB, sectionId: string): Uint8Array[] {
  const rows = prepared(
    db,
    `SELECT data FROM section_updates AS u WHERE section_id = ?
     AND NOT EXISTS (SELECT 1 FROM held_changes AS h WHERE h.kind = 'text' AND h.hlc = u.hlc) ORDER BY seq`,
  ).all(sectionId) as Array<{ data: Uint8Array }>;
  return rows.map((r) => r.data);
}

/** The whole state of a section's text as one Yjs update. */
export function textState(db: DB, sectionId: string): Uint8Array {
  return mergeStored(textUpdates(db, sectionId));
}

export function readSectionText(db: DB, sectionId: string): SectionReading {
  return readSection(textUpdates(db, sectionId));
}

/**
 * A section's text as the report reads, without review annotations: what export and print use.
 * Comment bodies never live in the text; this also takes out the marks that anchor them.
 */
export function readSectionWithoutAnnotations(db: DB, sectionId: string): Omit<SectionReading, 'markIds'> {
  const { markIds: _marks, ...reading } = readSectionText(db, sectionId);
  return { ...reading, json: withoutAnnotations(reading.json) };
}

/** Recomputes the cached plain text and counts of sections whose text changed; returns their ids. */
export function refreshStaleText(db: DB): string[] {
  const stale = db
    .prepare(
      `SELECT u.section_id AS id, max(u.seq) AS seq
       FROM section_updates u LEFT JOIN section_text t ON t.section_id = u.section_id
       GROUP BY u.section_id
       HAVING max(t.through_seq) IS NULL OR max(u.seq) > max(t.through_seq)`,
    )
    .all() as Array<{ id: string; seq: number }>;
  if (stale.length === 0) return [];
  const upsert = db.prepare(
    `INSERT INTO section_text (section_id, through_seq, plain, words, footnote_words, mark_ids, recommendation_refs, damaged)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (section_id) DO UPDATE SET through_seq = excluded.through_seq, plain = excluded.plain,
       words = excluded.words, footnote_words = excluded.footnote_words, mark_ids = excluded.mark_ids,
       recommendation_refs = excluded.recommendation_refs, damaged = excluded.damaged`,
  );
  const readings = stale.map((s) => ({ s, r: readSectionText(db, s.id) }));
  db.transaction(() => {
    for (const { s, r } of readings) {
      upsert.run(s.id, s.seq, r.plain, r.words, r.footnoteWords, JSON.stringify(r.markIds), JSON.stringify(r.recommendationRefs), r.damaged ? 1 : 0);
    }
  }).immediate();
  return stale.map((s) => s.id);
}

/** Forgets the cached readings of these sections (their text changed without a new update: one was held back or released). */
export function forgetCachedText(db: DB, sectionIds: Iterable<string>): void {
  const forget = db.prepare('DELETE FROM section_text WHERE section_id = ?');
  for (const id of sectionIds) forget.run(id);
}

/** The sections whose text cannot be read (from the cache; refresh it first). */
export function damagedSections(db: DB): Set<string> {
  return new Set(prepared(db, 'SELECT section_id FROM section_text WHERE damaged = 1').pluck().all() as string[]);
}

/** The ids of the comments anchored in each section's text (from the cache; refresh it first). */
export function anchoredCommentIds(db: DB): Set<string> {
  const ids = new Set<string>();
  for (const row of db.prepare('SELECT mark_ids FROM section_text').all() as Array<{ mark_ids: string }>) {
    for (const id of shownList<string>(row.mark_ids, 'strings')) ids.add(id);
  }
  return ids;
}

/** For each section, the numbers of the recommendations its text refers to (from the cache; refresh it first). */
export function recommendationRefsBySection(db: DB): Map<string, string[]> {
  const rows = db.prepare('SELECT section_id, recommendation_refs FROM section_text').all() as Array<{ section_id: string; recommendation_refs: string }>;
  return new Map(rows.map((r) => [r.section_id, shownList<string>(r.recommendation_refs, 'strings')]));
}

/** Above this many stored updates a section's text is folded into one (see compactSectionText). */
export const COMPACT_AFTER_UPDATES = 200;

/**
 * Only updates nobody signed are folded: a signed update stays as its author signed it, so every
 * office can check it (electron/sync/signing.ts). Updates from before signing are folded as before.
 */
const UNSIGNED = ` AND NOT EXISTS (SELECT 1 FROM signatures AS s WHERE s.kind = 'text' AND s.section_id = u.section_id AND s.replica = u.replica AND s.author = u.author AND u.hlc BETWEEN s.first_hlc AND s.last_hlc)`;

function hasSignatures(db: DB): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'signatures'").get();
}

/**
 * Folds a section's stored updates into one per person, sitting and day. Y.mergeUpdates keeps every insertion and
 * deletion (nothing is garbage-collected), so the folded updates give the same document, and merge
 * with any other copy exactly as the separate updates would have. Each person's updates of a sitting and day are folded
 * apart, into their newest (its stamp and number kept, marked folded), so every stored update is
 * still one person's, judged as theirs when another office merges it; updates held back, and
 * signed updates, are left as they are. Typing saves a row about every 150 ms; without this a long
 * session in a report from before signing would leave tens of thousands of rows to merge on load.
 */
export function compactSectionText(db: DB, sectionId: string): boolean {
  const rows = db
    .prepare(
      `SELECT seq, data, author, hlc, replica FROM section_updates AS u WHERE section_id = ?
       AND NOT EXISTS (SELECT 1 FROM held_changes AS h WHERE h.kind = 'text' AND h.hlc = u.hlc)${hasSignatures(db) ? UNSIGNED : ''} ORDER BY seq`,
    )
    .all(sectionId) as Array<{ seq: number; data: Uint8Array; author: string; hlc: string; replica: string }>;
  const byAuthor = new Map<string, typeof rows>();
  for (const r of rows) {
    // An update that cannot be read is left as it is, for `upr check` to name.
    try {
      Y.decodeUpdate(r.data);
    } catch {
      continue;
    }
    // One person's updates of one sitting (the app's run that stored them) and one day (UTC) are
    // folded together: the history keeps who wrote when.
    const key = `${r.author}\u0000${r.replica}\u0000${r.hlc.slice(0, 10)}`;
    const group = byAuthor.get(key);
    if (group) group.push(r);
    else byAuthor.set(key, [r]);
  }
  const groups = [...byAuthor.values()].filter((g) => g.length > 1);
  if (groups.length === 0) return false;
  const drop = db.prepare('DELETE FROM section_updates WHERE seq = ?');
  const fold = db.prepare('UPDATE section_updates SET data = ?, folded = 1 WHERE seq = ?');
  const folded = groups.map((g) => ({ into: g[g.length - 1]!.seq, data: Y.mergeUpdates(g.map((r) => r.data)), drop: g.slice(0, -1).map((r) => r.seq) }));
  db.transaction(() => {
    for (const f of folded) {
      for (const seq of f.drop) drop.run(seq);
      fold.run(f.data, f.into);
    }
  }).immediate();
  return true;
}

/** Compacts every section that has gathered more than `threshold` updates it may fold (not signed); returns their ids. */
export function compactBusySections(db: DB, threshold = COMPACT_AFTER_UPDATES): string[] {
  const busy = db
    .prepare(`SELECT section_id AS id FROM section_updates AS u WHERE 1${hasSignatures(db) ? UNSIGNED : ''} GROUP BY section_id HAVING count(*) > ?`)
    .all(threshold) as Array<{ id: string }>;
  return busy.filter((b) => compactSectionText(db, b.id)).map((b) => b.id);
}
