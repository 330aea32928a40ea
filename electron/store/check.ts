// `upr check`: is this file a sound report? Integrity, schema, and change-log consistency: every
// log row names a known field with a value of the right kind, and the materialized tables hold
// exactly what the log says. Reads only; never changes the file.
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { isUserError } from '../../shared/errors.js';
import { parseStamp } from '../sync/hlc.js';
import { SYNCED_TABLES, columnType, valueFits, type CellValue } from './schema.js';
import { inspectReportFile } from './open.js';

export interface CheckResult {
  sound: boolean;
  problems: string[];
  summary: string;
}

export function checkReportFile(file: string): CheckResult {
  try {
    inspectReportFile(file);
  } catch (e) {
    if (isUserError(e)) return { sound: false, problems: [e.message], summary: '' };
    throw e;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const problems: string[] = [];
  try {
    const integrity = db.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
      problems.push(`integrity check failed: ${integrity.slice(0, 3).map((r) => r.integrity_check).join('; ')}`);
      return { sound: false, problems, summary: '' };
    }
    const reportId = db.prepare("SELECT value FROM meta WHERE key = 'report_id'").get() as { value: string } | undefined;
    if (!reportId) problems.push('the report id is missing');

    let changes = 0;
    const winners = new Map<string, { hlc: string; value: CellValue }>();
    for (const row of db.prepare('SELECT hlc, tbl, row_id, col, value FROM change_log').iterate() as Iterable<{
      hlc: string;
      tbl: string;
      row_id: string;
      col: string;
      value: CellValue;
    }>) {
      changes++;
      if (problems.length > 20) break;
      if (!parseStamp(row.hlc)) problems.push(`change ${row.hlc} has a malformed clock stamp`);
      const type = columnType(row.tbl, row.col);
      if (!type) {
        problems.push(`change ${row.hlc} names an unknown field ${row.tbl}.${row.col}`);
        continue;
      }
      if (!valueFits(type, row.value)) problems.push(`change ${row.hlc} gives ${row.tbl}.${row.col} a value of the wrong kind`);
      const key = `${row.tbl}\u0000${row.row_id}\u0000${row.col}`;
      const prev = winners.get(key);
      if (!prev || prev.hlc < row.hlc) winners.set(key, { hlc: row.hlc, value: row.value });
    }
    for (const [table, columns] of Object.entries(SYNCED_TABLES)) {
      const rows = db.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, CellValue>>;
      for (const row of rows) {
        for (const column of Object.keys(columns)) {
          const logged = winners.get(`${table}\u0000${row.id}\u0000${column}`);
          if (logged && logged.value !== row[column]) {
            problems.push(`${table} ${row.id}: ${column} is “${row[column]}” but the change log says “${logged.value}”`);
          }
        }
        const anyLogged = Object.keys(columns).some((c) => winners.has(`${table}\u0000${row.id}\u0000${c}`));
        if (!anyLogged) problems.push(`${table} ${row.id} is not in the change log`);
      }
    }
    let updates = 0;
    for (const row of db.prepare('SELECT seq, section_id, data FROM section_updates').iterate() as Iterable<{
      seq: number;
      section_id: string;
      data: Uint8Array;
    }>) {
      updates++;
      try {
        Y.decodeUpdate(row.data);
      } catch {
        problems.push(`text update ${row.seq} of section ${row.section_id} cannot be read`);
      }
    }
    const sections = (db.prepare('SELECT count(*) AS n FROM sections WHERE deleted = 0').get() as { n: number }).n;
    const summary = `schema ${db.pragma('user_version', { simple: true })}, ${changes} changes, ${sections} sections, ${updates} text updates`;
    return { sound: problems.length === 0, problems, summary };
  } finally {
    db.close();
  }
}
