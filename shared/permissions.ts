// Who may do what. The main process services check these on every change; the UI uses the same
// functions to hide what a role cannot do, but is never the only guard. A denial is a message (by
// key, see messages.ts) that says why, in the person's words.
import type { Member, Section, SectionStatus } from './domain.js';
import type { Message } from './messages.js';

export type Denial = Message | null;

/** Report settings, organizations, members, the outline and section details. */
export function denyReportChange(me: Member | null): Denial {
  if (!me) return { key: 'sayWhoFirst' };
  if (me.role !== 'secretariat') return { key: 'secretariatOnly', params: { role: me.role } };
  return null;
}

export function denySectionText(me: Member | null, section: Pick<Section, 'leadOrganizationId' | 'title'>): Denial {
  if (!me) return { key: 'sayWhoBeforeWriting' };
  if (me.role === 'secretariat') return null;
  if (me.role === 'drafter') {
    if (section.leadOrganizationId && section.leadOrganizationId === me.organizationId) return null;
    return { key: 'otherOrganizationsSection', params: { title: section.title } };
  }
  return { key: 'readOnlyRole', params: { role: me.role } };
}

const DRAFTER_STATUSES: readonly SectionStatus[] = ['not_started', 'drafting', 'ready_for_review'];

export function denySectionStatus(
  me: Member | null,
  section: Pick<Section, 'leadOrganizationId' | 'title'>,
  status: SectionStatus,
): Denial {
  const text = denySectionText(me, section);
  if (text) return text;
  if (me!.role === 'drafter' && !DRAFTER_STATUSES.includes(status)) return { key: 'approveSecretariatOnly' };
  return null;
}

export function allowedStatuses(me: Member | null, section: Pick<Section, 'leadOrganizationId' | 'title'>): SectionStatus[] {
  if (denySectionText(me, section)) return [];
  return me!.role === 'secretariat' ? ['not_started', 'drafting', 'ready_for_review', 'approved'] : [...DRAFTER_STATUSES];
}
