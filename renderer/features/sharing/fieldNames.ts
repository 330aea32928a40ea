// How a conflict says what changed, in the interface's language: what the row belongs to, the
// field's label (another screen's where one fits, else the Sharing screen's own), and when.
import { useTranslation } from 'react-i18next';
import type { ConflictSubject } from '../../../shared/api.js';
import type { ColumnOf, SyncedTable } from '../../../shared/synced.js';

/** i18next's t without typed keys: the keys here are built from table and column names, and a unit test checks each is said in every language. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function useTranslate(): { say: Translate; language: string } {
  const { i18n } = useTranslation();
  return { say: (key, options) => i18n.t(key as never, options as never) as unknown as string, language: i18n.language };
}

const own = (key: string) => `sharing:conflicts.field.${key}`;
const app = (key: string) => `translation:${key}`;
const inputs = (key: string) => `inputs:form.${key}`;
const recommendations = (key: string) => `recommendations:filter.${key}`;
const DELETED = own('deleted');

/**
 * The label of every field the change log writes, as an i18next key with its namespace. Its key
 * set is the description's (shared/synced.ts): a field added there and not labelled here does not
 * compile.
 */
export const FIELD_LABELS: { [T in SyncedTable]: Record<ColumnOf<T>, string> } = {
  report: {
    title: app('settings.reportTitle'),
    country: app('settings.country'),
    cycle: app('settings.cycle'),
    language: app('settings.language'),
    deadline: app('settings.deadline'),
    word_limit: app('settings.wordLimit'),
    session: app('settings.session'),
    symbol: app('settings.symbol'),
    lock_at_review: app('settings.lockAtReview'),
    distribution: app('settings.distribution'),
    issued: app('settings.issued'),
    deleted: DELETED,
  },
  organizations: { name: app('people.organizationName'), kind: app('people.kind'), deleted: DELETED },
  members: { name: app('people.memberName'), organization_id: app('people.organization'), role: app('people.role'), deleted: DELETED },
  sections: {
    parent_id: own('parent'),
    position: own('order'),
    title: own('title'),
    lead_organization_id: app('section.lead'),
    due_date: app('section.dueDate'),
    word_budget: app('section.wordBudget'),
    status: app('section.status'),
    deleted: DELETED,
  },
  comments: {
    section_id: own('section'),
    anchored: own('anchored'),
    quote: own('quote'),
    type: own('type'),
    body: own('body'),
    proposed: own('proposed'),
    author_id: own('author'),
    organization_id: own('organization'),
    created_at: own('createdAt'),
    disposition: own('disposition'),
    rationale: own('rationale'),
    decided_by: own('decidedBy'),
    decided_at: own('decidedAt'),
    applied_by: own('appliedBy'),
    applied_at: own('appliedAt'),
    status: app('section.status'),
    closed_by: own('closedBy'),
    closed_at: own('closedAt'),
    deleted: DELETED,
  },
  comment_replies: { comment_id: own('comment'), body: own('body'), author_id: own('author'), created_at: own('createdAt'), deleted: DELETED },
  recommendations: {
    number: own('number'),
    text: own('text'),
    states: recommendations('state'),
    position: recommendations('position'),
    position_source: own('positionSource'),
    cluster: recommendations('cluster'),
    themes: inputs('themes'),
    groups: own('groups'),
    sdgs: own('sdgs'),
    source: own('source'),
    responsible_organization_id: own('responsible'),
    implementation_status: own('implementationStatus'),
    contributing_organization_ids: own('contributors'),
    country_cluster: own('countryCluster'),
    mechanism: own('mechanism'),
    body: own('recommendingBody'),
    document_symbol: own('documentSymbol'),
    paragraph: own('paragraph'),
    document_date: own('documentDate'),
    uhri_id: own('uhriId'),
    same_as: own('sameAs'),
    status_by_hand: own('statusByHand'),
    action_category: own('actionCategory'),
    public: own('public'),
    deleted: DELETED,
  },
  recommendation_notes: {
    recommendation_id: own('recommendation'),
    date: own('date'),
    text: own('text'),
    author_id: own('author'),
    created_at: own('createdAt'),
    action_id: own('action'),
    public: own('public'),
    deleted: DELETED,
  },
  actions: {
    recommendation_id: own('recommendation'),
    cluster: own('countryCluster'),
    title: own('actionTitle'),
    lead_organization_id: own('lead'),
    partner_organization_ids: own('partners'),
    start_date: own('startDate'),
    end_date: own('endDate'),
    budget_line: own('budgetLine'),
    status: own('actionStatus'),
    created_at: own('createdAt'),
    deleted: DELETED,
  },
  indicators: {
    recommendation_id: own('recommendation'),
    cluster: own('countryCluster'),
    name: own('indicator'),
    baseline: own('baseline'),
    target: own('indicatorTarget'),
    unit: own('unit'),
    source: own('indicatorSource'),
    deleted: DELETED,
  },
  evidence: {
    recommendation_id: own('recommendation'),
    note_id: own('note'),
    name: own('fileName'),
    media_type: own('mediaType'),
    size: own('size'),
    sha256: own('checksum'),
    created_at: own('createdAt'),
    deleted: DELETED,
  },
  section_recommendations: { section_id: own('section'), recommendation_id: own('recommendation'), deleted: DELETED },
  inputs: {
    title: inputs('title'),
    source_organization_id: inputs('source'),
    received_on: inputs('received'),
    channel: inputs('channel'),
    summary: inputs('summary'),
    full_text: inputs('fullText'),
    themes: inputs('themes'),
    disposition: own('disposition'),
    rationale: own('rationale'),
    decided_by: own('decidedBy'),
    decided_at: own('decidedAt'),
    created_at: own('createdAt'),
    public: own('public'),
    deleted: DELETED,
  },
  input_links: { input_id: own('input'), target_kind: own('targetKind'), target_id: own('target'), deleted: DELETED },
  attachments: {
    input_id: own('input'),
    name: own('fileName'),
    media_type: own('mediaType'),
    size: own('size'),
    sha256: own('checksum'),
    created_at: own('createdAt'),
    deleted: DELETED,
  },
  versions: {
    name: 'versions:field.name',
    kind: 'versions:field.kind',
    created_by: 'versions:field.createdBy',
    created_at: own('createdAt'),
    words: 'versions:field.words',
    state: 'versions:field.state',
    deleted: DELETED,
  },
  paragraph_settlements: {
    section_id: own('section'),
    block: own('paragraph'),
    kept: own('kept'),
    settled_by: own('settledBy'),
    settled_at: own('settledAt'),
    deleted: DELETED,
  },
  member_keys: {
    member_id: own('keyOwner'),
    public_key: own('publicKey'),
    made_at: own('keyMade'),
    confirmed: own('keyConfirmed'),
    deleted: DELETED,
  },
};

