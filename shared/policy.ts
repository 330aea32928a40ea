// The write policy: whether a change may be made, judged from the description of the synced data
// (shared/synced.ts: which grant each column has) and what the report recorded at the change's
// stamp (the scope: who the author was then, who made the row, the section it belongs to). The
// main process applies it in the change log's one write path to every change, typed, imported or
// merged; the screens use the same grants (shared/permissions.ts) to hide what a role cannot do.
import type { Role } from './domain.js';
import type { Message } from './messages.js';
import {
  denyAnswer,
  denyCloseComment,
  denyComment,
  denyInputChange,
  denyPublish,
  denyRecommendationFollowUp,
  denyReply,
  denyReportChange,
  denySectionStatus,
  denySectionText,
  type Denial,
} from './permissions.js';
import { SYNCED, grantOf, type Grant, type SyncedTable, type TableSpec } from './synced.js';
import type { SectionStatus } from './domain.js';

/** A member as the report recorded them at some stamp. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  organizationId: string;
}

/** What a change is judged against: the report as it stood at the change's stamp. */
export interface ChangeScope {
  /** The author, or null when they were not a member then (unknown, or removed). */
  author: Actor | null;
  /** Whether the report had a secretariat member. Only while a report is being created has it none. */
  hasSecretariat: boolean;
  /** Who made the row (the author of its first change), or null when this change makes it. */
  creator: string | null;
  /** The section the row belongs to: a section itself, a comment's or link's section, a reply's comment's section. */
  section: { title: string; leadOrganizationId: string | null; status?: string | null; lockAtReview?: boolean } | null;
  /** A comment, or a reply's comment: who made it. */
  comment: { authorId: string } | null;
  /** A recommendation, or a note's recommendation. */
  recommendation: { number: string; responsibleOrganizationId: string | null } | null;
}

const NO_SECTION = { title: '', leadOrganizationId: null };
const NO_RECOMMENDATION = { number: '', responsibleOrganizationId: null };

type GrantRule = (scope: ChangeScope, value: unknown) => Denial;

/** The made row's author: its maker may change what they made, as long as their role still allows making it. */
function madeBy(make: GrantRule, notYours: Message): GrantRule {
  return (scope, value) => {
    const denied = make(scope, value);
    if (denied) return denied;
    if (scope.creator !== null && scope.creator !== scope.author!.id) return notYours;
    return null;
  };
}

const commentAuthor = madeBy((s) => denyComment(s.author), { key: 'commentNotYours' });
const replyAuthor = madeBy((s) => denyReply(s.author, s.section ?? NO_SECTION, s.comment ?? { authorId: '' }), { key: 'replyNotYours' });
const noteAuthor = madeBy((s) => denyRecommendationFollowUp(s.author, s.recommendation ?? NO_RECOMMENDATION), { key: 'noteNotYours' });

const GRANTS: Record<Exclude<Grant, 'authorDeletes'>, GrantRule> = {
  secretariat: (s) => denyReportChange(s.author),
  inputs: (s) => denyInputChange(s.author),
  sectionStatus: (s, value) => denySectionStatus(s.author, s.section ?? NO_SECTION, value as SectionStatus),
  sectionWriter: (s) => denySectionText(s.author, s.section ?? NO_SECTION),
  commentAuthor,
  commentAnswer: (s) => denyAnswer(s.author, s.section ?? NO_SECTION),
  // The comment's author is its maker; the change that makes it is theirs too.
  commentClose: (s) => {
    const denied = denyComment(s.author);
    if (denied) return denied;
    return denyCloseComment(s.author, { authorId: s.creator ?? s.author!.id });
  },
  replyAuthor,
  followUp: (s) => denyRecommendationFollowUp(s.author, s.recommendation ?? NO_RECOMMENDATION),
  noteAuthor,
  publish: (s) => denyPublish(s.author),
  ownKey: madeBy((s) => (s.author ? null : { key: 'sayWhoFirst' }), { key: 'keyNotYours' }),
};

/**
 * Whether `scope.author` may set `table.column` to `value`: null when they may, else the message
 * that says why not. The secretariat may change everything; a report with no secretariat member
 * yet (being created) takes every change.
 */
export function judgeChange(table: SyncedTable, column: string, value: unknown, scope: ChangeScope): Denial {
  if (scope.author?.role === 'secretariat') return null;
  if (!scope.hasSecretariat) return null;
  const spec: TableSpec = SYNCED[table];
  const grant = grantOf(table, column);
  // Someone who is not a member is told what the grant tells them ("say who you are" before writing or changing).
  if (!scope.author) return GRANTS[grant === 'authorDeletes' ? (spec.write as Exclude<Grant, 'authorDeletes'>) : grant](scope, value) ?? { key: 'sayWhoFirst' };
  // Taking back one's own row is for its maker, judged as making it again; anyone else's, the secretariat's.
  const rule =
    grant === 'authorDeletes'
      ? (s: ChangeScope, v: unknown) => (s.creator === null || s.creator === s.author!.id ? GRANTS[spec.write as Exclude<Grant, 'authorDeletes'>]({ ...s, creator: null }, v) : denyReportChange(s.author))
      : GRANTS[grant];
  const denied = rule(scope, value);
  if (denied) return denied;
  if (spec.self?.includes(column) && value !== '' && value !== scope.author.id) return { key: 'notYourName' };
  if (spec.ownOrganization?.includes(column) && value !== scope.author.organizationId) return { key: 'notYourOrganization' };
  return null;
}

/**
 * What `scope.author` may do to a section's text: write it (the secretariat, the drafters of its
 * lead organization), only mark passages in it for their comments (anyone else who may comment),
 * or nothing (the message says why).
 */
export function judgeText(scope: ChangeScope): 'write' | 'annotate' | Message {
  if (scope.author?.role === 'secretariat' || !scope.hasSecretariat) return 'write';
  const section = scope.section ?? NO_SECTION;
  if (denySectionText(scope.author, section) === null) return 'write';
  if (denyComment(scope.author) === null) return 'annotate';
  return denySectionText(scope.author, section)!;
}
