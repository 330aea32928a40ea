// The one description of the synced data: every table the change log writes, every column with
// its kind (and, for enums and JSON, its shape), and who may write it. Everything else is derived
// from it: the storage types and the name and value checks of the change log (electron/store/
// schema.ts), the write policy that judges every change, typed here, imported or merged
// (shared/policy.ts), `upr check`'s value checks, and the key set of the Sharing screen's field
// labels. A column added here is checked everywhere at once.
import {
  COMMENT_TYPES,
  DISTRIBUTIONS,
  DISPOSITIONS,
  IMPLEMENTATION_STATUSES,
  INPUT_CHANNELS,
  INPUT_DISPOSITIONS,
  MECHANISMS,
  ACTION_STATUSES,
  ORGANIZATION_KINDS,
  POSITIONS,
  REPORT_LANGUAGES,
  ROLES,
  SECTION_STATUSES,
} from './domain.js';
import { VERSION_KINDS } from './versions.js';

/** What a column holds. Every kind but `int`, `flag` and a nullable `ref` is text. */
export type ColumnKind =
  | { kind: 'text'; max: number }
  /** An id of another row ('' when none; null too where `nullable`). */
  | { kind: 'ref'; nullable?: true }
  /** One of `values` ('' too where `orEmpty`). */
  | { kind: 'enum'; values: readonly string[]; orEmpty?: true }
  /** A day, YYYY-MM-DD, or ''. */
  | { kind: 'date' }
  /** An instant as ISO 8601 in UTC (what `toISOString` writes), or ''. */
  | { kind: 'time' }
  | { kind: 'int'; min: number; max: number; nullable?: true }
  /** 0 or 1. */
  | { kind: 'flag' }
  /** A JSON array of strings or of whole numbers. */
  | { kind: 'json'; of: 'strings' | 'numbers' }
  /** A fractional-index key ordering siblings (fractional-indexing's base-62 digits). */
  | { kind: 'position' };

/**
 * Who may write a column, by name; shared/policy.ts says what each means and what a person is told
 * when they may not. The secretariat may write every column (it settles conflicts in any field),
 * and while a report has no secretariat member (as it is being created) anyone may.
 */
export type Grant =
  /** The secretariat only. */
  | 'secretariat'
  /** The secretariat only, told as the consultation inputs' rule. */
  | 'inputs'
  /** A section's status: also the drafters of its lead organization, up to "ready for review". */
  | 'sectionStatus'
  /** Anything that belongs to a section's text (its links to recommendations): those who may write the section. */
  | 'sectionWriter'
  /** A comment's own words: made by anyone who may comment; afterwards its author's. */
  | 'commentAuthor'
  /** A comment's answer (disposition, rationale, applied wording): the drafters of the section's lead. */
  | 'commentAnswer'
  /** Closing and reopening a comment: its author. */
  | 'commentClose'
  /** A reply: made by anyone who may reply in the thread; afterwards its author's. */
  | 'replyAuthor'
  /** A recommendation's implementation status: the drafters of the organization responsible for it. */
  | 'followUp'
  /** A progress note: made by anyone who may follow the recommendation up; afterwards its author's. */
  | 'noteAuthor'
  /** A row's deletion where its author may take it back: the author. */
  | 'authorDeletes'
  /** Whether a row goes into the public tracker (the website a ministry publishes): the secretariat only. */
  | 'publish'
  /** A signing key: recorded by the member it belongs to (any member); afterwards theirs. */
  | 'ownKey';

export interface TableSpec {
  columns: Record<string, ColumnKind>;
  /** Who may write a column not named in `writers`. */
  write: Grant;
  writers?: Record<string, Grant>;
  /** Columns whose value is a person: anyone but the secretariat may only name themselves (or leave it empty). */
  self?: readonly string[];
  /** Columns whose value is an organization: anyone but the secretariat may only name their own. */
  ownOrganization?: readonly string[];
}

const text = (max: number): ColumnKind => ({ kind: 'text', max });
const ref: ColumnKind = { kind: 'ref' };
const optionalRef: ColumnKind = { kind: 'ref', nullable: true };
const oneOf = (values: readonly string[]): ColumnKind => ({ kind: 'enum', values });
const oneOfOrNone = (values: readonly string[]): ColumnKind => ({ kind: 'enum', values, orEmpty: true });
const date: ColumnKind = { kind: 'date' };
const time: ColumnKind = { kind: 'time' };
const flag: ColumnKind = { kind: 'flag' };
const strings: ColumnKind = { kind: 'json', of: 'strings' };
const numbers: ColumnKind = { kind: 'json', of: 'numbers' };

