// The implementation matrix's round trip (issue 16, point 5): exported to .xlsx with the keys and
// the report's values locked, the choices as drop-down lists and the instructions first; filled by
// LibreOffice Calc (a real spreadsheet program editing the file, through its own API, refusing
// locked cells as it refuses a person); imported back, showing what it changes and what someone
// changed meanwhile in the report (kept), written in one change set, and nothing twice.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importRecommendations, listRecommendations, recommendationId } from '../../electron/services/recommendations.js';
import { getMember } from '../../electron/store/queries.js';
import type { RecommendationImport } from '../../shared/domain.js';
import { sha256, tempDir } from './helpers.js';
import { reviewReport } from './review-helpers.js';

const FILL = path.resolve(import.meta.dirname, '..', 'office', 'fill-workbook.py');

/** LibreOffice Calc types `edits` into the workbook and saves it as .xlsx; the cells it refused as locked. */
async function fillInCalc(src: string, out: string, edits: Record<string, Record<string, string>>): Promise<string[]> {
  const { stdout } = await promisify(execFile)('/usr/bin/python3', [FILL, src, out, JSON.stringify(edits)], { timeout: 120_000 });
  return stdout.split('\n').filter(Boolean);
}

const rec = (number: string): RecommendationImport => ({
  number,
  text: `Recommendation ${number}: ratify the Optional Protocol.`,
  states: ['France'],
  position: 'supported',
  positionSource: '',
  cluster: '',
  themes: [],
  groups: [],
  sdgs: [],
});

async function followedUp() {
  const r = await reviewReport();
  const report = r.admin.client.report!;
  importRecommendations({ report, me: getMember(report.db, r.admin.client.memberId!)! }, ['121.1', '121.2', '121.3'].map(rec), [], 'list');
  const [a, b, c] = ['121.1', '121.2', '121.3'].map(recommendationId) as [string, string, string];
  await r.admin.call('recommendations.updateMany', { ids: [a, b], responsibleOrganizationId: r.justice.id });
  await r.admin.call('recommendations.updateMany', { ids: [c], responsibleOrganizationId: r.nhri.id });
  const law = await r.drafter.call('plan.saveAction', { recommendationId: a, title: 'Adopt the law', leadOrganizationId: r.justice.id, endDate: '2026-06-30', status: 'under_way' });
  return { ...r, report, a, b, c, law };
}

