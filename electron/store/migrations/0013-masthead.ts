import type { Migration } from './types.js';

// The masthead of a UN document beside the Council's lines: its distribution ("Distr.: General"),
// the document's date, and its original language (the report's language). The distribution and the
// date are report settings, through the change log like the others: general and no date until the
// secretariat sets them.
export const migration0013: Migration = {
  version: 13,
  name: 'masthead',
  up: `
    ALTER TABLE report ADD COLUMN distribution TEXT NOT NULL DEFAULT 'general';
    ALTER TABLE report ADD COLUMN issued TEXT NOT NULL DEFAULT '';
  `,
};
