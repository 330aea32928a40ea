// Importing recommendations from a table (CSV or XLSX) through a column mapping: the files are made
// here as a secretariat would make them (Excel's CSV with a byte order mark and semicolons, a
// workbook with numbers, rich text and formulas), read through the API and the command line.
import { SLOVENE_TEXTS, sloveneCsv1250 } from './fixtures/slovene-csv.js';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ColumnMapping, ImportPreview } from '../../shared/domain.js';
import { MESSAGES } from '../../shared/messages.js';
import { newReport, sha256, tempDir, upr, type TestClient } from './helpers.js';

let dataDir: string;
beforeEach(() => {
  // Where remembered mappings go: never the real user's data folder.
  dataDir = tempDir();
  vi.stubEnv('UPR_DATA_DIR', dataDir);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Excel's "CSV UTF-8" in much of Europe: a byte order mark, semicolons, CRLF, quoted cells with line breaks. */
const EUROPEAN_CSV =
  '\ufeffN° de la recommandation;Recommandation;État(s) auteur(s);Réponse;Thèmes;ODD\r\n' +
  '115.1;Ratifier le Protocole facultatif se rapportant à la Convention contre la torture;France, Iran (Islamic Republic of);Acceptée;"A41 Cadre constitutionnel et législatif\nB51 Droit à un recours effectif";5, 16\r\n' +
  '115.2;Abolir la peine de mort;(Maldives) (Portugal);Notée*;A12 Acceptation des normes internationales;SDG 16\r\n' +
  '115.3;"Adopter un plan d\'action national; en rendre compte";Chile;Supported;D51 Administration de la justice;\r\n';

function write(name: string, content: string | Uint8Array, dir = tempDir()): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function xlsxBytes(fill: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('Recommendations'), book);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The key of the error reply, or fails. */
async function refusedKey(client: TestClient, method: 'recommendations.previewImport' | 'recommendations.import', input: Record<string, unknown>) {
  const reply = await client.reply(method, input);
  if (reply.ok) throw new Error(`${method} should have been refused`);
  return { key: reply.error.key, message: reply.error.message };
}

function mappingOf(preview: ImportPreview): ColumnMapping {
  if (!preview.table) throw new Error('not read as a table');
  return preview.table.mapping;
}

describe('reading a CSV list', () => {
  it('with a byte order mark and semicolons: guesses the French headers and reads States, positions, themes and SDGs as the Word list does', async () => {
    const { admin } = await newReport();
    const preview = await admin.call('recommendations.previewImport', { path: write('liste.csv', EUROPEAN_CSV) });
    expect(preview.layout).toBe('table');
    expect(preview.table).toEqual({
      headers: ['N° de la recommandation', 'Recommandation', 'État(s) auteur(s)', 'Réponse', 'Thèmes', 'ODD'],
      mapping: {
        number: 'N° de la recommandation',
        text: 'Recommandation',
        states: 'État(s) auteur(s)',
        position: 'Réponse',
        positionSource: null,
        cluster: null,
        themes: 'Thèmes',
        groups: null,
        sdgs: 'ODD',
      },
      csv: { encoding: 'utf-8', delimiter: ';', certain: true },
      remembered: false,
    });
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toEqual({ read: 3, new: 3, changed: 0, unchanged: 0 });
    expect(preview.rows[0]).toEqual({
      number: '115.1',
      text: 'Ratifier le Protocole facultatif se rapportant à la Convention contre la torture',
      states: ['France', 'Iran (Islamic Republic of)'],
      position: 'supported',
      positionSource: '',
      cluster: '',
      themes: ['A41 Cadre constitutionnel et législatif', 'B51 Droit à un recours effectif'],
      groups: [],
      sdgs: [5, 16],
    });
    expect(preview.rows[1]).toMatchObject({ number: '115.2', states: ['Maldives', 'Portugal'], position: 'noted', sdgs: [16] });
    // A semicolon inside a quoted cell is the text's own, not a delimiter.
    expect(preview.rows[2]).toMatchObject({ text: "Adopter un plan d'action national; en rendre compte", states: ['Chile'], position: 'supported', sdgs: [] });
  });

  it('in UTF-16 with tabs (Excel\'s "Unicode text"), and in Windows-1252 without a byte order mark', async () => {
    const { admin } = await newReport();
    const tabbed = 'Recommendation No.\tRecommendation\tRecommending State(s)\tPosition\n115.7\tGarantizar la educación\tCôte d\'Ivoire\tAceptada\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, 'utf16le')]);
    const read16 = await admin.call('recommendations.previewImport', { path: write('unicode.csv', utf16) });
    expect(read16.rows).toEqual([expect.objectContaining({ number: '115.7', text: 'Garantizar la educación', states: ["Côte d'Ivoire"], position: 'supported' })]);
    const french = [
      'Number,Text,State',
      `115.8,"Améliorer l'accès à la justice pour les personnes handicapées et les étrangers",Sénégal`,
      '115.9,"Renforcer les mesures de lutte contre la traite des êtres humains, en particulier des femmes",Algérie',
      `115.10,"Garantir l'indépendance de l'institution nationale des droits de l'homme",Côte d'Ivoire`,
    ].join('\n');
    const read1252 = await admin.call('recommendations.previewImport', { path: write('ansi.csv', Buffer.from(french, 'latin1')) });
    expect(read1252.table!.csv).toEqual({ encoding: 'windows-1252', delimiter: ',', certain: false });
    expect(read1252.rows[0]).toEqual(expect.objectContaining({ number: '115.8', text: "Améliorer l'accès à la justice pour les personnes handicapées et les étrangers", states: ['Sénégal'] }));
  });

  it('saved by Excel in Central Europe (Windows-1250, semicolons): the encoding is found and said to be a guess, and the person can choose another and a delimiter', async () => {
    const { admin } = await newReport();
    const texts = SLOVENE_TEXTS;
    const file = write('slovenija.csv', sloveneCsv1250('Številka priporočila;Priporočilo;Država'));
    const mapping = { number: 'Številka priporočila', text: 'Priporočilo', states: 'Država', position: null, positionSource: null, cluster: null, themes: null, groups: null, sdgs: null };

    const found = await admin.call('recommendations.previewImport', { path: file, mapping });
    expect(found.table!.csv).toEqual({ encoding: 'windows-1250', delimiter: ';', certain: false });
    expect(found.rows[1]).toMatchObject({ number: '121.2', text: texts[1], states: ['Hrvaška'] });

    // Read as Western European, the letters come out wrong: what the person would see and change back.
    const western = await admin.call('recommendations.previewImport', { path: file, csv: { encoding: 'windows-1252' } });
    expect(western.table!.headers[1]).toBe('Priporoèilo');
    expect(western.table!.csv).toMatchObject({ encoding: 'windows-1252', certain: false });
    // A delimiter chosen that the file does not use: one column.
    const commas = await admin.call('recommendations.previewImport', { path: file, csv: { encoding: 'windows-1250', delimiter: ',' } });
    expect(commas.table!.headers[0]).toBe('Številka priporočila;Priporočilo;Država');

    const done = await admin.call('recommendations.import', { path: file, mapping, csv: { encoding: 'windows-1250', delimiter: ';' } });
    expect(done.created).toBe(5);
    expect(await admin.reply('recommendations.previewImport', { path: file, csv: { encoding: 'ebcdic' } })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('reading an XLSX list', () => {
  it('reads numbers as shown (115.10 stays 115.10), rich text, formula results, a title row above the header and a cluster merged down its rows', async () => {
    const bytes = await xlsxBytes((sheet) => {
      sheet.addRow(['Testland: recommendations of the fourth cycle']);
      sheet.addRow(['Cluster', 'No.', 'Recommendation', 'Source', 'Response', 'SDG(s)']);
      for (let i = 1; i <= 10; i++) {
        sheet.addRow([
          i === 1 ? 'Right to education' : null,
          Number(`115.${i}`), // 115.10 typed in Excel is stored as the number 115.1
          { richText: [{ text: 'Ensure ', font: { bold: true } }, { text: `free schooling, step ${i}` }] },
          'Iran (Islamic Republic of)',
          { formula: 'IF(1=1,"Supported","Noted")', result: 'Supported' },
          { formula: '2+2', result: 4 },
        ]);
      }
      sheet.mergeCells('A3:A12');
      const fixed = sheet.addRow([null, 116.2, 'Shown with two decimals', 'Chile', 'Noted', null]);
      fixed.getCell(2).numFmt = '0.00';
    });
    const { admin } = await newReport();
    const preview = await admin.call('recommendations.previewImport', { path: write('list.xlsx', bytes) });
    expect(mappingOf(preview)).toMatchObject({ cluster: 'Cluster', number: 'No.', text: 'Recommendation', states: 'Source', position: 'Response', sdgs: 'SDG(s)' });
    // The one number read otherwise than stored is said, so the person can check it.
    expect(preview.problems).toEqual([
      expect.objectContaining({ key: 'importRowNumberRestored', params: { read: '115.1', previous: '115.9', number: '115.10' } }),
    ]);
    expect(preview.rows.map((r) => r.number)).toEqual(['115.1', '115.2', '115.3', '115.4', '115.5', '115.6', '115.7', '115.8', '115.9', '115.10', '116.20']);
    expect(preview.rows[9]).toEqual({
      number: '115.10',
      text: 'Ensure free schooling, step 10',
      states: ['Iran (Islamic Republic of)'],
      position: 'supported',
      positionSource: '',
      cluster: 'Right to education',
      themes: [],
      groups: [],
      sdgs: [4],
    });
    expect(preview.rows[10]).toMatchObject({ text: 'Shown with two decimals', position: 'noted', cluster: '' });
  });
});

describe('a file that is not a readable table', () => {
  it('refuses a damaged workbook, a password-protected one, a CSV that is not text or not closed, and a file of another kind, each with its own message', async () => {
    const { admin } = await newReport();
    const dir = tempDir();
    const good = await xlsxBytes((sheet) => sheet.addRow(['No.', 'Recommendation']));
    const damaged = good.slice(0, 200);
    expect(await refusedKey(admin, 'recommendations.previewImport', { path: write('damaged.xlsx', damaged, dir) })).toMatchObject({
      key: 'importTableDamaged',
      message: expect.stringContaining('“damaged.xlsx” is damaged'),
    });
    // An encrypted workbook is an OLE compound file, as an old .xls is.
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    expect((await refusedKey(admin, 'recommendations.previewImport', { path: write('protected.xlsx', ole, dir) })).key).toBe('importProtectedOrXls');
    expect((await refusedKey(admin, 'recommendations.previewImport', { path: write('notes.xlsx', 'plain text', dir) })).key).toBe('importNotXlsx');
    expect((await refusedKey(admin, 'recommendations.previewImport', { path: write('saved-as-csv.csv', good, dir) })).key).toBe('importNotCsv');
    const unclosed = await refusedKey(admin, 'recommendations.previewImport', { path: write('unclosed.csv', 'Number,Text\n115.1,"Ratify the\n115.2,Protect\n', dir) });
    expect(unclosed).toMatchObject({ key: 'importCsvUnreadable', message: expect.stringContaining('a quotation mark may be missing') });
    const other = await refusedKey(admin, 'recommendations.previewImport', { path: write('list.pdf', '%PDF-1.7', dir) });
    expect(other.key).toBe('importUnknownKind');
    expect(other.message).toContain('.docx');
    expect(other.message).toContain('.xlsx');
    expect(other.message).toContain('.csv');
    expect(await admin.call('recommendations.list', {})).toEqual([]);
  });
});

describe('rows that cannot be read', () => {
  it('are problems with a message key, the row number and an excerpt; a number given twice keeps the first', async () => {
    const csv =
      'Number,Text,State,Position\n' +
      '115.1,Ratify the Convention,France,Supported\n' +
      ',A recommendation without its number,Chile,Supported\n' +
      'see below,Notes of the drafting committee,,\n' +
      '115.2,,Ghana,Noted\n' +
      '115.1,The same number again,Peru,Supported\n' +
      '115.3,Protect journalists,,Partly supported\n';
    const { admin } = await newReport();
    const preview = await admin.call('recommendations.previewImport', { path: write('problems.csv', csv) });
    expect(preview.rows.map((r) => r.number)).toEqual(['115.1', '115.3']);
    expect(preview.problems).toEqual([
      {
        row: 3,
        key: 'importTableNoNumber',
        params: { column: 'Number' },
        reason: 'This row has no recommendation number (such as 115.23) in the column “Number”, so it was skipped.',
        excerpt: 'A recommendation without its number | Chile | Supported',
      },
      expect.objectContaining({ row: 4, key: 'importTableBadNumber', params: { value: 'see below' } }),
      expect.objectContaining({ row: 5, key: 'importRowNoText', params: { number: '115.2' } }),
      expect.objectContaining({ row: 6, key: 'importRowDuplicate', params: { number: '115.1', first: 2 }, excerpt: '115.1 | The same number again | Peru | Supported' }),
      expect.objectContaining({ row: 7, key: 'importRowNoState', params: { number: '115.3' } }),
      expect.objectContaining({ row: 7, key: 'importRowPositionUnclear', params: { number: '115.3', position: 'Partly supported' } }),
    ]);
    for (const p of preview.problems) expect(Object.keys(MESSAGES)).toContain(p.key);
    const summary = await admin.call('recommendations.import', { path: write('problems.csv', csv), mapping: mappingOf(preview) });
    expect(summary).toMatchObject({ read: 2, created: 2 });
    expect(summary.skipped.map((p) => p.key)).toEqual(preview.problems.map((p) => p.key));
  });

  it('in a Word list carry their message key and values too', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const table = new Table({
      rows: [
        new TableRow({ children: [cell('Recommendation'), cell('Position')] }),
        new TableRow({ children: [cell('115.1 Ratify the Convention (France);'), cell('Supported')] }),
        new TableRow({ children: [cell('Continue its efforts (Chile);'), cell('Supported')] }),
      ],
    });
    const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [table] }] })));
    const { admin } = await newReport();
    const preview = await admin.call('recommendations.previewImport', { path: write('list.docx', docx) });
    expect(preview.table).toBeNull();
    expect(preview.problems).toEqual([expect.objectContaining({ row: 3, key: 'importRowNoNumber', params: {}, excerpt: 'Continue its efforts (Chile); | Supported' })]);
  });
});

