// Keeps the search index current, cheaply: before each search, the rows named by change-log rows
// stamped after the newest stamp the index has taken in (and by rows a merge brought in with older
// stamps, which the change log lists in search_pending, see electron/sync/changes.ts), and the sections whose text
// moved on (section_text.through_seq past the one indexed), are read again and replace their
// documents; deleted rows leave the index. The index is derived data: when its bookkeeping is
// missing, was made by another version of the indexing, or does not add up, it is rebuilt.
import type { SearchKind } from '../../shared/api.js';
import { refreshStaleText } from '../docs/section-text.js';
import { prepared, type DB } from '../store/open.js';
import { allSearchDocs, docsTouchedBy, searchDoc, type SearchDoc } from './documents.js';

/** Bump when what is indexed, or how, changes: every file's index is rebuilt on its next search. */
export const INDEX_VERSION = '2';

/**
 * The change-log rows stamped after the index's: a range of the primary key, so a search after a few
 * edits reads those few. (DISTINCT or a filter on tbl here makes SQLite walk the whole cell index.)
 */
export const CHANGED_SINCE = 'SELECT tbl, row_id FROM change_log WHERE hlc > ?';

/** Connections whose index was found sound once; the count check is not repeated on every search. */
const checked = new WeakSet<DB>();

export interface IndexUpdate {
  rebuilt: boolean;
  /** Documents written or removed. */
  documents: number;
}

/** Brings the index up to date with the report; rebuilds it when it cannot be trusted. */
export function bringSearchIndexCurrent(db: DB): IndexUpdate {
  refreshStaleText(db);
  if (!indexIsSound(db)) return { rebuilt: true, documents: rebuild(db) };
  let documents = 0;
  db.transaction(() => {
    const through = stateValue(db, 'through') ?? '';
    const newest = newestStamp(db);
    const late = prepared(db, 'SELECT tbl, row_id FROM search_pending').all() as Array<{ tbl: string; row_id: string }>;
    const changed = newest > through ? (prepared(db, CHANGED_SINCE).all(through) as typeof late) : [];
    // A row a merge brought late may have changed at any stamp; the others, after `through`.
    const rows = new Map([...changed.map((c) => ({ ...c, since: through as string | undefined })), ...late.map((c) => ({ ...c, since: undefined }))].map((c) => [`${c.tbl}\u0000${c.row_id}`, c]));
    const touched = new Map<string, { kind: SearchKind; ref: string }>();
    for (const c of rows.values()) for (const t of docsTouchedBy(db, c.tbl, c.row_id, c.since)) touched.set(`${t.kind}\u0000${t.ref}`, t);
    const moved = prepared(
      db,
      `SELECT d.ref FROM search_docs d JOIN section_text t ON t.section_id = d.ref
       WHERE d.kind = 'section' AND d.through_seq <> t.through_seq`,
    ).all() as Array<{ ref: string }>;
    for (const m of moved) touched.set(`section\u0000${m.ref}`, { kind: 'section', ref: m.ref });
    for (const t of touched.values()) {
      const doc = searchDoc(db, t.kind, t.ref);
      if (doc) putDoc(db, doc);
      else dropDoc(db, t.kind, t.ref);
    }
    if (late.length) prepared(db, 'DELETE FROM search_pending').run();
    if (newest > through) setState(db, 'through', newest);
    documents = touched.size;
  }).immediate();
  return { rebuilt: false, documents };
}

/** Builds the index afresh from the report's tables; returns how many documents it holds. */
export function rebuildSearchIndex(db: DB): number {
  refreshStaleText(db);
  return rebuild(db);
}

function rebuild(db: DB): number {
  let count = 0;
  db.transaction(() => {
    db.exec('DELETE FROM search_index; DELETE FROM search_docs; DELETE FROM search_pending;');
    const docs = allSearchDocs(db);
    // Not followed by FTS5's 'optimize': inserts in one transaction leave few segments, and merging
    // them made no query faster while leaving 4 MB of free pages in the benchmark file.
    for (const doc of docs) putDoc(db, doc);
    setState(db, 'version', INDEX_VERSION);
    setState(db, 'through', newestStamp(db));
    count = docs.length;
  }).immediate();
  checked.add(db);
  return count;
}

function indexIsSound(db: DB): boolean {
  if (stateValue(db, 'version') !== INDEX_VERSION || stateValue(db, 'through') === null) return false;
  if (checked.has(db)) return true;
  const docs = (prepared(db, 'SELECT count(*) AS n FROM search_docs').get() as { n: number }).n;
  const indexed = (prepared(db, 'SELECT count(*) AS n FROM search_index').get() as { n: number }).n;
  if (docs !== indexed) return false;
  checked.add(db);
  return true;
}

function stateValue(db: DB, key: 'version' | 'through'): string | null {
  return (prepared(db, 'SELECT value FROM search_state WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

function setState(db: DB, key: 'version' | 'through', value: string): void {
  prepared(db, 'INSERT OR REPLACE INTO search_state (key, value) VALUES (?, ?)').run(key, value);
}

/** The newest stamp of the change log, '' when it is empty. */
function newestStamp(db: DB): string {
  return (prepared(db, 'SELECT max(hlc) AS hlc FROM change_log').get() as { hlc: string | null }).hlc ?? '';
}

function putDoc(db: DB, doc: SearchDoc): void {
  const existing = prepared(db, 'SELECT id FROM search_docs WHERE kind = ? AND ref = ?').get(doc.kind, doc.ref) as { id: number } | undefined;
  let id: number;
  if (existing) {
    id = existing.id;
    prepared(db, 'DELETE FROM search_index WHERE rowid = ?').run(id);
    prepared(db, 'UPDATE search_docs SET section_id = ?, made = ?, through_seq = ? WHERE id = ?').run(doc.sectionId, doc.made, doc.throughSeq, id);
  } else {
    id = Number(
      prepared(db, 'INSERT INTO search_docs (kind, ref, section_id, made, through_seq) VALUES (?, ?, ?, ?, ?)').run(
        doc.kind,
        doc.ref,
        doc.sectionId,
        doc.made,
        doc.throughSeq,
      ).lastInsertRowid,
    );
  }
  prepared(db, 'INSERT INTO search_index (rowid, kind, title, body, tags) VALUES (?, ?, ?, ?, ?)').run(id, doc.kind, doc.title, doc.body, doc.tags);
}

function dropDoc(db: DB, kind: SearchKind, ref: string): void {
  const existing = prepared(db, 'SELECT id FROM search_docs WHERE kind = ? AND ref = ?').get(kind, ref) as { id: number } | undefined;
  if (!existing) return;
  prepared(db, 'DELETE FROM search_index WHERE rowid = ?').run(existing.id);
  prepared(db, 'DELETE FROM search_docs WHERE id = ?').run(existing.id);
}
