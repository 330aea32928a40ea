// The tables and columns the change log may write, and how SQLite stores each, derived from the one
// description in shared/synced.ts. Every name that reaches SQL from a change (ours or, when
// merging, another office's) is checked against this list first.
import { SYNCED, columnKind, isSyncedTable, storageOf, valueFits as fitsKind, type CellValue, type SyncedTable } from '../../shared/synced.js';

export type ColumnType = 'text' | 'text?' | 'int' | 'int?';
export type { CellValue, SyncedTable };
export { isSyncedTable };

/** Table -> column -> storage type, for the tables the change log writes. */
export const SYNCED_TABLES = Object.fromEntries(
  Object.entries(SYNCED).map(([table, spec]) => [table, Object.fromEntries(Object.entries(spec.columns).map(([c, k]) => [c, storageOf(k)]))]),
) as { [T in SyncedTable]: { [C in keyof (typeof SYNCED)[T]['columns']]: ColumnType } };

export function columnType(table: string, column: string): ColumnType | null {
  const kind = columnKind(table, column);
  return kind ? storageOf(kind) : null;
}

/** Whether `value` is one `table.column` may hold (its kind, enum, JSON shape and range); false for an unknown name. */
export function valueFits(table: string, column: string, value: unknown): value is CellValue {
  const kind = columnKind(table, column);
  return kind !== null && fitsKind(kind, value);
}