describe('the column mapping', () => {
  const csv = 'Ref,Wording,Recommending State(s),Position\n115.1,Ratify the Convention,France,Supported\n';

  it('must name the number and the text: without them the preview reads nothing and says why, and the import is refused', async () => {
    const { admin } = await newReport();
    const file = write('list.csv', csv);
    const preview = await admin.call('recommendations.previewImport', { path: file });
    // "Wording" is no header word for the text: the guess leaves it for the person to choose.
    expect(mappingOf(preview)).toMatchObject({ number: 'Ref', text: null, states: 'Recommending State(s)' });
    expect(preview.rows).toEqual([]);
    expect(preview.problems).toEqual([expect.objectContaining({ row: 0, key: 'importMappingIncomplete' })]);
    const db = admin.client.report!.db;
    const logRows = () => (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    const before = logRows();
    expect((await refusedKey(admin, 'recommendations.import', { path: file })).key).toBe('importMappingIncomplete');
    expect((await refusedKey(admin, 'recommendations.import', { path: file, mapping: mappingOf(preview) })).key).toBe('importMappingIncomplete');
    const unknown = await refusedKey(admin, 'recommendations.import', { path: file, mapping: { ...mappingOf(preview), text: 'Recommendation' } });
    expect(unknown).toEqual({ key: 'importMappingUnknownHeader', message: '“list.csv” has no column headed “Recommendation”; choose one of its columns.' });
    expect(logRows()).toBe(before);
    expect(await admin.call('recommendations.import', { path: file, mapping: { ...mappingOf(preview), text: 'Wording' } })).toMatchObject({ created: 1 });
  });

  it('is remembered per header set in the data folder, whatever the case or accents, and a damaged memory is ignored', async () => {
    // The data folder of the app that imports (the Host's), not another run's.
    const { admin, host } = await newReport();
    const dataDir = host.options.dataDir;
    const first = write('2024.csv', csv);
    const guessed = await admin.call('recommendations.previewImport', { path: first });
    expect(guessed.table?.remembered).toBe(false);
    const chosen: ColumnMapping = { ...mappingOf(guessed), text: 'Wording', position: null };
    // A preview with a mapping reads through it, and remembers nothing yet.
    const again = await admin.call('recommendations.previewImport', { path: first, mapping: chosen });
    expect(again.table).toMatchObject({ mapping: chosen, remembered: false });
    expect(again.rows[0]).toMatchObject({ text: 'Ratify the Convention', position: null });
    expect(fs.existsSync(path.join(dataDir, 'recommendation-columns.json'))).toBe(false);
    await admin.call('recommendations.import', { path: first, mapping: chosen });
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('recommendation-columns'))).toEqual(['recommendation-columns.json']); // no temporary file left behind
    expect(fs.existsSync(path.join(process.env.UPR_DATA_DIR!, 'recommendation-columns.json'))).toBe(false);

    // Next year's list, same template, headers typed a little differently.
    const next = write('2025.csv', 'REF,wording,Recommending state(s),POSITION\n116.1,Protect journalists,Ghana,Noted\n');
    const remembered = await admin.call('recommendations.previewImport', { path: next });
    expect(remembered.table).toMatchObject({
      remembered: true,
      mapping: { number: 'REF', text: 'wording', states: 'Recommending state(s)', position: null },
    });
    expect(remembered.rows).toEqual([expect.objectContaining({ number: '116.1', text: 'Protect journalists', states: ['Ghana'], position: null })]);
    // Another header set is not confused with it.
    expect((await admin.call('recommendations.previewImport', { path: write('other.csv', 'Ref,Wording\n1.1,x\n') })).table?.remembered).toBe(false);

    fs.writeFileSync(path.join(dataDir, 'recommendation-columns.json'), '{"mappings": {"half a fi');
    const afterDamage = await admin.call('recommendations.previewImport', { path: next });
    expect(afterDamage.table).toMatchObject({ remembered: false, mapping: { text: null } });
    await admin.call('recommendations.import', { path: next, mapping: { ...mappingOf(afterDamage), text: 'wording' } });
    expect((await admin.call('recommendations.previewImport', { path: first })).table).toMatchObject({ remembered: true, mapping: { text: 'Wording' } });
  });
});

