import type { Migration } from './types.js';

// Whether the secretariat locks sections at "Ready for review": then a section's text and details
// are read only for its drafters from the moment it is ready for review (as once it is approved),
// until the secretariat sets it back to drafting. Off until the secretariat chooses it; it travels
// through the change log like the other report settings, so the rule is the same in every copy.
export const migration0010: Migration = {
  version: 10,
  name: 'lock at review',
  up: `
    ALTER TABLE report ADD COLUMN lock_at_review INTEGER NOT NULL DEFAULT 0;
  `,
};