describe('the implementation matrix in Excel', () => {
  it('is written with instructions first, keys and the report’s values locked, the choices as lists, one ministry’s rows alone', async () => {
    const { admin, justice, file } = await followedUp();
    const out = path.join(tempDir(), 'Justice.xlsx');
    const before = sha256(file);
    expect(await admin.call('plan.exportMatrix', { path: out, organizationId: justice.id })).toEqual({ path: out, recommendations: 2, actions: 1 });
    expect(sha256(file)).toBe(before);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Instructions', 'visible'],
      ['Recommendations', 'visible'],
      ['Actions', 'visible'],
      ['About', 'veryHidden'],
    ]);
    const recs = book.getWorksheet('Recommendations')!;
    expect(recs.getRow(1).values).toEqual([undefined, 'Key', 'No.', 'Recommendation', 'Lead ministry', 'Status in the report', 'Status', 'Progress date (YYYY-MM-DD)', 'Progress report']);
    expect([recs.getCell('B2').value, recs.getCell('B3').value, recs.rowCount]).toEqual(['121.1', '121.2', 3]);
    expect(recs.getCell('A2').protection?.locked).not.toBe(false);
    expect(recs.getCell('F2').protection?.locked).toBe(false);
    expect(recs.getCell('F2').dataValidation).toMatchObject({ type: 'list', formulae: ['"Not started,In progress,Partially implemented,Implemented,Not applicable"'] });
    expect(book.getWorksheet('Actions')!.getCell('G2').dataValidation).toMatchObject({ type: 'list' });
    expect(book.getWorksheet('Instructions')!.getCell('A4').value).toBe('How to fill it in');
    // Never over the report itself; a ministry that is not there.
    expect(await admin.reply('plan.exportMatrix', { path: file })).toMatchObject({ ok: false, error: { key: 'targetIsOpenReport' } });
    expect(await admin.reply('plan.exportMatrix', { path: out, organizationId: 'nope' })).toMatchObject({ ok: false, error: { key: 'organizationMissing' } });
  });

  it('filled in LibreOffice, comes back with its changes shown, what changed meanwhile kept, written once', { timeout: 180_000 }, async () => {
    const { admin, drafter, a, b, law, report } = await followedUp();
    const dir = tempDir();
    const sent = path.join(dir, 'matrix.xlsx');
    const back = path.join(dir, 'matrix filled.xlsx');
    await admin.call('plan.exportMatrix', { path: sent });
    // Calc types what the ministry says: 121.1 implemented with a dated report, 121.2 in progress,
    // the law completed; and tries to change a recommendation's text, which it refuses.
    const refused = await fillInCalc(sent, back, {
      Recommendations: { F2: 'Implemented', G2: '2026-05-10', H2: 'The law was adopted on 10 May 2026.', F3: 'In progress', C2: 'A recommendation rewritten' },
      Actions: { G2: 'Completed' },
    });
    expect(refused).toEqual(['locked Recommendations!C2']);
    // Meanwhile, in the report, 121.2 was set to "Not applicable": the report's value is kept.
    await drafter.call('recommendations.update', { id: b, implementationStatus: 'not_applicable' });

    const preview = await admin.call('plan.previewMatrix', { path: back });
    expect(preview.problems).toEqual([]);
    expect(preview.changes).toEqual([
      { kind: 'status', number: '121.1', from: 'in_progress', to: 'implemented' },
      { kind: 'note', number: '121.1', to: 'The law was adopted on 10 May 2026.', date: '2026-05-10' },
      { kind: 'status', number: '121.2', from: 'not_started', to: 'in_progress', conflict: 'not_applicable' },
      { kind: 'action', number: '121.1', title: 'Adopt the law', from: 'under_way', to: 'completed' },
    ]);
    const log = () => (report.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    const rows0 = log();
    expect(await drafter.reply('plan.importMatrix', { path: back })).toMatchObject({ ok: false, error: { key: 'secretariatOnly' } });
    expect(await admin.call('plan.importMatrix', { path: back })).toEqual({ written: 3, kept: 1, problems: 0 });
    // 121.1's status and that it was set by hand, the note's five cells, the action's progress: nothing else.
    expect(log() - rows0).toBe(8);
    const now = new Map(listRecommendations(report.db).map((r) => [r.id, r]));
    expect(now.get(a)).toMatchObject({ implementationStatus: 'implemented', statusByHand: true, notes: [{ date: '2026-05-10', text: 'The law was adopted on 10 May 2026.' }] });
    expect(now.get(a)!.actions.find((x) => x.id === law.id)!.status).toBe('completed');
    expect(now.get(b)!.implementationStatus).toBe('not_applicable');
    expect(now.get(a)!.text).toBe('Recommendation 121.1: ratify the Optional Protocol.');
    // The same workbook again: nothing new, no second note.
    expect(await admin.call('plan.importMatrix', { path: back })).toEqual({ written: 0, kept: 1, problems: 0 });
    expect(listRecommendations(report.db).find((r) => r.id === a)!.notes).toHaveLength(1);
  });

  it('refuses another report’s matrix, a workbook that is not one, and says which rows it cannot read', async () => {
    const { admin, a } = await followedUp();
    const other = await followedUp();
    const dir = tempDir();
    const theirs = path.join(dir, 'theirs.xlsx');
    await other.admin.call('plan.exportMatrix', { path: theirs });
    expect(await admin.reply('plan.previewMatrix', { path: theirs })).toMatchObject({ ok: false, error: { key: 'matrixOtherReport' } });
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').addRow(['No.', 'Recommendation']);
    await plain.xlsx.writeFile(path.join(dir, 'plain.xlsx'));
    expect(await admin.reply('plan.previewMatrix', { path: path.join(dir, 'plain.xlsx') })).toMatchObject({ ok: false, error: { key: 'matrixNotOurs' } });
    fs.writeFileSync(path.join(dir, 'notes.xlsx'), 'not a workbook');
    expect(await admin.reply('plan.previewMatrix', { path: path.join(dir, 'notes.xlsx') })).toMatchObject({ ok: false });
    // A status typed outside the list, a date it cannot read, a row whose key is gone: said, the rest taken.
    const ours = path.join(dir, 'ours.xlsx');
    await admin.call('plan.exportMatrix', { path: ours });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(ours);
    const sheet = book.getWorksheet('Recommendations')!;
    sheet.getCell('F2').value = 'Done!';
    sheet.getCell('G3').value = 'next week';
    sheet.getCell('H3').value = 'Consultations held.';
    sheet.getCell('A4').value = 'rec-gone';
    sheet.getCell('F4').value = 'Implemented';
    await book.xlsx.writeFile(ours);
    const preview = await admin.call('plan.previewMatrix', { path: ours });
    expect(preview.changes).toEqual([]);
    expect(preview.problems.map((p) => [p.row, p.key])).toEqual([
      [2, 'matrixUnknownStatus'],
      [3, 'matrixNoteNoDate'],
      [4, 'matrixRowGone'],
    ]);
    expect(a).toBeTruthy();
  });
});
