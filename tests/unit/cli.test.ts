import Database from 'better-sqlite3';
import { reportWords } from '../../shared/words.js';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { newHost, sha256, tempDir, TestClient, upr } from './helpers.js';
import { markUpdate, reviewReport, typeParagraphs } from './review-helpers.js';


describe('the upr command', () => {
  it('makes a demo report whose info shows the outline and word counts', async () => {
    const file = path.join(tempDir(), 'd.upr');
    expect((await upr(['demo', file])).code).toBe(0);
    const info = await upr(['info', file, '--json']);
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout);
    expect(parsed.sections.filter((s: { depth: number }) => s.depth === 0).map((s: { label: string }) => s.label)).toEqual([
      'A', 'B', 'C', 'D', 'E', 'F', 'G',
    ]);
    expect(parsed.totalWords).toBeGreaterThan(200);
    // The sections' text and their headings, as the limit counts them.
    expect(parsed.totalWords).toBe(reportWords(parsed.sections));
    expect(parsed.members).toHaveLength(5);
    expect((await upr(['check', file])).stdout).toMatch(/^sound: schema \d+, \d+ changes/);
  });

  it('creates a report and runs API calls with the same permissions as the app', async () => {
    const file = path.join(tempDir(), 'n.upr');
    expect((await upr(['new', file, '--title', 'National report', '--country', 'Testland', '--cycle', '4', '--by', 'Ana'])).code).toBe(0);
    const created = await upr(['call', file, 'organizations.create', '{"name":"NHRI","kind":"nhri"}', '--as', 'Ana']);
    expect(created.code).toBe(0);
    const org = JSON.parse(created.stdout);
    const member = await upr(['call', file, 'members.create', JSON.stringify({ name: 'Rita', organizationId: org.id, role: 'reviewer' }), '--as', 'Ana']);
    expect(member.code).toBe(0);
    const refused = await upr(['call', file, 'report.update', '{"title":"Hijacked"}', '--as', 'Rita']);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe('upr: Only the secretariat can change this (your role: reviewer).\n');
  });

  it('says a foreign file is not sound, without changing it', async () => {
    const dir = tempDir();
    const foreign = path.join(dir, 'letter.upr');
    fs.writeFileSync(foreign, 'Dear colleagues, please find attached the draft. '.repeat(10));
    const before = sha256(foreign);
    const check = await upr(['check', foreign]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/not a UPR report file[\s\S]*not sound/);
    expect(sha256(foreign)).toBe(before);
  });

  it('says a damaged file, and one whose tables disagree with its change log, are not sound', async () => {
    const dir = tempDir();
    const damaged = path.join(dir, 'damaged.upr');
    expect((await upr(['demo', damaged])).code).toBe(0);
    const bytes = fs.readFileSync(damaged);
    for (let i = 4096 * 2; i < bytes.length - 100; i += 7) bytes[i] = (bytes[i]! * 31 + 17) & 0xff;
    fs.writeFileSync(damaged, bytes);
    const before = sha256(damaged);
    const r = await upr(['check', damaged]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/is damaged and cannot be opened[\s\S]*not sound/);
    expect(sha256(damaged)).toBe(before);

    // A title changed behind the change log's back (by another tool) is found.
    const tampered = path.join(dir, 'tampered.upr');
    expect((await upr(['demo', tampered])).code).toBe(0);
    const db = new Database(tampered);
    db.prepare("UPDATE sections SET title = 'Edited outside the app' WHERE rowid = (SELECT min(rowid) FROM sections)").run();
    db.close();
    const t = await upr(['check', tampered]);
    expect(t.code).toBe(1);
    expect(t.stdout).toMatch(/problem: sections .*: title is “Edited outside the app” but the change log says “/);
  });

  it('reports errors in one line with exit code 2, never a stack trace', async () => {
    const r = await upr(['info', path.join(tempDir(), 'nowhere.upr')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^upr: There is no file at /);
    const bad = await upr(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^upr: unknown command “frobnicate”/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

/** A report file, closed, holding a few review comments (and `long` more with long bodies, to make the matrix large). */
async function commentedReport(long = 0): Promise<string> {
  const r = await reviewReport();
  const sectionId = r.section.id;
  await typeParagraphs(r.admin, sectionId, ['The Government adopted a national action plan on human rights in 2023.']);
  await r.reviewer.call('comments.create', {
    id: 'c-1', sectionId, type: 'substantive', body: 'Name the plan.',
    anchor: await markUpdate(r.reviewer, sectionId, 'national action plan', 'c-1'),
  });
  await r.reviewer.call('comments.create', { id: 'c-2', sectionId, type: 'critical', body: '=1+1' });
  await r.drafter.call('comments.decide', { commentId: 'c-2', disposition: 'not_accepted', rationale: 'Not a comment.' });
  for (let i = 0; i < long; i++) {
    // Random text does not compress, so the XLSX grows as much as the CSV.
    await r.reviewer.call('comments.create', { id: `long-${i}`, sectionId, type: 'editorial', body: `Long ${randomBytes(6_000).toString('base64')}` });
  }
  r.host.closeAll();
  return r.file;
}

async function sheetValues(file: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows: unknown[][] = [];
  book.getWorksheet('Comments')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('upr export', () => {
  it('writes the comment matrix as XLSX and as CSV, the same files the app writes, and says how many comments', async () => {
    const report = await commentedReport();
    const dir = tempDir();
    const csv = await upr(['export', report, '--format', 'comments-csv', '--out', path.join(dir, 'matrix.csv')]);
    expect(csv).toEqual({ code: 0, stdout: `wrote 2 comments to ${path.join(dir, 'matrix.csv')}\n`, stderr: '' });
    const xlsx = await upr(['export', report, '--format', 'comments-xlsx', '--out', path.join(dir, 'matrix.xlsx')]);
    expect(xlsx).toEqual({ code: 0, stdout: `wrote 2 comments to ${path.join(dir, 'matrix.xlsx')}\n`, stderr: '' });

    // The app's own export of the same report.
    const host = newHost();
    const client = new TestClient(host);
    await client.call('app.openReport', { path: report });
    await client.signInAs('Otto Observer');
    await client.call('comments.export', { format: 'csv', path: path.join(dir, 'app.csv') });
    await client.call('comments.export', { format: 'xlsx', path: path.join(dir, 'app.xlsx') });
    host.closeAll();
    expect(fs.readFileSync(path.join(dir, 'matrix.csv'))).toEqual(fs.readFileSync(path.join(dir, 'app.csv')));
    const records = parse(fs.readFileSync(path.join(dir, 'matrix.csv')), { bom: true }) as string[][];
    expect(records.map((r) => [r[0], r[2], r[6], r[9]])).toEqual([
      ['No.', 'Passage', 'Comment', 'Disposition'],
      ['1', 'national action plan', 'Name the plan.', ''],
      ['2', 'Whole section', "'=1+1", 'Not accepted'],
    ]);
    expect(await sheetValues(path.join(dir, 'matrix.xlsx'))).toEqual(await sheetValues(path.join(dir, 'app.xlsx')));
  });

  it('a format it does not know, or a folder that does not exist: one line, exit 2, no file written or changed', async () => {
    const report = await commentedReport();
    const dir = tempDir();
    const earlier = path.join(dir, 'matrix.docx');
    fs.writeFileSync(earlier, 'last week’s file');
    const before = { report: sha256(report), earlier: sha256(earlier) };

    const format = await upr(['export', report, '--format', 'odt', '--out', earlier]);
    expect(format).toEqual({ code: 2, stdout: '', stderr: 'upr: unknown export format “odt” (accepted: comments-xlsx, comments-csv, docx, pdf, html, recommendations-csv, recommendations-json, midterm-docx, midterm-pdf, public-tracker)\n' });

    const nowhere = path.join(dir, 'no such folder', 'matrix.xlsx');
    const folder = await upr(['export', report, '--format', 'comments-xlsx', '--out', nowhere]);
    expect(folder).toEqual({ code: 2, stdout: '', stderr: `upr: Cannot write ${nowhere}: the folder ${path.dirname(nowhere)} does not exist.\n` });

    expect(sha256(report)).toBe(before.report);
    expect(sha256(earlier)).toBe(before.earlier);
    expect(fs.readdirSync(dir)).toEqual(['matrix.docx']);
  });

  it('an export the system cuts short (file size limit) leaves the earlier matrix as it was, and no temporary file', async () => {
    const report = await commentedReport(12);
    const dir = tempDir();
    for (const format of ['csv', 'xlsx']) {
      const out = path.join(dir, `matrix.${format}`);
      fs.writeFileSync(out, 'last week’s matrix');
      // 64 KB is enough to open the report (SQLite's shared memory file is 32 KB), not for the matrix.
      const r = await upr(['export', report, '--format', `comments-${format}`, '--out', out], {}, 'ulimit -f 64');
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`upr: Cannot write ${out}: the file would be larger than this disk or system allows.\n`);
      expect(fs.readFileSync(out, 'utf8')).toBe('last week’s matrix');
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['matrix.csv', 'matrix.xlsx']);
  });

  it('writes the report as the Export view does: a draft with its name, the annexes chosen; a choice it does not take is one line, exit 2, nothing written', async () => {
    const dir = tempDir();
    const report = path.join(dir, 'demo.upr');
    createDemoReport(report).close();
    const before = sha256(report);
    const out = path.join(dir, 'round2.html');
    const r = await upr(['export', report, '--format', 'html', '--out', out, '--draft', 'Round 2', '--recommendations', 'none', '--without-inputs']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\([\\d,]+ bytes\\), a draft: Round 2$`));
    const page = fs.readFileSync(out, 'utf8');
    expect(page).toMatch(/Draft: Round 2, \d{1,2} \w+ \d{4}/);
    expect(page).not.toContain('class="annex"');

    const refused = [
      [['--recommendations', 'some'], 'upr: --recommendations takes all, supported, addressed, none, not “some”'],
      [['--order', 'date'], 'upr: --order takes number, theme, not “date”'],
      [['--line-numbers'], 'upr: --line-numbers numbers a draft’s lines: give the draft’s name with --draft'],
      [['--draft', '  '], 'upr: --draft needs the draft’s name, such as --draft "Draft for the NHRI"'],
    ] as const;
    for (const [args, said] of refused) {
      expect(await upr(['export', report, '--format', 'docx', '--out', path.join(dir, 'x.docx'), ...args])).toEqual({ code: 2, stdout: '', stderr: `${said}\n` });
    }
    expect(await upr(['export', report, '--format', 'comments-csv', '--out', path.join(dir, 'x.csv'), '--draft', 'Round 2'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'upr: --draft is a choice for the report (docx, pdf, html), not for comments-csv\n',
    });
    expect(fs.readdirSync(dir).sort()).toEqual(['demo.upr', 'round2.html']);
    expect(sha256(report)).toBe(before);
  });
});
