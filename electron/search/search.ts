// The search box: what a person types, looked up in the index (brought current first), best hits
// of each kind by bm25, each with a title to show, a line of context and a snippet whose hits the
// UI marks. Sections are labelled by their place in the outline at the time of the search, and
// comments by their number, as the comment matrix numbers them.
import { SEARCH_KINDS, type ParsedInput, type Result, type SearchGroup, type SearchHit, type SearchKind, type SearchResults } from '../../shared/api.js';
import { outlineOrder, type Section } from '../../shared/domain.js';
import { denyInputRead } from '../../shared/permissions.js';
import { prepared, type DB } from '../store/open.js';
import type { ServiceContext } from '../services/context.js';
import { bringSearchIndexCurrent } from './indexer.js';
import { ELLIPSIS, HIT_END, HIT_START, matchExpression, parseQuery, snippetParts } from './query.js';

export interface SearchOptions {
  /** Hits per kind (default 10). */
  limit?: number;
  /** The kinds to look in (default all). */
  kinds?: readonly SearchKind[];
}

interface HitRow {
  id: number;
  ref: string;
  section_id: string;
  made: string;
  title: string;
  body: string;
  tags: string;
}

/** Snippets of about this many tokens: a line in the results list. */
const SNIPPET_TOKENS = 16;
const snippet = (column: number) => `snippet(search_index, ${column}, '${HIT_START}', '${HIT_END}', '${ELLIPSIS}', ${SNIPPET_TOKENS})`;
const HIT_COLUMNS = `d.id, d.ref, d.section_id, d.made, search_index.title, ${snippet(2)} AS body, ${snippet(3)} AS tags`;

/** The hot queries, named so that their plans can be checked (tests/unit/search.test.ts). */
export const SEARCH_SQL = {
  /** The best hits of one kind: FTS5 ranks and sorts (no temporary b-tree), snippets only for the rows returned. */
  hits: `SELECT ${HIT_COLUMNS} FROM search_index JOIN search_docs d ON d.id = search_index.rowid
         WHERE search_index MATCH ? ORDER BY search_index.rank LIMIT ?`,
  hitById: `SELECT ${HIT_COLUMNS} FROM search_index JOIN search_docs d ON d.id = search_index.rowid
            WHERE search_index MATCH ? AND search_index.rowid = ?`,
  commentsBefore: "SELECT count(*) AS n FROM search_docs WHERE kind = 'comment' AND (made, ref) < (?, ?)",
  commentsBetween: "SELECT count(*) AS n FROM search_docs WHERE kind = 'comment' AND (made, ref) >= (?, ?) AND (made, ref) < (?, ?)",
} as const;

export function searchReport(db: DB, query: string, { limit = 10, kinds = SEARCH_KINDS }: SearchOptions = {}): SearchResults {
  const terms = parseQuery(query);
  const wanted = SEARCH_KINDS.filter((k) => kinds.includes(k));
  if (terms.length === 0) return { query, groups: wanted.map((kind) => ({ kind, hits: [], more: false })) };
  bringSearchIndexCurrent(db);
  const labels = lazy(() => sectionLabels(db));
  const groups = wanted.map((kind): SearchGroup => {
    const match = matchExpression(kind, terms)!;
    let rows = prepared(db, SEARCH_SQL.hits).all(match, limit + 1) as HitRow[];
    if (kind === 'recommendation') rows = exactNumberFirst(db, match, query.trim(), rows);
    const shown = rows.slice(0, limit);
    const numbers = kind === 'comment' ? commentNumbers(db, shown) : new Map<string, number>();
    return { kind, hits: shown.map((row) => hit(db, kind, row, labels, numbers)), more: rows.length > limit };
  });
  return { query, groups };
}

/**
 * The numbers of the comments found: their places among all comments by the stamp they were made
 * at, as the comment matrix numbers them. Counted in one walk up the index, from hit to hit.
 */
