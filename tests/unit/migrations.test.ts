import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/store/open.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/store/migrations/index.js';
import { SYNCED_TABLES } from '../../electron/store/schema.js';


/**
 * Columns later migrations added to tables made earlier: 0006 the cover's session and symbol, 0010
 * the lock at review, 0013 the masthead, 0014 the recommendations' follow-up, 0015 their mechanism and
 * source, 0016 the implementation plan's, 0017 the public tracker's flags (their own tests check them).
 */
const LATER_COLUMNS: Record<string, Record<string, number>> = {
  report: { session: 6, symbol: 6, lock_at_review: 10, distribution: 13, issued: 13 },
  recommendations: {
    contributing_organization_ids: 14,
    country_cluster: 14,
    mechanism: 15,
    body: 15,
    document_symbol: 15,
    paragraph: 15,
    document_date: 15,
    uhri_id: 15,
    same_as: 15,
    status_by_hand: 16,
    action_category: 16,
    public: 17,
  },
  recommendation_notes: { action_id: 16, public: 17 },
  inputs: { public: 17 },
};

/** A synced table's columns as they were at schema `version`. */
function asOf(version: number, table: string, columns: Record<string, string>): Record<string, string> {
  const later = LATER_COLUMNS[table] ?? {};
  return Object.fromEntries(Object.entries(columns).filter(([c]) => (later[c] ?? 0) <= version));
}
describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('0001 creates STRICT tables for everything the change log writes', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string; sql: string }>;
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT/);
    for (const [table, all] of Object.entries(SYNCED_TABLES).filter(([t]) => ['report', 'organizations', 'members', 'sections'].includes(t))) {
      const columns = asOf(5, table, all);
      const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
      expect(cols).toEqual(expect.arrayContaining(['id', ...Object.keys(columns)]));
    }
    // STRICT means a word in a number column is refused, not stored.
    expect(() => db.prepare("INSERT INTO sections (id, word_budget) VALUES ('s', 'many')").run()).toThrow(/cannot store TEXT/);
    // A row can be built cell by cell (the log may deliver any cell first).
    db.prepare("INSERT INTO sections (id, title) VALUES ('s1', 'A')").run();
    expect(db.prepare("SELECT status, position, deleted FROM sections WHERE id = 's1'").get()).toEqual({
      status: 'not_started',
      position: 'a0',
      deleted: 0,
    });
    db.close();
  });

  it('0002 adds comment tables and empties the derived text cache so it is rebuilt with mark ids', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare("INSERT INTO sections (id, title) VALUES ('s1', 'A')").run();
    db.prepare("INSERT INTO section_text (section_id, through_seq, plain, words, footnote_words) VALUES ('s1', 3, 'x', 1, 0)").run();
    migrate(db, 2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT title FROM sections').all()).toEqual([{ title: 'A' }]);
    expect(db.prepare('SELECT count(*) AS n FROM section_text').get()).toEqual({ n: 0 });
    for (const table of ['comments', 'comment_replies']) {
      const columns = SYNCED_TABLES[table as 'comments'];
      const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
      expect(cols, table).toEqual(expect.arrayContaining(['id', ...Object.keys(columns)]));
    }
    for (const t of db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string; sql: string }>) {
      expect(t.sql, t.name).toMatch(/STRICT/);
    }
    db.prepare("INSERT INTO comments (id, body) VALUES ('c1', 'Say more.')").run();
    expect(db.prepare("SELECT status, disposition, anchored FROM comments WHERE id = 'c1'").get()).toEqual({ status: 'open', disposition: '', anchored: 0 });
    db.close();
  });

  it('0003 adds recommendations, their notes and section links, leaving earlier data alone', () => {
    const db = new Database(':memory:');
    migrate(db, 2);
    db.prepare("INSERT INTO comments (id, body) VALUES ('c1', 'Say more.')").run();
    migrate(db, 3);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT body FROM comments').all()).toEqual([{ body: 'Say more.' }]);
    for (const [table, all] of Object.entries(SYNCED_TABLES).filter(([t]) => !['inputs', 'input_links', 'attachments', 'versions', 'paragraph_settlements', 'actions', 'indicators', 'evidence', 'member_keys'].includes(t))) {
      const columns = asOf(5, table, all);
      const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
      expect(cols, table).toEqual(expect.arrayContaining(['id', ...Object.keys(columns)]));
    }
    for (const t of db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string; sql: string }>) {
      expect(t.sql, t.name).toMatch(/STRICT/);
    }
    db.prepare("INSERT INTO recommendations (id, number) VALUES ('rec-115-23', '115.23')").run();
    expect(db.prepare('SELECT states, position, implementation_status, responsible_organization_id FROM recommendations').get()).toEqual({
      states: '[]',
      position: '',
      implementation_status: 'not_started',
      responsible_organization_id: null,
    });
    db.close();
  });

  it('0004 adds consultation inputs, their links and attachments, and a content-addressed blob store', () => {
    const db = new Database(':memory:');
    migrate(db, 3);
    db.prepare("INSERT INTO recommendations (id, number) VALUES ('rec-115-23', '115.23')").run();
    migrate(db, 4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT number FROM recommendations').all()).toEqual([{ number: '115.23' }]);
    for (const table of ['inputs', 'input_links', 'attachments'] as const) {
      const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
      expect(cols, table).toEqual(expect.arrayContaining(['id', ...Object.keys(asOf(4, table, SYNCED_TABLES[table]))]));
    }
    db.prepare("INSERT INTO blobs (sha256, size, data) VALUES ('ab', 2, x'0102')").run();
    expect(() => db.prepare("INSERT INTO blobs (sha256, size, data) VALUES ('cd', 'big', x'01')").run()).toThrow(/cannot store TEXT/);
    db.close();
  });

  it('0008 drops the trigger that listed late changes (the change log lists them), keeping what it had listed', () => {
    const db = new Database(':memory:');
    migrate(db, 7);
    db.prepare("INSERT INTO search_state (key, value) VALUES ('through', '3')").run();
    db.prepare("INSERT INTO change_log (hlc, replica, author, tbl, row_id, col, value) VALUES ('1', 'r', 'a', 'sections', 's1', 'title', 'x')").run();
    migrate(db, 8);
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'trigger'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT tbl, row_id FROM search_pending').all()).toEqual([{ tbl: 'sections', row_id: 's1' }]);
    db.close();
  });

  it('0007 adds what a merge leaves to look at: its record, conflicts and the texts of sections edited on both sides', () => {
    const db = new Database(':memory:');
    migrate(db, 6);
    db.prepare("INSERT INTO sections (id, title) VALUES ('s1', 'A')").run();
    migrate(db, 7);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT title FROM sections').all()).toEqual([{ title: 'A' }]);
    for (const table of ['merges', 'merge_conflicts', 'merge_revisions']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
      expect((db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(table) as { sql: string }).sql, table).toMatch(/STRICT/);
      // Bookkeeping of this file, not data that travels: never in the change log's tables.
      expect(Object.keys(SYNCED_TABLES)).not.toContain(table);
    }
    expect(() => db.prepare("INSERT INTO merge_revisions (id, merge_id, section_id, side, state) VALUES ('r', 'm', 's1', 'local', 'text')").run()).toThrow(/cannot store TEXT/);
    db.close();
  });

  it('0006 gives the report a session and a document symbol for the cover, empty until set', () => {
    const db = new Database(':memory:');
    migrate(db, 5);
    db.prepare("INSERT INTO report (id, title, country) VALUES ('r1', 'National report', 'Veridia')").run();
    migrate(db, 6);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT title, session, symbol FROM report').get()).toEqual({ title: 'National report', session: '', symbol: '' });
    const cols = (db.prepare('PRAGMA table_info(report)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['id', ...Object.keys(asOf(6, 'report', SYNCED_TABLES.report))]));
    expect((db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'report'").get() as { sql: string }).sql).toMatch(/STRICT/);
    db.close();
  });

  it('0010 lets the secretariat lock sections at review, off in every report until chosen', () => {
    const db = new Database(':memory:');
    migrate(db, 9);
    db.prepare("INSERT INTO report (id, title, country) VALUES ('r1', 'National report', 'Veridia')").run();
    migrate(db, 10);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare('SELECT title, lock_at_review FROM report').get()).toEqual({ title: 'National report', lock_at_review: 0 });
    const cols = (db.prepare('PRAGMA table_info(report)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['id', ...Object.keys(asOf(10, 'report', SYNCED_TABLES.report))]));
    // STRICT: a word is refused where a flag goes.
    expect(() => db.prepare("UPDATE report SET lock_at_review = 'yes'").run()).toThrow(/cannot store TEXT/);
    db.close();
  });

  it('0011 adds versions, empty in every report until one is saved, STRICT', () => {
    const db = new Database(':memory:');
    migrate(db, 10);
    db.prepare("INSERT INTO report (id, title, country) VALUES ('r1', 'National report', 'Veridia')").run();
    migrate(db, 11);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(db.prepare('SELECT count(*) AS n FROM versions').get()).toEqual({ n: 0 });
    const cols = (db.prepare('PRAGMA table_info(versions)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols).toEqual(['id', ...Object.keys(SYNCED_TABLES.versions)]);
    expect(db.prepare('SELECT title FROM report').get()).toEqual({ title: 'National report' });
    expect(() => db.prepare("INSERT INTO versions (id, words) VALUES ('v', 'many')").run()).toThrow(/cannot store TEXT/);
    db.close();
  });

  it('0013 gives the report its masthead: distribution general and no date until set', () => {
    const db = new Database(':memory:');
    migrate(db, 12);
    db.prepare("INSERT INTO report (id, title, country) VALUES ('r1', 'National report', 'Veridia')").run();
    migrate(db, 13);
    expect(db.pragma('user_version', { simple: true })).toBe(13);
    expect(db.prepare('SELECT title, distribution, issued FROM report').get()).toEqual({ title: 'National report', distribution: 'general', issued: '' });
    const cols = (db.prepare('PRAGMA table_info(report)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['id', ...Object.keys(SYNCED_TABLES.report)]));
    db.close();
  });

  it('0014 gives each recommendation its contributing ministries and the country’s cluster: none until set', () => {
    const db = new Database(':memory:');
    migrate(db, 13);
    db.prepare("INSERT INTO recommendations (id, number, cluster) VALUES ('rec-121-1', '121.1', 'Treaties')").run();
    migrate(db, 14);
    expect(db.pragma('user_version', { simple: true })).toBe(14);
    expect(db.prepare('SELECT number, cluster, contributing_organization_ids, country_cluster FROM recommendations').get()).toEqual({
      number: '121.1',
      cluster: 'Treaties',
      contributing_organization_ids: '[]',
      country_cluster: '',
    });
    const cols = (db.prepare('PRAGMA table_info(recommendations)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['id', ...Object.keys(asOf(14, 'recommendations', SYNCED_TABLES.recommendations))]));
    db.close();
  });

  it('0015 makes every recommendation already in a file a UPR one, with no document, Index id or repeat', () => {
    const db = new Database(':memory:');
    migrate(db, 14);
    db.prepare("INSERT INTO recommendations (id, number) VALUES ('rec-121-1', '121.1')").run();
    migrate(db, 15);
    expect(db.pragma('user_version', { simple: true })).toBe(15);
    expect(db.prepare('SELECT number, mechanism, body, document_symbol, paragraph, document_date, uhri_id, same_as FROM recommendations').get()).toEqual({
      number: '121.1',
      mechanism: 'upr',
      body: '',
      document_symbol: '',
      paragraph: '',
      document_date: '',
      uhri_id: '',
      same_as: null,
    });
    const cols = (db.prepare('PRAGMA table_info(recommendations)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['id', ...Object.keys(asOf(15, 'recommendations', SYNCED_TABLES.recommendations))]));
    db.close();
  });

  it('0016 adds the implementation plan, empty, STRICT; every status already set stays as set', () => {
    const db = new Database(':memory:');
    migrate(db, 15);
    db.prepare("INSERT INTO recommendations (id, number, implementation_status) VALUES ('rec-121-1', '121.1', 'implemented')").run();
    migrate(db, 16);
    expect(db.pragma('user_version', { simple: true })).toBe(16);
    expect(db.prepare('SELECT implementation_status, status_by_hand, action_category FROM recommendations').get()).toEqual({ implementation_status: 'implemented', status_by_hand: 0, action_category: null });
    for (const table of ['actions', 'indicators', 'evidence'] as const) {
      const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
      expect(cols).toEqual(['id', ...Object.keys(SYNCED_TABLES[table])]);
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    expect(() => db.prepare("INSERT INTO actions (id, deleted) VALUES ('a', 'yes')").run()).toThrow(/cannot store TEXT/);
    db.close();
  });

  it('0017 adds the public tracker’s flag to recommendations, progress notes and inputs: nothing already there is public', () => {
    const db = new Database(':memory:');
    migrate(db, 16);
    db.prepare("INSERT INTO recommendations (id, number) VALUES ('rec-121-1', '121.1')").run();
    db.prepare("INSERT INTO recommendation_notes (id, recommendation_id, text) VALUES ('n1', 'rec-121-1', 'Done.')").run();
    db.prepare("INSERT INTO inputs (id, title) VALUES ('i1', 'Submission')").run();
    migrate(db, 17);
    expect(db.pragma('user_version', { simple: true })).toBe(17);
    for (const table of ['recommendations', 'recommendation_notes', 'inputs'] as const) {
      expect(db.prepare(`SELECT public FROM ${table}`).all(), table).toEqual([{ public: 0 }]);
      const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
      expect(cols, table).toEqual(expect.arrayContaining(['id', ...Object.keys(SYNCED_TABLES[table])]));
    }
    expect(() => db.prepare("UPDATE inputs SET public = 'yes'").run()).toThrow(/cannot store TEXT/);
    db.close();
  });

  it('0018 adds people’s signing keys (synced) and signature records, empty: what is already in a report is unsigned history, never refused', () => {
    const db = new Database(':memory:');
    migrate(db, 17);
    db.prepare("INSERT INTO change_log (hlc, replica, author, tbl, row_id, col, value, prev_hlc) VALUES ('2026-01-01T00:00:00.000Z-0000-00000000000000aa', '00000000000000aa', 'm1', 'report', 'r', 'title', 'T', NULL)").run();
    migrate(db, 18);
    expect(db.pragma('user_version', { simple: true })).toBe(18);
    const cols = (db.prepare('PRAGMA table_info(member_keys)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols).toEqual(['id', ...Object.keys(SYNCED_TABLES.member_keys)]);
    expect(db.prepare('SELECT count(*) FROM signatures').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM held_changes').pluck().get()).toBe(0);
    expect(() => db.prepare("INSERT INTO signatures (hash, key_id, author, kind, replica, first_hlc, last_hlc, count, signature) VALUES ('h', 'k', 'a', 'other', 'r', 'x', 'x', 1, x'00')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO member_keys (id, confirmed) VALUES ('k', 'yes')").run()).toThrow(/cannot store TEXT/);
    db.close();
  });

  it('0012 adds paragraph settlements, empty until a paragraph edited in both copies is settled, STRICT', () => {
    const db = new Database(':memory:');
    migrate(db, 11);
    migrate(db, 12);
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    expect(db.prepare('SELECT count(*) AS n FROM paragraph_settlements').get()).toEqual({ n: 0 });
    const cols = (db.prepare('PRAGMA table_info(paragraph_settlements)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols).toEqual(['id', ...Object.keys(SYNCED_TABLES.paragraph_settlements)]);
    expect(() => db.prepare("INSERT INTO paragraph_settlements (id, deleted) VALUES ('p', 'yes')").run()).toThrow(/cannot store TEXT/);
    db.close();
  });

  it('0005 adds an empty search index, its bookkeeping, and a trigger that lists changes merged in with older stamps', () => {
    const db = new Database(':memory:');
    migrate(db, 4);
    db.prepare("INSERT INTO sections (id, title) VALUES ('s1', 'A')").run();
    migrate(db, 5);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT title FROM sections').all()).toEqual([{ title: 'A' }]);
    // Never built: the first search builds it from the tables.
    for (const table of ['search_index', 'search_docs', 'search_pending', 'search_state']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    // FTS5 tables (the index and its shadow tables) cannot be STRICT; every other table is.
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string; sql: string }>;
    const fts = tables.filter((t) => t.name === 'search_index' || t.name.startsWith('search_index_'));
    expect(fts.map((t) => t.name).sort()).toEqual(['search_index', 'search_index_config', 'search_index_content', 'search_index_data', 'search_index_docsize', 'search_index_idx']);
    for (const t of tables.filter((x) => !fts.includes(x))) expect(t.sql, t.name).toMatch(/STRICT/);
    expect(() => db.prepare("INSERT INTO search_docs (kind, ref, through_seq) VALUES ('section', 's1', 'late')").run()).toThrow(/cannot store TEXT/);
    // Never built: no change is listed. Once built through stamp '3', a change stamped no later (merged
    // from another copy) is listed once per row; later ones are not (the index reads them by stamp).
    const log = db.prepare("INSERT INTO change_log (hlc, replica, author, tbl, row_id, col, value) VALUES (?, 'r', 'a', ?, ?, ?, 'x')");
    log.run('2', 'sections', 's1', 'title');
    expect(db.prepare('SELECT count(*) AS n FROM search_pending').get()).toEqual({ n: 0 });
    db.prepare("INSERT INTO search_state (key, value) VALUES ('through', '3')").run();
    log.run('1', 'sections', 's1', 'title');
    log.run('1a', 'sections', 's1', 'status');
    log.run('1b', 'comment_replies', 'r1', 'body');
    log.run('3', 'organizations', 'o1', 'name');
    log.run('4', 'sections', 's2', 'title');
    log.run('5', 'comments', 'c1', 'body');
    expect(db.prepare('SELECT tbl, row_id FROM search_pending ORDER BY tbl').all()).toEqual([
      { tbl: 'comment_replies', row_id: 'r1' },
      { tbl: 'organizations', row_id: 'o1' },
      { tbl: 'sections', row_id: 's1' },
    ]);
    db.close();
  });

  it('running migrations twice changes nothing', () => {
    const db = new Database(':memory:');
    migrate(db);
    const schema = db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all();
    migrate(db);
    expect(db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all()).toEqual(schema);
    db.close();
  });
});