/** The i18next key of a field's label; null for a field this app does not know (a newer copy's). */
export function fieldLabelKey(table: string, column: string): string | null {
  const columns = Object.prototype.hasOwnProperty.call(FIELD_LABELS, table) ? (FIELD_LABELS as Record<string, Record<string, string>>)[table]! : null;
  return columns && Object.prototype.hasOwnProperty.call(columns, column) ? columns[column]! : null;
}

/** "Title", "Titre"; a field this app does not know keeps its own name rather than nothing. */
export function fieldLabel(t: Translate, table: string, column: string): string {
  const key = fieldLabelKey(table, column);
  return key ? t(key) : column;
}

/** "Section “Methods”", "Commentaire 4", "El informe". */
export function subjectText(t: Translate, subject: ConflictSubject): string {
  return t(`sharing:conflicts.subject.${subject.kind}`, { label: subject.label });
}

/** "24 Nov 2026, 15:05" in the person's own time zone and language, from an ISO time in UTC. */
export function localTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "24 November 2026, 14:05": the day written out, for a heading. */
export function localTimeLong(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

const ORGANIZATION_FIELDS = new Set(['lead_organization_id', 'organization_id', 'responsible_organization_id', 'source_organization_id']);
const MEMBER_FIELDS = new Set(['author_id', 'decided_by', 'applied_by', 'closed_by']);
const SECTION_FIELDS = new Set(['section_id', 'parent_id']);
const YES_NO_FIELDS = new Set(['deleted', 'anchored']);
/** Days stored as ISO dates ("2027-01-15"). */
const DATE_FIELDS = new Set(['due_date', 'deadline', 'received_on', 'date']);
const COUNT_FIELDS = new Set(['word_budget', 'word_limit']);
/** Fields whose value is one of a few words the app translates elsewhere: the table, the column, where its words are. */
const WORDED: Array<[string, string, string]> = [
  ['sections', 'status', 'translation:status'],
  ['members', 'role', 'translation:role'],
  ['organizations', 'kind', 'translation:orgKind'],
  ['report', 'language', 'translation:reportLanguage'],
  ['comments', 'type', 'review:type'],
  ['comments', 'disposition', 'review:disposition'],
  ['comments', 'status', 'review:state'],
  ['recommendations', 'position', 'recommendations:position'],
  ['recommendations', 'implementation_status', 'recommendations:status'],
  ['inputs', 'channel', 'inputs:channel'],
  ['inputs', 'disposition', 'inputs:disposition'],
];

/** Who and what the report knows by id, to name a value that is an id. */
export interface Names {
  organizations: ReadonlyArray<{ id: string; name: string }>;
  members: ReadonlyArray<{ id: string; name: string }>;
  sections: ReadonlyArray<{ id: string; title: string }>;
}

/**
 * A field's value as a person reads it: an organization, member or section by its name, yes or no,
 * a status in the interface's language, a moment in local time. Anything else as stored.
 */
export function valueText(t: Translate, language: string, names: Names, table: string, column: string, value: string | number | null): string {
  if (value === null || value === '') return t('sharing:conflicts.empty');
  const id = String(value);
  if (ORGANIZATION_FIELDS.has(column)) return names.organizations.find((o) => o.id === id)?.name ?? id;
  if (MEMBER_FIELDS.has(column)) return names.members.find((m) => m.id === id)?.name ?? id;
  if (SECTION_FIELDS.has(column)) return names.sections.find((s) => s.id === id)?.title ?? id;
  if (YES_NO_FIELDS.has(column)) return t(value ? 'sharing:conflicts.yes' : 'sharing:conflicts.no');
  const worded = WORDED.find(([tbl, col]) => tbl === table && col === column);
  if (worded) return t(`${worded[2]}.${id}`, { defaultValue: id });
  if (column.endsWith('_at') && /^\d{4}-\d\d-\d\dT/.test(id)) return localTime(id, language);
  // A day is the same day everywhere: written in UTC so no zone moves it.
  if (DATE_FIELDS.has(column) && /^\d{4}-\d\d-\d\d$/.test(id)) return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${id}T00:00:00Z`));
  if (COUNT_FIELDS.has(column) && typeof value === 'number') return new Intl.NumberFormat(language).format(value);
  return id;
}