/** Limits as the API takes them (shared/api.ts); a settled conflict may write free text up to 100,000 characters. */
const NAME = 300;
const PROSE = 100_000;

export const SYNCED = {
  report: {
    columns: {
      title: text(NAME),
      country: text(NAME),
      cycle: { kind: 'int', min: 1, max: 20 },
      language: oneOf(REPORT_LANGUAGES),
      deadline: date,
      word_limit: { kind: 'int', min: 100, max: 100_000 },
      session: text(NAME),
      symbol: text(NAME),
      lock_at_review: flag,
      distribution: oneOf(DISTRIBUTIONS),
      issued: date,
      deleted: flag,
    },
    write: 'secretariat',
  },
  organizations: { columns: { name: text(NAME), kind: oneOf(ORGANIZATION_KINDS), deleted: flag }, write: 'secretariat' },
  members: { columns: { name: text(NAME), organization_id: ref, role: oneOf(ROLES), deleted: flag }, write: 'secretariat' },
  sections: {
    columns: {
      parent_id: optionalRef,
      position: { kind: 'position' },
      title: text(NAME),
      lead_organization_id: optionalRef,
      due_date: date,
      word_budget: { kind: 'int', min: 0, max: 100_000, nullable: true },
      status: oneOf(SECTION_STATUSES),
      deleted: flag,
    },
    write: 'secretariat',
    writers: { status: 'sectionStatus' },
  },
  comments: {
    columns: {
      section_id: ref,
      anchored: flag,
      quote: text(PROSE),
      type: oneOf(COMMENT_TYPES),
      body: text(PROSE),
      proposed: text(PROSE),
      author_id: ref,
      organization_id: ref,
      created_at: time,
      disposition: oneOfOrNone(DISPOSITIONS),
      rationale: text(PROSE),
      decided_by: ref,
      decided_at: time,
      applied_by: ref,
      applied_at: time,
      status: oneOf(['open', 'closed']),
      closed_by: ref,
      closed_at: time,
      deleted: flag,
    },
    write: 'commentAuthor',
    writers: {
      disposition: 'commentAnswer',
      rationale: 'commentAnswer',
      decided_by: 'commentAnswer',
      decided_at: 'commentAnswer',
      applied_by: 'commentAnswer',
      applied_at: 'commentAnswer',
      status: 'commentClose',
      closed_by: 'commentClose',
      closed_at: 'commentClose',
      deleted: 'authorDeletes',
    },
    self: ['author_id', 'decided_by', 'applied_by', 'closed_by'],
    ownOrganization: ['organization_id'],
  },
  comment_replies: {
    columns: { comment_id: ref, body: text(PROSE), author_id: ref, created_at: time, deleted: flag },
    write: 'replyAuthor',
    writers: { deleted: 'authorDeletes' },
    self: ['author_id'],
  },
  recommendations: {
    columns: {
      number: text(40),
      text: text(PROSE),
      states: strings,
      position: oneOfOrNone(POSITIONS),
      position_source: text(NAME),
      cluster: text(2_000),
      themes: strings,
      groups: strings,
      sdgs: numbers,
      source: text(NAME),
      responsible_organization_id: optionalRef,
      implementation_status: oneOf(IMPLEMENTATION_STATUSES),
      contributing_organization_ids: strings,
      country_cluster: text(2_000),
      mechanism: oneOf(MECHANISMS),
      body: text(500),
      document_symbol: text(200),
      paragraph: text(40),
      document_date: date,
      uhri_id: text(64),
      same_as: optionalRef,
      status_by_hand: flag,
      action_category: { kind: 'int', min: 1, max: 5, nullable: true },
      public: flag,
      deleted: flag,
    },
    write: 'secretariat',
    writers: { implementation_status: 'followUp', status_by_hand: 'followUp', public: 'publish' },
  },
  recommendation_notes: {
    columns: { recommendation_id: ref, date, text: text(PROSE), author_id: ref, created_at: time, action_id: ref, public: flag, deleted: flag },
    write: 'noteAuthor',
    writers: { deleted: 'authorDeletes', public: 'publish' },
    self: ['author_id'],
  },
  section_recommendations: { columns: { section_id: ref, recommendation_id: ref, deleted: flag }, write: 'sectionWriter' },
  // The implementation plan: a recommendation's (its lead ministry's drafters and the secretariat),
  // or a cluster's (no recommendation: the secretariat's).
  actions: {
    columns: {
      recommendation_id: ref,
      cluster: text(2_000),
      title: text(NAME * 2),
      lead_organization_id: optionalRef,
      partner_organization_ids: strings,
      start_date: date,
      end_date: date,
      budget_line: text(NAME),
      status: oneOf(ACTION_STATUSES),
      created_at: time,
      deleted: flag,
    },
    write: 'followUp',
  },
  indicators: {
    columns: {
      recommendation_id: ref,
      cluster: text(2_000),
      name: text(NAME * 2),
      baseline: text(NAME),
      target: text(NAME),
      unit: text(NAME),
      source: text(NAME),
      deleted: flag,
    },
    write: 'followUp',
  },
  // A progress note's evidence files; their bytes are in \`blobs\`, as attachments' are.
  evidence: {
    columns: {
      recommendation_id: ref,
      note_id: ref,
      name: text(1_000),
      media_type: text(255),
      size: { kind: 'int', min: 0, max: Number.MAX_SAFE_INTEGER },
      sha256: text(64),
      created_at: time,
      deleted: flag,
    },
    write: 'followUp',
  },
  inputs: {
    columns: {
      title: text(NAME * 2),
      source_organization_id: optionalRef,
      received_on: date,
      channel: oneOf(INPUT_CHANNELS),
      summary: text(PROSE),
      full_text: text(1_000_000),
      themes: strings,
      disposition: oneOfOrNone(INPUT_DISPOSITIONS),
      rationale: text(PROSE),
      decided_by: ref,
      decided_at: time,
      created_at: time,
      public: flag,
      deleted: flag,
    },
    write: 'inputs',
    writers: { public: 'publish' },
  },
  input_links: { columns: { input_id: ref, target_kind: oneOf(['section', 'recommendation']), target_id: ref, deleted: flag }, write: 'inputs' },
  attachments: {
    columns: {
      input_id: ref,
      name: text(1_000),
      media_type: text(255),
      size: { kind: 'int', min: 0, max: Number.MAX_SAFE_INTEGER },
      sha256: text(64),
      created_at: time,
      deleted: flag,
    },
    write: 'inputs',
  },
  versions: {
    columns: {
      name: text(NAME),
      kind: oneOf(VERSION_KINDS),
      created_by: ref,
      created_at: time,
      words: { kind: 'int', min: 0, max: 100_000_000 },
      // Every section's details and a snapshot of its text, as JSON (electron/services/versions.ts).
      state: text(50_000_000),
      deleted: flag,
    },
    write: 'secretariat',
    self: ['created_by'],
  },
  // A paragraph both copies edited, settled (electron/sync/merge-review.ts): by those who may write its section.
  paragraph_settlements: {
    columns: {
      section_id: ref,
      block: text(40),
      kept: oneOf(['local', 'other', 'merged', 'edited']),
      settled_by: ref,
      settled_at: time,
      deleted: flag,
    },
    write: 'sectionWriter',
    self: ['settled_by'],
  },
  // Each person's public signing keys, one per machine (electron/sync/signing.ts): recorded by their
  // owner, confirmed by the secretariat. The id is the key's own fingerprint.
  member_keys: {
    columns: {
      member_id: ref,
      public_key: text(100),
      made_at: time,
      confirmed: flag,
      deleted: flag,
    },
    write: 'ownKey',
    writers: { confirmed: 'secretariat' },
    self: ['member_id'],
  },
} as const satisfies Record<string, TableSpec>;

