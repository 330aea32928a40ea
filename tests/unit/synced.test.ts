// The one description of the synced data (shared/synced.ts) and the tables the migrations make
// must agree: the same columns, the same storage and nullability, the same defaults. Everything
// derived from the description (the change log's checks, the policy, upr check, the field labels)
// rests on it.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SYNCED, columnDefault, columnKind, shown, shownList, storageOf, valueFits } from '../../shared/synced.js';
import { migrate } from '../../electron/store/open.js';

describe('the description of the synced data', () => {
  it('has every table and column the migrations make, stored and defaulted as they are', () => {
    const db = new Database(':memory:');
    migrate(db);
    for (const [table, spec] of Object.entries(SYNCED)) {
      const columns = db.prepare('SELECT name, type, "notnull", dflt_value FROM pragma_table_info(?)').all(table) as Array<{ name: string; type: string; notnull: number; dflt_value: string | null }>;
      expect(columns.map((c) => c.name).filter((n) => n !== 'id').sort(), table).toEqual(Object.keys(spec.columns).sort());
      for (const c of columns.filter((x) => x.name !== 'id')) {
        const storage = storageOf(columnKind(table, c.name)!);
        expect(`${c.type}${c.notnull ? '' : '?'}`, `${table}.${c.name}`).toBe(storage === 'text' ? 'TEXT' : storage === 'text?' ? 'TEXT?' : storage === 'int' ? 'INTEGER' : 'INTEGER?');
        const declared = c.dflt_value === null ? null : db.prepare(`SELECT ${c.dflt_value}`).pluck().get();
        expect(declared, `${table}.${c.name}'s default`).toBe(columnDefault(table, c.name));
      }
    }
    db.close();
  });

  it('tells values the app can show from those it cannot, and shows the latter as the default', () => {
    const kind = (t: string, c: string) => columnKind(t, c)!;
    expect(valueFits(kind('sections', 'status'), 'approved')).toBe(true);
    expect(valueFits(kind('sections', 'status'), 'finished')).toBe(false);
    expect(valueFits(kind('sections', 'due_date'), '2027-02-30')).toBe(true);
    expect(valueFits(kind('sections', 'due_date'), '15/01/2027')).toBe(false);
    expect(valueFits(kind('sections', 'word_budget'), null)).toBe(true);
    expect(valueFits(kind('report', 'word_limit'), null)).toBe(false);
    expect(valueFits(kind('report', 'cycle'), 21)).toBe(false);
    expect(valueFits(kind('comments', 'created_at'), '2026-11-24T10:12:03.123Z')).toBe(true);
    expect(valueFits(kind('comments', 'created_at'), 'yesterday')).toBe(false);
    expect(valueFits(kind('recommendations', 'sdgs'), '[1,16]')).toBe(true);
    expect(valueFits(kind('recommendations', 'sdgs'), '["1"]')).toBe(false);
    expect(valueFits(kind('inputs', 'themes'), '{')).toBe(false);
    expect(valueFits(kind('comments', 'anchored'), 2)).toBe(false);
    expect(shown('sections', 'status', 'finished')).toBe('not_started');
    expect(shown('members', 'role', 'king')).toBe('observer');
    expect(shownList('not json', 'strings')).toEqual([]);
    expect(shownList('["a","b"]', 'strings')).toEqual(['a', 'b']);
  });
});
