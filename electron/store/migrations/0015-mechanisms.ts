import type { Migration } from './types.js';

// Recommendations from every mechanism (issue 16): besides the UPR's, the treaty bodies' and the
// special procedures' as the Universal Human Rights Index exports them. Each row keeps its
// mechanism, body, document symbol, paragraph, the document's date and the Index's annotation id
// (written by an import); `same_as` points to the recommendation it repeats, followed up there
// (the country's own, never written by an import). Rows before this are the UPR's.
export const migration0015: Migration = {
  version: 15,
  name: 'mechanisms',
  up: `
    ALTER TABLE recommendations ADD COLUMN mechanism TEXT NOT NULL DEFAULT 'upr';
    ALTER TABLE recommendations ADD COLUMN body TEXT NOT NULL DEFAULT '';
    ALTER TABLE recommendations ADD COLUMN document_symbol TEXT NOT NULL DEFAULT '';
    ALTER TABLE recommendations ADD COLUMN paragraph TEXT NOT NULL DEFAULT '';
    ALTER TABLE recommendations ADD COLUMN document_date TEXT NOT NULL DEFAULT '';
    ALTER TABLE recommendations ADD COLUMN uhri_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE recommendations ADD COLUMN same_as TEXT;
    CREATE INDEX recommendations_uhri ON recommendations (uhri_id) WHERE uhri_id <> '';
  `,
};
