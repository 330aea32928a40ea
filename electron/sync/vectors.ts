// What a file holds, said small: a version vector, for each replica (an app session somewhere) the
// newest stamp of its changes and text updates the file has. A file that has a stamp of a replica
// has every earlier one of it too, for copies and packets carry all of a replica's changes up to
// their newest (a folded text update keeps the newest stamp of those it stands for), so the vector
// says the whole set. What another office has is kept here as the vector of the last copy or
// changes merged from it, per organization, in `meta` as `peer:<organization id>` (never synced:
// it is this file's knowledge; a copy carries it on, and what it says stays true anywhere).
import { prepared, type DB } from '../store/open.js';
import { isStamp } from './hlc.js';

/** Replica id → the newest stamp of it held. */
export type Vector = Record<string, string>;

/** The replica of a stamp ("<24-char ISO time>-<4 hex>-<16 hex replica>"). */
export function replicaOf(stamp: string): string {
  return stamp.slice(30);
}

/** The file's version vector: its change log and stored text updates together. */
export function vectorOf(db: DB): Vector {
  const vector: Vector = {};
  const rows = db
    .prepare(
      `SELECT substr(hlc, 31) AS replica, max(hlc) AS hlc FROM change_log GROUP BY 1
       UNION ALL SELECT substr(hlc, 31), max(hlc) FROM section_updates GROUP BY 1`,
    )
    .all() as Array<{ replica: string; hlc: string }>;
  for (const { replica, hlc } of rows) if (isStamp(hlc) && !(vector[replica]! >= hlc)) vector[replica] = hlc;
  return vector;
}

/** Is the stamp within what the vector says is held? */
export function holds(vector: Vector, stamp: string): boolean {
  const newest = vector[replicaOf(stamp)];
  return newest !== undefined && stamp <= newest;
}

/** The replicas of which `base` has a stamp `vector` does not hold. */
export function lacking(vector: Vector, base: Vector): string[] {
  return Object.keys(base)
    .filter((replica) => !holds(vector, base[replica]!))
    .sort();
}

/** The newest of both for every replica. */
export function joined(a: Vector, b: Vector): Vector {
  const out: Vector = { ...a };
  for (const [replica, stamp] of Object.entries(b)) if (!(out[replica]! >= stamp)) out[replica] = stamp;
  return out;
}

/** A vector read from JSON, or null when it is not one (every key a replica, every value a stamp of it). */
export function parseVector(value: unknown): Vector | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: Vector = {};
  for (const [replica, stamp] of Object.entries(value as Record<string, unknown>)) {
    if (typeof stamp !== 'string' || !isStamp(stamp) || replicaOf(stamp) !== replica) return null;
    out[replica] = stamp;
  }
  return out;
}

/** What this file knows another office has: the vector of the last copy or changes merged from it, and when. */
export interface PeerRecord {
  vector: Vector;
  /** When it was last learned (ISO). */
  at: string;
}

const PEER = 'peer:';

export function peerRecord(db: DB, organizationId: string): PeerRecord | null {
  const value = prepared(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(PEER + organizationId) as string | undefined;
  return value === undefined ? null : parsePeer(value);
}

/** Every office this file knows something of, by organization id. */
export function peerRecords(db: DB): Map<string, PeerRecord> {
  const rows = prepared(db, "SELECT key, value FROM meta WHERE key LIKE 'peer:%'").all() as Array<{ key: string; value: string }>;
  const out = new Map<string, PeerRecord>();
  for (const r of rows) {
    const record = parsePeer(r.value);
    if (record) out.set(r.key.slice(PEER.length), record);
  }
  return out;
}

function parsePeer(value: string): PeerRecord | null {
  try {
    const parsed = JSON.parse(value) as { vector?: unknown; at?: unknown };
    const vector = parseVector(parsed.vector);
    return vector && typeof parsed.at === 'string' ? { vector, at: parsed.at } : null;
  } catch {
    // A record edited by hand into nonsense is no knowledge: a whole copy goes to that office.
    return null;
  }
}

/**
 * Adds to what this file knows `organizationId` has (the newest of the two per replica: an office
 * never has less than it had). Returns whether that changed anything; nothing is written if not.
 */
export function recordPeer(db: DB, organizationId: string, vector: Vector, at: string): boolean {
  const known = peerRecord(db, organizationId);
  const next = known ? joined(known.vector, vector) : vector;
  if (known && Object.keys(next).every((r) => known.vector[r] === next[r])) return false;
  prepared(db, 'INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(PEER + organizationId, JSON.stringify({ vector: next, at }));
  return true;
}
