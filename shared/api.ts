// The whole API between the renderer and the main process, in one map: method name -> zod input
// schema and result type. Electron IPC and the browser-mode HTTP server are thin transports over it;
// the main process validates every input against these schemas before a service sees it.
import { z } from 'zod';
import {
  COMMENT_TYPES,
  DISTRIBUTIONS,
  CSV_DELIMITERS,
  CSV_ENCODINGS,
  DISPOSITIONS,
  ACTION_STATUSES,
  CLUSTER_BY,
  IMPLEMENTATION_STATUSES,
  INPUT_CHANNELS,
  INPUT_DISPOSITIONS,
  ORGANIZATION_KINDS,
  RECOMMENDATION_COLUMNS,
  type RecommendationColumn,
  REPORT_LANGUAGES,
  ROLES,
  SECTION_STATUSES,
  type ConsultationInput,
  type Member,
  type Organization,
  type ImportPreview,
  type MatrixPreview,
  type ImportSummary,
  type FullRecommendation,
  type OverdueAction,
  type Recommendation,
  type Report,
  type ReviewComment,
  type Section,
  type Workspace,
} from './domain.js';
import type { MarkedParagraph, VersionComparison, VersionInfo, VersionReading } from './versions.js';
import type { HistoryPage } from './history.js';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a valid id');
const text = (max: number) => z.string().trim().min(1, 'cannot be empty').max(max, `is longer than ${max} characters`);
const isoDate = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')]);
const base64 = z
  .string()
  .max(16 * 1024 * 1024, 'is larger than 12 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64');
const empty = z.object({}).strict();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
const historyFilter = z
  .object({ sectionId: id.optional(), memberId: id.optional(), organizationId: id.optional(), since: isoDay.optional(), until: isoDay.optional(), limit: z.number().int().min(1).max(100_000).optional() })
  .strict();
/** A version's id, or 'now' for the report as it is. */
const versionRef = z.union([z.literal('now'), id]);
/** A file's path as a person gave it (or the app's dialog did); a NUL character ends no real path. */
const filePath = z
  .string()
  .min(1, 'cannot be empty')
  .max(4096, 'is longer than 4096 characters')
  .refine((p) => !p.includes('\u0000'), 'is not a file path');
/** A header cell's text, or null for a field the file does not have. */
const header = z.string().max(500, 'is longer than 500 characters').nullable();
/** A CSV's encoding and delimiter as chosen in the import preview (what is left out is found in the file). */
const csvChoice = z.object({ encoding: z.enum(CSV_ENCODINGS).optional(), delimiter: z.enum(CSV_DELIMITERS).optional() }).strict();
const columnMapping = z
  .object(Object.fromEntries(RECOMMENDATION_COLUMNS.map((c) => [c, header])) as Record<RecommendationColumn, typeof header>)
  .strict();
/** Rows put in the public tracker or taken out of it, many at once. */
const publicMarks = (none: string) =>
  z.object({ ids: z.array(id).min(1, none).max(10_000, 'is more than 10,000 rows'), public: z.boolean() }).strict();
