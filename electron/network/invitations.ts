// Invitations to the office server. The secretariat issues one per person (`upr invite`); the
// office's app presents it with a key of its own the first time it connects, which binds the
// invitation to that office: from then on it admits only that office's app, as that member, and
// anyone else presenting it is told it was used. Kept in the report file's `meta` (never synced
// through the log), as hashes only: a copy of the file sent on reveals no invitation.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Member } from '../../shared/domain.js';
import { userError } from '../../shared/messages.js';
import type { DB } from '../store/open.js';
import { getMember } from '../store/queries.js';
import type { Refusal } from './protocol.js';

const META_KEY = 'network_invitations';

interface Invitation {
  id: string;
  member: string;
  /** SHA-256 of the invitation's secret part. */
  secret: string;
  issuedAt: string;
  /** SHA-256 of the key of the office's app it was first used from. */
  boundTo: string | null;
  boundAt: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function readAll(db: DB): Invitation[] {
  const raw = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(META_KEY) as string | undefined;
  if (!raw) return [];
  try {
    const list = JSON.parse(raw) as unknown;
    return Array.isArray(list) ? (list as Invitation[]) : [];
  } catch {
    return [];
  }
}

function writeAll(db: DB, list: readonly Invitation[]): void {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(META_KEY, JSON.stringify(list));
}

/** Issues an invitation for a member of the report: the code to give them (shown once, never stored). */
export function issueInvitation(db: DB, memberId: string, now = new Date()): { code: string; member: Member } {
  const member = getMember(db, memberId);
  if (!member) throw userError('networkMemberGone');
  const id = randomBytes(5).toString('hex');
  const secret = randomBytes(18).toString('base64url');
  db.transaction(() => {
    writeAll(db, [...readAll(db), { id, member: member.id, secret: sha256(secret), issuedAt: now.toISOString(), boundTo: null, boundAt: null }]);
  }).immediate();
  return { code: `${id}.${secret}`, member };
}

/**
 * Whether an invitation admits the office presenting it with `device` (its app's own key): the
 * member it acts as, or why not. The first use binds the invitation to that key.
 */
export function admit(db: DB, code: string, device: string, now = new Date()): { member: Member } | { refusal: Refusal } {
  const [id, secret, ...rest] = code.trim().split('.');
  if (!id || !secret || rest.length) return { refusal: 'invitation-invalid' };
  return db.transaction((): { member: Member } | { refusal: Refusal } => {
    const list = readAll(db);
    const invitation = list.find((i) => i.id === id);
    if (!invitation || !sameHash(invitation.secret, sha256(secret))) return { refusal: 'invitation-invalid' };
    const member = getMember(db, invitation.member);
    if (!member) return { refusal: 'member-gone' };
    const key = sha256(device);
    if (invitation.boundTo === null) {
      invitation.boundTo = key;
      invitation.boundAt = now.toISOString();
      writeAll(db, list);
    } else if (!sameHash(invitation.boundTo, key)) {
      return { refusal: 'invitation-used' };
    }
    return { member };
  }).immediate();
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
