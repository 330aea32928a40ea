import type { Migration } from './types.js';

// The implementation plan (issue 16, point 4). Per recommendation, or per cluster the country
// named (`cluster`, with no recommendation): actions (what, lead, partners, start and end, budget
// line, how far along) and indicators (baseline, target, unit, source). A progress note may speak
// of one action, and carry evidence files, whose bytes are kept in `blobs` as attachments' are.
// A recommendation's status follows from its actions unless set by hand (`status_by_hand`, set
// when a person sets it); UPR Info's action category (1 to 5) is the country's to give.
export const migration0016: Migration = {
  version: 16,
  name: 'implementation-plan',
  up: `
    CREATE TABLE actions (
      id TEXT PRIMARY KEY,
      recommendation_id TEXT NOT NULL DEFAULT '',
      cluster TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL DEFAULT '',
      lead_organization_id TEXT,
      partner_organization_ids TEXT NOT NULL DEFAULT '[]',
      start_date TEXT NOT NULL DEFAULT '',
      end_date TEXT NOT NULL DEFAULT '',
      budget_line TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'planned',
      created_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX actions_recommendation ON actions (recommendation_id);

    CREATE TABLE indicators (
      id TEXT PRIMARY KEY,
      recommendation_id TEXT NOT NULL DEFAULT '',
      cluster TEXT NOT NULL DEFAULT '',
      name TEXT NOT NULL DEFAULT '',
      baseline TEXT NOT NULL DEFAULT '',
      target TEXT NOT NULL DEFAULT '',
      unit TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX indicators_recommendation ON indicators (recommendation_id);

    CREATE TABLE evidence (
      id TEXT PRIMARY KEY,
      recommendation_id TEXT NOT NULL DEFAULT '',
      note_id TEXT NOT NULL DEFAULT '',
      name TEXT NOT NULL DEFAULT '',
      media_type TEXT NOT NULL DEFAULT 'application/octet-stream',
      size INTEGER NOT NULL DEFAULT 0,
      sha256 TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX evidence_note ON evidence (note_id);

    ALTER TABLE recommendation_notes ADD COLUMN action_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE recommendations ADD COLUMN status_by_hand INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE recommendations ADD COLUMN action_category INTEGER;
  `,
};