export type SyncedTable = keyof typeof SYNCED;
export type ColumnOf<T extends SyncedTable> = keyof (typeof SYNCED)[T]['columns'] & string;
/** "sections.status", ... : every field the change log writes. */
export type FieldKey = { [T in SyncedTable]: `${T}.${ColumnOf<T>}` }[SyncedTable];
export type CellValue = string | number | null;

export const SYNCED_TABLE_NAMES = Object.keys(SYNCED) as SyncedTable[];

export function isSyncedTable(name: string): name is SyncedTable {
  return Object.prototype.hasOwnProperty.call(SYNCED, name);
}

/** The column's description, or null for a name the schema does not have. */
export function columnKind(table: string, column: string): ColumnKind | null {
  if (!isSyncedTable(table)) return null;
  const columns = SYNCED[table].columns as Record<string, ColumnKind>;
  return Object.prototype.hasOwnProperty.call(columns, column) ? columns[column]! : null;
}

/** How SQLite stores the column: text or integer, and whether it may be null. */
export function storageOf(kind: ColumnKind): 'text' | 'text?' | 'int' | 'int?' {
  if (kind.kind === 'int') return kind.nullable ? 'int?' : 'int';
  if (kind.kind === 'flag') return 'int';
  if (kind.kind === 'ref' && kind.nullable) return 'text?';
  return 'text';
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const ID = /^[A-Za-z0-9_~.:-]{1,128}$/;
const POSITION = /^[0-9A-Za-z]{1,200}$/;

function jsonArrayOf(value: string, of: 'strings' | 'numbers'): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return false;
  }
  if (!Array.isArray(parsed) || parsed.length > 1_000) return false;
  return of === 'strings' ? parsed.every((v) => typeof v === 'string' && v.length <= 2_000) : parsed.every((v) => Number.isInteger(v));
}

