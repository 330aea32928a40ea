// The recommendations as open data (issue 16, point 10): CSV read back with csv-parse as a
// spreadsheet would read it (byte order mark, formulas neutralized), JSON parsed, the same figures
// through the CLI; nothing in the report changes, and never written over the report itself.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { importRecommendations, recommendationId } from '../../electron/services/recommendations.js';
import { getMember } from '../../electron/store/queries.js';
import type { RecommendationImport } from '../../shared/domain.js';
import { sha256, tempDir, upr } from './helpers.js';
import { reviewReport } from './review-helpers.js';

const rec = (number: string, more: Partial<RecommendationImport> = {}): RecommendationImport => ({
  number,
  text: `Recommendation ${number} text.`,
  states: ['France', 'Chile'],
  position: 'supported',
  positionSource: 'A/HRC/43/15/Add.1',
  cluster: 'Acceptance of international norms',
  themes: ['Treaties', 'Torture'],
  groups: ['Women'],
  sdgs: [5, 16],
  ...more,
});

async function followedUp() {
  const r = await reviewReport();
  const report = r.admin.client.report!;
  const ctx = { report, me: getMember(report.db, r.admin.client.memberId!)! };
  importRecommendations(ctx, [rec('121.1'), rec('121.2', { text: '=HYPERLINK("http://x")' })], [], 'thematic list.docx');
  // And one of a treaty body, as the Universal Human Rights Index gives it.
  const crc = rec('CRC/C/SVN/CO/5-6, para. 12', {
    states: [],
    position: null,
    positionSource: '',
    origin: { mechanism: 'treaty_body', body: 'CRC', documentSymbol: 'CRC/C/SVN/CO/5-6', paragraph: '12', documentDate: '2023-03-15', uhriId: '1874326' },
  });
  importRecommendations(ctx, [crc], [], 'UHRI export.xlsx');
  const ids = ['121.1', '121.2'].map(recommendationId);
  await r.admin.call('recommendations.updateMany', { ids, responsibleOrganizationId: r.justice.id, addContributors: [r.nhri.id], countryCluster: 'Prevention of torture' });
  const bill = await r.drafter.call('plan.saveAction', { recommendationId: ids[0]!, title: 'Pass the bill', leadOrganizationId: r.justice.id, endDate: '2026-06-30', status: 'completed' });
  await r.drafter.call('plan.saveIndicator', { recommendationId: ids[0]!, name: 'Laws adopted', baseline: '0', target: '1' });
  await r.drafter.call('recommendations.addNote', { recommendationId: ids[0]!, date: '2026-03-01', text: 'Bill sent to Parliament.', actionId: bill.id });
  await r.drafter.call('recommendations.addNote', { recommendationId: ids[0]!, date: '2026-05-10', text: 'Law adopted.' });
  return { ...r, ids };
}

