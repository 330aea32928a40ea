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

/**
 * A section as the rules see it: who leads it, and (where known) its status and whether the report
 * locks sections at "Ready for review" (the report's setting, `Report.lockAtReview`).
 */
export type SectionLead = Pick<Section, 'leadOrganizationId' | 'title'> & { status?: string | null; lockAtReview?: boolean };

/** A section with the report's setting the rules read beside it (whether it locks at review). */
export function asRulesSeeIt<S extends SectionLead>(section: S, report: { lockAtReview: boolean }): S & { lockAtReview: boolean } {
  return { ...section, lockAtReview: report.lockAtReview };
}

/**
 * Writing a section's text: the secretariat, and the drafters of its lead organization until it is
 * approved (an approved section's text is final; the secretariat reopens it), or, when the report
 * locks at review, until it is ready for review.
 */
export function denySectionText(me: Member | null, section: SectionLead): Denial {
  if (!me) return { key: 'sayWhoBeforeWriting' };
  if (me.role === 'secretariat') return null;
  if (me.role === 'drafter') {
    if (!section.leadOrganizationId || section.leadOrganizationId !== me.organizationId) return { key: 'otherOrganizationsSection', params: { title: section.title } };
    if (section.status === 'approved') return { key: 'sectionApproved', params: { title: section.title } };
    if (section.status === 'ready_for_review' && section.lockAtReview) return { key: 'sectionInReview', params: { title: section.title } };
    return null;
  }
  return { key: 'readOnlyRole', params: { role: me.role } };
}

/**
 * Whether a denial of writing is a section's status closing it to its own drafters (approved, or
 * in review where the report locks then), which they may ask the secretariat to reopen.
 */
export function closedByStatus(denial: Denial): boolean {
  return denial?.key === 'sectionApproved' || denial?.key === 'sectionInReview';
}

const DRAFTER_STATUSES: readonly SectionStatus[] = ['not_started', 'drafting', 'ready_for_review'];

/**
 * Setting a section's status. What the person's role can never do is said before what the section's
 * state refuses, so the reason for a refusal does not depend on the order in which copies arrive (a
 * drafter's "approved" is held as "only the secretariat approves" in every office).
 */
export function denySectionStatus(me: Member | null, section: SectionLead, status: SectionStatus): Denial {
  if (me?.role === 'drafter' && !DRAFTER_STATUSES.includes(status)) return { key: 'approveSecretariatOnly' };
  return denySectionText(me, section);
}

export function allowedStatuses(me: Member | null, section: SectionLead): SectionStatus[] {
  if (denySectionText(me, section)) return [];
  return me!.role === 'secretariat' ? ['not_started', 'drafting', 'ready_for_review', 'approved'] : [...DRAFTER_STATUSES];
}

function draftsFor(me: Member, section: SectionLead): boolean {
  return me.role === 'drafter' && section.leadOrganizationId !== null && section.leadOrganizationId === me.organizationId;
}

/** Making a comment: everyone who takes part in the review, not observers. */
export function denyComment(me: Member | null): Denial {
  if (!me) return { key: 'sayWhoFirst' };
  if (me.role === 'observer') return { key: 'cannotComment', params: { role: me.role } };
  return null;
}

/** Replying in a thread: reviewers, the secretariat, the comment's author and the section's drafters. */
export function denyReply(me: Member | null, section: SectionLead, comment: { authorId: string }): Denial {
  const denied = denyComment(me);
  if (denied) return denied;
  if (me!.role === 'secretariat' || me!.role === 'reviewer' || me!.id === comment.authorId || draftsFor(me!, section)) return null;
  return { key: 'replyNotAllowed', params: { title: section.title } };
}

/** Recording a disposition (and applying proposed wording): the section's drafters and the secretariat. */
export function denyAnswer(me: Member | null, section: SectionLead): Denial {
  if (!me) return { key: 'sayWhoFirst' };
  if (me.role === 'secretariat' || draftsFor(me, section)) return null;
  return { key: 'answerLeadOnly', params: { title: section.title } };
}

/** Closing or reopening a comment once its answer has been seen: the secretariat and the comment's author. */
export function denyCloseComment(me: Member | null, comment: { authorId: string }): Denial {
  if (!me) return { key: 'sayWhoFirst' };
  if (me.role === 'secretariat' || me.id === comment.authorId) return null;
  return { key: 'closeNotAllowed' };
}

/**
 * Following up a recommendation (its implementation status and progress notes): the secretariat,
 * and the drafters of the organization responsible for it.
 */
export function denyRecommendationFollowUp(me: Member | null, recommendation: { responsibleOrganizationId: string | null; number: string }): Denial {
  if (!me) return { key: 'sayWhoFirst' };
  if (me.role === 'secretariat') return null;
  if (me.role === 'drafter' && recommendation.responsibleOrganizationId !== null && recommendation.responsibleOrganizationId === me.organizationId) return null;
  return { key: 'followUpResponsibleOnly', params: { number: recommendation.number } };
}

/** Registering consultation inputs, linking them, attaching their files and recording their dispositions. */
export function denyInputChange(me: Member | null): Denial {
  if (!me) return { key: 'sayWhoFirst' };
  if (me.role !== 'secretariat') return { key: 'inputsSecretariatOnly', params: { role: me.role } };
  return null;
}

/**
 * What goes into the public tracker, the website a ministry publishes (recommendations, progress
 * notes, consultation inputs): the secretariat decides, for the whole government.
 */
export function denyPublish(me: Member | null): Denial {
  if (!me) return { key: 'sayWhoFirst' };
  if (me.role !== 'secretariat') return { key: 'publishSecretariatOnly' };
  return null;
}

/** Reading consultation inputs and their files: everyone signed in (submissions can name people). */
export function denyInputRead(me: Member | null): Denial {
  if (!me) return { key: 'sayWhoBeforeReading' };
  return null;
}
