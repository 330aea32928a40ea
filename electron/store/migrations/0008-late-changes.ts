import type { Migration } from './types.js';

// Change-log rows that arrive stamped no later than what the search index has taken in (from a
// merged copy) were listed in search_pending by a trigger (0005). A trigger makes SQLite run a
// sub-program for every row inserted, which doubled the cost of writing 100,000 merged rows; the
// change log's one write path (electron/sync/changes.ts) now lists them itself, once per batch.
export const migration0008: Migration = {
  version: 8,
  name: 'late changes listed by the change log',
  up: `
    DROP TRIGGER IF EXISTS search_late_change;
  `,
};