/** Whether a value is one this column may hold and the app can show. */
export function valueFits(kind: ColumnKind, value: unknown): value is CellValue {
  if (value === null) return (kind.kind === 'ref' || kind.kind === 'int') && kind.nullable === true;
  switch (kind.kind) {
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && value >= kind.min && value <= kind.max;
    case 'flag':
      return value === 0 || value === 1;
    default:
      break;
  }
  if (typeof value !== 'string') return false;
  switch (kind.kind) {
    case 'text':
      return value.length <= kind.max;
    case 'ref':
      return value === '' || ID.test(value);
    case 'enum':
      return kind.values.includes(value) || (kind.orEmpty === true && value === '');
    case 'date':
      return value === '' || DAY.test(value);
    case 'time':
      return value === '' || (INSTANT.test(value) && !Number.isNaN(Date.parse(value)));
    case 'json':
      return jsonArrayOf(value, kind.of);
    case 'position':
      return POSITION.test(value);
  }
}

/** What a column holds before it is first written, as the migrations declare it (a test holds the two together). */
const DEFAULTS: Partial<Record<FieldKey, CellValue>> = {
  'report.cycle': 4,
  'report.language': 'en',
  'report.word_limit': 10_700,
  'report.distribution': 'general',
  'organizations.kind': 'other',
  'members.role': 'observer',
  'sections.position': 'a0',
  'sections.status': 'not_started',
  'comments.type': 'substantive',
  'comments.status': 'open',
  'recommendations.implementation_status': 'not_started',
  'recommendations.mechanism': 'upr',
  'actions.status': 'planned',
  'evidence.media_type': 'application/octet-stream',
  'inputs.channel': 'written_submission',
  'input_links.target_kind': 'section',
  'versions.kind': 'named',
  'paragraph_settlements.kept': 'merged',
  'attachments.media_type': 'application/octet-stream',
};

export function columnDefault(table: string, column: string): CellValue {
  const own = DEFAULTS[`${table}.${column}` as FieldKey];
  if (own !== undefined) return own;
  const kind = columnKind(table, column);
  if (!kind) return null;
  switch (kind.kind) {
    case 'int':
      return kind.nullable ? null : 0;
    case 'flag':
      return 0;
    case 'ref':
      return kind.nullable ? null : '';
    case 'json':
      return '[]';
    default:
      return '';
  }
}

/** Who may write the column (its table's grant unless the column has its own). */
export function grantOf(table: SyncedTable, column: string): Grant {
  const spec: TableSpec = SYNCED[table];
  return spec.writers?.[column] ?? spec.write;
}

/**
 * A stored value as the app can show it. A file edited by hand may hold, in a text column, what the
 * schema allows but the app cannot read (a status no version has, JSON that is not a list): such a
 * value reads as the column's default, and `upr check` names it.
 */
export function shown<T extends CellValue>(table: SyncedTable, column: string, value: unknown): T {
  const kind = columnKind(table, column);
  return (kind && valueFits(kind, value) ? value : columnDefault(table, column)) as T;
}

/** A JSON list stored in a text column, as the app can show it: [] for anything that is not one. */
export function shownList<T extends string | number>(json: unknown, of: 'strings' | 'numbers'): T[] {
  if (typeof json !== 'string' || !jsonArrayOf(json, of)) return [];
  return JSON.parse(json) as T[];
}
