import type { Migration } from './types.js';

// Following recommendations up between reviews (issue 16): the ministries that contribute beside
// the lead one (a JSON list of organization ids), and the cluster the country puts a
// recommendation in (its own name, beside the cluster OHCHR's list gave, which an import keeps
// updating). Both are the country's own, never written by an import; empty until set.
export const migration0014: Migration = {
  version: 14,
  name: 'follow-up',
  up: `
    ALTER TABLE recommendations ADD COLUMN contributing_organization_ids TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE recommendations ADD COLUMN country_cluster TEXT NOT NULL DEFAULT '';
  `,
};
