// "Send changes to…": a packet of the changes another office has not seen, for two offices that
// exchange often, where a whole copy would be wasteful. What the office has is known from the last
// copy or changes merged from it (./vectors.ts); the packet holds the change-log rows and text
// updates beyond that (its base), in a small report file of the same schema made afresh, packed
// like a copy (./packed.ts). A merge reads it as it reads a copy (./merge.ts), with the same checks.
// So that the merge sees the same report a whole copy would show it, a packet also holds, for every
// field it changes, the earlier changes of that field, and, for every section whose text it
// changes, every stored update of that text: without them a field the receiver changed long ago
// would look changed on both sides, and a section's text would look edited in both copies.
import { sealBeforeSending } from './signing.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createReportDatabase, type DB } from '../store/open.js';
import { assertSendTarget, packAt } from './copy.js';
import { packedPath } from './packed.js';
import { holds, parseVector, replicaOf, vectorOf, type Vector } from './vectors.js';

/** A packet's note (meta `changes_packet`): from and to whom, what it assumes the receiver has, and what its sender had. */
export interface PacketNote {
  /** The sending office (organization id and name), when the sender was signed in. */
  from: { organization: string; name: string } | null;
  /** The sender's name. */
  by: string;
  to: { organization: string; name: string };
  /** What the receiver is assumed to have: the vector of the last copy or changes merged from it. */
  base: Vector;
  /** For each replica of the base, the office whose change is the newest of it: named when the receiver lacks it. */
  baseOffices: Record<string, string>;
  /** Everything the sender had when it wrote the packet: the receiver learns the sender has that. */
  has: Vector;
  at: string;
}

export const PACKET_NOTE = 'changes_packet';

/**
 * Copies into the packet the rows of another table that travel with the change rows and text
 * updates the packet holds (`stamps`: their stamps): see PACKET_EXTRA_TABLES.
 */
export type PacketRows = (source: DB, packet: DB, stamps: ReadonlySet<string>) => void;

/**
 * The tables besides those a merge reads (meta, report, organizations, members, change_log,
 * section_updates, blobs) whose rows a packet carries, each with how its rows are chosen. Records
 * that each stand for a range of one replica's stamps (a signed batch of changes, a signed text
 * update) are one line: `signatures: rowsCovering('signatures', { replica: 'replica', first: 'first_hlc', last: 'last_hlc' }),`.
 */
export const PACKET_EXTRA_TABLES: Readonly<Record<string, PacketRows>> = {
  // The signature records of what the packet carries (electron/sync/signing.ts), checked on merging.
  signatures: rowsCovering('signatures', { replica: 'replica', first: 'first_hlc', last: 'last_hlc' }),
};

/**
 * PacketRows for a table whose rows each stand for the stamps of one replica from `first` to
 * `last` (the same column twice for a row of one stamp): the rows covering a stamp the packet holds.
 */
export function rowsCovering(table: string, columns: { replica: string; first: string; last: string }): PacketRows {
  return (source, packet, stamps) => {
    for (const c of Object.values(columns)) assertColumn(source, table, c);
    const byReplica = new Map<string, string[]>();
    for (const stamp of stamps) {
      const list = byReplica.get(replicaOf(stamp));
      if (list) list.push(stamp);
      else byReplica.set(replicaOf(stamp), [stamp]);
    }
    const candidates = source.prepare(`SELECT * FROM "${table}" WHERE "${columns.replica}" = ? AND "${columns.first}" <= ? AND "${columns.last}" >= ?`);
    const rows: Array<Record<string, unknown>> = [];
    for (const [replica, list] of byReplica) {
      list.sort();
      for (const row of candidates.iterate(replica, list.at(-1), list[0]) as IterableIterator<Record<string, unknown>>) {
        const first = String(row[columns.first]);
        const last = String(row[columns.last]);
        // The first stamp of the packet's at or after `first`, then whether it is within `last`.
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (list[mid]! < first) lo = mid + 1;
          else hi = mid;
        }
        if (lo < list.length && list[lo]! <= last) rows.push(row);
      }
    }
    copyRows(packet, table, rows);
  };
}

