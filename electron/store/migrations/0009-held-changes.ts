import type { Migration } from './types.js';

// Trust in the file: changes the write policy refuses are kept but held back, and text updates are
// stamped and judged like every other change.
// - held_changes: a change-log row or a text update held back, with why (a message key and its
//   values). Derived: every office computes the same from the same changes (electron/sync).
// - section_updates.hlc: the clock stamp of each text update, so it is judged as of when it was
//   made, by the role its author had then. Updates stored before this get a stamp from when they
//   were stored and by which session, in the same form.
// - section_updates.folded: 1 for an update that stands for several (compaction folds one person's
//   updates into one); a merge compares such an update with its text rather than by stamp. The
//   earlier compaction folded everyone's, so every update stored before this is counted folded.
// - section_text.damaged: the section's text could not be read (the rest of the report still is).
export const migration0009: Migration = {
  version: 9,
  name: 'held changes, stamped text',
  up: `
    CREATE TABLE held_changes (
      kind TEXT NOT NULL CHECK (kind IN ('change', 'text')),
      hlc TEXT NOT NULL,
      reason TEXT NOT NULL,
      params TEXT NOT NULL DEFAULT '{}',
      PRIMARY KEY (kind, hlc)
    ) STRICT, WITHOUT ROWID;

    ALTER TABLE section_updates ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
    ALTER TABLE section_updates ADD COLUMN folded INTEGER NOT NULL DEFAULT 0;
    UPDATE section_updates SET
      hlc = (CASE WHEN created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'
                  THEN created_at ELSE '1970-01-01T00:00:00.000Z' END)
            || '-' || printf('%04x', seq % 65536) || '-'
            || (CASE WHEN length(replica) = 16 AND replica NOT GLOB '*[^0-9a-f]*'
                     THEN replica ELSE lower(substr(hex(replica) || '0000000000000000', 1, 16)) END),
      folded = 1;
    CREATE UNIQUE INDEX section_updates_hlc ON section_updates (hlc);

    ALTER TABLE section_text ADD COLUMN damaged INTEGER NOT NULL DEFAULT 0;
    DELETE FROM section_text;
  `,
};
