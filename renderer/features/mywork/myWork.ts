// What waits for the person signed in: the sections their organization leads (for the secretariat,
// those ready for review, waiting for approval), the comments waiting for their answer, and the
// answers waiting for them to close. Worked out from the workspace and the comments alone.
import { outlineOrder, type Member, type OutlineEntry, type ReviewComment, type SectionWithCount } from '../../../shared/domain.js';
import { denyAnswer, denyCloseComment } from '../../../shared/permissions.js';

export interface MyWork {
  sections: OutlineEntry[];
  toAnswer: ReviewComment[];
  toClose: ReviewComment[];
}

export function myWork(me: Member, sections: readonly SectionWithCount[], comments: readonly ReviewComment[]): MyWork {
  const entries = outlineOrder([...sections]);
  const byId = new Map(sections.map((s) => [s.id, s]));
  const mine =
    me.role === 'secretariat'
      ? entries.filter((e) => e.section.status === 'ready_for_review')
      : me.role === 'drafter'
        ? entries.filter((e) => e.section.leadOrganizationId === me.organizationId)
        : [];
  // Comments the person is the one to answer: the drafters of the section's lead, or the secretariat where no drafter leads it.
  const toAnswer = comments.filter((c) => {
    if (c.state !== 'open') return false;
    const section = byId.get(c.sectionId);
    if (!section || denyAnswer(me, section) !== null) return false;
    return me.role === 'drafter' || !section.leadOrganizationId;
  });
  // Answered comments the person may close: a reviewer's own, and every one for the secretariat.
  const toClose = comments.filter((c) => c.state === 'answered' && byId.has(c.sectionId) && denyCloseComment(me, c) === null);
  return { sections: mine, toAnswer, toClose };
}
