// The tables and columns that the change log may write. Every name that reaches SQL from a change
// (ours or, when merging, another office's) is checked against this list first.
export type ColumnType = 'text' | 'text?' | 'int' | 'int?';

export const SYNCED_TABLES = {
  report: { title: 'text', country: 'text', cycle: 'int', language: 'text', deadline: 'text', word_limit: 'int', session: 'text', symbol: 'text', deleted: 'int' },
  organizations: { name: 'text', kind: 'text', deleted: 'int' },
  members: { name: 'text', organization_id: 'text', role: 'text', deleted: 'int' },
  sections: {
    parent_id: 'text?',
    position: 'text',
    title: 'text',
    lead_organization_id: 'text?',
    due_date: 'text',
    word_budget: 'int?',
    status: 'text',
    deleted: 'int',
  },
  comments: {
    section_id: 'text',
    anchored: 'int',
    quote: 'text',
    type: 'text',
    body: 'text',
    proposed: 'text',
    author_id: 'text',
    organization_id: 'text',
    created_at: 'text',
    disposition: 'text',
    rationale: 'text',
    decided_by: 'text',
    decided_at: 'text',
    applied_by: 'text',
    applied_at: 'text',
    status: 'text',
    closed_by: 'text',
    closed_at: 'text',
    deleted: 'int',
  },
  comment_replies: { comment_id: 'text', body: 'text', author_id: 'text', created_at: 'text', deleted: 'int' },
  recommendations: {
    number: 'text',
    text: 'text',
    states: 'text',
    position: 'text',
    position_source: 'text',
    cluster: 'text',
    themes: 'text',
    groups: 'text',
    sdgs: 'text',
    source: 'text',
    responsible_organization_id: 'text?',
    implementation_status: 'text',
    deleted: 'int',
  },
  recommendation_notes: { recommendation_id: 'text', date: 'text', text: 'text', author_id: 'text', created_at: 'text', deleted: 'int' },
  section_recommendations: { section_id: 'text', recommendation_id: 'text', deleted: 'int' },
  inputs: {
    title: 'text',
    source_organization_id: 'text?',
    received_on: 'text',
    channel: 'text',
    summary: 'text',
    full_text: 'text',
    themes: 'text',
    disposition: 'text',
    rationale: 'text',
    decided_by: 'text',
    decided_at: 'text',
    created_at: 'text',
    deleted: 'int',
  },
  input_links: { input_id: 'text', target_kind: 'text', target_id: 'text', deleted: 'int' },
  attachments: { input_id: 'text', name: 'text', media_type: 'text', size: 'int', sha256: 'text', created_at: 'text', deleted: 'int' },
} as const satisfies Record<string, Record<string, ColumnType>>;

export type SyncedTable = keyof typeof SYNCED_TABLES;
export type CellValue = string | number | null;

export function isSyncedTable(name: string): name is SyncedTable {
  return Object.prototype.hasOwnProperty.call(SYNCED_TABLES, name);
}

export function columnType(table: string, column: string): ColumnType | null {
  if (!isSyncedTable(table)) return null;
  const cols = SYNCED_TABLES[table] as Record<string, ColumnType>;
  return Object.prototype.hasOwnProperty.call(cols, column) ? cols[column]! : null;
}

export function valueFits(type: ColumnType, value: unknown): value is CellValue {
  if (value === null) return type.endsWith('?');
  if (type.startsWith('text')) return typeof value === 'string';
  return typeof value === 'number' && Number.isInteger(value);
}
