// The people's signing keys, as the People screen shows them, and the secretariat's confirmation
// of a key after checking its fingerprint with its owner (electron/sync/signing.ts says what signing
// does). Confirming is a change like any other: written through the change log, signed, travelling
// with copies, so every office releases what it held back for that key.
import type { ParsedInput, Result, SigningKeyInfo } from '../../shared/api.js';
import { userError } from '../../shared/messages.js';
import { fingerprint, roots, SIGNATURE_REASONS } from '../sync/signing.js';
import { actor } from './access.js';
import type { ServiceContext } from './context.js';

interface KeyRow {
  id: string;
  member_id: string;
  made_at: string;
  confirmed: number;
  name: string | null;
  org: string | null;
}

function keyRows(ctx: ServiceContext, id?: string): SigningKeyInfo[] {
  const db = ctx.report.db;
  const rows = db
    .prepare(
      `SELECT k.id, k.member_id, k.made_at, k.confirmed, m.name, o.name AS org FROM member_keys AS k
       LEFT JOIN members AS m ON m.id = k.member_id LEFT JOIN organizations AS o ON o.id = m.organization_id
       WHERE k.deleted = 0 AND k.public_key != ''${id ? ' AND k.id = ?' : ''} ORDER BY m.name, k.made_at`,
    )
    .all(...(id ? [id] : [])) as KeyRow[];
  const rootKeys = new Set(roots(db));
  const signer = ctx.report.log.signer;
  // What waits for each key: held back for want of its confirmation (the message names its fingerprint).
  const waiting = new Map<string, number>();
  const reasons = [...SIGNATURE_REASONS].filter((r) => r === 'heldUnconfirmedKey');
  for (const p of db.prepare(`SELECT params FROM held_changes WHERE reason IN (${reasons.map(() => '?').join(', ')})`).pluck().all(...reasons) as string[]) {
    try {
      const f = (JSON.parse(p) as { fingerprint?: string }).fingerprint ?? '';
      waiting.set(f, (waiting.get(f) ?? 0) + 1);
    } catch {
      // A reason's values that cannot be read count for no key.
    }
  }
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    memberName: r.name ?? r.member_id,
    organization: r.org ?? '',
    fingerprint: fingerprint(r.id),
    madeAt: r.made_at,
    confirmed: r.confirmed === 1 || rootKeys.has(r.id),
    root: rootKeys.has(r.id),
    mine: ctx.me !== null && ctx.me.id === r.member_id && !!signer?.isMine(r.id, r.member_id),
    waiting: waiting.get(fingerprint(r.id)) ?? 0,
  }));
}

export function listKeys(ctx: ServiceContext): Result<'members.keys'> {
  return keyRows(ctx);
}

/** Confirms (or withdraws) a key: the policy lets only the secretariat; what was held back for it is judged again. */
export function confirmKey(ctx: ServiceContext, input: ParsedInput<'members.confirmKey'>): Result<'members.confirmKey'> {
  const author = actor(ctx);
  const [key] = keyRows(ctx, input.keyId);
  if (!key) throw userError('keyMissing');
  if (key.root) return key;
  if (key.confirmed !== input.confirmed) ctx.report.write(author.id, [{ table: 'member_keys', row: key.id, column: 'confirmed', value: input.confirmed ? 1 : 0 }]);
  ctx.report.emit({ kind: 'changed', what: ['members', 'report', 'sections', 'comments', 'recommendations', 'inputs'] });
  return keyRows(ctx, input.keyId)[0]!;
}
