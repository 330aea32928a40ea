// What each searchable row puts in the index: a section's title and plain text, a recommendation's
// number, text and classification, an input's title, summary and full text, a comment's body,
// proposed wording and replies. People's names are searched too: a comment's and its replies'
// authors, and who registered an input. Read from the materialized tables (and the section text
// cache), all at once for a rebuild or one row at a time when it changed. Deleted rows give nothing.
import { SEARCH_KINDS, type SearchKind } from '../../shared/api.js';
import { prepared, type DB } from '../store/open.js';
import { indexableText } from './query.js';

export interface SearchDoc {
  kind: SearchKind;
  ref: string;
  title: string;
  body: string;
  /** Matched with a lower weight than the title: States, themes, the source organization, a comment's passage. */
  tags: string;
  /** Comments: the section they are on. */
  sectionId: string;
  /** Comments: the clock stamp they were made at (they are numbered in that order). */
  made: string;
  /** Sections: the text update the indexed text goes through. */
  throughSeq: number;
}

const doc = (kind: SearchKind, ref: string, fields: Partial<Omit<SearchDoc, 'kind' | 'ref'>>): SearchDoc => ({
  kind,
  ref,
  title: indexableText(fields.title ?? ''),
  body: indexableText(fields.body ?? ''),
  tags: indexableText(fields.tags ?? ''),
  sectionId: fields.sectionId ?? '',
  made: fields.made ?? '',
  throughSeq: fields.throughSeq ?? 0,
});

/** A JSON list cell as words; a cell merged from elsewhere that is not a list reads as none. */
function listCell(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string' || typeof v === 'number').map(String) : [];
  } catch {
    return [];
  }
}

const lines = (...texts: string[]) => texts.filter((t) => t.trim() !== '').join('\n');

/** The documents of every row of one kind, or of the row `id` only. */
type Reader = (db: DB, id?: string) => SearchDoc[];

const sections: Reader = (db, id) => {
  const rows = prepared(
    db,
    `SELECT s.id, s.title, coalesce(t.plain, '') AS plain, coalesce(t.through_seq, 0) AS through_seq
     FROM sections s LEFT JOIN section_text t ON t.section_id = s.id
     WHERE s.deleted = 0 ${id === undefined ? '' : 'AND s.id = ?'}`,
  ).all(...(id === undefined ? [] : [id])) as Array<{ id: string; title: string; plain: string; through_seq: number }>;
  return rows.map((r) => doc('section', r.id, { title: r.title, body: r.plain, throughSeq: r.through_seq }));
};

const recommendations: Reader = (db, id) => {
  const rows = prepared(
    db,
    `SELECT id, number, text, states, cluster, themes, groups, sdgs FROM recommendations
     WHERE deleted = 0 ${id === undefined ? '' : 'AND id = ?'}`,
  ).all(...(id === undefined ? [] : [id])) as Array<Record<'id' | 'number' | 'text' | 'states' | 'cluster' | 'themes' | 'groups' | 'sdgs', string>>;
  return rows.map((r) =>
    doc('recommendation', r.id, {
      title: r.number,
      body: r.text,
      tags: lines(listCell(r.states).join('; '), r.cluster, ...listCell(r.themes), ...listCell(r.groups), ...listCell(r.sdgs).map((n) => `SDG ${n}`)),
    }),
  );
};

const inputs: Reader = (db, id) => {
  // Deleted organizations keep their names here: an input still came from them.
  // Who registered it: the author of its first change.
  const rows = prepared(
    db,
    `SELECT i.id, i.title, i.summary, i.full_text, i.themes, coalesce(o.name, '') AS organization,
       coalesce((SELECT m.name FROM change_log c JOIN members m ON m.id = c.author
                  WHERE c.tbl = 'inputs' AND c.row_id = i.id ORDER BY c.hlc LIMIT 1), '') AS registrar
     FROM inputs i LEFT JOIN organizations o ON o.id = i.source_organization_id
     WHERE i.deleted = 0 ${id === undefined ? '' : 'AND i.id = ?'}`,
  ).all(...(id === undefined ? [] : [id])) as Array<Record<'id' | 'title' | 'summary' | 'full_text' | 'themes' | 'organization' | 'registrar', string>>;
  return rows.map((r) =>
    doc('input', r.id, { title: r.title, body: lines(r.summary, r.full_text), tags: lines(r.organization, ...listCell(r.themes), r.registrar) }),
  );
};

