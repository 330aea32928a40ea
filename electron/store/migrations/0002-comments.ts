import type { Migration } from './types.js';

// Review comments: threads anchored in the text by Lexical mark nodes (the anchors live in the
// sections' Yjs documents; these tables hold the bodies), their replies, dispositions and statuses.
// Both tables are written through the change log like every other structured table.
// The derived section_text cache gains the ids of the comment marks still present in the text, so
// a comment whose passage was deleted can be shown as detached without reading every section.
export const migration0002: Migration = {
  version: 2,
  name: 'comments',
  up: `
    CREATE TABLE comments (
      id TEXT PRIMARY KEY,
      section_id TEXT NOT NULL DEFAULT '',
      anchored INTEGER NOT NULL DEFAULT 0,
      quote TEXT NOT NULL DEFAULT '',
      type TEXT NOT NULL DEFAULT 'substantive',
      body TEXT NOT NULL DEFAULT '',
      proposed TEXT NOT NULL DEFAULT '',
      author_id TEXT NOT NULL DEFAULT '',
      organization_id TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      disposition TEXT NOT NULL DEFAULT '',
      rationale TEXT NOT NULL DEFAULT '',
      decided_by TEXT NOT NULL DEFAULT '',
      decided_at TEXT NOT NULL DEFAULT '',
      applied_by TEXT NOT NULL DEFAULT '',
      applied_at TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'open',
      closed_by TEXT NOT NULL DEFAULT '',
      closed_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX comments_section ON comments (section_id);

    CREATE TABLE comment_replies (
      id TEXT PRIMARY KEY,
      comment_id TEXT NOT NULL DEFAULT '',
      body TEXT NOT NULL DEFAULT '',
      author_id TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX comment_replies_comment ON comment_replies (comment_id);

    ALTER TABLE section_text ADD COLUMN mark_ids TEXT NOT NULL DEFAULT '[]';
    -- The cache is derived: emptying it makes the next read rebuild it with the mark ids.
    DELETE FROM section_text;
  `,
};
