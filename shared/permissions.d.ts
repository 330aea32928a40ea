import type { Member, Section, SectionStatus } from './domain.js';
export type Denial = string | null;
/** Report settings, organizations, members, the outline and section details. */
export declare function denyReportChange(me: Member | null): Denial;
export declare function denySectionText(me: Member | null, section: Pick<Section, 'leadOrganizationId' | 'title'>): Denial;
export declare function denySectionStatus(me: Member | null, section: Pick<Section, 'leadOrganizationId' | 'title'>, status: SectionStatus): Denial;
export declare function allowedStatuses(me: Member | null, section: Pick<Section, 'leadOrganizationId' | 'title'>): SectionStatus[];
