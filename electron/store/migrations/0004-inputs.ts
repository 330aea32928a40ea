import type { Migration } from './types.js';

// Consultation inputs: civil-society submissions, minutes of public consultations, notes from UN
// agencies, the NHRI's written input. Each has its source organization, date, channel, title,
// summary, full text, themes, links to the sections and recommendations it concerns, and a recorded
// disposition (reflected, partly reflected, not reflected, with a rationale, who decided and when).
// Attached files: their metadata goes through the change log like everything else; their bytes are
// stored once per content (by SHA-256) in `blobs`, which, being content-addressed and never
// changed, merge between copies by union.
export const migration0004: Migration = {
  version: 4,
  name: 'inputs',
  up: `
    CREATE TABLE inputs (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL DEFAULT '',
      source_organization_id TEXT,
      received_on TEXT NOT NULL DEFAULT '',
      channel TEXT NOT NULL DEFAULT 'written_submission',
      summary TEXT NOT NULL DEFAULT '',
      full_text TEXT NOT NULL DEFAULT '',
      themes TEXT NOT NULL DEFAULT '[]',
      disposition TEXT NOT NULL DEFAULT '',
      rationale TEXT NOT NULL DEFAULT '',
      decided_by TEXT NOT NULL DEFAULT '',
      decided_at TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    -- A link from an input to a section or a recommendation; the id is made from both ends, so
    -- two offices making the same link write the same row.
    CREATE TABLE input_links (
      id TEXT PRIMARY KEY,
      input_id TEXT NOT NULL DEFAULT '',
      target_kind TEXT NOT NULL DEFAULT 'section',
      target_id TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX input_links_input ON input_links (input_id);
    CREATE INDEX input_links_target ON input_links (target_kind, target_id);

    CREATE TABLE attachments (
      id TEXT PRIMARY KEY,
      input_id TEXT NOT NULL DEFAULT '',
      name TEXT NOT NULL DEFAULT '',
      media_type TEXT NOT NULL DEFAULT 'application/octet-stream',
      size INTEGER NOT NULL DEFAULT 0,
      sha256 TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX attachments_input ON attachments (input_id);

    CREATE TABLE blobs (
      sha256 TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      data BLOB NOT NULL
    ) STRICT, WITHOUT ROWID;
  `,
};