function commentNumbers(db: DB, rows: readonly HitRow[]): Map<string, number> {
  const key = (r: HitRow) => [r.made, r.ref] as const;
  const earlier = (a: HitRow, b: HitRow) => a.made < b.made || (a.made === b.made && a.ref < b.ref);
  const sorted = [...rows].sort((a, b) => (earlier(a, b) ? -1 : earlier(b, a) ? 1 : 0));
  const numbers = new Map<string, number>();
  let before = 0;
  let from: HitRow | null = null;
  for (const row of sorted) {
    const counted = from ? prepared(db, SEARCH_SQL.commentsBetween).get(...key(from), ...key(row)) : prepared(db, SEARCH_SQL.commentsBefore).get(...key(row));
    before += (counted as { n: number }).n;
    numbers.set(row.ref, before + 1);
    from = row;
  }
  return numbers;
}

/** "115.23" finds recommendation 115.23 first, before 115.230 and the texts that cite it. */
function exactNumberFirst(db: DB, match: string, number: string, rows: HitRow[]): HitRow[] {
  if (!/^\d+(\.\d+)+$/.test(number)) return rows;
  const doc = prepared(
    db,
    `SELECT d.id FROM recommendations r JOIN search_docs d ON d.kind = 'recommendation' AND d.ref = r.id
     WHERE r.number = ? AND r.deleted = 0`,
  ).get(number) as { id: number } | undefined;
  if (!doc) return rows;
  const exact = prepared(db, SEARCH_SQL.hitById).get(match, doc.id) as HitRow | undefined;
  return exact ? [exact, ...rows.filter((r) => r.id !== exact.id)] : rows;
}

function hit(db: DB, kind: SearchKind, row: HitRow, labels: () => Map<string, { label: string; title: string }>, numbers: Map<string, number>): SearchHit {
  // The body around its hits; else the tags that matched (States, a comment's passage); else the
  // body's opening words (a recommendation found by its number).
  const snippet = snippetParts(row.body.includes(HIT_START) || !row.tags.includes(HIT_START) ? row.body : row.tags);
  const base = { kind, id: row.ref, sectionId: null, snippet };
  switch (kind) {
    case 'section': {
      const label = labels().get(row.ref)?.label;
      return { ...base, title: label ? `${label} ${row.title}` : row.title, detail: '' };
    }
    case 'recommendation': {
      const states = prepared(db, 'SELECT states FROM recommendations WHERE id = ?').get(row.ref) as { states: string } | undefined;
      return { ...base, title: row.title, detail: jsonList(states?.states ?? '[]').join(', ') };
    }
    case 'input': {
      const source = prepared(
        db,
        `SELECT coalesce(o.name, '') AS name FROM inputs i LEFT JOIN organizations o ON o.id = i.source_organization_id WHERE i.id = ?`,
      ).get(row.ref) as { name: string } | undefined;
      return { ...base, title: row.title, detail: source?.name ?? '' };
    }
    case 'comment': {
      const section = labels().get(row.section_id);
      return {
        ...base,
        sectionId: row.section_id,
        title: `Comment ${numbers.get(row.ref)}`,
        detail: section ? `${section.label} ${section.title}`.trim() : '',
      };
    }
  }
}

/** Every section's outline label ("B.2"); deleted sections keep their title and lose their label. */
function sectionLabels(db: DB): Map<string, { label: string; title: string }> {
  const rows = prepared(db, 'SELECT id, parent_id AS parentId, position, title, deleted FROM sections').all() as Array<
    Pick<Section, 'id' | 'parentId' | 'position' | 'title'> & { deleted: number }
  >;
  const labels = new Map(rows.map((s) => [s.id, { label: '', title: s.title }]));
  for (const e of outlineOrder(rows.filter((s) => s.deleted === 0) as unknown as Section[])) labels.set(e.section.id, { label: e.label, title: e.section.title });
  return labels;
}

function jsonList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** `search.query`: anyone who can open the report may search; inputs only when signed in, as for reading them. */
export function searchQuery(ctx: ServiceContext, input: ParsedInput<'search.query'>): Result<'search.query'> {
  const kinds = SEARCH_KINDS.filter((k) => k !== 'input' || !denyInputRead(ctx.me));
  return searchReport(ctx.report.db, input.q, { limit: input.limit, kinds });
}
