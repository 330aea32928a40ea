import type { Migration } from './types.js';

// The recommendations the country received, as imported from OHCHR's thematic lists or a table, with
// the fields the country adds (responsible organization, implementation status), dated progress
// notes, and explicit links between sections and recommendations. A recommendation's row id comes
// from its number, so two offices importing the same list write the same rows and merge cleanly.
// Lists of States, themes, groups and SDGs are JSON arrays in text columns. The derived text cache
// gains the numbers of the recommendations each section's text refers to.
export const migration0003: Migration = {
  version: 3,
  name: 'recommendations',
  up: `
    CREATE TABLE recommendations (
      id TEXT PRIMARY KEY,
      number TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL DEFAULT '',
      states TEXT NOT NULL DEFAULT '[]',
      position TEXT NOT NULL DEFAULT '',
      position_source TEXT NOT NULL DEFAULT '',
      cluster TEXT NOT NULL DEFAULT '',
      themes TEXT NOT NULL DEFAULT '[]',
      groups TEXT NOT NULL DEFAULT '[]',
      sdgs TEXT NOT NULL DEFAULT '[]',
      source TEXT NOT NULL DEFAULT '',
      responsible_organization_id TEXT,
      implementation_status TEXT NOT NULL DEFAULT 'not_started',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX recommendations_number ON recommendations (number);

    CREATE TABLE recommendation_notes (
      id TEXT PRIMARY KEY,
      recommendation_id TEXT NOT NULL DEFAULT '',
      date TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL DEFAULT '',
      author_id TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX recommendation_notes_recommendation ON recommendation_notes (recommendation_id);

    CREATE TABLE section_recommendations (
      id TEXT PRIMARY KEY,
      section_id TEXT NOT NULL DEFAULT '',
      recommendation_id TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX section_recommendations_section ON section_recommendations (section_id);
    CREATE INDEX section_recommendations_recommendation ON section_recommendations (recommendation_id);

    -- The recommendations each section's text refers to (reference nodes), derived like its words.
    ALTER TABLE section_text ADD COLUMN recommendation_refs TEXT NOT NULL DEFAULT '[]';
    DELETE FROM section_text;
  `,
};
