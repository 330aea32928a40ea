import type { Migration } from './types.js';

// One search box over the whole report: an FTS5 index of section text, recommendations,
// consultation inputs and comments. It is derived data, never written through the change log and
// rebuilt from the tables whenever its bookkeeping is missing or stale (electron/search/).
//
// `search_docs` maps each indexed row to its FTS document and keeps what a hit needs cheaply: the
// section a comment is on, the stamp a comment was made at (comments are numbered in that order),
// and the section text update a section was indexed through. `search_state` holds the newest
// change-log stamp the index has taken in: rows stamped later are read again before a search.
// A merge brings in rows stamped earlier; the trigger lists those in `search_pending`. Local edits
// are always stamped later, so the trigger's test is all they pay.
export const migration0005: Migration = {
  version: 5,
  name: 'search',
  up: `
    -- kind is one token ('section', 'recommendation', 'input', 'comment'): queries filter on it
    -- inside MATCH, so only that kind's documents are ranked. The FTS rowid is search_docs.id.
    -- Prefix indexes for 2 and 3 characters: a word being typed is looked up as one list, not as
    -- the merge of every word it starts (3-letter prefixes over the benchmark report: 9 ms -> 5 ms).
    CREATE VIRTUAL TABLE search_index USING fts5(
      kind, title, body, tags,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    -- bm25 weights: kind 0, title 10, body 1, tags (States, themes, organization, quoted passage) 2.
    INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(0.0, 10.0, 1.0, 2.0)');

    CREATE TABLE search_docs (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      ref TEXT NOT NULL,
      section_id TEXT NOT NULL DEFAULT '',
      made TEXT NOT NULL DEFAULT '',
      through_seq INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE UNIQUE INDEX search_docs_ref ON search_docs (kind, ref);
    CREATE INDEX search_docs_made ON search_docs (kind, made, ref);

    -- 'version': what the index was built by (electron/search/indexer.ts INDEX_VERSION);
    -- 'through': the newest change-log stamp taken in. No rows: never built, and the first search
    -- builds it.
    CREATE TABLE search_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE search_pending (
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      PRIMARY KEY (tbl, row_id)
    ) STRICT, WITHOUT ROWID;

    -- A change-log row stamped no later than what the index has taken in (from a merged copy).
    CREATE TRIGGER search_late_change AFTER INSERT ON change_log
    WHEN new.hlc <= (SELECT value FROM search_state WHERE key = 'through')
    BEGIN
      INSERT OR IGNORE INTO search_pending (tbl, row_id) VALUES (new.tbl, new.row_id);
    END;
  `,
};
