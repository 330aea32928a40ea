import type { Migration } from './types.js';

// Versions of the report: named by the secretariat ("Draft sent to the NHRI, 10 December"), or
// saved by the app before a merge and at an export. A version is one row through the change log,
// so it travels in copies like everything else; `state` holds, as JSON, each section's place,
// details and word count at that moment, with a Yjs snapshot of its text (a state vector and a
// delete set: a few hundred bytes, since the text's updates are all kept and rebuild it).
export const migration0011: Migration = {
  version: 11,
  name: 'versions',
  up: `
    CREATE TABLE versions (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL DEFAULT 'named',
      created_by TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      words INTEGER NOT NULL DEFAULT 0,
      state TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX versions_created ON versions (created_at);
  `,
};
