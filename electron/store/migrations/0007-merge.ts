import type { Migration } from './types.js';

// What merging a copy from another office leaves for the secretariat to look at, in this file only
// (each office finds its own conflicts when it merges; what settles one is an ordinary change that
// travels like any other):
// - merge_conflicts: a field changed in both copies since they parted, with both values, who and
//   when; it is settled once a change to that field newer than both exists.
// - merge_revisions: a section whose text both copies changed, with each side's text as it was when
//   they met (Yjs state), for the side-by-side view.
// - merges: one row per merge, with its report as JSON.
export const migration0007: Migration = {
  version: 7,
  name: 'merge',
  up: `
    CREATE TABLE merges (
      id TEXT PRIMARY KEY,
      merged_at TEXT NOT NULL,
      file TEXT NOT NULL,
      summary TEXT NOT NULL
    ) STRICT;

    CREATE TABLE merge_conflicts (
      id TEXT PRIMARY KEY,
      merge_id TEXT NOT NULL,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      col TEXT NOT NULL,
      local_hlc TEXT NOT NULL,
      local_value ANY,
      local_author TEXT NOT NULL,
      other_hlc TEXT NOT NULL,
      other_value ANY,
      other_author TEXT NOT NULL
    ) STRICT;
    CREATE INDEX merge_conflicts_cell ON merge_conflicts (tbl, row_id, col);

    CREATE TABLE merge_revisions (
      id TEXT PRIMARY KEY,
      merge_id TEXT NOT NULL,
      section_id TEXT NOT NULL,
      side TEXT NOT NULL,
      state BLOB NOT NULL
    ) STRICT;
    CREATE INDEX merge_revisions_section ON merge_revisions (section_id);
  `,
};
