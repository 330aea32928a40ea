// Who may do what. The main process services check these on every change; the UI uses the same
// functions to hide what a role cannot do, but is never the only guard.
import type { Member, Section, SectionStatus } from './domain.js';

export type Denial = string | null;

/** Report settings, organizations, members, the outline and section details. */
export function denyReportChange(me: Member | null): Denial {
  if (!me) return 'Say who you are before changing anything.';
  if (me.role !== 'secretariat') return `Only the secretariat can change this; you are signed in as ${roleWord(me)}.`;
  return null;
}

export function denySectionText(me: Member | null, section: Pick<Section, 'leadOrganizationId' | 'title'>): Denial {
  if (!me) return 'Say who you are before writing.';
  if (me.role === 'secretariat') return null;
  if (me.role === 'drafter') {
    if (section.leadOrganizationId && section.leadOrganizationId === me.organizationId) return null;
    return `Section "${section.title}" is led by another organization; only its drafters and the secretariat can write in it.`;
  }
  return `As ${roleWord(me)} you can read the report but not change its text.`;
}

const DRAFTER_STATUSES: readonly SectionStatus[] = ['not_started', 'drafting', 'ready_for_review'];

export function denySectionStatus(
  me: Member | null,
  section: Pick<Section, 'leadOrganizationId' | 'title'>,
  status: SectionStatus,
): Denial {
  const text = denySectionText(me, section);
  if (text) return text;
  if (me!.role === 'drafter' && !DRAFTER_STATUSES.includes(status)) {
    return 'Only the secretariat can approve a section.';
  }
  return null;
}

export function allowedStatuses(me: Member | null, section: Pick<Section, 'leadOrganizationId' | 'title'>): SectionStatus[] {
  if (denySectionText(me, section)) return [];
  return me!.role === 'secretariat' ? ['not_started', 'drafting', 'ready_for_review', 'approved'] : [...DRAFTER_STATUSES];
}

function roleWord(me: Member): string {
  return me.role === 'observer' ? 'an observer' : `a ${me.role}`;
}
