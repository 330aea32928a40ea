import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, createReportDatabase, inspectReportFile, openReportDatabase, prepared } from '../../electron/store/open.js';
import { SCHEMA_VERSION } from '../../electron/store/migrations/index.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { sha256, tempDir } from './helpers.js';

describe('opening report files', () => {
  it('creates a file with our application id, the schema version and WAL', () => {
    const file = path.join(tempDir(), 'r.upr');
    const db = createReportDatabase(file);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses to overwrite an existing file', () => {
    const file = path.join(tempDir(), 'r.upr');
    fs.writeFileSync(file, 'keep me');
    expect(() => createReportDatabase(file)).toThrow(/already exists/);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('refuses a file that is not ours, and leaves it untouched', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.upr');
    fs.writeFileSync(text, 'This is a Word document, honestly. '.repeat(20));
    const other = path.join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    for (const file of [text, other]) {
      const before = sha256(file);
      expect(() => openReportDatabase(file)).toThrow(/not a UPR report file/);
      expect(sha256(file)).toBe(before);
    }
  });

  it('refuses a file made by a newer version, untouched', () => {
    const file = path.join(tempDir(), 'new.upr');
    createDemoReport(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 3}`);
    db.close();
    const before = sha256(file);
    expect(() => openReportDatabase(file)).toThrow(`schema ${SCHEMA_VERSION + 3}; this app reads up to ${SCHEMA_VERSION}`);
    expect(sha256(file)).toBe(before);
  });

  it('refuses a damaged file, untouched', () => {
    const file = path.join(tempDir(), 'damaged.upr');
    createDemoReport(file).close();
    const bytes = fs.readFileSync(file);
    // Overwrite the middle of the file (b-tree pages) with noise, keeping the header.
    for (let i = 4096 * 2; i < bytes.length - 100; i += 7) bytes[i] = (bytes[i]! * 31 + 17) & 0xff;
    fs.writeFileSync(file, bytes);
    const before = sha256(file);
    expect(() => inspectReportFile(file)).toThrow(/damaged/);
    expect(sha256(file)).toBe(before);
  });

  it('refuses a truncated file', () => {
    const file = path.join(tempDir(), 'cut.upr');
    createDemoReport(file).close();
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(() => inspectReportFile(file)).toThrow(/damaged/);
  });

  it('says plainly when there is no file', () => {
    expect(() => openReportDatabase(path.join(tempDir(), 'missing.upr'))).toThrow(/There is no file at/);
  });
});

describe('prepared statements shared by callers', () => {
  it('come back returning objects, whatever mode an earlier caller left them in', () => {
    const db = createReportDatabase(path.join(tempDir(), 'r.upr'));
    db.prepare("INSERT INTO meta (key, value) VALUES ('report_id', 'r-1')").run();
    const sql = 'SELECT value FROM meta WHERE key = ?';
    // One caller wants the bare value (as the Sharing screen's names do)...
    expect(prepared(db, sql).pluck().get('report_id')).toBe('r-1');
    // ...the next one, with the same SQL, rows as objects (as the search index's documents do).
    expect(prepared(db, sql).get('report_id')).toEqual({ value: 'r-1' });
    expect(prepared(db, sql).raw().get('report_id')).toEqual(['r-1']);
    expect(prepared(db, sql).all('report_id')).toEqual([{ value: 'r-1' }]);
    db.close();
  });
});
