// The Universal Human Rights Index's export: read by its own columns (no mapping to choose), its
// treaty-body and special-procedure recommendations kept with their mechanism, body, document and
// date, keyed on the annotation id; its UPR rows meeting the same recommendations OHCHR's thematic
// list brought in (the corpus list), never twice; re-imported without touching what the country added.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { excelDate, isUhriExport, mechanismOf, readUhriRows } from '../../electron/import/uhri.js';
import { readRecommendationTable } from '../../electron/import/recommendation-table.js';
import { OHCHR_LIST } from '../bench/ohchr-import.js';
import { tempDir, upr } from './helpers.js';
import { reviewReport } from './review-helpers.js';
import { SAMPLE_ROWS, UHRI_HEADERS, uhriCells, uhriWorkbook, type UhriRow } from '../fixtures/uhri-export.js';

async function exportFile(rows: readonly UhriRow[], name = 'UHRI export.xlsx'): Promise<string> {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, await uhriWorkbook(rows));
  return file;
}

describe('reading the Index’s export', () => {
  it('knows the export by its headers, and reads each mechanism’s rows with their source', async () => {
    const table = await readRecommendationTable(new Uint8Array(await uhriWorkbook(SAMPLE_ROWS)), 'export.xlsx');
    expect(isUhriExport(table.headers)).toBe(true);
    expect(isUhriExport(['No.', 'Recommendation', 'Recommending State'])).toBe(false);
    const { rows, problems, observations } = readUhriRows(table);
    expect(observations).toBe(1);
    expect(problems).toEqual([expect.objectContaining({ row: 0, key: 'uhriObservationsLeftOut', params: { count: 1 } })]);
    expect(rows.map((r) => [r.number, r.origin?.mechanism, r.origin?.body, r.origin?.paragraph, r.origin?.documentDate, r.origin?.uhriId])).toEqual([
      ['CRC/C/SVN/CO/5-6, para. 12', 'treaty_body', 'CRC', '12', '2023-03-15', '1874326'],
      ['CRC/C/SVN/CO/5-6, para. 12(b)', 'treaty_body', 'CRC', '12(b)', '2023-03-15', '1874327'],
      ['E/C.12/SVN/CO/3, para. 41', 'treaty_body', 'CESCR', '41', '2023-06-23', '1901112'],
      ['A/HRC/51/27/Add.1', 'special_procedure', 'SR Older persons', '', '2022-08-27', '2033001'],
      ['A/HRC/53/24/Add.2', 'special_procedure', 'WG Business and human rights', '', '2023-05-04', '2033002'],
    ]);
    // The paragraph number is taken off the text; list cells lose their "- "; SDGs are numbers.
    expect(rows[0]).toMatchObject({
      text: expect.stringMatching(/^The Committee recommends that the State party establish/),
      themes: ['Children: definition; general principles; protection', 'Data collection'],
      groups: ['Children'],
      sdgs: [16],
      states: [],
      position: null,
    });
    expect(rows[1]!.sdgs).toEqual([16, 5]);
    expect(rows[2]!.groups).toEqual(['Roma', 'Minorities']);
  });

  it('reads dates as Excel’s day numbers or as written, and tells the mechanism by the body', () => {
    expect(excelDate('45000')).toBe('2023-03-15');
    expect(excelDate('1')).toBe('');
    expect(excelDate('45000.75')).toBe('2023-03-15');
    expect(excelDate('2021-11-03T00:00:00.000Z')).toBe('2021-11-03');
    expect(excelDate('03/11/2021')).toBe('2021-11-03');
    expect(excelDate('')).toBe('');
    expect(excelDate('soon')).toBe('');
    expect(excelDate('99999999')).toBe('');
    expect(mechanismOf(['SR Torture'], [])).toBe('special_procedure');
    expect(mechanismOf(['IE Sexual orientation and gender identity'], [])).toBe('special_procedure');
    expect(mechanismOf(['CEDAW'], [])).toBe('treaty_body');
    expect(mechanismOf(['UPR'], [])).toBe('upr');
    expect(mechanismOf([], ['France'])).toBe('upr');
  });

  it('says which rows it cannot take and why, and takes the rest', async () => {
    const rows: UhriRow[] = [
      { ...SAMPLE_ROWS[0]!, id: '' },
      { ...SAMPLE_ROWS[0]!, id: '1 OR 1=1; DROP TABLE recommendations' },
      SAMPLE_ROWS[2]!,
      { ...SAMPLE_ROWS[3]!, id: SAMPLE_ROWS[2]!.id },
      { ...SAMPLE_ROWS[4]!, text: '   ' },
    ];
    const { rows: read, problems } = readUhriRows(await readRecommendationTable(new Uint8Array(await uhriWorkbook(rows)), 'export.xlsx'));
    expect(read.map((r) => r.origin?.uhriId)).toEqual(['1901112']);
    expect(problems.map((p) => [p.row, p.key])).toEqual([
      [2, 'uhriNoId'],
      [3, 'uhriBadId'],
      [5, 'uhriDuplicateId'],
      [6, 'uhriNoText'],
    ]);
    expect(problems.every((p) => p.reason !== '' && !/undefined|\{\{/.test(p.reason))).toBe(true);
  });
});

describe('importing the Index’s export into a report', () => {
  it('adds the treaty bodies’ and special procedures’ rows, meets the thematic list’s UPR rows once, and re-imports by annotation id', async () => {
    const r = await reviewReport();
    const list = path.join(tempDir(), 'Slovenia thematic list.docx');
    fs.copyFileSync(OHCHR_LIST, list);
    await r.admin.call('recommendations.import', { path: list });
    const fromList = await r.admin.call('recommendations.list', {});
    const [numbered, worded] = [fromList.find((x) => x.number === '122.5')!, fromList.find((x) => x.number === '122.40')!];
    // The Index gives one UPR row with its number at the start of the text, one without (its words
    // spaced and cased differently), and one the list does not have.
    const upr: UhriRow[] = [
      { id: '3000001', text: `122.5 ${numbered.text}`, body: ['UPR'], symbol: 'A/HRC/49/13', uprStates: numbered.states, uprPosition: 'Supported', date: 44600, session: '39' },
      { id: '3000002', text: `  ${worded.text.toUpperCase().replace(/ /g, '  ')}`, body: ['UPR'], symbol: 'A/HRC/49/13', uprStates: worded.states, uprPosition: 'Noted', date: 44600 },
      { id: '3000003', text: 'Consider ratifying the Convention on the Protection of the Rights of All Migrant Workers.', body: ['UPR'], symbol: 'A/HRC/49/13', uprStates: ['Philippines'], uprPosition: 'Noted', date: 44600 },
    ];
    const file = await exportFile([...SAMPLE_ROWS, ...upr]);
    const preview = await r.admin.call('recommendations.previewImport', { path: file });
    expect(preview).toMatchObject({ layout: 'uhri', table: null, counts: { read: 8, new: 6, changed: 2, unchanged: 0 } });

    // The country's own follow-up, set before the re-import, is never touched by it.
    const justice = r.justice;
    expect(await r.admin.call('recommendations.import', { path: file })).toMatchObject({ read: 8, created: 6, updated: 2, unchanged: 0 });
    let all = await r.admin.call('recommendations.list', {});
    expect(all).toHaveLength(215 + 6);
    // The list's rows keep the list's words and number; the Index adds where they come from.
    expect(all.find((x) => x.id === numbered.id)).toMatchObject({
      number: '122.5',
      text: numbered.text,
      source: 'Slovenia thematic list.docx',
      origin: { mechanism: 'upr', body: 'UPR', documentSymbol: 'A/HRC/49/13', documentDate: '2022-02-08', uhriId: '3000001' },
    });
    expect(all.find((x) => x.id === worded.id)).toMatchObject({ number: '122.40', text: worded.text, origin: { uhriId: '3000002' } });
    expect(all.find((x) => x.origin.uhriId === '3000003')).toMatchObject({ id: 'rec-uhri-3000003', number: 'A/HRC/49/13', states: ['Philippines'], position: 'noted' });
    const crc = all.find((x) => x.origin.uhriId === '1874326')!;
    expect(crc).toMatchObject({ id: 'rec-uhri-1874326', number: 'CRC/C/SVN/CO/5-6, para. 12', source: 'UHRI export.xlsx', implementationStatus: 'not_started' });
    await r.admin.call('recommendations.updateMany', { ids: [crc.id, numbered.id], responsibleOrganizationId: justice.id, implementationStatus: 'in_progress', countryCluster: 'Children' });

    // The next download: one text corrected, one row gone from the Index (kept here), nothing else new.
    const next = [{ ...SAMPLE_ROWS[0]!, text: `${SAMPLE_ROWS[0]!.text} (corrected)` }, ...SAMPLE_ROWS.slice(1, 4), ...upr];
    const again = await exportFile(next, 'UHRI export 2.xlsx');
    expect((await r.admin.call('recommendations.previewImport', { path: again })).counts).toEqual({ read: 7, new: 0, changed: 1, unchanged: 6 });
    expect(await r.admin.call('recommendations.import', { path: again })).toMatchObject({ created: 0, updated: 1, unchanged: 6 });
    all = await r.admin.call('recommendations.list', {});
    expect(all).toHaveLength(221);
    expect(all.find((x) => x.id === crc.id)).toMatchObject({
      text: expect.stringMatching(/\(corrected\)$/),
      source: 'UHRI export 2.xlsx',
      responsibleOrganizationId: justice.id,
      implementationStatus: 'in_progress',
      countryCluster: 'Children',
    });
    expect(all.find((x) => x.id === numbered.id)).toMatchObject({ text: numbered.text, responsibleOrganizationId: justice.id, countryCluster: 'Children' });

    // The thematic list again: its rows keep the Index's source; nothing is added twice.
    expect(await r.admin.call('recommendations.import', { path: list })).toMatchObject({ created: 0, updated: 0, unchanged: 215 });
    expect((await r.admin.call('recommendations.list', {})).find((x) => x.id === numbered.id)!.origin.uhriId).toBe('3000001');
  });

  it('reads the export saved as CSV the same way, and from the command line', async () => {
    const dir = tempDir();
    const report = path.join(dir, 'report.upr');
    expect((await upr(['demo', report])).code).toBe(0);
    const csv = path.join(dir, 'uhri.csv');
    fs.writeFileSync(csv, stringify([[...UHRI_HEADERS], ...SAMPLE_ROWS.map((row) => uhriCells(row))]));
    const out = await upr(['import-recommendations', report, csv, '--json']);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const summary = JSON.parse(out.stdout) as { read: number; created: number; skipped: Array<{ key: string }> };
    expect(summary).toMatchObject({ read: 5, created: 5 });
    expect(summary.skipped.map((s) => s.key)).toEqual(['uhriObservationsLeftOut']);
  });

  it('leaves the treaty bodies’ and special procedures’ recommendations out of the report’s UPR annex', async () => {
    const r = await reviewReport();
    await r.admin.call('recommendations.import', { path: await exportFile(SAMPLE_ROWS) });
    const out = path.join(tempDir(), 'report.html');
    await r.admin.call('export.write', { format: 'html', path: out });
    const html = fs.readFileSync(out, 'utf8');
    expect(html).not.toMatch(/CRC\/C\/SVN\/CO\/5-6|national strategy on the rights of older persons/);
  });
});