const comments: Reader = (db, id) => {
  const one = id === undefined ? '' : 'AND c.id = ?';
  const rows = prepared(
    db,
    `SELECT c.id, c.section_id, c.body, c.proposed, c.quote, coalesce(m.name, '') AS author,
       coalesce((SELECT min(hlc) FROM change_log WHERE tbl = 'comments' AND row_id = c.id AND col = 'created_at'), '') AS made
     FROM comments c LEFT JOIN members m ON m.id = c.author_id WHERE c.deleted = 0 ${one}`,
  ).all(...(id === undefined ? [] : [id])) as Array<Record<'id' | 'section_id' | 'body' | 'proposed' | 'quote' | 'author' | 'made', string>>;
  const replies = new Map<string, Array<{ body: string; author: string }>>();
  const replyRows = prepared(
    db,
    `SELECT r.comment_id, r.body, coalesce(m.name, '') AS author FROM comment_replies r LEFT JOIN members m ON m.id = r.author_id
      WHERE r.deleted = 0 ${id === undefined ? '' : 'AND r.comment_id = ?'}`,
  ).all(...(id === undefined ? [] : [id])) as Array<{ comment_id: string; body: string; author: string }>;
  for (const r of replyRows) replies.set(r.comment_id, [...(replies.get(r.comment_id) ?? []), r]);
  return rows.map((r) => {
    const thread = replies.get(r.id) ?? [];
    const people = [...new Set([r.author, ...thread.map((x) => x.author)].filter((n) => n !== ''))];
    return doc('comment', r.id, { body: lines(r.body, r.proposed, ...thread.map((x) => x.body)), tags: lines(r.quote, ...people), sectionId: r.section_id, made: r.made });
  });
};

const READERS: Record<SearchKind, Reader> = { section: sections, recommendation: recommendations, input: inputs, comment: comments };

/** Every document of the report, for a rebuild. */
export function allSearchDocs(db: DB): SearchDoc[] {
  return SEARCH_KINDS.flatMap((kind) => READERS[kind](db));
}

/** The document of one row as it is now, or null when the row is deleted or missing. */
export function searchDoc(db: DB, kind: SearchKind, ref: string): SearchDoc | null {
  return READERS[kind](db, ref)[0] ?? null;
}

/**
 * The documents a changed change-log row touches: the row itself for the searchable tables, the
 * comment of a reply, the inputs of an organization (its name is in their tags), and a member's
 * comments and inputs when their name changed. `since`: the row changed after that stamp (left out
 * for a row a merge brought with older stamps: then anything it could touch is).
 */
export function docsTouchedBy(db: DB, table: string, rowId: string, since?: string): Array<{ kind: SearchKind; ref: string }> {
  switch (table) {
    case 'sections':
      return [{ kind: 'section', ref: rowId }];
    case 'recommendations':
      return [{ kind: 'recommendation', ref: rowId }];
    case 'inputs':
      return [{ kind: 'input', ref: rowId }];
    case 'comments':
      return [{ kind: 'comment', ref: rowId }];
    case 'comment_replies': {
      const reply = prepared(db, 'SELECT comment_id FROM comment_replies WHERE id = ?').get(rowId) as { comment_id: string } | undefined;
      return reply ? [{ kind: 'comment', ref: reply.comment_id }] : [];
    }
    case 'organizations':
      return (prepared(db, 'SELECT id FROM inputs WHERE source_organization_id = ?').all(rowId) as Array<{ id: string }>).map((r) => ({ kind: 'input', ref: r.id }));
    case 'members': {
      // A renamed member: the comments they wrote or replied to, the inputs they registered. A role
      // or organization changed since the index's stamp touches none (one seek in the cell index).
      if (since !== undefined && !prepared(db, "SELECT 1 FROM change_log WHERE tbl = 'members' AND row_id = ? AND col = 'name' AND hlc > ? LIMIT 1").get(rowId, since)) return [];
      const comments = prepared(db, 'SELECT id FROM comments WHERE author_id = ? UNION SELECT comment_id FROM comment_replies WHERE author_id = ?').pluck().all(rowId, rowId) as string[];
      const inputs = prepared(db, "SELECT DISTINCT row_id FROM change_log WHERE tbl = 'inputs' AND author = ? AND col = 'created_at'").pluck().all(rowId) as string[];
      return [...comments.map((ref) => ({ kind: 'comment' as const, ref })), ...inputs.map((ref) => ({ kind: 'input' as const, ref }))];
    }
    default:
      return [];
  }
}
