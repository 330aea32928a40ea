// The words of the domain, shared by the main process and the renderer.

export const ROLES = ['secretariat', 'drafter', 'reviewer', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = ['ministry', 'agency', 'nhri', 'civil_society', 'un_entity', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const SECTION_STATUSES = ['not_started', 'drafting', 'ready_for_review', 'approved'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

/** UN official languages a report may be written in. */
export const REPORT_LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** HRC decision 17/119: a national report is at most 10,700 words. */
export const DEFAULT_WORD_LIMIT = 10_700;

export interface Report {
  id: string;
  title: string;
  country: string;
  cycle: number;
  language: ReportLanguage;
  /** ISO date (YYYY-MM-DD) or '' when not set. */
  deadline: string;
  wordLimit: number;
  /** The Working Group's session the report goes to ("Forty-eighth session"), '' until known. */
  session: string;
  /** The document symbol OHCHR gives the report ("A/HRC/WG.6/48/VRD/1"), '' until known. */
  symbol: string;
  /** Sections are read only for their drafters from "Ready for review" on, not only once approved. */
  lockAtReview: boolean;
  /** The masthead's distribution: "Distr.: General" (or Limited, Restricted). */
  distribution: Distribution;
  /** The document's date on the masthead, ISO (YYYY-MM-DD), or '' until set. */
  issued: string;
}

export const DISTRIBUTIONS = ['general', 'limited', 'restricted'] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
}

export interface Member {
  id: string;
  name: string;
  organizationId: string;
  role: Role;
}

export interface Section {
  id: string;
  parentId: string | null;
  /** Fractional index: siblings sort by it, so concurrent reorders merge. */
  position: string;
  title: string;
  leadOrganizationId: string | null;
  /** ISO date (YYYY-MM-DD) or ''. */
  dueDate: string;
  /** Words allotted to the section, or null when none is set. */
  wordBudget: number | null;
  status: SectionStatus;
}

export interface SectionWithCount extends Section {
  words: number;
  /** Its text cannot be read (it holds something this version of the app does not understand); the other sections work. */
  damaged: boolean;
  /** Review comments on the section not yet closed. */
  openComments: number;
  /** Who set the section's present status and when (ISO time), as the change log records it; null for a status never set. */
  statusSet: { by: string; at: string } | null;
}

export interface Workspace {
  path: string;
  report: Report;
  organizations: Organization[];
  members: Member[];
  sections: SectionWithCount[];
  /** The member this window or tab acts as, or null before they have said who they are. */
  me: Member | null;
  totalWords: number;
  /** This file is a copy sent from another: from which file, by whom, when (ISO time); null for a report never sent as a copy. */
  sentCopy: { from: string; by: string; at: string } | null;
  /** The report this one was started from as the next cycle's (its id, title, cycle and file name); null for a report started afresh. */
  previousReport: { id: string; title: string; cycle: number; file: string } | null;
}

/** Sections in outline order (depth first, siblings by position), each with its depth and number. */
export interface OutlineEntry {
  section: SectionWithCount;
  depth: number;
  /** "A", "B", ... for top-level sections, "A.1", "A.2" below. */
  label: string;
}

export function outlineOrder<T extends Section>(sections: readonly T[]): Array<{ section: T; depth: number; label: string }> {
  const children = new Map<string | null, T[]>();
  for (const s of sections) {
    const key = s.parentId && sections.some((p) => p.id === s.parentId) ? s.parentId : null;
    const list = children.get(key) ?? [];
    list.push(s);
    children.set(key, list);
  }
  for (const list of children.values()) {
    list.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1));
  }
  const out: Array<{ section: T; depth: number; label: string }> = [];
  const walk = (parent: string | null, depth: number, prefix: string) => {
    (children.get(parent) ?? []).forEach((section, i) => {
      const label = depth === 0 ? letterLabel(i) : `${prefix}.${i + 1}`;
      out.push({ section, depth, label });
      walk(section.id, depth + 1, label);
    });
  };
  walk(null, 0, '');
  return out;
}