describe('the recommendations as open data', () => {
  it('writes CSV, a row each with the keys and names, the last progress, formulas as text; and JSON with every note', async () => {
    const { admin, file, justice, nhri } = await followedUp();
    const dir = tempDir();
    const before = sha256(file);
    expect(await admin.call('recommendations.export', { format: 'csv', path: path.join(dir, 'recs.csv') })).toEqual({ path: path.join(dir, 'recs.csv'), rows: 3 });
    const bytes = fs.readFileSync(path.join(dir, 'recs.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true }) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(['Number', 'Recommendation', 'Mechanism', 'Recommending body']);
    const byHeader = (row: string[]) => Object.fromEntries(rows[0]!.map((h, i) => [h, row[i]]));
    expect(byHeader(rows[1]!)).toMatchObject({
      Number: '121.1',
      Mechanism: 'UPR',
      'Recommending States': 'France; Chile',
      'Position source': 'A/HRC/43/15/Add.1',
      'Cluster (list)': 'Acceptance of international norms',
      'Cluster (country)': 'Prevention of torture',
      SDGs: '5; 16',
      'Source list': 'thematic list.docx',
      'Lead ministry': 'Ministry of Justice',
      'Contributing ministries': 'National Human Rights Commission',
      Actions: '1',
      'Actions completed': '1',
      'Progress notes': '2',
      'Last progress': 'Law adopted.',
      'Last progress date': '2026-05-10',
    });
    // A treaty body's, with the keys the Index gives it.
    expect(byHeader(rows.find((row) => row[0] === 'CRC/C/SVN/CO/5-6, para. 12')!)).toMatchObject({
      Mechanism: 'Treaty body',
      'Recommending body': 'CRC',
      'Document symbol': 'CRC/C/SVN/CO/5-6',
      Paragraph: '12',
      'Document date': '2023-03-15',
      'UHRI annotation id': '1874326',
      'Recommending States': '',
    });
    // A cell a spreadsheet would run as a formula is written as text.
    expect(byHeader(rows[2]!).Recommendation).toBe('\'=HYPERLINK("http://x")');

    await admin.call('recommendations.export', { format: 'json', path: path.join(dir, 'recs.json') });
    const data = JSON.parse(fs.readFileSync(path.join(dir, 'recs.json'), 'utf8')) as { report: { country: string }; recommendations: Array<Record<string, unknown>> };
    expect(data.recommendations).toHaveLength(3);
    expect(data.recommendations.find((x) => x.uhriAnnotationId === '1874326')).toMatchObject({ mechanism: 'treaty_body', recommendingBody: 'CRC', documentSymbol: 'CRC/C/SVN/CO/5-6', paragraph: '12' });
    expect(data.recommendations[0]).toMatchObject({
      number: '121.1',
      mechanism: 'upr',
      recommendingStates: ['France', 'Chile'],
      leadMinistry: 'Ministry of Justice',
      contributingMinistries: ['National Human Rights Commission'],
      clusterOfCountry: 'Prevention of torture',
      implementationStatus: 'implemented',
      actions: [{ title: 'Pass the bill', forCluster: null, lead: 'Ministry of Justice', partners: [], start: '', end: '2026-06-30', budgetLine: '', status: 'completed' }],
      indicators: [{ name: 'Laws adopted', baseline: '0', target: '1', unit: '', source: '', forCluster: null }],
      progress: [
        { date: '2026-03-01', text: 'Bill sent to Parliament.', by: 'Dana Drafter', action: 'Pass the bill', evidence: [] },
        { date: '2026-05-10', text: 'Law adopted.', by: 'Dana Drafter', action: null, evidence: [] },
      ],
    });
    // Unchanged from the JSON: the text as it is (JSON is not opened as a spreadsheet).
    expect(data.recommendations.find((x) => x.number === '121.2')!.text).toBe('=HYPERLINK("http://x")');
    expect([justice.name, nhri.name]).toEqual(['Ministry of Justice', 'National Human Rights Commission']);
    expect(sha256(file)).toBe(before);

    // Never over the report itself.
    expect(await admin.reply('recommendations.export', { format: 'csv', path: file })).toMatchObject({ ok: false, error: { key: 'targetIsOpenReport' } });
    expect(sha256(file)).toBe(before);
  });

  it('is written by upr export as well, the same rows', async () => {
    const { file, host } = await followedUp();
    host.closeAll();
    const dir = tempDir();
    const r = await upr(['export', file, '--format', 'recommendations-json', '--out', path.join(dir, 'open')]);
    expect(r).toEqual({ code: 0, stdout: `wrote 3 recommendations to ${path.join(dir, 'open.json')}\n`, stderr: '' });
    expect((JSON.parse(fs.readFileSync(path.join(dir, 'open.json'), 'utf8')) as { recommendations: unknown[] }).recommendations).toHaveLength(3);
    const csv = await upr(['export', file, '--format', 'recommendations-csv', '--out', path.join(dir, 'open.csv')]);
    expect(csv.code).toBe(0);
    expect((parse(fs.readFileSync(path.join(dir, 'open.csv')), { bom: true }) as string[][]).map((row) => row[0])).toEqual(['Number', '121.1', '121.2', 'CRC/C/SVN/CO/5-6, para. 12']);
  });
});
