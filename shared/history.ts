// The report's history as the History view, a section's history and the command line show it: who
// changed what and when, from the change log (records: a section's details, comments, recommendations,
// inputs, people, versions) and from the stored text updates (grouped into editing sessions, per
// person and section).
import type { ConflictSubject } from './api.js';

export interface HistoryFilter {
  sectionId?: string;
  memberId?: string;
  organizationId?: string;
  /** Days, YYYY-MM-DD, inclusive, in UTC. */
  since?: string;
  until?: string;
  /** At most this many entries, newest first. */
  limit?: number;
}

export interface HistoryField {
  table: string;
  column: string;
  /** As stored; long texts cut at 500 characters, a version's kept state left out (''). */
  value: string | number | null;
}

interface EntryBase {
  /** ISO 8601, UTC: the last change of the entry. */
  at: string;
  /** Who made it, by name (or their id, where this file does not know them). */
  who: string;
  whoId: string;
  organization: string;
  /** The section it belongs to, where it belongs to one. */
  sectionId: string | null;
}

/** Fields of one record written together (a comment made, a section's status set). */
export interface RecordEntry extends EntryBase {
  kind: 'record';
  table: string;
  row: string;
  subject: ConflictSubject;
  /** The record was made by this entry. */
  created: boolean;
  fields: HistoryField[];
}

/** One person's editing of one section's text, updates less than half an hour apart. */
export interface TextEntry extends EntryBase {
  kind: 'text';
  /** When the session began. */
  from: string;
  sectionTitle: string;
  /** Characters typed and deleted (what was typed then deleted counts in both), and stored updates. */
  typed: number;
  deleted: number;
  saves: number;
  /** Some of its updates were folded into one (long sessions are): its start is the earliest kept. */
  folded: boolean;
}

export type HistoryEntry = RecordEntry | TextEntry;

export interface HistoryPage {
  entries: HistoryEntry[];
  /** More entries match than were given (the limit). */
  more: boolean;
}
