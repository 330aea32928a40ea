// The one write path for structured data. A change is a cell: (table, row, column, value). It is
// appended to the change log with a clock stamp and applied to the materialized table in the same
// transaction, last writer wins per cell by stamp. Local edits and merged copies both end in
// `applyLoggedChanges`: a batch is checked against the schema, then each row's current stamps are
// read once, the log rows go in as multi-row INSERTs, and each row gets one upsert of the columns
// it won.
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

/** Log rows per multi-row INSERT (8 parameters each, well under SQLite's 32,766). */
const INSERT_CHUNK = 100;
/** Upsert statements kept, one per table and set of columns won. */
const UPSERTS_KEPT = 256;

export class ChangeLog {
  private readonly insertLogs = new Map<number, Statement>();
  private readonly loggedAmong: Statement;
  private readonly rowStamps: Statement;
  private readonly searchThrough: Statement;
  private readonly searchPending: Statement;
  private readonly upserts = new Map<string, Statement>();
  /** `applyBatch` in a savepoint of its own, so that a batch given up on leaves nothing behind. */
  private readonly batch: (changes: readonly LoggedChange[], local: boolean) => number;

  constructor(
    private readonly db: DB,
    private readonly clock: Clock,
  ) {
    this.loggedAmong = db.prepare('SELECT hlc FROM change_log WHERE hlc IN (SELECT value FROM json_each(?))').pluck();
    this.rowStamps = db.prepare(
      'SELECT row_id, col, max(hlc) AS hlc FROM change_log WHERE tbl = ? AND row_id IN (SELECT value FROM json_each(?)) GROUP BY row_id, col',
    );
    this.searchThrough = db.prepare("SELECT value FROM search_state WHERE key = 'through'").pluck();
    this.searchPending = db.prepare('INSERT OR IGNORE INTO search_pending (tbl, row_id) VALUES (?, ?)');
    this.batch = db.transaction((changes: readonly LoggedChange[], local: boolean) => this.applyBatch(changes, local));
    const newest = db.prepare('SELECT max(hlc) AS hlc FROM change_log').get() as { hlc: string | null };
    if (newest.hlc) clock.observe(newest.hlc);
  }

  /** Writes local changes by `author` in one transaction. */
  write(author: string, changes: readonly Change[]): void {
    if (changes.length === 0) return;
    this.db.transaction(() => {
      this.apply(
        changes.map((c) => ({
          hlc: this.clock.tick(),
          replica: this.clock.replica,
          author,
          tbl: c.table,
          row_id: c.row,
          col: c.column,
          value: c.value,
          prev_hlc: null,
        })),
        true,
      );
    })();
  }

  /** One change: true when the materialized table changed. */
  applyLoggedChange(change: LoggedChange): boolean {
    return this.applyLoggedChanges([change]) > 0;
  }

  /**
   * Appends change-log rows (those not already there, stored as they came) and applies each that
   * is the newest for its cell, in one savepoint. Every table and column name and every value's
   * kind is checked against the schema before any SQL is built with them; one bad change refuses
   * the whole batch. Returns how many cells of the materialized tables were written: those whose
   * newest change is now one of these.
   */
  applyLoggedChanges(changes: readonly LoggedChange[]): number {
    return this.apply(changes, false);
  }

  /** `local`: changes made here, whose `prev_hlc` is the stamp their cell had before them. */
  private apply(changes: readonly LoggedChange[], local: boolean): number {
    for (const c of changes) {
      const type = columnType(c.tbl, c.col);
      if (!type) throw userError('unknownField', { field: `${c.tbl}.${c.col}` });
      if (!valueFits(type, c.value)) throw userError('wrongKind', { field: `${c.tbl}.${c.col}` });
    }
    return this.db.transaction(() => {
      try {
        return this.batch(changes, local);
      } catch (e) {
        if (!(e instanceof AlreadyLogged)) throw e;
      }
      // Some rows were in the log already (a change applied twice, or twice in this batch): they
      // change nothing, and the others go in as a batch.
      const seen = new Set(this.loggedAmong.all(JSON.stringify(changes.map((c) => c.hlc))) as string[]);
      const fresh: LoggedChange[] = [];
      for (const c of changes) {
        if (seen.has(c.hlc)) continue;
        seen.add(c.hlc);
        fresh.push(c);
      }
      return this.batch(fresh, local);
    })();
  }

