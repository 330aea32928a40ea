import type { Migration } from './types.js';

// What the cover of the exported report names besides the country: the Working Group's session
// ("Forty-eighth session") and the document symbol OHCHR gives the report ("A/HRC/WG.6/48/VRD/1").
// Both are set by the secretariat once known, and travel through the change log like the other
// report fields; empty until then, and the cover leaves them out.
export const migration0006: Migration = {
  version: 6,
  name: 'report cover',
  up: `
    ALTER TABLE report ADD COLUMN session TEXT NOT NULL DEFAULT '';
    ALTER TABLE report ADD COLUMN symbol TEXT NOT NULL DEFAULT '';
  `,
};