/** Free text a person writes in a comment, reply or rationale. */
const prose = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`);

function method<I extends z.ZodType>(input: I) {
  return { returns: <R>() => ({ input, result: null as unknown as R }) };
}

export const reportFields = z
  .object({
    title: text(300),
    country: text(120),
    cycle: z.number().int().min(1).max(20),
    language: z.enum(REPORT_LANGUAGES),
    deadline: isoDate,
    wordLimit: z.number().int().min(100).max(100_000),
    session: z.string().trim().max(120, 'is longer than 120 characters'),
    symbol: z.string().trim().max(60, 'is longer than 60 characters'),
  })
  .strict();

export const newReportInput = z
  .object({
    path: filePath,
    title: text(300).optional(),
    country: text(120),
    cycle: z.number().int().min(1).max(20).default(4),
    language: z.enum(REPORT_LANGUAGES).default('en'),
    yourName: text(200),
    yourOrganization: text(200),
  })
  .strict();

/** The next cycle's report, made from the one open (the secretariat's): the cycle after this one's unless given. */
export const nextReportInput = z
  .object({
    path: filePath,
    cycle: z.number().int().min(1).max(20).optional(),
    title: text(300).optional(),
  })
  .strict();

export interface FileChoice {
  path: string | null;
}

export interface RecentFile {
  path: string;
  title: string;
  openedAt: string;
}

export interface SectionText {
  sectionId: string;
  /** The whole Yjs state of the section's text, base64. */
  state: string;
}

export interface SectionContent {
  sectionId: string;
  plain: string;
  words: number;
  footnoteWords: number;
  /** The Lexical editor state as JSON (headless). */
  json: unknown;
}

/** What a consultation input says about itself; `inputs.create` and `inputs.update` share them. */
const inputFields = {
  title: text(500),
  sourceOrganizationId: id.nullable(),
  receivedOn: isoDate,
  channel: z.enum(INPUT_CHANNELS),
  summary: prose(20_000),
  fullText: prose(1_000_000),
  themes: z.array(text(200)).max(100, 'has more than 100 themes'),
};
/** A file's name as the person's system gave it; the main process keeps only what is safe to show. */
const attachmentName = z.string().min(1, 'cannot be empty').max(1_000, 'is longer than 1000 characters');
const mediaType = z.string().max(255, 'is longer than 255 characters');

export const INPUT_LINK_TARGETS = ['section', 'recommendation'] as const;

/** What merging a copy from another office did. */
export interface MergeSummary {
  /** The copy merged. */
  file: string;
  /** The organizations (or, without one, the people) whose changes came in. */
  offices: string[];
  /** Change-log rows taken in. */
  rows: number;
  /** Rows (sections, comments, recommendations, inputs...) with at least one field changed. */
  changed: { sections: number; comments: number; recommendations: number; inputs: number; other: number };
  /** Sections whose text took changes. */
  texts: number;
  /** Sections whose text both copies changed since they parted (flagged, both texts kept). */
  bothEdited: string[];
  /** Fields changed in both copies since they parted; `shown` is the value the report now has. */
  conflicts: Array<{
    id: string;
    table: string;
    row: string;
    column: string;
    local: { value: string | number | null; author: string; at: string };
    other: { value: string | number | null; author: string; at: string };
    shown: 'local' | 'other';
  }>;
  /** The backup of this file made before merging ('' when there was nothing to merge). */
  backup: string;
  /**
   * What the copy holds that was held back rather than applied: kept in the file, listed here with
   * whom it claims to be from and why (a message key and its values); a later copy that brings
   * what makes it legitimate releases it. Changes already here judged again by this merge too.
   */
  held: HeldBack[];
  /** Changes held back before that this merge released (it brought what makes them legitimate). */
  released: number;
  /** Attached files whose contents came with the copy. */
  attachments: number;
  /** Changes the copy brought that nobody signed, accepted as made before their author signed (unsigned history). */
  unsigned?: number;
  /** Signing keys the copy introduced that the person merging confirmed with it. */
  keysConfirmed?: number;
}

/** This report's connection to the office network server, as the Sharing screen shows it. */
export interface NetworkState {
  kind: 'connecting' | 'connected' | 'offline' | 'refused';
  address: string;
  /** Whom the connection acts as, once connected. */
  member: string | null;
  /** Changes made here the server has not acknowledged yet. */
  waiting: number;
  /**
   * Changes made in this file since connecting by people other than the one the connection acts as
   * (another person signed in on this computer): they do not go over it, and wait for a copy.
   */
  others: number;
  /** The person the connection acts as, once the server said (also while offline), or null. */
  actsAs: string | null;
  /** What went wrong last (a message key and its values), or null. */
  problem: { key: string; params: Record<string, string | number> } | null;
}

/** Another person connected through the office network server: the section they have open, and their selection there. */
export interface PeerPresence {
  /** Their connection (a person on two computers has two). */
  clientId: number;
  memberId: string;
  name: string;
  sectionId: string | null;
  /** Base64 Yjs relative positions of the selection's ends, or null. */
  anchor: string | null;
  focus: string | null;
  focusing: boolean;
}

/** The office network server this app runs for the open report (the secretariat's), as the Sharing screen shows it. */
export interface ServingState {
  port: number;
  /** The addresses offices can reach it at: one per network of this computer (ws://192.168.1.5:5790). */
  addresses: string[];
  /** The people connected now, by name. */
  offices: string[];
}

/** A person's signing key as the People screen lists it. */
export interface SigningKeyInfo {
  id: string;
  memberId: string;
  memberName: string;
  organization: string;
  /** The key's fingerprint, read aloud to compare: eight groups of four. */
  fingerprint: string;
  /** When it was made (ISO, UTC). */
  madeAt: string;
  confirmed: boolean;
  /** It is the report's first secretariat key, trusted by every copy (it needs no confirmation). */
  root: boolean;
  /** This machine holds it (it is the key of the person signed in, here). */
  mine: boolean;
  /** Changes and text updates held back here until it is confirmed. */
  waiting: number;
}

/** A change or text update held back: what it would change, who it claims to be from, when, and why. */
export interface HeldBack {
  kind: 'change' | 'text';
  /** For a change, its field; for text, 'sections', the section's id and ''. */
  table: string;
  row: string;
  column: string;
  /** The name the report has for the claimed author, or their id when it has none. */
  authorName: string;
  /** The change's stamp time (ISO, UTC). */
  at: string;
  /** For a change, the value it would give the field; null for text. */
  value: string | number | null;
  reason: string;
  params: Record<string, string | number>;
  /** What it belongs to, named in no language (added when the report is shown; see ConflictSubject). */
  subject?: ConflictSubject;
}

/**
 * What a changed row belongs to, in no language: its kind, and what tells it apart (a section's or
 * input's title, a comment's number for it or its reply, a recommendation's number for it or its
 * note, an organization's, member's or attachment's name, a link's two ends; for 'other' the table
 * and row; '' for the report).
 */
export interface ConflictSubject {
  kind: 'report' | 'section' | 'comment' | 'reply' | 'recommendation' | 'note' | 'input' | 'attachment' | 'link' | 'organization' | 'member' | 'other';
  label: string;
}

/**
 * A paragraph both copies edited since they parted, not settled yet: its text as both had it when
 * they parted, each side's as the merge met them ('' where a side deleted it), and the merged one now.
 */
export interface FlaggedParagraph {
  sectionId: string;
  label: string;
  title: string;
  /** The paragraph's id in the section's text (the same in every copy). */
  blockId: string;
  /** When the merge that flagged it was made (ISO, UTC). */
  mergedAt: string;
  common: string;
  local: string;
  other: string;
  merged: string;
}

/** A conflict still to settle, as the merge report and its screen show it. */
export interface OpenConflict {
  id: string;
  table: string;
  row: string;
  column: string;
  /** What the field belongs to; the screen says it in the interface's language ("Section “…”", "Comment 4"). */
  subject: ConflictSubject;
  local: { value: string | number | null; authorName: string; at: string };
  other: { value: string | number | null; authorName: string; at: string };
  /** The value the report has now. */
  current: string | number | null;
}

/** The formats of the final report. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'html'] as const;
/** Which recommendations the annex lists: all, those the State supported, those the report addresses, or no annex. */
export const ANNEX_RECOMMENDATIONS = ['all', 'supported', 'addressed', 'none'] as const;
/** The recommendations annex by number, or clustered by theme (by their cluster, as OHCHR's list gives it). */
export const ANNEX_ORDERS = ['number', 'theme'] as const;
export interface AnnexChoice {
  recommendations: (typeof ANNEX_RECOMMENDATIONS)[number];
  order: (typeof ANNEX_ORDERS)[number];
  inputs: boolean;
}
/** The forms the consultation log takes in a section's text. */
export const LOG_FORMS = ['summary', 'table'] as const;
export type LogForm = (typeof LOG_FORMS)[number];

export const DEFAULT_ANNEXES: AnnexChoice = { recommendations: 'all', order: 'number', inputs: true };
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What the Export screen shows before the report is written. */
export interface ExportCheck {
  /** The body's words as OHCHR counts them (section headings, text, lists and tables), footnotes apart. */
  /**
   * The body's words (as OHCHR counts: the sections' headings and text), the footnotes' (not
   * counted), the limit, and the consultation log tables in the text with the words each counts.
   */
  words: { body: number; footnotes: number; limit: number; log: Array<{ sectionId: string; label: string; title: string; words: number }> };
  /** Every section, in outline order, with its text's words (as the outline counts them against its budget) and budget. */
  sections: Array<{ id: string; label: string; title: string; words: number; budget: number | null; status: string }>;
  /** What should be settled before submission; the report can still be written. */
  blockers: Array<
    | { kind: 'notApproved'; sectionId: string; label: string; title: string; status: string }
    | { kind: 'openCritical'; commentId: string; number: number; sectionId: string; label: string; title: string }
    /** Paragraphs both copies edited, not settled yet (see `sharing.flags`). */
    | { kind: 'mergeReview'; sectionId: string; label: string; title: string; paragraphs: number }
    /** The section's text cannot be read: it is left out of what is written until it is restored. */
    | { kind: 'damaged'; sectionId: string; label: string; title: string }
    /** The body is over the report's word limit: by how much, and the sections over their own budgets. */
    | { kind: 'overLimit'; words: number; limit: number; over: number; sections: Array<{ sectionId: string; label: string; title: string; words: number; budget: number }> }
  >;
}

export interface AttachmentContent {
  name: string;
  mediaType: string;
  /** The file's bytes, base64. */
  data: string;
}

export const api = {
  // The report file: what the start screen needs. The host (Electron shell or browser-mode server)
  // implements these; everything below works on the report open in the caller's window or tab.
  'app.recent': method(empty).returns<RecentFile[]>(),
  'app.chooseFile': method(
    z.object({ mode: z.enum(['open', 'save']), kind: z.enum(['report', 'xlsx', 'csv', 'json', 'list', 'attachment', 'docx', 'pdf', 'html', 'folder', 'copy', 'changes']).default('report') }).strict(),
  ).returns<FileChoice>(),
  'app.newReport': method(newReportInput).returns<{ path: string }>(),
  /** Opens the new report in the caller's window, as the same member; says how many recommendations it carried over. */
  'app.startNextReport': method(nextReportInput).returns<{ path: string; recommendations: number }>(),
  'app.openReport': method(z.object({ path: filePath }).strict()).returns<{ path: string }>(),
  'app.closeReport': method(empty).returns<{ closed: boolean }>(),
  'app.current': method(empty).returns<{ path: string | null }>(),

  'session.signIn': method(z.object({ memberId: id }).strict()).returns<Member>(),
  'session.signOut': method(empty).returns<{ ok: true }>(),
  'workspace.load': method(empty).returns<Workspace>(),

  'report.update': method(reportFields.extend({ lockAtReview: z.boolean(), distribution: z.enum(DISTRIBUTIONS), issued: isoDate }).partial().strict()).returns<Report>(),

  'organizations.create': method(z.object({ name: text(200), kind: z.enum(ORGANIZATION_KINDS) }).strict()).returns<Organization>(),
  'organizations.update': method(
    z.object({ id, name: text(200).optional(), kind: z.enum(ORGANIZATION_KINDS).optional() }).strict(),
  ).returns<Organization>(),
  'organizations.delete': method(z.object({ id }).strict()).returns<{ id: string }>(),

  'members.create': method(z.object({ name: text(200), organizationId: id, role: z.enum(ROLES) }).strict()).returns<Member>(),
  'members.update': method(
    z.object({ id, name: text(200).optional(), organizationId: id.optional(), role: z.enum(ROLES).optional() }).strict(),
  ).returns<Member>(),
  'members.delete': method(z.object({ id }).strict()).returns<{ id: string }>(),
  /** The people's signing keys (one per machine where they act), with what waits for each to be confirmed. */
  'members.keys': method(empty).returns<SigningKeyInfo[]>(),
  /** Confirms a person's signing key (or withdraws the confirmation): the secretariat's, after checking its fingerprint with them. */
  'members.confirmKey': method(z.object({ keyId: z.string().regex(/^[0-9a-f]{32}$/, 'is not a key'), confirmed: z.boolean() }).strict()).returns<SigningKeyInfo>(),

  'sections.create': method(
    z.object({ title: text(300), parentId: id.nullable().default(null), afterId: id.nullable().optional() }).strict(),
  ).returns<Section>(),
  'sections.update': method(
    z
      .object({
        id,
        title: text(300).optional(),
        leadOrganizationId: id.nullable().optional(),
        dueDate: isoDate.optional(),
        wordBudget: z.number().int().min(0).max(100_000).nullable().optional(),
      })
      .strict(),
  ).returns<Section>(),
  'sections.move': method(
    z.object({ id, parentId: id.nullable(), index: z.number().int().min(0).max(10_000) }).strict(),
  ).returns<Section>(),
  'sections.setStatus': method(z.object({ id, status: z.enum(SECTION_STATUSES) }).strict()).returns<Section>(),
  'sections.delete': method(z.object({ id }).strict()).returns<{ id: string }>(),

  'text.load': method(z.object({ sectionId: id }).strict()).returns<SectionText>(),
  'text.push': method(z.object({ sectionId: id, update: base64 }).strict()).returns<{ ok: true }>(),
  /**
   * Yjs's sync steps: the editor sends its state vector and gets what the report has that it lacks,
   * with the report's state vector, to send back what the report lacks. After a failed save the
   * editor saves this way, so nothing typed after the failure depends on a change that was lost.
   */
  'text.sync': method(z.object({ sectionId: id, stateVector: base64 }).strict()).returns<{ sectionId: string; update: string; stateVector: string }>(),
  'text.content': method(z.object({ sectionId: id }).strict()).returns<SectionContent>(),

  // Review comments. A comment on a passage comes with `anchor`: the Yjs update, made in the
  // caller's editor, that wraps the passage in a mark carrying the comment's id. The main process
  // accepts it only if it changes nothing but annotations.
  'comments.list': method(z.object({ sectionId: id.optional() }).strict()).returns<ReviewComment[]>(),
  'comments.create': method(
    z
      .object({
        id,
        sectionId: id,
        type: z.enum(COMMENT_TYPES),
        body: text(10_000),
        proposed: prose(10_000).default(''),
        anchor: base64.optional(),
        /** Instead of an anchor: the words commented on, typed; the main process finds and marks them. */
        passage: prose(2_000).optional(),
      })
      .strict(),
  ).returns<ReviewComment>(),
  'comments.reply': method(z.object({ commentId: id, body: text(10_000) }).strict()).returns<ReviewComment>(),
  'comments.decide': method(
    z.object({ commentId: id, disposition: z.enum(DISPOSITIONS), rationale: prose(10_000).default('') }).strict(),
  ).returns<ReviewComment>(),
  'comments.applyProposal': method(z.object({ commentId: id }).strict()).returns<ReviewComment>(),
  'comments.setStatus': method(z.object({ commentId: id, status: z.enum(['open', 'closed']) }).strict()).returns<ReviewComment>(),
  // Recommendations: the list is imported (see recommendations.import); the country follows them up.
  /** Every recommendation as the view lists it (the table's fields; no plans or notes). */
  'recommendations.list': method(empty).returns<Recommendation[]>(),
  /** One recommendation with its follow-up: its plan (its own and its cluster's) and its progress notes. */
  'recommendations.get': method(z.object({ id }).strict()).returns<FullRecommendation>(),
  'recommendations.update': method(
    z
      .object({
        id,
        responsibleOrganizationId: id.nullable().optional(),
        /** Set by hand: kept, whatever the actions say, until `followActions`. */
        implementationStatus: z.enum(IMPLEMENTATION_STATUSES).optional(),
        /** The status follows from the actions again. */
        followActions: z.literal(true).optional(),
        /** UPR Info's action category, 1 to 5; null: none. */
        actionCategory: z.number().int().min(1).max(5).nullable().optional(),
      })
      .strict(),
  ).returns<FullRecommendation>(),
  /**
   * The same follow-up for many recommendations at once (chosen in the Recommendations view): the
   * lead ministry, contributing ministries, the implementation status, the country's cluster, in
   * one change set. Rows already so are left
   * as they are; when any row may not be changed by this person, nothing is.
   */
  'recommendations.updateMany': method(
    z
      .object({
        ids: z.array(id).min(1, 'choose at least one recommendation').max(10_000, 'is more than 10,000 recommendations'),
        responsibleOrganizationId: id.nullable().optional(),
        implementationStatus: z.enum(IMPLEMENTATION_STATUSES).optional(),
        /** Contributing ministries added to each (those already there stay). */
        addContributors: z.array(id).min(1).max(50).optional(),
        /** The country's cluster each is put in; empty takes them out of the one they are in. */
        countryCluster: z.string().trim().max(2_000, 'is longer than 2000 characters').optional(),
        /** Instead of one name: each put in a cluster named after its own first theme, affected group or SDG. */
        clusterBy: z.enum(CLUSTER_BY).optional(),
      })
      .strict()
      .refine((i) => !(i.countryCluster !== undefined && i.clusterBy !== undefined), 'gives a cluster both by name and by field')
      .refine(
        (i) =>
          i.responsibleOrganizationId !== undefined ||
          i.implementationStatus !== undefined ||
          i.addContributors !== undefined ||
          i.countryCluster !== undefined ||
          i.clusterBy !== undefined,
        'says nothing to change',
      ),
  ).returns<{ changed: number; unchanged: number }>(),
  /**
   * Marks recommendations as the same as another (a treaty body's that repeats a UPR one, the same
   * State's again): followed up there. `sameAs` null says they are not the same as any.
   */
  'recommendations.setSame': method(
    z
      .object({
        ids: z.array(id).min(1, 'choose at least one recommendation').max(1_000, 'is more than 1,000 recommendations'),
        sameAs: id.nullable(),
      })
      .strict(),
  ).returns<{ changed: number; unchanged: number }>(),
  /**
   * Puts recommendations in the public tracker (the website a ministry publishes), or takes them
   * out: the secretariat's. `recommendations.setNotePublic` does the same for progress notes (by
   * the notes' ids), `inputs.setPublic` for consultation inputs.
   */
  'recommendations.setPublic': method(publicMarks('choose at least one recommendation')).returns<{ changed: number; unchanged: number }>(),
  'recommendations.setNotePublic': method(publicMarks('choose at least one progress note')).returns<{ changed: number; unchanged: number }>(),
  /**
   * The recommendations as open data (issue 16, point 10): CSV, a row each, or JSON with their
   * progress notes in full; with the keys others can match them by (the number, the list and the
   * position's source), for national tracking databases and researchers.
   */
  'recommendations.export': method(z.object({ format: z.enum(['csv', 'json']), path: filePath }).strict()).returns<{ path: string; rows: number }>(),
  // Importing a list from a file on this computer: first what it would do, then doing it (one transaction).
  // A CSV or XLSX list is read through a column mapping: the one given, else the one remembered for
  // the same header set, else one guessed from the headers. Importing with a mapping remembers it.
  'recommendations.previewImport': method(
    z.object({ path: filePath, mapping: columnMapping.optional(), csv: csvChoice.optional() }).strict(),
  ).returns<ImportPreview>(),
  'recommendations.import': method(
    z.object({ path: filePath, source: text(300).optional(), mapping: columnMapping.optional(), csv: csvChoice.optional() }).strict(),
  ).returns<ImportSummary>(),
  'recommendations.link': method(z.object({ recommendationId: id, sectionId: id, linked: z.boolean() }).strict()).returns<FullRecommendation>(),
  'recommendations.addNote': method(
    z
      .object({
        recommendationId: id,
        date: isoDate.refine((d) => d !== '', 'must be a date (YYYY-MM-DD)'),
        text: text(10_000),
        /** The action of the plan it reports on. */
        actionId: id.optional(),
      })
      .strict(),
  ).returns<FullRecommendation & { noteId: string }>(),
  // The implementation plan (issue 16, point 4): actions and indicators for a recommendation or for
  // a cluster the country named, and evidence files on progress notes.
  'plan.saveAction': method(
    z
      .object({
        /** Absent: a new action, for the recommendation or the cluster given. */
        id: id.optional(),
        recommendationId: id.optional(),
        cluster: z.string().trim().min(1).max(2_000).optional(),
        title: text(600),
        leadOrganizationId: id.nullable(),
        partnerOrganizationIds: z.array(id).max(50).default([]),
        startDate: isoDate.default(''),
        endDate: isoDate.default(''),
        budgetLine: z.string().trim().max(300, 'is longer than 300 characters').default(''),
        status: z.enum(ACTION_STATUSES).default('planned'),
      })
      .strict()
      .refine((i) => i.id !== undefined || (i.recommendationId !== undefined) !== (i.cluster !== undefined), 'names a recommendation or a cluster, one of them'),
  ).returns<{ id: string }>(),
  'plan.deleteAction': method(z.object({ id }).strict()).returns<void>(),
  'plan.saveIndicator': method(
    z
      .object({
        id: id.optional(),
        recommendationId: id.optional(),
        cluster: z.string().trim().min(1).max(2_000).optional(),
        name: text(600),
        baseline: z.string().trim().max(300, 'is longer than 300 characters').default(''),
        target: z.string().trim().max(300, 'is longer than 300 characters').default(''),
        unit: z.string().trim().max(300, 'is longer than 300 characters').default(''),
        source: z.string().trim().max(300, 'is longer than 300 characters').default(''),
      })
      .strict()
      .refine((i) => i.id !== undefined || (i.recommendationId !== undefined) !== (i.cluster !== undefined), 'names a recommendation or a cluster, one of them'),
  ).returns<{ id: string }>(),
  'plan.deleteIndicator': method(z.object({ id }).strict()).returns<void>(),
  /** An evidence file for a progress note, of up to 50 MB, read from disk by the main process. */
  'plan.attachEvidence': method(z.object({ noteId: id, path: filePath, name: attachmentName.optional() }).strict()).returns<{ id: string }>(),
  /** An evidence file's bytes, to open it read-only. */
  'plan.evidence': method(z.object({ id }).strict()).returns<AttachmentContent>(),
  /** The plan's actions past their end date and neither completed nor cancelled, as of `today` (the person's date). */
  'plan.overdue': method(z.object({ today: isoDate.refine((d) => d !== '', 'must be a date (YYYY-MM-DD)') }).strict()).returns<OverdueAction[]>(),
  /**
   * The implementation matrix as an .xlsx ministries fill in (issue 16, point 5): every
   * recommendation, or those one ministry leads; its filled copy previewed, then imported.
   */
  'plan.exportMatrix': method(z.object({ path: filePath, organizationId: id.optional() }).strict()).returns<{ path: string; recommendations: number; actions: number }>(),
  'plan.previewMatrix': method(z.object({ path: filePath }).strict()).returns<MatrixPreview>(),
  'plan.importMatrix': method(z.object({ path: filePath }).strict()).returns<{ written: number; kept: number; problems: number }>(),
  // Consultation inputs: registered, linked to sections and recommendations, given a disposition, with
  // their files attached. Files cross the API as base64, capped by `base64` (about 12 MB of bytes); the
  // app attaches larger ones (up to 50 MB) from disk with `inputs.attachFile`.
  'inputs.list': method(empty).returns<ConsultationInput[]>(),
  'inputs.create': method(
    z
      .object({
        title: inputFields.title,
        sourceOrganizationId: inputFields.sourceOrganizationId.default(null),
        receivedOn: inputFields.receivedOn.default(''),
        channel: inputFields.channel.default('written_submission'),
        summary: inputFields.summary.default(''),
        fullText: inputFields.fullText.default(''),
        themes: inputFields.themes.default([]),
      })
      .strict(),
  ).returns<ConsultationInput>(),
  'inputs.update': method(
    z
      .object({
        id,
        title: inputFields.title.optional(),
        sourceOrganizationId: inputFields.sourceOrganizationId.optional(),
        receivedOn: inputFields.receivedOn.optional(),
        channel: inputFields.channel.optional(),
        summary: inputFields.summary.optional(),
        fullText: inputFields.fullText.optional(),
        themes: inputFields.themes.optional(),
      })
      .strict(),
  ).returns<ConsultationInput>(),
  'inputs.delete': method(z.object({ id }).strict()).returns<{ id: string }>(),
  'inputs.setPublic': method(publicMarks('choose at least one input')).returns<{ changed: number; unchanged: number }>(),
  'inputs.link': method(
    z.object({ inputId: id, targetKind: z.enum(INPUT_LINK_TARGETS), targetId: id, linked: z.boolean() }).strict(),
  ).returns<ConsultationInput>(),
  'inputs.decide': method(
    z.object({ inputId: id, disposition: z.enum(INPUT_DISPOSITIONS), rationale: prose(10_000).default('') }).strict(),
  ).returns<ConsultationInput>(),
  'inputs.attach': method(
    z.object({ inputId: id, name: attachmentName, mediaType: mediaType.default(''), data: base64 }).strict(),
  ).returns<ConsultationInput>(),
  /** The app's way to attach a file of up to 50 MB: the main process reads it from disk. */
  'inputs.attachFile': method(
    z.object({ inputId: id, path: filePath, name: attachmentName.optional(), mediaType: mediaType.default('') }).strict(),
  ).returns<ConsultationInput>(),
  'inputs.detach': method(z.object({ id }).strict()).returns<ConsultationInput>(),
  /** An attachment's bytes, to open it read-only. */
  'inputs.attachment': method(z.object({ id }).strict()).returns<AttachmentContent>(),
  /**
   * Puts the consultation log (every input, its source, date, channel and disposition) in a section's
   * text as a table, at its end; a log table put there before is replaced, not repeated.
   */
  /**
   * The consultation log put in a section's text: a short summary (the full log being the inputs
   * annex) or the full log as a table (the default); a log put in before, in either form, is replaced.
   */
  'inputs.insertLog': method(z.object({ sectionId: id, form: z.enum(LOG_FORMS).optional() }).strict()).returns<{ sectionId: string; rows: number; replaced: boolean; form: LogForm }>(),

  // The final report. `export.check` says what the Export screen shows before writing: the body's
  // words against the limit (annexes and footnotes not counted), sections over their budget, and what
  // blocks submission. `export.write` writes the Word, PDF or HTML file (written beside its final name
  // and renamed when complete).
  'export.check': method(empty).returns<ExportCheck>(),
  'export.write': method(
    z
      .object({
        format: z.enum(EXPORT_FORMATS),
        path: filePath,
        annexes: z.object({ recommendations: z.enum(ANNEX_RECOMMENDATIONS), order: z.enum(ANNEX_ORDERS), inputs: z.boolean() }).strict().optional(),
        /** A draft: marked DRAFT on every page, its name and the date at the foot; lines numbered in Word on request. */
        draft: z.object({ label: text(200), lineNumbers: z.boolean() }).strict().optional(),
      })
      .strict(),
  ).returns<{ path: string; bytes: number; words: number }>(),
  /**
   * The pages as the PDF would print them, with the same choices, written nowhere: the PDF's bytes
   * (base64) for the Export view to show before anything is written.
   */
  'export.preview': method(
    z
      .object({
        annexes: z.object({ recommendations: z.enum(ANNEX_RECOMMENDATIONS), order: z.enum(ANNEX_ORDERS), inputs: z.boolean() }).strict().optional(),
        draft: z.object({ label: text(200), lineNumbers: z.boolean() }).strict().optional(),
      })
      .strict(),
  ).returns<{ pdf: string; bytes: number }>(),
  /**
   * The public tracker (issue 16, point 9): a static website of what the secretariat marked public
   * (recommendations with their status and progress, the consultation's "you said / we did"),
   * written as a folder (`path`) that is empty or holds a tracker written before, or, with `zip`,
   * as one .zip file of that folder (browser mode downloads it).
   */
  'export.publicTracker': method(z.object({ path: filePath, zip: z.boolean().default(false) }).strict()).returns<{
    path: string;
    recommendations: number;
    notes: number;
    inputs: number;
  }>(),
  /**
   * The mid-term report (issue 16, point 7): the UPR recommendations cluster by cluster with their
   * position, responsible institution, status and progress, and the annex matrix, in the report's
   * language, as Word or PDF. `asOf` (today when not given) is its date, and the last day whose
   * progress notes it tells. Written beside its final name and renamed when complete.
   */
  'export.midterm': method(
    z
      .object({
        path: filePath,
        format: z.enum(['docx', 'pdf']),
        asOf: isoDay.refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a day of the calendar').optional(),
      })
      .strict(),
  ).returns<{ path: string; bytes: number; recommendations: number }>(),

  // Sharing between offices. A copy is written closed (VACUUM INTO, then renamed); merging a copy
  // that came back brings over what it has that this file lacks, after a backup.
  /** Writes a copy packed to travel by e-mail (`.uprz`; `.upr` in `path` becomes `.uprz`), without what opening it rebuilds. */
  'sharing.sendCopy': method(z.object({ path: filePath }).strict()).returns<{ path: string; bytes: number }>(),
  /** The report's offices, each with when this report last learnt what it has (a copy or changes merged from it; null: never). */
  'sharing.offices': method(empty).returns<Array<{ id: string; name: string; heardAt: string | null }>>(),
  /** Writes (packed, `.uprz`) only the changes the office lacks, as the last copy or changes merged from it show. */
  'sharing.sendChanges': method(z.object({ path: filePath, organizationId: id }).strict()).returns<{ path: string; bytes: number; changes: number; sections: number }>(),
  /** `name`: the copy as the person knows it, when `path` is the server's copy of a file sent from the browser. */
  /** Connects this report to the office network server with the invitation the secretariat gave; its state. */
  'network.connect': method(
    z
      .object({
        address: z.string().min(1, 'cannot be empty').max(500, 'is longer than 500 characters'),
        invitation: z.string().min(1, 'cannot be empty').max(500, 'is longer than 500 characters'),
        /** The server's certificate (PEM) to trust, for a wss:// server with a certificate of its own. */
        ca: z.string().max(65_536, 'is longer than a certificate').regex(/-----BEGIN CERTIFICATE-----/, 'is not a certificate (it starts -----BEGIN CERTIFICATE-----)').optional(),
      })
      .strict(),
  ).returns<NetworkState>(),
  /** The connection's state, or null when this report is not connected. */
  'network.status': method(empty).returns<NetworkState | null>(),
  'network.disconnect': method(empty).returns<null>(),
  /** Serves this report to the offices on the network (the secretariat's), on `port` of every network of this computer. */
  'network.serve': method(z.object({ port: z.number().int('is not a whole number').min(1024, 'must be 1024 or more').max(65535, 'must be 65535 or less') }).strict()).returns<ServingState>(),
  /** The office server this app runs for the report, or null when it serves none. */
  'network.serving': method(empty).returns<ServingState | null>(),
  /** Stops serving; connected offices go on offline in their own files. */
  'network.stopServing': method(empty).returns<null>(),
  /** A one-time invitation for a member to connect to the office server: the code to give them, shown once. */
  /** Where this person is, shared with those connected through the office network server (nothing when not connected or serving). */
  'network.presence': method(
    z
      .object({
        sectionId: id.nullable(),
        anchor: z.string().max(1024).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not a position').nullable(),
        focus: z.string().max(1024).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not a position').nullable(),
        focusing: z.boolean(),
      })
      .strict(),
  ).returns<null>(),
  /** Whether the report is connected to (or served on) the office network, and where the others connected are. */
  'network.peers': method(empty).returns<{ live: boolean; peers: PeerPresence[] }>(),
  'network.invite': method(z.object({ memberId: id }).strict()).returns<{ code: string; member: string }>(),
  'sharing.merge': method(z.object({ path: filePath, name: attachmentName.optional(), confirmKeys: z.boolean().optional() }).strict()).returns<MergeSummary>(),
  /** Fields changed in two copies at once, not settled yet (no change to the field newer than both). */
  'sharing.conflicts': method(empty).returns<OpenConflict[]>(),
  /** The last merge that brought something, when it was made (ISO, UTC) and its report; null before any. The secretariat's. */
  'sharing.lastMerge': method(empty).returns<{ mergedAt: string; summary: MergeSummary } | null>(),
  /** Settles a conflict with one of its values or another: a new change that wins everywhere. */
  'sharing.settle': method(
    z.object({ conflictId: id, value: z.union([z.string().max(100_000), z.number(), z.null()]) }).strict(),
  ).returns<{ ok: true }>(),
  /** Paragraphs both copies edited since they parted, not settled yet (shared/api.ts FlaggedParagraph). */
  'sharing.flags': method(empty).returns<FlaggedParagraph[]>(),
  /** Settles a flagged paragraph: keeps this report's, the copy's, the merged one, or `text` (edited). */
  'sharing.settleParagraph': method(
    z
      .object({ sectionId: id, blockId: z.string().regex(/^\d{1,12}:\d{1,12}$/, 'is not a paragraph'), keep: z.enum(['local', 'other', 'merged', 'edited']), text: z.string().max(100_000).optional() })
      .strict(),
  ).returns<{ changed: boolean }>(),
  /** A section whose text both copies changed: each side's text as they met, and the text now. */
  'sharing.texts': method(z.object({ sectionId: id }).strict()).returns<{ local: string; other: string; merged: string } | null>(),

  'comments.export': method(
    z.object({ format: z.enum(['xlsx', 'csv']), path: filePath }).strict(),
  ).returns<{ path: string; rows: number }>(),

  // Versions of the report (shared/versions.ts). Saving one is the secretariat's; reading and
  // comparing anyone's. `to` (and `from`) may be 'now', the report as it is. Restoring puts a
  // section's text or one of its details back as it was in a version, as a new change.
  'versions.list': method(empty).returns<VersionInfo[]>(),
  'versions.save': method(z.object({ name: text(300) }).strict()).returns<VersionInfo>(),
  'versions.read': method(z.object({ id }).strict()).returns<VersionReading>(),
  'versions.compare': method(z.object({ from: versionRef, to: versionRef }).strict()).returns<VersionComparison>(),
  /** A section's text now (or at the version `until`) with what changed since a version marked, by whom and when (Word's "All markup"); null when this file cannot rebuild a version's text. */
  'versions.markup': method(z.object({ sectionId: id, since: id, until: id.optional() }).strict()).returns<MarkedParagraph[] | null>(),
  'versions.restore': method(
    z.object({ versionId: id, sectionId: id, what: z.enum(['text', 'title', 'status', 'lead', 'due', 'budget']) }).strict(),
  ).returns<{ changed: boolean }>(),
  // The report's history (shared/history.ts): who changed what and when, newest first, filtered;
  // and the same written to XLSX or CSV for an audit.
  'history.list': method(historyFilter).returns<HistoryPage>(),
  'history.export': method(z.object({ format: z.enum(['xlsx', 'csv']), path: filePath, filter: historyFilter }).strict()).returns<{ path: string; rows: number }>(),
  /** The comparison as a Word document with tracked changes (insertions and deletions Word can accept or reject). */
  'versions.redline': method(z.object({ from: versionRef, to: versionRef, path: filePath }).strict()).returns<{ path: string; bytes: number }>(),

  // One search box over the report: section text, recommendations, consultation inputs and comments.
  // Anyone who can open the report may search; inputs are found only by a signed-in member.
  'search.query': method(
    z.object({ q: z.string().max(200, 'is longer than 200 characters'), limit: z.number().int().min(1).max(50).default(10) }).strict(),
  ).returns<SearchResults>(),
  // Find and replace across the report's sections (accents and case ignored): every match, by
  // section; replacing in the sections chosen, each only where its writer may write.
  'text.findAll': method(z.object({ query: z.string().min(1, 'is empty').max(200, 'is longer than 200 characters') }).strict()).returns<FindResults>(),
  'text.replaceAll': method(
    z
      .object({
        query: z.string().min(1, 'is empty').max(200, 'is longer than 200 characters'),
        replacement: z.string().max(1_000, 'is longer than 1,000 characters'),
        sectionIds: z.array(id).min(1).max(10_000),
      })
      .strict(),
  ).returns<ReplaceSummary>(),
} as const;

/** Every match of a find across the report, section by section in outline order. */
export interface FindResults {
  query: string;
  sections: Array<{
    sectionId: string;
    label: string;
    title: string;
    /** Each match with a few words either side. */
    matches: Array<{ before: string; match: string; after: string }>;
    /** Whether the person may replace in this section. */
    mayReplace: boolean;
  }>;
  total: number;
}

export interface ReplaceSummary {
  replaced: number;
  sections: number;
  /** Sections asked for that were left as they were, and why (with the message's key, to say it in the reader's language). */
  skipped: Array<{ sectionId: string; reason: string; key?: string; params?: Record<string, string | number> }>;
}

export type Api = typeof api;
export type MethodName = keyof Api;
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Result<M extends MethodName> = Api[M]['result'];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** Events pushed from the main process to every window or tab with the same file open. */
export type ApiEvent =
  | { kind: 'changed'; what: Array<'report' | 'organizations' | 'members' | 'sections' | 'words' | 'comments' | 'recommendations' | 'inputs' | 'versions' | 'network'> }
  | { kind: 'text'; sectionId: string; update: string; origin: string }
  /** Who else is connected through the office network server, and where their carets are (all of them, each time). */
  | { kind: 'presence'; live: boolean; peers: PeerPresence[] }
  | { kind: 'closed' };

/**
 * An event as a window or tab receives it. `origin` names the window or tab that made a text change
 * so the host can keep its own changes from coming back to it; it is that client's id, which acts
 * as the client, so it never leaves the main process.
 */
export function eventForClient(event: ApiEvent): ApiEvent {
  return event.kind === 'text' ? { ...event, origin: '' } : event;
}

/** What a transport sends back: a result, or an error a person can read. */
export type Reply<R> =
  | { ok: true; result: R }
  | {
      ok: false;
      /** `message` in English; `key` and `params` (shared/messages.ts) let the UI say it in its language. */
      error: { message: string; code: string; key?: string; params?: Record<string, string | number> };
    };

/** The only IPC channel names; nothing else in the app spells them (defined in ipc-channels.ts). */
export { IPC_CALL, IPC_EVENT } from './ipc-channels.js';

/** A command from the app's menu to a window's start screen (Electron only: browser mode has no menu). */
export type ShellEvent = { kind: 'command'; command: 'newReport' | 'sendCopy' | 'mergeCopy' | 'officeServer' };

/**
 * What the Electron preload exposes as `window.upr`, and nothing more: one call for every API method
 * (validated in the main process) and one stream of events. `call` never rejects; failures come back
 * as a Reply with a message a person can read.
 */
export interface UprBridge {
  call(name: string, input?: unknown): Promise<Reply<unknown>>;
  /** Returns the function that stops listening. */
  onEvent(listener: (event: ApiEvent | ShellEvent) => void): () => void;
}

/** What the search box finds, grouped in this order. */
export const SEARCH_KINDS = ['section', 'recommendation', 'input', 'comment'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A piece of a snippet; the UI renders `text` as text and marks the hits. */
export interface SearchSnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  /** The section, recommendation, input or comment found. */
  id: string;
  /** For a comment, the section it is on (to go to it); null for the other kinds. */
  sectionId: string | null;
  /** "B.2 Ratification of international instruments", "115.23", an input's title, "Comment 12". */
  title: string;
  /** Context for the title: a comment's section, a recommendation's States, an input's source. */
  detail: string;
  /** A few words around the hits, '…' where text was left out. */
  snippet: SearchSnippetPart[];
}

export interface SearchGroup {
  kind: SearchKind;
  /** Best first (bm25), at most the limit asked for. */
  hits: SearchHit[];
  /** More were found than the limit. */
  more: boolean;
}

export interface SearchResults {
  query: string;
  /** One group per kind the caller may read, in SEARCH_KINDS order, empty ones included. */
  groups: SearchGroup[];
}