  private applyBatch(changes: readonly LoggedChange[], local: boolean): number {
    // The changes of each row, in stamp order.
    const byRow = new Map<string, LoggedChange[]>();
    for (const c of changes) {
      const key = `${c.tbl}\u0000${c.row_id}`;
      const list = byRow.get(key);
      if (list) list.push(c);
      else byRow.set(key, [c]);
    }
    const current = this.currentStamps(byRow);
    const logRows: LoggedChange[] = [];
    const won: Array<{ tbl: string; row: string; cells: Map<string, CellValue> }> = [];
    for (const [key, list] of byRow) {
      list.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
      const { tbl, row_id } = list[0]!;
      const stamps = current.get(key) ?? new Map<string, string>();
      const cells = new Map<string, CellValue>();
      for (const c of list) {
        const stamp = stamps.get(c.col) ?? null;
        logRows.push(local ? { ...c, prev_hlc: stamp } : c);
        if (stamp !== null && stamp >= c.hlc) continue;
        stamps.set(c.col, c.hlc);
        cells.set(c.col, c.value);
      }
      if (cells.size) won.push({ tbl, row: row_id, cells });
    }
    let inserted = 0;
    for (let i = 0; i < logRows.length; i += INSERT_CHUNK) {
      const chunk = logRows.slice(i, i + INSERT_CHUNK);
      const params: unknown[] = [];
      for (const c of chunk) params.push(c.hlc, c.replica, c.author, c.tbl, c.row_id, c.col, c.value, c.prev_hlc);
      inserted += this.insertMany(chunk.length).run(params).changes;
    }
    if (inserted !== logRows.length) throw new AlreadyLogged();
    this.listLate(logRows);
    let changed = 0;
    for (const { tbl, row, cells } of won) {
      this.upsert(tbl, [...cells.keys()]).run(row, ...cells.values());
      changed += cells.size;
    }
    return changed;
  }

  /** The newest stamp of each cell of these rows (keyed table NUL row), one query per table. */
  private currentStamps(byRow: Map<string, LoggedChange[]>): Map<string, Map<string, string>> {
    const rowsOf = new Map<string, string[]>();
    for (const list of byRow.values()) {
      const { tbl, row_id } = list[0]!;
      const ids = rowsOf.get(tbl);
      if (ids) ids.push(row_id);
      else rowsOf.set(tbl, [row_id]);
    }
    const stamps = new Map<string, Map<string, string>>();
    for (const [tbl, ids] of rowsOf) {
      for (const s of this.rowStamps.all(tbl, JSON.stringify(ids)) as Array<{ row_id: string; col: string; hlc: string }>) {
        const key = `${tbl}\u0000${s.row_id}`;
        const cells = stamps.get(key);
        if (cells) cells.set(s.col, s.hlc);
        else stamps.set(key, new Map([[s.col, s.hlc]]));
      }
    }
    return stamps;
  }

  /**
   * Rows just logged with a stamp no later than the newest the search index has taken in (merged
   * from a copy) are listed for it to read again; later ones it finds by stamp (electron/search).
   */
  private listLate(logged: readonly LoggedChange[]): void {
    const through = this.searchThrough.get() as string | undefined;
    if (through === undefined) return;
    for (const c of logged) if (c.hlc <= through) this.searchPending.run(c.tbl, c.row_id);
  }

  private insertMany(rows: number): Statement {
    let stmt = this.insertLogs.get(rows);
    if (!stmt) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
      stmt = this.db.prepare(`INSERT OR IGNORE INTO change_log (hlc, replica, author, tbl, row_id, col, value, prev_hlc) VALUES ${values}`);
      this.insertLogs.set(rows, stmt);
    }
    return stmt;
  }

  /** `INSERT ... ON CONFLICT DO UPDATE` of some cells of a row; every name has passed `columnType`. */
  private upsert(table: string, columns: string[]): Statement {
    const key = `${table}.${columns.join('.')}`;
    let stmt = this.upserts.get(key);
    if (!stmt) {
      if (this.upserts.size >= UPSERTS_KEPT) this.upserts.clear();
      stmt = this.db.prepare(
        `INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})
         ON CONFLICT (id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
      );
      this.upserts.set(key, stmt);
    }
    return stmt;
  }
}

/** A batch met a row already in the log: it is rolled back to its savepoint and applied without those rows. */
class AlreadyLogged extends Error {}

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
