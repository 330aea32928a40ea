import { z } from 'zod';
import { type Member, type Organization, type Report, type Section, type Workspace } from './domain.js';
export declare const reportFields: z.ZodObject<{
    title: z.ZodString;
    country: z.ZodString;
    cycle: z.ZodNumber;
    language: z.ZodEnum<{
        en: "en";
        fr: "fr";
        es: "es";
        ar: "ar";
        ru: "ru";
        zh: "zh";
    }>;
    deadline: z.ZodUnion<readonly [z.ZodLiteral<"">, z.ZodString]>;
    wordLimit: z.ZodNumber;
}, z.core.$strict>;
export declare const newReportInput: z.ZodObject<{
    path: z.ZodString;
    title: z.ZodOptional<z.ZodString>;
    country: z.ZodString;
    cycle: z.ZodDefault<z.ZodNumber>;
    language: z.ZodDefault<z.ZodEnum<{
        en: "en";
        fr: "fr";
        es: "es";
        ar: "ar";
        ru: "ru";
        zh: "zh";
    }>>;
    yourName: z.ZodString;
    yourOrganization: z.ZodString;
}, z.core.$strict>;
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
export declare const api: {
    readonly 'app.recent': {
        input: z.ZodObject<{}, z.core.$strict>;
        result: RecentFile[];
    };
    readonly 'app.chooseFile': {
        input: z.ZodObject<{
            mode: z.ZodEnum<{
                open: "open";
                save: "save";
            }>;
        }, z.core.$strict>;
        result: FileChoice;
    };
    readonly 'app.newReport': {
        input: z.ZodObject<{
            path: z.ZodString;
            title: z.ZodOptional<z.ZodString>;
            country: z.ZodString;
            cycle: z.ZodDefault<z.ZodNumber>;
            language: z.ZodDefault<z.ZodEnum<{
                en: "en";
                fr: "fr";
                es: "es";
                ar: "ar";
                ru: "ru";
                zh: "zh";
            }>>;
            yourName: z.ZodString;
            yourOrganization: z.ZodString;
        }, z.core.$strict>;
        result: {
            path: string;
        };
    };
    readonly 'app.openReport': {
        input: z.ZodObject<{
            path: z.ZodString;
        }, z.core.$strict>;
        result: {
            path: string;
        };
    };
    readonly 'app.closeReport': {
        input: z.ZodObject<{}, z.core.$strict>;
        result: {
            closed: boolean;
        };
    };
    readonly 'app.current': {
        input: z.ZodObject<{}, z.core.$strict>;
        result: {
            path: string | null;
        };
    };
    readonly 'session.signIn': {
        input: z.ZodObject<{
            memberId: z.ZodString;
        }, z.core.$strict>;
        result: Member;
    };
    readonly 'session.signOut': {
        input: z.ZodObject<{}, z.core.$strict>;
        result: {
            ok: true;
        };
    };
    readonly 'workspace.load': {
        input: z.ZodObject<{}, z.core.$strict>;
        result: Workspace;
    };
    readonly 'report.update': {
        input: z.ZodObject<{
            title: z.ZodOptional<z.ZodString>;
            country: z.ZodOptional<z.ZodString>;
            cycle: z.ZodOptional<z.ZodNumber>;
            language: z.ZodOptional<z.ZodEnum<{
                en: "en";
                fr: "fr";
                es: "es";
                ar: "ar";
                ru: "ru";
                zh: "zh";
            }>>;
            deadline: z.ZodOptional<z.ZodUnion<readonly [z.ZodLiteral<"">, z.ZodString]>>;
            wordLimit: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strict>;
        result: Report;
    };
    readonly 'organizations.create': {
        input: z.ZodObject<{
            name: z.ZodString;
            kind: z.ZodEnum<{
                ministry: "ministry";
                agency: "agency";
                nhri: "nhri";
                civil_society: "civil_society";
                un_entity: "un_entity";
                other: "other";
            }>;
        }, z.core.$strict>;
        result: Organization;
    };
    readonly 'organizations.update': {
        input: z.ZodObject<{
            id: z.ZodString;
            name: z.ZodOptional<z.ZodString>;
            kind: z.ZodOptional<z.ZodEnum<{
                ministry: "ministry";
                agency: "agency";
                nhri: "nhri";
                civil_society: "civil_society";
                un_entity: "un_entity";
                other: "other";
            }>>;
        }, z.core.$strict>;
        result: Organization;
    };
    readonly 'organizations.delete': {
        input: z.ZodObject<{
            id: z.ZodString;
        }, z.core.$strict>;
        result: {
            id: string;
        };
    };
    readonly 'members.create': {
        input: z.ZodObject<{
            name: z.ZodString;
            organizationId: z.ZodString;
            role: z.ZodEnum<{
                secretariat: "secretariat";
                drafter: "drafter";
                reviewer: "reviewer";
                observer: "observer";
            }>;
        }, z.core.$strict>;
        result: Member;
    };
    readonly 'members.update': {
        input: z.ZodObject<{
            id: z.ZodString;
            name: z.ZodOptional<z.ZodString>;
            organizationId: z.ZodOptional<z.ZodString>;
            role: z.ZodOptional<z.ZodEnum<{
                secretariat: "secretariat";
                drafter: "drafter";
                reviewer: "reviewer";
                observer: "observer";
            }>>;
        }, z.core.$strict>;
        result: Member;
    };
    readonly 'members.delete': {
        input: z.ZodObject<{
            id: z.ZodString;
        }, z.core.$strict>;
        result: {
            id: string;
        };
    };
    readonly 'sections.create': {
        input: z.ZodObject<{
            title: z.ZodString;
            parentId: z.ZodDefault<z.ZodNullable<z.ZodString>>;
            afterId: z.ZodOptional<z.ZodNullable<z.ZodString>>;
        }, z.core.$strict>;
        result: Section;
    };
    readonly 'sections.update': {
        input: z.ZodObject<{
            id: z.ZodString;
            title: z.ZodOptional<z.ZodString>;
            leadOrganizationId: z.ZodOptional<z.ZodNullable<z.ZodString>>;
            dueDate: z.ZodOptional<z.ZodUnion<readonly [z.ZodLiteral<"">, z.ZodString]>>;
            wordBudget: z.ZodOptional<z.ZodNullable<z.ZodNumber>>;
        }, z.core.$strict>;
        result: Section;
    };
    readonly 'sections.move': {
        input: z.ZodObject<{
            id: z.ZodString;
            parentId: z.ZodNullable<z.ZodString>;
            index: z.ZodNumber;
        }, z.core.$strict>;
        result: Section;
    };
    readonly 'sections.setStatus': {
        input: z.ZodObject<{
            id: z.ZodString;
            status: z.ZodEnum<{
                not_started: "not_started";
                drafting: "drafting";
                ready_for_review: "ready_for_review";
                approved: "approved";
            }>;
        }, z.core.$strict>;
        result: Section;
    };
    readonly 'sections.delete': {
        input: z.ZodObject<{
            id: z.ZodString;
        }, z.core.$strict>;
        result: {
            id: string;
        };
    };
    readonly 'text.load': {
        input: z.ZodObject<{
            sectionId: z.ZodString;
        }, z.core.$strict>;
        result: SectionText;
    };
    readonly 'text.push': {
        input: z.ZodObject<{
            sectionId: z.ZodString;
            update: z.ZodString;
        }, z.core.$strict>;
        result: {
            ok: true;
        };
    };
    readonly 'text.content': {
        input: z.ZodObject<{
            sectionId: z.ZodString;
        }, z.core.$strict>;
        result: SectionContent;
    };
};
export type Api = typeof api;
export type MethodName = keyof Api;
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Result<M extends MethodName> = Api[M]['result'];
export declare function isMethodName(name: unknown): name is MethodName;
/** Events pushed from the main process to every window or tab with the same file open. */
export type ApiEvent = {
    kind: 'changed';
    what: Array<'report' | 'organizations' | 'members' | 'sections' | 'words'>;
} | {
    kind: 'text';
    sectionId: string;
    update: string;
    origin: string;
} | {
    kind: 'closed';
};
/** What a transport sends back: a result, or an error a person can read. */
export type Reply<R> = {
    ok: true;
    result: R;
} | {
    ok: false;
    error: {
        message: string;
        code: string;
    };
};
/** The only IPC channel names; nothing else in the app spells them. */
export declare const IPC_CALL = "upr:call";
export declare const IPC_EVENT = "upr:event";
