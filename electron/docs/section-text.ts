// Section text as stored: one row per Yjs update, plus a derived cache of plain text and word
// counts that is refreshed whenever it is older than the newest update.
import * as Y from 'yjs';
import type { DB } from '../store/open.js';
import { withoutAnnotations } from '../../shared/annotations.js';
import { readSection, type SectionReading } from './headless.js';

export function appendTextUpdate(db: DB, sectionId: string, update: Uint8Array, replica: string, author: string): number {
  const info = db
    .prepare('INSERT INTO section_updates (section_id, data, replica, author, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(sectionId, update, replica, author, new Date().toISOString());
  return Number(info.lastInsertRowid);
}

export function textUpdates(db: DB, sectionId: string): Uint8Array[] {
  const rows = db.prepare('SELECT data FROM section_updates WHERE section_id = ? ORDER BY seq').all(sectionId) as Array<{
    data: Uint8Array;
  }>;
  return rows.map((r) => r.data);
}

/** The whole state of a section's text as one Yjs update. */
export function textState(db: DB, sectionId: string): Uint8Array {
  const updates = textUpdates(db, sectionId);
  if (updates.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
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
    `INSERT INTO section_text (section_id, through_seq, plain, words, footnote_words, mark_ids, recommendation_refs)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (section_id) DO UPDATE SET through_seq = excluded.through_seq, plain = excluded.plain,
       words = excluded.words, footnote_words = excluded.footnote_words, mark_ids = excluded.mark_ids,
       recommendation_refs = excluded.recommendation_refs`,
  );
  const readings = stale.map((s) => ({ s, r: readSectionText(db, s.id) }));
  db.transaction(() => {
    for (const { s, r } of readings) upsert.run(s.id, s.seq, r.plain, r.words, r.footnoteWords, JSON.stringify(r.markIds), JSON.stringify(r.recommendationRefs));
  })();
  return stale.map((s) => s.id);
}

/** The ids of the comments anchored in each section's text (from the cache; refresh it first). */
export function anchoredCommentIds(db: DB): Set<string> {
  const ids = new Set<string>();
  for (const row of db.prepare('SELECT mark_ids FROM section_text').all() as Array<{ mark_ids: string }>) {
    for (const id of JSON.parse(row.mark_ids) as string[]) ids.add(id);
  }
  return ids;
}

/** For each section, the numbers of the recommendations its text refers to (from the cache; refresh it first). */
export function recommendationRefsBySection(db: DB): Map<string, string[]> {
  const rows = db.prepare('SELECT section_id, recommendation_refs FROM section_text').all() as Array<{ section_id: string; recommendation_refs: string }>;
  return new Map(rows.map((r) => [r.section_id, JSON.parse(r.recommendation_refs) as string[]]));
}

/** Above this many stored updates a section's text is folded into one (see compactSectionText). */
export const COMPACT_AFTER_UPDATES = 200;

/**
 * Folds a section's stored updates into one. Y.mergeUpdates keeps every insertion and deletion
 * (nothing is garbage-collected), so the folded update gives the same document, and merges with
 * any other copy exactly as the separate updates would have. Typing saves a row about every
 * 150 ms; without this a long session would leave tens of thousands of rows to merge on load.
 */
export function compactSectionText(db: DB, sectionId: string): boolean {
  const rows = db.prepare('SELECT seq, data, replica, author FROM section_updates WHERE section_id = ? ORDER BY seq').all(sectionId) as Array<{
    seq: number;
    data: Uint8Array;
    replica: string;
    author: string;
  }>;
  if (rows.length < 2) return false;
  const merged = Y.mergeUpdates(rows.map((r) => r.data));
  const last = rows[rows.length - 1]!;
  db.transaction(() => {
    db.prepare('DELETE FROM section_updates WHERE section_id = ? AND seq < ?').run(sectionId, last.seq);
    // The folded update keeps the newest row's number, so cached counts stay current.
    db.prepare('UPDATE section_updates SET data = ? WHERE seq = ?').run(merged, last.seq);
  })();
  return true;
}

/** Compacts every section that has gathered more than `threshold` updates; returns their ids. */
export function compactBusySections(db: DB, threshold = COMPACT_AFTER_UPDATES): string[] {
  const busy = db
    .prepare('SELECT section_id AS id FROM section_updates GROUP BY section_id HAVING count(*) > ?')
    .all(threshold) as Array<{ id: string }>;
  return busy.filter((b) => compactSectionText(db, b.id)).map((b) => b.id);
}
