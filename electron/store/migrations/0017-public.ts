import type { Migration } from './types.js';

// The public tracker (issue 16, point 9): what the secretariat marks public goes into the static
// website a ministry publishes — recommendations, their progress notes, consultation inputs.
// Nothing is public until marked so: every row already in a report stays out (0).
export const migration0017: Migration = {
  version: 17,
  name: 'public',
  up: `
    ALTER TABLE recommendations ADD COLUMN public INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE recommendation_notes ADD COLUMN public INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE inputs ADD COLUMN public INTEGER NOT NULL DEFAULT 0;
  `,
};