describe('importing a table', () => {
  it('again updates rows by number, without duplicates, and keeps the responsible organization and the status', async () => {
    const { admin } = await newReport();
    const dir = tempDir();
    const file = write('list.csv', EUROPEAN_CSV, dir);
    const mapping = mappingOf(await admin.call('recommendations.previewImport', { path: file }));
    expect(await admin.call('recommendations.import', { path: file, mapping })).toEqual({ read: 3, created: 3, updated: 0, unchanged: 0, skipped: [] });
    const justice = await admin.call('organizations.create', { name: 'Ministry of Justice', kind: 'ministry' });
    await admin.call('recommendations.update', { id: 'rec-115-2', responsibleOrganizationId: justice.id, implementationStatus: 'in_progress' });

    // The corrected list: 115.2 is now supported, 115.4 is new.
    write('list.csv', EUROPEAN_CSV.replace('Notée*', 'Acceptée') + '115.4;Protéger les journalistes;Ghana;Acceptée;;\r\n', dir);
    const preview = await admin.call('recommendations.previewImport', { path: file });
    expect(preview.counts).toEqual({ read: 4, new: 1, changed: 1, unchanged: 2 });
    expect(await admin.call('recommendations.import', { path: file, mapping })).toEqual({ read: 4, created: 1, updated: 1, unchanged: 2, skipped: [] });
    const all = await admin.call('recommendations.list', {});
    expect(all.map((r) => r.number)).toEqual(['115.1', '115.2', '115.3', '115.4']);
    expect(all[1]).toMatchObject({ position: 'supported', responsibleOrganizationId: justice.id, implementationStatus: 'in_progress', source: 'list.csv' });
  });

  it('refuses more than 10,000 rows, a cell longer than 20,000 characters and a file over 50 MB before reading any row', async () => {
    const { admin } = await newReport();
    const dir = tempDir();
    const many = 'Number,Text\n' + Array.from({ length: 10_001 }, (_, i) => `${100 + Math.floor(i / 1000)}.${(i % 1000) + 1},Text ${i}\n`).join('');
    expect(await refusedKey(admin, 'recommendations.previewImport', { path: write('many.csv', many, dir) })).toMatchObject({
      key: 'importTooManyRows',
      message: expect.stringContaining('more than 10000 rows'),
    });
    const long = await xlsxBytes((sheet) => {
      sheet.addRow(['Number', 'Text']);
      sheet.addRow(['115.1', 'x'.repeat(20_001)]);
    });
    expect(await refusedKey(admin, 'recommendations.previewImport', { path: write('long.xlsx', long, dir) })).toMatchObject({
      key: 'importCellTooLong',
      message: expect.stringContaining('Row 2 of “long.xlsx”'),
    });
    const huge = path.join(dir, 'huge.csv');
    fs.writeFileSync(huge, 'Number,Text\n');
    fs.truncateSync(huge, 50 * 1024 * 1024 + 1);
    expect((await refusedKey(admin, 'recommendations.previewImport', { path: huge })).key).toBe('importTooLarge');
  });
});