/** Throws unless the table has the column: names are checked against the schema before SQL is built with them. */
function assertColumn(db: DB, table: string, column: string): void {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
  if (!columns.includes(column)) throw new Error(`The table ${table} has no column ${column}.`);
}

/** Inserts rows read from the same table of another file of the same schema; every name checked against it. */
function copyRows(packet: DB, table: string, rows: ReadonlyArray<Record<string, unknown>>): void {
  if (rows.length === 0) return;
  const known = new Set(packet.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
  const columns = Object.keys(rows[0]!);
  for (const c of columns) if (!known.has(c)) throw new Error(`The table ${table} of a packet has no column ${c}.`);
  const insert = packet.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  for (const row of rows) insert.run(...columns.map((c) => row[c]));
}

export interface PacketContents {
  /** Change-log rows the receiver lacks (earlier changes of the same fields come along besides). */
  changes: number;
  /** Sections whose text took updates the receiver lacks. */
  sections: number;
}

/** What a packet for `base` would carry: the stamps beyond it, of change rows and of text updates. */
export function beyond(db: DB, base: Vector): { changes: string[]; texts: Array<{ hlc: string; sectionId: string }> } {
  const changes = (db.prepare('SELECT hlc FROM change_log').pluck().all() as string[]).filter((s) => !holds(base, s));
  const texts = (db.prepare('SELECT hlc, section_id AS sectionId FROM section_updates').all() as Array<{ hlc: string; sectionId: string }>).filter((t) => !holds(base, t.hlc));
  return { changes, texts };
}

/**
 * Writes at `out` (packed, `.uprz`) the changes of the report in `db` beyond `note.base`. Returns
 * what it holds; writes nothing and returns null when there is nothing beyond the base.
 */
export function writePacket(db: DB, out: string, note: Omit<PacketNote, 'has' | 'at' | 'baseOffices'>): ({ path: string; bytes: number } & PacketContents) | null {
  sealBeforeSending(db);
  const target = packedPath(out);
  if (path.resolve(out) !== target) assertSendTarget(db, path.resolve(out));
  assertSendTarget(db, target);
  const has = vectorOf(db);
  const news = beyond(db, note.base);
  if (news.changes.length === 0 && news.texts.length === 0) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-packet-'));
  try {
    const file = path.join(dir, 'packet.upr');
    const packet = createReportDatabase(file);
    try {
      packet.pragma('journal_mode = DELETE');
      packet.pragma('synchronous = OFF');
      packet.transaction(() => {
        fill(db, packet, news);
        const full: PacketNote = { ...note, baseOffices: officesOf(db, note.base), has, at: new Date().toISOString() };
        const reportId = db.prepare("SELECT value FROM meta WHERE key = 'report_id'").pluck().get() as string;
        packet.prepare("INSERT INTO meta (key, value) VALUES ('report_id', ?), (?, ?)").run(reportId, PACKET_NOTE, JSON.stringify(full));
      })();
      packet.exec('VACUUM');
    } finally {
      packet.close();
    }
    const bytes = packAt(file, target, 'changes');
    return { path: target, bytes, changes: news.changes.length, sections: new Set(news.texts.map((t) => t.sectionId)).size };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface LogRow extends Record<string, unknown> {
  hlc: string;
  tbl: string;
  row_id: string;
  col: string;
  value: unknown;
}

/** Copies into the packet what it carries. */
function fill(db: DB, packet: DB, news: ReturnType<typeof beyond>): void {
  // The people and the report's settings: small, and what a merge names offices by.
  for (const table of ['report', 'organizations', 'members']) copyRows(packet, table, db.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>);

  // The change rows beyond the base, and every change of the fields they change.
  const rows = new Map<string, LogRow>();
  // Every column, as for the other tables: one a later schema adds travels too.
  const byStamp = db.prepare('SELECT * FROM change_log WHERE hlc IN (SELECT value FROM json_each(?))');
  const ofCell = db.prepare('SELECT * FROM change_log WHERE tbl = ? AND row_id = ? AND col = ?');
  const cells = new Set<string>();
  for (const row of byStamp.iterate(JSON.stringify(news.changes)) as IterableIterator<LogRow>) {
    rows.set(row.hlc, row);
    const cell = `${row.tbl}\u0000${row.row_id}\u0000${row.col}`;
    if (cells.has(cell)) continue;
    cells.add(cell);
    for (const earlier of ofCell.iterate(row.tbl, row.row_id, row.col) as IterableIterator<LogRow>) rows.set(earlier.hlc, earlier);
  }
  copyRows(packet, 'change_log', [...rows.values()]);

  // Every stored update of each section whose text moved on, in the order they were stored.
  const sections = [...new Set(news.texts.map((t) => t.sectionId))];
  const texts = db.prepare('SELECT * FROM section_updates WHERE section_id IN (SELECT value FROM json_each(?)) ORDER BY seq').all(JSON.stringify(sections)) as Array<Record<string, unknown> & { hlc: string }>;
  copyRows(packet, 'section_updates', texts);

  // Attached files' contents, for the attachments whose records the packet carries.
  const hashes = [...rows.values()].filter((r) => r.tbl === 'attachments' && r.col === 'sha256' && typeof r.value === 'string').map((r) => r.value as string);
  if (hashes.length) copyRows(packet, 'blobs', db.prepare('SELECT * FROM blobs WHERE sha256 IN (SELECT value FROM json_each(?))').all(JSON.stringify([...new Set(hashes)])) as Array<Record<string, unknown>>);

  const stamps = new Set([...rows.keys(), ...texts.map((t) => t.hlc)]);
  for (const [table, rowsOf] of Object.entries(PACKET_EXTRA_TABLES)) {
    if (!packet.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table)) throw new Error(`A packet cannot carry ${table}: the schema has no such table.`);
    rowsOf(db, packet, stamps);
  }
}

/** For each replica of the base, the organization (or, without one, the person) whose change is its newest stamp. */
function officesOf(db: DB, base: Vector): Record<string, string> {
  const author = (stamp: string) =>
    (db.prepare('SELECT author FROM change_log WHERE hlc = ?').pluck().get(stamp) as string | undefined) ??
    (db.prepare('SELECT author FROM section_updates WHERE hlc = ?').pluck().get(stamp) as string | undefined) ??
    (db.prepare('SELECT author FROM change_log WHERE replica = ? LIMIT 1').pluck().get(replicaOf(stamp)) as string | undefined);
  const office = db.prepare(
    "SELECT coalesce(nullif(o.name, ''), m.name) FROM members m LEFT JOIN organizations o ON o.id = m.organization_id WHERE m.id = ?",
  ).pluck();
  const out: Record<string, string> = {};
  for (const [replica, stamp] of Object.entries(base)) {
    const who = author(stamp);
    out[replica] = who === undefined ? '' : ((office.get(who) as string | undefined) ?? '');
  }
  return out;
}

/** The note of a packet; null for a file that is not one (a copy), 'unreadable' for a note that cannot be read (the caller names it damaged). */
export function packetNote(db: DB): PacketNote | 'unreadable' | null {
  const value = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(PACKET_NOTE) as string | undefined;
  if (value === undefined) return null;
  try {
    const n = JSON.parse(value) as Record<string, unknown>;
    const base = parseVector(n.base);
    const has = parseVector(n.has);
    const party = (p: unknown) =>
      p && typeof p === 'object' && typeof (p as { organization?: unknown }).organization === 'string' && typeof (p as { name?: unknown }).name === 'string'
        ? { organization: (p as { organization: string }).organization, name: (p as { name: string }).name }
        : null;
    const to = party(n.to);
    const offices = n.baseOffices && typeof n.baseOffices === 'object' ? (n.baseOffices as Record<string, unknown>) : {};
    if (!base || !has || !to || typeof n.by !== 'string' || typeof n.at !== 'string') return 'unreadable';
    return {
      from: party(n.from),
      by: n.by,
      to,
      base,
      baseOffices: Object.fromEntries(Object.keys(base).map((r) => [r, typeof offices[r] === 'string' ? (offices[r] as string) : ''])),
      has,
      at: n.at,
    };
  } catch {
    return 'unreadable';
  }
}
