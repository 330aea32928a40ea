import type { Migration } from './types.js';

// Signed changes (issue 17, part 1): a copy cannot speak for another office.
// - member_keys (synced, through the change log): each person's public keys, one per machine where
//   they act (Ed25519; the id is the first 32 hex digits of the SHA-256 of the raw public key, so a
//   key names itself), and whether the secretariat confirmed it.
// - signatures: records signed by their author's key over what they cover (a person's change-log
//   rows of one session, or their text updates of one section in one session) and the key's record
//   before it (a chain per key). Not synced through the log: a merge takes the copy's records with
//   the rows they cover (electron/sync/signing.ts).
//   A person's signed text updates are never folded into one (compaction folds unsigned history only):
//   each stays as its author signed it, for every office to check.
// Changes made before this are unsigned history: accepted and marked, never refused.
export const migration0018: Migration = {
  version: 18,
  name: 'signing',
  up: `
    CREATE TABLE member_keys (
      id TEXT PRIMARY KEY,
      member_id TEXT NOT NULL DEFAULT '',
      public_key TEXT NOT NULL DEFAULT '',
      made_at TEXT NOT NULL DEFAULT '',
      confirmed INTEGER NOT NULL DEFAULT 0,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX member_keys_member ON member_keys (member_id);

    CREATE TABLE signatures (
      hash TEXT PRIMARY KEY,
      key_id TEXT NOT NULL,
      author TEXT NOT NULL,
      prev TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL CHECK (kind IN ('changes', 'text')),
      replica TEXT NOT NULL,
      section_id TEXT NOT NULL DEFAULT '',
      first_hlc TEXT NOT NULL,
      last_hlc TEXT NOT NULL,
      count INTEGER NOT NULL,
      signature BLOB NOT NULL
    ) STRICT;
    CREATE INDEX signatures_range ON signatures (kind, replica, first_hlc);
    CREATE INDEX signatures_chain ON signatures (key_id, last_hlc);
  `,
};
