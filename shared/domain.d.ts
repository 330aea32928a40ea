export declare const ROLES: readonly ["secretariat", "drafter", "reviewer", "observer"];
export type Role = (typeof ROLES)[number];
export declare const ORGANIZATION_KINDS: readonly ["ministry", "agency", "nhri", "civil_society", "un_entity", "other"];
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export declare const SECTION_STATUSES: readonly ["not_started", "drafting", "ready_for_review", "approved"];
export type SectionStatus = (typeof SECTION_STATUSES)[number];
/** UN official languages a report may be written in. */
export declare const REPORT_LANGUAGES: readonly ["en", "fr", "es", "ar", "ru", "zh"];
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];
/** HRC decision 17/119: a national report is at most 10,700 words. */
export declare const DEFAULT_WORD_LIMIT = 10700;
export interface Report {
    id: string;
    title: string;
    country: string;
    cycle: number;
    language: ReportLanguage;
    /** ISO date (YYYY-MM-DD) or '' when not set. */
    deadline: string;
    wordLimit: number;
}
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
}
/** Sections in outline order (depth first, siblings by position), each with its depth and number. */
export interface OutlineEntry {
    section: SectionWithCount;
    depth: number;
    /** "A", "B", ... for top-level sections, "A.1", "A.2" below. */
    label: string;
}
export declare function outlineOrder<T extends Section>(sections: readonly T[]): Array<{
    section: T;
    depth: number;
    label: string;
}>;
export declare function isOverdue(section: Pick<Section, 'dueDate' | 'status'>, today: string): boolean;