describe('upr import-recommendations with a CSV', () => {
  it('reads the columns its headers suggest, takes --map for the others, and says which it used', async () => {
    const dir = tempDir();
    const report = path.join(dir, 'report.upr');
    expect((await upr(['demo', report])).code).toBe(0);
    const list = write('list.csv', 'Ref,Wording,Recommending State(s),Outcome\n140.1,Ratify the Convention,France,Supported\n140.2,Protect journalists,Ghana,Noted\n', dir);

    const before = sha256(report);
    const unmapped = await upr(['import-recommendations', report, list]);
    expect(unmapped.code).toBe(2);
    expect(unmapped.stderr).toBe(
      'upr: Choose the columns holding the recommendation numbers and their texts: nothing can be imported without both. ' +
        'Name them with --map number=HEADER --map text=HEADER; the headers of list.csv are “Ref”, “Wording”, “Recommending State(s)”, “Outcome”.\n',
    );
    expect((await upr(['import-recommendations', report, list, '--map', 'wording=Wording'])).stderr).toMatch(/^upr: --map takes FIELD=HEADER, FIELD one of number, text, /);
    expect((await upr(['import-recommendations', report, list, '--map', 'text=Text'])).stderr).toBe('upr: “list.csv” has no column headed “Text”; choose one of its columns.\n');
    expect(sha256(report)).toBe(before);

    const dataDirOfCli = tempDir();
    const done = await upr(['import-recommendations', report, list, '--map', 'text=Wording', '--map', 'position=Outcome'], { UPR_DATA_DIR: dataDirOfCli });
    expect(done).toMatchObject({ code: 0, stderr: '' });
    expect(done.stdout.split('\n')).toEqual([
      'columns: number=“Ref”, text=“Wording”, states=“Recommending State(s)”, position=“Outcome”',
      'read 2 recommendations from list.csv: 2 created, 0 updated, 0 unchanged, 0 skipped',
      '',
    ]);
    // The mapping used is remembered: the next import of these headers needs no --map.
    const again = await upr(['import-recommendations', report, list, '--json'], { UPR_DATA_DIR: dataDirOfCli });
    expect(JSON.parse(again.stdout)).toEqual({ read: 2, created: 0, updated: 0, unchanged: 2, skipped: [] });
    const info = await upr(['call', report, 'recommendations.list', '{}', '--as', 'Maria Santos']);
    const numbers = (JSON.parse(info.stdout) as Array<{ number: string; position: string | null }>).filter((r) => r.number.startsWith('140.'));
    expect(numbers).toEqual([expect.objectContaining({ number: '140.1', position: 'supported' }), expect.objectContaining({ number: '140.2', position: 'noted' })]);
  });
});
