// `upr check --signatures`: every signature record of the file checked against what it covers and
// its key, every key's chain followed, and every change and text update said to be signed, unsigned
// history (made before its author signed anything), or what is wrong with it, by name.
import { formatMessage } from '../../shared/messages.js';
import type { DB } from '../store/open.js';
import { fingerprint, hasSigning, RECORD_COLUMNS, SignatureJudge, type SignatureRecord, type SignedChange } from './signing.js';

export interface SignatureReport {
  sound: boolean;
  problems: string[];
  /** Keys not confirmed by the secretariat yet, and what waits for them. */
  waiting: string[];
  summary: string;
}

export function checkSignatures(db: DB): SignatureReport {
  if (!hasSigning(db)) return { sound: true, problems: [], waiting: [], summary: 'this file is from before signing: every change in it is unsigned history' };
  const names = new Map((db.prepare('SELECT id, name FROM members').all() as Array<{ id: string; name: string }>).map((m) => [m.id, m.name]));
  const name = (id: string) => names.get(id) ?? id;
  const held = new Set(db.prepare("SELECT hlc FROM held_changes WHERE kind = 'change'").pluck().all() as string[]);
  const judge = new SignatureJudge(db, held, name);
  const problems: string[] = [];

  // The records, and each key's chain: a record follows the one it names, which must be here. A
  // record is named by its key and first stamp (its hash changes as it grows).
  const records = db.prepare(`SELECT ${RECORD_COLUMNS} FROM signatures ORDER BY last_hlc`).all() as SignatureRecord[];
  const known = new Set(records.map((r) => `${r.key_id} ${r.first_hlc}`));
  const followers = new Map<string, SignatureRecord[]>();
  let bad = 0;
  for (const r of records) {
    const what = r.kind === 'changes' ? `${r.count} change(s) from ${r.first_hlc.slice(0, 24)}` : `a text update of ${r.first_hlc.slice(0, 24)}`;
    if (!judge.verifyRecord(r)) {
      bad++;
      problems.push(`the signature of ${name(r.author)} on ${what} does not match what it covers or is not by their key (record ${r.hash.slice(0, 12)})`);
    }
    if (r.prev && !known.has(`${r.key_id} ${r.prev}`)) problems.push(`the chain of ${name(r.author)}’s key ${fingerprint(r.key_id)} misses what came before ${what}: a record was removed from the file`);
    const list = followers.get(`${r.key_id} ${r.prev}`) ?? [];
    list.push(r);
    followers.set(`${r.key_id} ${r.prev}`, list);
  }
  // Two records following the same one are not a fault: the machine holding the key signed in two
  // copies of the report (the secretariat opening a ministry's copy, say). They are counted.
  const forks = [...followers.values()].filter((list) => list.length > 1).length;

  // Every change and text update.
  let signed = 0;
  let texts = 0;
  const waiting = new Map<string, number>();
  const counted = (m: { key: string; params?: Record<string, unknown> }, what: string) => {
    if (m.key === 'heldUnconfirmedKey') {
      const k = `${String(m.params?.name)} (key ${String(m.params?.fingerprint)})`;
      waiting.set(k, (waiting.get(k) ?? 0) + 1);
    } else problems.push(`${what}: ${formatMessage(m.key as never, (m.params ?? {}) as never)}`);
  };
  const before = judge.unsigned;
  for (const c of db.prepare('SELECT hlc, replica, author, tbl, row_id, col, value, prev_hlc FROM change_log ORDER BY hlc').iterate() as Iterable<SignedChange>) {
    const m = judge.change(c);
    if (m) counted(m, `change ${c.hlc} (${c.tbl}.${c.col} of ${c.row_id}, by ${name(c.author)})`);
    else signed++;
  }
  const unsignedChanges = judge.unsigned - before;
  for (const t of db.prepare('SELECT hlc, replica, author, section_id AS sectionId, data FROM section_updates ORDER BY hlc').iterate() as Iterable<{ hlc: string; replica: string; author: string; sectionId: string; data: Uint8Array }>) {
    const m = judge.text(t);
    if (m) counted(m, `text update ${t.hlc} of section ${t.sectionId} (by ${name(t.author)})`);
    else texts++;
  }
  const unsignedTexts = judge.unsigned - before - unsignedChanges;
  const keys = db.prepare('SELECT count(*) FROM member_keys WHERE deleted = 0').pluck().get() as number;
  const confirmed = [...judge.confirmedKeys()].length;
  const summary =
    `${records.length} signature records (${bad} failing), ${signed - unsignedChanges} changes and ${texts - unsignedTexts} text updates signed, ` +
    `${unsignedChanges} changes and ${unsignedTexts} text updates unsigned history (made before their author signed), ${keys} keys (${confirmed} confirmed)${forks ? `, ${forks} place(s) where a key signed in two copies` : ''}`;
  return { sound: problems.length === 0, problems, waiting: [...waiting].map(([k, n]) => `${n} change(s) signed with ${k} wait for the secretariat to confirm the key`), summary };
}
