// The one write path for structured data. A change is a cell: (table, row, column, value). It is
// appended to the change log with a clock stamp and applied to the materialized table in the same
// transaction, last writer wins per cell by stamp. Merging a copy (later) feeds foreign log rows
// through `applyLoggedChange`, the same function local edits end in.
import type { Statement } from 'better-sqlite3';
import { SYNCED_TABLES, columnType, valueFits, type CellValue, type SyncedTable } from '../store/schema.js';
import type { DB } from '../store/open.js';
import type { Clock } from './hlc.js';
import { userError } from '../../shared/messages.js';

export interface Change {
  table: SyncedTable;
  row: string;
  column: string;
  value: CellValue;
}

export interface LoggedChange {
  hlc: string;
  replica: string;
  author: string;
  tbl: string;
  row_id: string;
  col: string;
  value: CellValue;
  prev_hlc: string | null;
}

export class ChangeLog {
  private readonly insertLog: Statement;
  private readonly latestStamp: Statement;
  private readonly materializers = new Map<string, Statement>();

  constructor(
    private readonly db: DB,
    private readonly clock: Clock,
  ) {
    this.insertLog = db.prepare(
      `INSERT OR IGNORE INTO change_log (hlc, replica, author, tbl, row_id, col, value, prev_hlc)
       VALUES (@hlc, @replica, @author, @tbl, @row_id, @col, @value, @prev_hlc)`,
    );
    this.latestStamp = db.prepare(
      'SELECT max(hlc) AS hlc FROM change_log WHERE tbl = ? AND row_id = ? AND col = ?',
    );
    const newest = db.prepare('SELECT max(hlc) AS hlc FROM change_log').get() as { hlc: string | null };
    if (newest.hlc) clock.observe(newest.hlc);
  }

  /** Writes local changes by `author` in one transaction. */
  write(author: string, changes: readonly Change[]): void {
    if (changes.length === 0) return;
    this.db.transaction(() => {
      for (const c of changes) {
        this.applyLoggedChange({
          hlc: this.clock.tick(),
          replica: this.clock.replica,
          author,
          tbl: c.table,
          row_id: c.row,
          col: c.column,
          value: c.value,
          prev_hlc: null,
        });
      }
    })();
  }

  /**
   * Appends one change-log row (if not already there) and applies it when it is the newest for
   * its cell. Returns true when the materialized table changed. Names are checked against the
   * schema before any SQL is built with them.
   */
  applyLoggedChange(change: LoggedChange): boolean {
    const type = columnType(change.tbl, change.col);
    if (!type) throw userError('unknownField', { field: `${change.tbl}.${change.col}` });
    if (!valueFits(type, change.value)) {
      throw userError('wrongKind', { field: `${change.tbl}.${change.col}` });
    }
    const current = (this.latestStamp.get(change.tbl, change.row_id, change.col) as { hlc: string | null }).hlc;
    if (change.prev_hlc === null) change = { ...change, prev_hlc: current };
    const inserted = this.insertLog.run(change).changes > 0;
    if (!inserted) return false;
    if (current !== null && current > change.hlc) return false;
    this.materializer(change.tbl, change.col).run(change.row_id, change.value);
    return true;
  }

  private materializer(table: string, column: string): Statement {
    return materializer(this.db, this.materializers, table, column);
  }
}

/** `INSERT ... ON CONFLICT DO UPDATE` of one cell; both names must have passed `columnType`. */
function materializer(db: DB, cache: Map<string, Statement>, table: string, column: string): Statement {
  const key = `${table}.${column}`;
  let stmt = cache.get(key);
  if (!stmt) {
    stmt = db.prepare(
      `INSERT INTO ${table} (id, ${column}) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET ${column} = excluded.${column}`,
    );
    cache.set(key, stmt);
  }
  return stmt;
}

/** Rebuilds every materialized table from the change log: the newest stamp of each cell wins. */
export function rebuildMaterializedTables(db: DB): void {
  db.transaction(() => {
    for (const table of Object.keys(SYNCED_TABLES)) db.exec(`DELETE FROM ${table}`);
    const winners = db.prepare(
      `SELECT tbl, row_id, col, value FROM change_log AS c
       WHERE hlc = (SELECT max(hlc) FROM change_log WHERE tbl = c.tbl AND row_id = c.row_id AND col = c.col)`,
    );
    const stmts = new Map<string, Statement>();
    for (const row of winners.all() as Array<{ tbl: string; row_id: string; col: string; value: CellValue }>) {
      if (!columnType(row.tbl, row.col)) continue;
      materializer(db, stmts, row.tbl, row.col).run(row.row_id, row.value);
    }
  })();
}
