import type { Migration } from './types.js';

// The first schema: the change log, the materialized tables it feeds, and section text as Yjs
// updates. Every table is STRICT; materialized columns have defaults so that a row can be built
// cell by cell from the log in any order.
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE change_log (
      hlc TEXT PRIMARY KEY,
      replica TEXT NOT NULL,
      author TEXT NOT NULL,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      col TEXT NOT NULL,
      value ANY,
      prev_hlc TEXT
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX change_log_cell ON change_log (tbl, row_id, col, hlc);

    CREATE TABLE report (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL DEFAULT '',
      country TEXT NOT NULL DEFAULT '',
      cycle INTEGER NOT NULL DEFAULT 4,
      language TEXT NOT NULL DEFAULT 'en',
      deadline TEXT NOT NULL DEFAULT '',
      word_limit INTEGER NOT NULL DEFAULT 10700,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE organizations (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL DEFAULT 'other',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE members (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      organization_id TEXT NOT NULL DEFAULT '',
      role TEXT NOT NULL DEFAULT 'observer',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE sections (
      id TEXT PRIMARY KEY,
      parent_id TEXT,
      position TEXT NOT NULL DEFAULT 'a0',
      title TEXT NOT NULL DEFAULT '',
      lead_organization_id TEXT,
      due_date TEXT NOT NULL DEFAULT '',
      word_budget INTEGER,
      status TEXT NOT NULL DEFAULT 'not_started',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE section_updates (
      seq INTEGER PRIMARY KEY,
      section_id TEXT NOT NULL,
      data BLOB NOT NULL,
      replica TEXT NOT NULL,
      author TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX section_updates_section ON section_updates (section_id, seq);

    -- Derived from section_updates (plain text and word counts); rebuilt whenever stale.
    CREATE TABLE section_text (
      section_id TEXT PRIMARY KEY,
      through_seq INTEGER NOT NULL,
      plain TEXT NOT NULL,
      words INTEGER NOT NULL,
      footnote_words INTEGER NOT NULL
    ) STRICT;
  `,
};
