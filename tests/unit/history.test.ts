// The report's history (issue 14, point 5): who changed what and when, from the change log and the
// stored text updates grouped into editing sessions; filtered by section, person, organization and
// day; written to CSV and XLSX (LibreOffice reads the XLSX); text held back is not history.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { exportHistory, readHistory } from '../../electron/services/history.js';
import { setSectionStatus, updateSection } from '../../electron/services/sections.js';
import { compactSectionText } from '../../electron/docs/section-text.js';
import type { RecordEntry, TextEntry } from '../../shared/history.js';
import { tempDir } from './helpers.js';
import { actIn } from './office.js';

function demo() {
  const dir = tempDir();
  const main = path.join(dir, 'report.upr');
  createDemoReport(main).close();
  return { dir, main };
}

describe('the history', () => {
  it('lists text sessions and record changes, newest first, by who, organization and section, and filters them', () => {
    const { main } = demo();
    const started = new Date().toISOString();
    const david = actIn(main, 'David Okafor');
    david.type('Normative framework', 'First sentence of the session.');
    david.type('Normative framework', 'Second sentence, same session.');
    david.report.close();
    const maria = actIn(main);
    const framework = maria.section('Normative framework');
    setSectionStatus(maria.ctx, { id: framework.id, status: 'ready_for_review' });
    updateSection(maria.ctx, { id: framework.id, dueDate: '2027-03-01', wordBudget: 957 });

    const all = readHistory(maria.report.db, { since: started.slice(0, 10) });
    const recent = all.entries.filter((e) => e.at >= started);
    const session = recent.find((e): e is TextEntry => e.kind === 'text' && e.sectionId === framework.id && e.who === 'David Okafor')!;
    expect(session).toMatchObject({ who: 'David Okafor', organization: 'Ministry of Justice', sectionTitle: 'Normative framework' });
    // Closing the file folded the sitting's two updates into one (the history says so).
    expect(session.saves === 2 || (session.saves === 1 && session.folded)).toBe(true);
    expect(session.typed).toBe('First sentence of the session.'.length + 'Second sentence, same session.'.length);
    const records = recent.filter((e): e is RecordEntry => e.kind === 'record' && e.sectionId === framework.id && e.fields.every((f) => f.column !== 'title'));
    expect(records[0]).toMatchObject({ who: maria.me.name, table: 'sections', created: false, subject: { kind: 'section', label: 'Normative framework' } });
    // What one person writes in one record within a second is one entry (here, all three fields).
    expect(records.flatMap((r) => r.fields)).toEqual(
      expect.arrayContaining([
        { table: 'sections', column: 'status', value: 'ready_for_review' },
        { table: 'sections', column: 'due_date', value: '2027-03-01' },
        { table: 'sections', column: 'word_budget', value: 957 },
      ]),
    );
    // Newest first.
    expect(all.entries.map((e) => e.at)).toEqual([...all.entries.map((e) => e.at)].sort().reverse());

    // Filters: the section's own, one person's, one organization's, a day with nothing.
    const own = readHistory(maria.report.db, { sectionId: framework.id });
    expect(own.entries.every((e) => e.sectionId === framework.id)).toBe(true);
    expect(own.entries.some((e) => e.kind === 'text')).toBe(true);
    expect(readHistory(maria.report.db, { memberId: david.me.id }).entries.every((e) => e.who === 'David Okafor')).toBe(true);
    const justice = maria.report.db.prepare("SELECT id FROM organizations WHERE name = 'Ministry of Justice'").pluck().get() as string;
    expect(readHistory(maria.report.db, { organizationId: justice }).entries.every((e) => e.organization === 'Ministry of Justice')).toBe(true);
    expect(readHistory(maria.report.db, { since: '2001-01-01', until: '2001-12-31' })).toEqual({ entries: [], more: false });
    // A limit says there is more.
    const two = readHistory(maria.report.db, { limit: 2 });
    expect(two.entries).toHaveLength(2);
    expect(two.more).toBe(true);
    maria.report.close();
  });

  it('keeps each day of a person’s typing apart when long sessions are folded', () => {
    const { main } = demo();
    const david = actIn(main, 'David Okafor');
    for (let i = 0; i < 5; i++) david.type('Normative framework', `Sentence ${i}.`);
    const id = david.section('Normative framework').id;
    // Two of the updates as if typed on an earlier day.
    const seqs = david.report.db.prepare('SELECT seq, hlc FROM section_updates WHERE section_id = ? AND author = ? ORDER BY seq').all(id, david.me.id) as Array<{ seq: number; hlc: string }>;
    for (const { seq, hlc } of seqs.slice(0, 2)) david.report.db.prepare('UPDATE section_updates SET hlc = ? WHERE seq = ?').run(`2026-01-0${seq % 9}${hlc.slice(10)}`, seq);
    // As in a report from before signing (signed updates are never folded).
    david.report.db.exec('DELETE FROM signatures');
    expect(compactSectionText(david.report.db, id)).toBe(true);
    const left = david.report.db.prepare('SELECT count(*) FROM section_updates WHERE section_id = ? AND author = ?').pluck().get(id, david.me.id) as number;
    expect(left).toBeGreaterThanOrEqual(2);
    const sessions = readHistory(david.report.db, { sectionId: id, memberId: david.me.id }).entries;
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect(sessions.some((e) => e.kind === 'text' && e.folded)).toBe(true);
    david.report.close();
  });

  it('is written to CSV and XLSX for an audit: every entry, names not ids, formulas shown as text', async () => {
    const { dir, main } = demo();
    const maria = actIn(main);
    const framework = maria.section('Normative framework');
    updateSection(maria.ctx, { id: framework.id, title: '=HYPERLINK("http://x")' });
    const csv = path.join(dir, 'history.csv');
    const done = await exportHistory(maria.ctx, { format: 'csv', path: csv, filter: {} });
    const total = readHistory(maria.report.db, { limit: 100_000 }).entries.length;
    expect(done).toEqual({ path: csv, rows: total });
    const records = parse(fs.readFileSync(csv), { bom: true }) as string[][];
    expect(records[0]).toEqual(['When (UTC)', 'Session began (UTC)', 'Who', 'Organization', 'Section', 'What', 'Change']);
    expect(records).toHaveLength(total + 1);
    const renamed = records.find((r) => r[6]!.includes('HYPERLINK'))!;
    expect(renamed[2]).toBe(maria.me.name);
    expect(renamed[3]).toBe('Ministry of Foreign Affairs');
    expect(renamed[4]).toBe(`'=HYPERLINK("http://x")`);
    for (const cell of records.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(records.some((r) => r[5] === 'Text' && /^\d+ characters typed, \d+ deleted, in \d+ saves?$/.test(r[6]!))).toBe(true);

    const xlsx = path.join(dir, 'history.xlsx');
    await exportHistory(maria.ctx, { format: 'xlsx', path: xlsx, filter: { sectionId: framework.id } });
    const profile = tempDir();
    const out = tempDir();
    await promisify(execFile)('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, xlsx], { timeout: 60_000 });
    const read = parse(fs.readFileSync(path.join(out, 'history.csv')), { bom: true }) as string[][];
    expect(read[0]![0]).toBe('When (UTC)');
    expect(read.length).toBe(readHistory(maria.report.db, { sectionId: framework.id, limit: 100_000 }).entries.length + 1);
    expect(read.slice(1).every((r) => r[4] === '=HYPERLINK("http://x")' || r[4] === `'=HYPERLINK("http://x")`)).toBe(true);
    // Refused where it would overwrite the report itself.
    await expect(exportHistory(maria.ctx, { format: 'csv', path: main, filter: {} })).rejects.toThrow();
    expect(fs.readFileSync(main).subarray(0, 15).toString()).toBe('SQLite format 3');
    maria.report.close();
  });
});
