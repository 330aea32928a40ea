import type { Migration } from './types.js';

// Paragraphs both copies edited since they parted are flagged by the merge (electron/sync/
// merge-review.ts) until someone settles them. A settlement is a row through the change log, keyed
// by the section and the paragraph's id in its text (the same in every copy), so a paragraph settled
// in one office is settled in every office that merges its copy.
export const migration0012: Migration = {
  version: 12,
  name: 'paragraph settlements',
  up: `
    CREATE TABLE paragraph_settlements (
      id TEXT PRIMARY KEY,
      section_id TEXT NOT NULL DEFAULT '',
      block TEXT NOT NULL DEFAULT '',
      kept TEXT NOT NULL DEFAULT 'merged',
      settled_by TEXT NOT NULL DEFAULT '',
      settled_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX paragraph_settlements_section ON paragraph_settlements (section_id);
  `,
};