function letterLabel(i: number): string {
  let n = i;
  let s = '';
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

export function isOverdue(section: Pick<Section, 'dueDate' | 'status'>, today: string): boolean {
  return section.dueDate !== '' && section.dueDate < today && section.status !== 'ready_for_review' && section.status !== 'approved';
}

/** How much a review comment weighs, as comment matrices in UN processes grade them. */
export const COMMENT_TYPES = ['critical', 'substantive', 'editorial'] as const;
export type CommentType = (typeof COMMENT_TYPES)[number];

/** The answer the drafters give a comment; "not accepted" needs a rationale. */
export const DISPOSITIONS = ['accepted', 'accepted_with_modification', 'not_accepted'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/**
 * Where a comment stands: open until it has a disposition, then answered, and closed once the
 * reviewer has seen the answer. Stored is only open/closed; "answered" is open with a disposition.
 */
export const COMMENT_STATES = ['open', 'answered', 'closed'] as const;
export type CommentState = (typeof COMMENT_STATES)[number];

export interface CommentReply {
  id: string;
  body: string;
  authorId: string;
  authorName: string;
  createdAt: string;
}

/** A review comment with everything the margin and the comment resolution matrix show. */
export interface ReviewComment {
  id: string;
  /** 1, 2, 3... in the order comments were made, across the report. */
  number: number;
  sectionId: string;
  /** "B.2" and the title, as the outline shows them. */
  sectionLabel: string;
  sectionTitle: string;
  /** True when the comment marks a passage; false for a comment on the whole section. */
  anchored: boolean;
  /** An anchored comment whose passage is no longer in the text (it was deleted). */
  detached: boolean;
  /** The passage as it read when the comment was made. */
  quote: string;
  type: CommentType;
  body: string;
  /** Wording the reviewer proposes instead of the passage ('' when none). */
  proposed: string;
  authorId: string;
  authorName: string;
  organizationId: string;
  organizationName: string;
  createdAt: string;
  disposition: Disposition | null;
  rationale: string;
  decidedById: string;
  decidedByName: string;
  decidedAt: string;
  appliedByName: string;
  appliedAt: string;
  state: CommentState;
  closedByName: string;
  closedAt: string;
  replies: CommentReply[];
}

export function commentState(c: { disposition: string | null; status: string }): CommentState {
  if (c.status === 'closed') return 'closed';
  return c.disposition ? 'answered' : 'open';
}

/** Where the State under review stands on a recommendation. */
export const POSITIONS = ['supported', 'noted'] as const;
export type Position = (typeof POSITIONS)[number];

/** How far a recommendation has been implemented, as the country tracks it. */
export const IMPLEMENTATION_STATUSES = ['not_started', 'in_progress', 'partially_implemented', 'implemented', 'not_applicable'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

/** The mechanisms recommendations come from: the UPR, the treaty bodies, the special procedures. */
export const MECHANISMS = ['upr', 'treaty_body', 'special_procedure'] as const;
export type Mechanism = (typeof MECHANISMS)[number];

/** Where a recommendation comes from, as the Universal Human Rights Index gives it. */
export interface RecommendationOrigin {
  mechanism: Mechanism;
  /** "CRC", "SR Torture", "UPR"; '' when not known. */
  body: string;
  /** "CRC/C/GBR/CO/6". */
  documentSymbol: string;
  /** "12", "12(a)"; '' when not known. */
  paragraph: string;
  /** YYYY-MM-DD the document was published, or ''. */
  documentDate: string;
  /** The Index's OHCHR annotation id, or '' for one imported from another list. */
  uhriId: string;
}

/** A UPR recommendation with nothing known of its document: what a thematic list's rows are. */
export const UPR_ORIGIN: RecommendationOrigin = { mechanism: 'upr', body: '', documentSymbol: '', paragraph: '', documentDate: '', uhriId: '' };

/** How far an action of the implementation plan has come. */
export const ACTION_STATUSES = ['planned', 'under_way', 'completed', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** UPR Info's categories of the action a recommendation asks for: 1 minimal, 2 continuing, 3 considering, 4 general, 5 specific. */
export const ACTION_CATEGORIES = [1, 2, 3, 4, 5] as const;
export type ActionCategory = (typeof ACTION_CATEGORIES)[number];

/** An action of the implementation plan, for one recommendation or for a cluster. */
export interface PlanAction {
  id: string;
  /** The recommendation it is for, or '' for a cluster's. */
  recommendationId: string;
  /** The country's cluster it is for, or '' for a recommendation's. */
  cluster: string;
  title: string;
  leadOrganizationId: string | null;
  partnerOrganizationIds: string[];
  /** YYYY-MM-DD or ''. */
  startDate: string;
  endDate: string;
  budgetLine: string;
  status: ActionStatus;
}

/** An action of the plan past its end date, with its recommendation's number ('' for a cluster's action). */
export interface OverdueAction {
  action: PlanAction;
  number: string;
}

/** An indicator of the implementation plan: how progress is measured. */
export interface PlanIndicator {
  id: string;
  recommendationId: string;
  cluster: string;
  name: string;
  baseline: string;
  target: string;
  unit: string;
  source: string;
}

/**
 * The status a recommendation's actions give it: implemented when every action still planned is
 * completed, partially when some are, in progress when any is under way, else not started. Null
 * when it has no actions (cancelled ones do not count), so its status is the one set.
 */
export function statusFromActions(actions: ReadonlyArray<Pick<PlanAction, 'status'>>): ImplementationStatus | null {
  const live = actions.filter((a) => a.status !== 'cancelled');
  if (live.length === 0) return null;
  const done = live.filter((a) => a.status === 'completed').length;
  if (done === live.length) return 'implemented';
  if (done > 0) return 'partially_implemented';
  return live.some((a) => a.status === 'under_way') ? 'in_progress' : 'not_started';
}

/** One change a filled implementation matrix makes, as its import shows it before writing. */
export interface MatrixChange {
  kind: 'status' | 'note' | 'action';
  /** The recommendation's number (or, for a cluster's action, the cluster). */
  number: string;
  /** For an action: its title. */
  title?: string;
  /** For a status or an action's progress: the value when the workbook was exported, and the one written in it. */
  from?: string;
  /** The status or progress written in the workbook; for a note, its text. */
  to: string;
  /** For a note: its date. */
  date?: string;
  /** Changed meanwhile in the report to this value: the report's is kept, the workbook's not written. */
  conflict?: string;
}

export interface MatrixPreview {
  fileName: string;
  changes: MatrixChange[];
  problems: ImportProblem[];
}

/** One recommendation as read from an OHCHR thematic list or a table, before it is stored. */
export interface RecommendationImport {
  /** "115.23": paragraph and item of the Working Group report. */
  number: string;
  text: string;
  /** "France", "Iran (Islamic Republic of)", ... in the order the list gives them. */
  states: string[];
  position: Position | null;
  /** "A/HRC/43/15/Add.1 - Para.5" where the list gives where the position comes from. */
  positionSource: string;
  /** The cluster heading the recommendation stands under ("Theme: ..." rows), '' when none. */
  cluster: string;
  themes: string[];
  /** Affected persons / groups of persons. */
  groups: string[];
  /** Sustainable Development Goals by number (1 to 17). */
  sdgs: number[];
  /** Given by the Index's export; a list's rows are UPR recommendations (UPR_ORIGIN). */
  origin?: RecommendationOrigin;
}

/** A row an import could not read, and why, in the person's words. */
export interface ImportProblem {
  /** 1-based row of the table (header row included), or 0 for the file as a whole. */
  row: number;
  reason: string;
  /** The start of the row's text, so the person can find it. */
  excerpt: string;
  /** The reason's message key (shared/messages.ts) and values, so the UI can say it in its language. */
  key?: string;
  params?: Record<string, string | number>;
}

/** What a CSV or XLSX list's columns can hold; `number` and `text` are required. */
export const RECOMMENDATION_COLUMNS = ['number', 'text', 'states', 'position', 'positionSource', 'cluster', 'themes', 'groups', 'sdgs'] as const;
export type RecommendationColumn = (typeof RECOMMENDATION_COLUMNS)[number];

/** For a CSV or XLSX list: the header each field is read from, null where the file has none. */
export type ColumnMapping = Record<RecommendationColumn, string | null>;

/** The columns of a CSV or XLSX list, and how they are read. */
/** The encodings a CSV can be read in (TextDecoder's names), as Excel and other programs save them. */
export const CSV_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1254',
  'windows-1256',
  'windows-1257',
  'iso-8859-2',
  'koi8-r',
  'gb18030',
  'big5',
  'shift_jis',
  'euc-kr',
] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** How a CSV was read: the encoding and delimiter found (or chosen), to show and change in the preview. */
export interface CsvReading {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Whether the encoding was told by the file itself (a byte order mark, or valid UTF-8), not guessed. */
  certain: boolean;
}

export interface TableColumns {
  /** The header row's cells, as written. */
  headers: string[];
  /** For a CSV: how it was read; null for a workbook. */
  csv: CsvReading | null;
  /** The mapping used for this preview: the one given, else the one remembered, else guessed from the headers. */
  mapping: ColumnMapping;
  /** The mapping was remembered from an earlier import of a list with the same headers. */
  remembered: boolean;
}

export interface Evidence {
  id: string;
  name: string;
  mediaType: string;
  size: number;
}

export interface ProgressNote {
  id: string;
  /** The action it reports on, or ''. */
  actionId: string;
  /** Shown in the public tracker (the secretariat marks it), when its recommendation is too. */
  public: boolean;
  evidence: Evidence[];
  /** ISO date the note speaks of (YYYY-MM-DD). */
  date: string;
  text: string;
  authorName: string;
}

/** A recommendation as the list shows it: what the list said, and what the country adds (its follow-up is in `FullRecommendation`). */
export interface Recommendation extends RecommendationImport {
  id: string;
  /** The list it was imported from (a file name, or what the person called it). */
  source: string;
  responsibleOrganizationId: string | null;
  /** The ministries that contribute beside the lead one. */
  contributingOrganizationIds: string[];
  /** The cluster the country put it in (empty: none; the list's own cluster is `cluster`). */
  countryCluster: string;
  /** The status it is shown with: from its actions (and its cluster's), unless set by hand. */
  implementationStatus: ImplementationStatus;
  /** Whether the status was set by a person rather than following from the actions. */
  statusByHand: boolean;
  actionCategory: ActionCategory | null;
  /** Shown in the public tracker, the website a ministry publishes (the secretariat marks it). */
  public: boolean;
  origin: RecommendationOrigin;
  /** The recommendation this one repeats (another mechanism's, or the same body's again), followed up there; null when none. */
  sameAs: string | null;
  /** Sections whose text refers to it ("115.23" reference chips). */
  referencedIn: string[];
  /** Sections linked to it explicitly. */
  linkedSections: string[];
}

/**
 * A recommendation's follow-up beyond its row in the list: loaded for the one shown, so that the
 * list of thousands carries what the table needs and no more.
 */
export interface RecommendationFollowUp {
  /** Its own actions and indicators, and those of the country's cluster it is in. */
  actions: PlanAction[];
  indicators: PlanIndicator[];
  notes: ProgressNote[];
}

/** A recommendation with its whole follow-up: the detail, the exports and the matrix read these. */
export interface FullRecommendation extends Recommendation, RecommendationFollowUp {}

/** What recommendations can be clustered by, each after its own first one. */
export const CLUSTER_BY = ['theme', 'group', 'sdg'] as const;
export type ClusterBy = (typeof CLUSTER_BY)[number];

/** "SDG 16" as a report in each language writes it: the name of a cluster made by SDG. */
export const SDG_CLUSTER: Record<ReportLanguage, (n: number) => string> = {
  en: (n) => `SDG ${n}`,
  fr: (n) => `ODD ${n}`,
  es: (n) => `ODS ${n}`,
  ar: (n) => `هدف التنمية المستدامة ${n}`,
  ru: (n) => `ЦУР ${n}`,
  zh: (n) => `可持续发展目标${n}`,
};

/** The cluster a recommendation would be put in by its first theme, affected group or SDG; '' when it has none. */
export function clusterNamed(r: Pick<RecommendationImport, 'themes' | 'groups' | 'sdgs'>, by: ClusterBy, language: ReportLanguage): string {
  if (by === 'theme') return r.themes[0]?.trim() ?? '';
  if (by === 'group') return r.groups[0]?.trim() ?? '';
  return r.sdgs.length ? SDG_CLUSTER[language](r.sdgs[0]!) : '';
}

/** The cluster a recommendation is shown and filtered in: the country's own, else the list's. */
export function clusterOf(r: Pick<Recommendation, 'cluster' | 'countryCluster'>): string {
  return r.countryCluster || r.cluster;
}

/** The sections that address a recommendation: those that refer to it in their text, and those linked to it. */
export function addressedIn(r: Pick<Recommendation, 'referencedIn' | 'linkedSections'>): string[] {
  return [...new Set([...r.referencedIn, ...r.linkedSections])];
}

/** How a consultation input reached the secretariat. */
export const INPUT_CHANNELS = ['written_submission', 'public_consultation', 'meeting', 'email', 'online_form', 'other'] as const;
export type InputChannel = (typeof INPUT_CHANNELS)[number];

/** How an input was taken into the report. */
export const INPUT_DISPOSITIONS = ['reflected', 'partly_reflected', 'not_reflected'] as const;
export type InputDisposition = (typeof INPUT_DISPOSITIONS)[number];

export interface Attachment {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** A consultation input with what the inputs view and the consultation log show. */
export interface ConsultationInput {
  id: string;
  title: string;
  sourceOrganizationId: string | null;
  sourceOrganizationName: string;
  /** The source organization's kind (civil society, UN entity, NHRI, ...), or null when none is set. */
  sourceKind: OrganizationKind | null;
  /** ISO date (YYYY-MM-DD) or ''. */
  receivedOn: string;
  channel: InputChannel;
  summary: string;
  fullText: string;
  themes: string[];
  sectionIds: string[];
  recommendationIds: string[];
  attachments: Attachment[];
  disposition: InputDisposition | null;
  rationale: string;
  decidedByName: string;
  decidedAt: string;
  /** Shown in the public tracker's consultation page, "you said / we did" (the secretariat marks it). */
  public: boolean;
}

/** What importing a list would do, shown before the person confirms. */
export interface ImportPreview {
  fileName: string;
  /** Which layout of the OHCHR list was recognized ('table' for CSV/XLSX). */
  layout: string;
  /** For a CSV or XLSX list (layout 'table'): its columns and how they are mapped; null for Word. */
  table: TableColumns | null;
  rows: RecommendationImport[];
  problems: ImportProblem[];
  /** Against the recommendations already in the report: how many are new, changed, unchanged. */
  counts: { read: number; new: number; changed: number; unchanged: number };
}

/** What an import did. */
export interface ImportSummary {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows not imported, and why. */
  skipped: ImportProblem[];
}

/**
 * Fields whose value is free text, where a conflict between two copies may be settled by writing a
 * third value. Any other field (a status, a link, a number) is settled by keeping one of the two
 * values, each of which came through the checks of its own screen.
 */
const SETTLED_WITH_TEXT = new Set([
  'report.title',
  'report.country',
  'report.session',
  'report.symbol',
  'organizations.name',
  'members.name',
  'sections.title',
  'comments.body',
  'comments.proposed',
  'comments.rationale',
  'comment_replies.body',
  'recommendation_notes.text',
  'inputs.title',
  'inputs.summary',
  'inputs.full_text',
  'inputs.rationale',
]);

export function settlesWithText(table: string, column: string): boolean {
  return SETTLED_WITH_TEXT.has(`${table}.${column}`);
}
