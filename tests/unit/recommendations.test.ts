import { describe, expect, it } from 'vitest';
import { $createTextNode, $getRoot, type ElementNode } from 'lexical';
import { addressedIn, type RecommendationImport } from '../../shared/domain.js';
import { base64ToBytes, bytesToBase64 } from '../../shared/base64.js';
import { $createRecommendationRefNode } from '../../shared/recommendation-ref-node.js';
import { editSection } from '../../electron/docs/headless.js';
import { importRecommendations, listRecommendations, recommendationId } from '../../electron/services/recommendations.js';
import { rebuildMaterializedTables } from '../../electron/sync/changes.js';
import { getMember } from '../../electron/store/queries.js';
import { reviewReport } from './review-helpers.js';

const rec = (number: string, more: Partial<RecommendationImport> = {}): RecommendationImport => ({
  number,
  text: `Recommendation ${number} text.`,
  states: ['France'],
  position: 'supported',
  positionSource: '',
  cluster: 'Acceptance of international norms',
  themes: ['Acceptance of international norms'],
  groups: [],
  sdgs: [16],
  ...more,
});

async function setUp() {
  const r = await reviewReport();
  const report = r.admin.client.report!;
  const me = getMember(report.db, r.admin.client.memberId!)!;
  const ctx = { report, me };
  const count = () => (report.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
  return { ...r, report, ctx, count };
}

describe('importing recommendations', () => {
  it('creates them by number; importing the same list again changes nothing', async () => {
    const { ctx, count, report } = await setUp();
    const list = [rec('121.1', { states: ['France', 'Lithuania'] }), rec('121.2'), rec('122.155', { position: 'noted', positionSource: 'A/HRC/43/15/Add.1 - Para.5' })];
    expect(importRecommendations(ctx, list, [], 'thematic list.docx')).toEqual({ read: 3, created: 3, updated: 0, unchanged: 0, skipped: [] });
    const before = count();
    expect(importRecommendations(ctx, list, [], 'thematic list.docx')).toEqual({ read: 3, created: 0, updated: 0, unchanged: 3, skipped: [] });
    expect(count()).toBe(before);
    const all = listRecommendations(report.db);
    expect(all.map((r) => r.number)).toEqual(['121.1', '121.2', '122.155']);
    expect(all[0]).toMatchObject({ id: 'rec-121-1', states: ['France', 'Lithuania'], position: 'supported', sdgs: [16], implementationStatus: 'not_started' });
    expect(all[2]).toMatchObject({ position: 'noted', positionSource: 'A/HRC/43/15/Add.1 - Para.5' });
  });

  it('updates what the list changed and never what the country added', async () => {
    const { ctx, report, admin, justice, drafter } = await setUp();
    importRecommendations(ctx, [rec('121.1'), rec('121.2')], [], 'v1');
    await admin.call('recommendations.update', { id: recommendationId('121.1'), responsibleOrganizationId: justice.id });
    await drafter.call('recommendations.update', { id: recommendationId('121.1'), implementationStatus: 'in_progress' });
    await drafter.call('recommendations.addNote', { recommendationId: recommendationId('121.1'), date: '2026-03-01', text: 'Bill sent to Parliament.' });
    const summary = importRecommendations(ctx, [rec('121.1', { text: 'Corrected text.', position: 'noted' }), rec('121.2'), rec('121.3')], [], 'v2');
    expect(summary).toMatchObject({ read: 3, created: 1, updated: 1, unchanged: 1 });
    const r = listRecommendations(report.db).find((x) => x.number === '121.1')!;
    expect(r).toMatchObject({
      text: 'Corrected text.',
      position: 'noted',
      source: 'v2',
      responsibleOrganizationId: justice.id,
      implementationStatus: 'in_progress',
      notes: [{ date: '2026-03-01', text: 'Bill sent to Parliament.', authorName: 'Dana Drafter' }],
    });
  });

  it('reports numbers given twice and rows it could not read; a failure midway imports nothing', async () => {
    const { ctx, report } = await setUp();
    const summary = importRecommendations(ctx, [rec('121.1'), rec('121.1', { text: 'Again.' })], [{ row: 7, reason: 'No number', excerpt: 'Theme text' }], 'list');
    expect(summary.created).toBe(1);
    expect(summary.skipped.map((p) => p.reason)).toEqual(['No number', 'Recommendation 121.1 is in the list twice; the first one was imported.']);
    const broken = rec('130.1', { text: 42 as unknown as string });
    expect(() => importRecommendations(ctx, [rec('130.2'), broken], [], 'list')).toThrow(/wrong kind/);
    expect(listRecommendations(report.db).map((r) => r.number)).toEqual(['121.1']);
  });

  it('only the secretariat imports and assigns; the responsible drafters follow up; others are refused', async () => {
    const { ctx, admin, drafter, reviewer, justice, nhri } = await setUp();
    importRecommendations(ctx, [rec('121.1'), rec('121.2')], [], 'list');
    const id = recommendationId('121.1');
    expect(await drafter.reply('recommendations.update', { id, implementationStatus: 'implemented' })).toMatchObject({ ok: false, error: { key: 'followUpResponsibleOnly' } });
    expect(await drafter.reply('recommendations.update', { id, responsibleOrganizationId: justice.id })).toMatchObject({ ok: false, error: { key: 'secretariatOnly' } });
    await admin.call('recommendations.update', { id, responsibleOrganizationId: justice.id });
    expect((await drafter.call('recommendations.update', { id, implementationStatus: 'implemented' })).implementationStatus).toBe('implemented');
    expect(await reviewer.reply('recommendations.addNote', { recommendationId: id, date: '2026-01-01', text: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin.reply('recommendations.update', { id, responsibleOrganizationId: 'nope' })).toMatchObject({ ok: false, error: { key: 'organizationMissing' } });
    expect(nhri.id).toBeTruthy();
  });

  it('travels through the change log: rebuilding the tables from it gives the same recommendations', async () => {
    const { ctx, report, admin, justice } = await setUp();
    importRecommendations(ctx, [rec('121.1'), rec('121.2', { states: ['Iran (Islamic Republic of)'] })], [], 'list');
    await admin.call('recommendations.update', { id: recommendationId('121.2'), responsibleOrganizationId: justice.id, implementationStatus: 'partially_implemented' });
    await admin.call('recommendations.addNote', { recommendationId: recommendationId('121.2'), date: '2026-02-02', text: 'Half done.' });
    const before = listRecommendations(report.db);
    rebuildMaterializedTables(report.db);
    expect(listRecommendations(report.db)).toEqual(before);
  });
});

describe('which sections address a recommendation', () => {
  it('derives from references in the text, plus explicit links; deleted sections drop out', async () => {
    const { ctx, report, admin, drafter, reviewer, section } = await setUp();
    importRecommendations(ctx, [rec('121.1'), rec('121.2'), rec('121.3')], [], 'list');
    // The drafter cites 121.1 twice and 121.3 once in the text of the section their ministry leads.
    const { state } = await drafter.call('text.load', { sectionId: section.id });
    const update = editSection([base64ToBytes(state)], () => {
      const p = $getRoot().getFirstChildOrThrow<ElementNode>();
      p.append($createTextNode('As recommended ('), $createRecommendationRefNode('121.1'), $createTextNode(', '));
      p.append($createRecommendationRefNode('121.3'), $createTextNode(' and again '), $createRecommendationRefNode('121.1'), $createTextNode(').'));
    });
    await drafter.call('text.push', { sectionId: section.id, update: bytesToBase64(update) });
    const content = await admin.call('text.content', { sectionId: section.id });
    expect(content.plain).toBe('As recommended (121.1, 121.3 and again 121.1).');

    await drafter.call('recommendations.link', { recommendationId: recommendationId('121.2'), sectionId: section.id, linked: true });
    expect(await reviewer.reply('recommendations.link', { recommendationId: recommendationId('121.2'), sectionId: section.id, linked: false })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const other = await admin.call('sections.create', { title: 'Annex', parentId: null });
    await admin.call('recommendations.link', { recommendationId: recommendationId('121.3'), sectionId: other.id, linked: true });

    const by = () => Object.fromEntries(listRecommendations(report.db).map((r) => [r.number, addressedIn(r)]));
    expect(by()).toEqual({ '121.1': [section.id], '121.2': [section.id], '121.3': [section.id, other.id] });
    await admin.call('recommendations.link', { recommendationId: recommendationId('121.2'), sectionId: section.id, linked: false });
    await admin.call('sections.delete', { id: other.id });
    expect(by()).toEqual({ '121.1': [section.id], '121.2': [], '121.3': [section.id] });
    const r1 = listRecommendations(report.db)[0]!;
    expect(r1).toMatchObject({ referencedIn: [section.id], linkedSections: [] });
  });

  it('counts a number of the list written as plain text (typed before the list came, or pasted), not a number that only looks like one', async () => {
    const { ctx, report, drafter, section } = await setUp();
    importRecommendations(ctx, [rec('121.1'), rec('121.2'), rec('121.3')], [], 'list');
    const { state } = await drafter.call('text.load', { sectionId: section.id });
    const update = editSection([base64ToBytes(state)], () => {
      $getRoot()
        .getFirstChildOrThrow<ElementNode>()
        .append($createTextNode('As recommended in 121.2 and 121.99, the budget rose by 2.5 per cent; see also 1.121.3 and 121.30.'));
    });
    await drafter.call('text.push', { sectionId: section.id, update: bytesToBase64(update) });
    expect(Object.fromEntries(listRecommendations(report.db).map((r) => [r.number, addressedIn(r)]))).toEqual({ '121.1': [], '121.2': [section.id], '121.3': [] });
  });
});


describe('following up many recommendations at once (issue 16, point 3)', () => {
  it('assigns a lead ministry and a status to all those chosen in one change set; rows already so are left out of it', async () => {
    const { ctx, report, admin, justice, count } = await setUp();
    importRecommendations(ctx, [rec('121.1'), rec('121.2'), rec('121.3'), rec('121.4')], [], 'list');
    const ids = ['121.1', '121.2', '121.3'].map(recommendationId);
    await admin.call('recommendations.update', { id: ids[0]!, responsibleOrganizationId: justice.id, implementationStatus: 'in_progress' });
    const rowsBefore = count();
    expect(await admin.call('recommendations.updateMany', { ids, responsibleOrganizationId: justice.id, implementationStatus: 'in_progress' })).toEqual({ changed: 2, unchanged: 1 });
    // Two fields of two rows, and that their status was set by hand: six changes, written in one batch (all or nothing, below).
    expect(count() - rowsBefore).toBe(6);
    const all = listRecommendations(report.db);
    expect(all.map((r) => [r.number, r.responsibleOrganizationId === justice.id, r.implementationStatus])).toEqual([
      ['121.1', true, 'in_progress'],
      ['121.2', true, 'in_progress'],
      ['121.3', true, 'in_progress'],
      ['121.4', false, 'not_started'],
    ]);
    // Taking the lead away from them is the same one action.
    expect(await admin.call('recommendations.updateMany', { ids, responsibleOrganizationId: null })).toEqual({ changed: 3, unchanged: 0 });
    expect(listRecommendations(report.db).filter((r) => r.responsibleOrganizationId !== null)).toEqual([]);
  });

  it('changes nothing when any row chosen may not be changed by this person, and says which and why', async () => {
    const { ctx, report, admin, drafter, justice, count } = await setUp();
    importRecommendations(ctx, [rec('121.1'), rec('121.2'), rec('121.3')], [], 'list');
    const ids = ['121.1', '121.2', '121.3'].map(recommendationId);
    await admin.call('recommendations.updateMany', { ids: ids.slice(0, 2), responsibleOrganizationId: justice.id });
    const before = count();
    // The drafter's ministry leads 121.1 and 121.2, not 121.3: none of the three is changed.
    const refused = await drafter.reply('recommendations.updateMany', { ids, implementationStatus: 'implemented' });
    expect(refused).toMatchObject({ ok: false, error: { key: 'bulkDenied', code: 'forbidden' } });
    expect((refused as { error: { message: string } }).error.message).toBe(
      'Nothing was changed: 1 of the recommendations chosen cannot be changed by you (121.3). Only the secretariat and the drafters of the organization responsible for recommendation 121.3 can record its follow-up.',
    );
    expect(count()).toBe(before);
    // Their own two, they may.
    expect(await drafter.call('recommendations.updateMany', { ids: ids.slice(0, 2), implementationStatus: 'implemented' })).toEqual({ changed: 2, unchanged: 0 });
    // Only the secretariat assigns the lead.
    expect(await drafter.reply('recommendations.updateMany', { ids, responsibleOrganizationId: justice.id })).toMatchObject({ ok: false, error: { key: 'secretariatOnly' } });
    // Rows that are gone, an organization that is not, nothing to change, nothing chosen: refused, nothing written.
    const after = count();
    expect(await admin.reply('recommendations.updateMany', { ids: [...ids, 'rec-999-9'], implementationStatus: 'in_progress' })).toMatchObject({ ok: false, error: { key: 'recommendationsMissing' } });
    expect(await admin.reply('recommendations.updateMany', { ids, responsibleOrganizationId: 'nope' })).toMatchObject({ ok: false, error: { key: 'organizationMissing' } });
    expect(await admin.reply('recommendations.updateMany', { ids })).toMatchObject({ ok: false });
    expect(await admin.reply('recommendations.updateMany', { ids: [], implementationStatus: 'in_progress' })).toMatchObject({ ok: false });
    expect(count()).toBe(after);
    expect(listRecommendations(report.db).map((r) => r.implementationStatus)).toEqual(['implemented', 'implemented', 'not_started']);
  });

  it('adds contributing ministries and puts them in the country’s cluster, which an import of the list never touches', async () => {
    const { ctx, report, admin, drafter, justice, nhri } = await setUp();
    importRecommendations(ctx, [rec('121.1'), rec('121.2')], [], 'v1');
    const ids = ['121.1', '121.2'].map(recommendationId);
    await admin.call('recommendations.update', { id: ids[0]!, responsibleOrganizationId: justice.id });
    // The lead is not also a contributor: 121.1 gets the NHRI only, 121.2 both.
    expect(await admin.call('recommendations.updateMany', { ids, addContributors: [justice.id, nhri.id], countryCluster: '  Prevention of torture ' })).toEqual({ changed: 2, unchanged: 0 });
    expect(await admin.call('recommendations.updateMany', { ids, addContributors: [nhri.id], countryCluster: 'Prevention of torture' })).toEqual({ changed: 0, unchanged: 2 });
    const shown = () => listRecommendations(report.db).map((r) => [r.number, r.contributingOrganizationIds, r.countryCluster, r.cluster]);
    expect(shown()).toEqual([
      ['121.1', [nhri.id], 'Prevention of torture', 'Acceptance of international norms'],
      ['121.2', [justice.id, nhri.id], 'Prevention of torture', 'Acceptance of international norms'],
    ]);
    // The list imported again with another cluster: the list's cluster changes, the country's stays.
    importRecommendations(ctx, [rec('121.1', { cluster: 'Treaties' }), rec('121.2', { cluster: 'Treaties' })], [], 'v2');
    expect(shown().map((r) => [r[2], r[3]])).toEqual([
      ['Prevention of torture', 'Treaties'],
      ['Prevention of torture', 'Treaties'],
    ]);
    // Only the secretariat adds contributors and names clusters; an empty name takes them out of it.
    expect(await drafter.reply('recommendations.updateMany', { ids, countryCluster: 'Mine' })).toMatchObject({ ok: false, error: { key: 'secretariatOnly' } });
    expect(await drafter.reply('recommendations.updateMany', { ids, addContributors: [nhri.id] })).toMatchObject({ ok: false, error: { key: 'secretariatOnly' } });
    expect(await admin.reply('recommendations.updateMany', { ids, addContributors: ['nope'] })).toMatchObject({ ok: false, error: { key: 'organizationMissing' } });
    await admin.call('recommendations.updateMany', { ids, countryCluster: '' });
    expect(shown().map((r) => r[2])).toEqual(['', '']);
  });
});

describe('clusters by field, and recommendations that are the same', () => {
  it('puts each in the cluster of its own first theme, affected group or SDG, in the report’s language; one without keeps its cluster', async () => {
    const { ctx, report, admin, drafter } = await setUp();
    importRecommendations(
      ctx,
      [rec('121.1', { themes: ['Torture', 'Detention'], groups: ['Women'], sdgs: [5, 16] }), rec('121.2', { themes: [], groups: [], sdgs: [] })],
      [],
      'list',
    );
    const ids = ['121.1', '121.2'].map(recommendationId);
    const clusters = () => listRecommendations(report.db).map((r) => r.countryCluster);
    await admin.call('recommendations.updateMany', { ids, countryCluster: 'By hand' });
    expect(await admin.call('recommendations.updateMany', { ids, clusterBy: 'theme' })).toEqual({ changed: 1, unchanged: 1 });
    expect(clusters()).toEqual(['Torture', 'By hand']);
    await admin.call('recommendations.updateMany', { ids, clusterBy: 'group' });
    expect(clusters()).toEqual(['Women', 'By hand']);
    await admin.call('report.update', { language: 'fr' });
    await admin.call('recommendations.updateMany', { ids, clusterBy: 'sdg' });
    expect(clusters()).toEqual(['ODD 5', 'By hand']);
    // Both at once is no choice; a drafter names no clusters.
    expect(await admin.reply('recommendations.updateMany', { ids, clusterBy: 'sdg', countryCluster: 'X' })).toMatchObject({ ok: false });
    expect(await drafter.reply('recommendations.updateMany', { ids, clusterBy: 'theme' })).toMatchObject({ ok: false, error: { key: 'secretariatOnly' } });
  });

  it('marks recommendations as the same as another, never in a chain, and takes it back', async () => {
    const { ctx, report, admin, drafter, count } = await setUp();
    importRecommendations(ctx, ['121.1', '121.2', '121.3', '121.4'].map((n) => rec(n)), [], 'list');
    const [a, b, c, d] = ['121.1', '121.2', '121.3', '121.4'].map(recommendationId) as [string, string, string, string];
    const same = () => Object.fromEntries(listRecommendations(report.db).map((r) => [r.number, r.sameAs]));
    expect(await admin.call('recommendations.setSame', { ids: [a, b], sameAs: a })).toEqual({ changed: 1, unchanged: 1 });
    expect(same()).toEqual({ '121.1': null, '121.2': a, '121.3': null, '121.4': null });
    // Marked the same as a repeat: they go to the one it repeats. And the one followed up,
    // marked the same as another, takes its repeats along.
    await admin.call('recommendations.setSame', { ids: [c], sameAs: b });
    expect(same()).toEqual({ '121.1': null, '121.2': a, '121.3': a, '121.4': null });
    await admin.call('recommendations.setSame', { ids: [a], sameAs: d });
    expect(same()).toEqual({ '121.1': d, '121.2': d, '121.3': d, '121.4': null });
    // Not the same as any any more.
    expect(await admin.call('recommendations.setSame', { ids: [b], sameAs: null })).toEqual({ changed: 1, unchanged: 0 });
    expect(same()['121.2']).toBeNull();
    // Refused, nothing written: the secretariat's call; one that is not there.
    const before = count();
    expect(await drafter.reply('recommendations.setSame', { ids: [b], sameAs: a })).toMatchObject({ ok: false, error: { key: 'secretariatOnly' } });
    expect(await admin.reply('recommendations.setSame', { ids: [b], sameAs: 'rec-999-9' })).toMatchObject({ ok: false, error: { key: 'recommendationsMissing' } });
    expect(count()).toBe(before);
    // A chain and a loop made by hand with sqlite3: followed to its end, the loop broken, never hung.
    report.db.prepare("UPDATE recommendations SET same_as = ? WHERE id = ?").run(c, d);
    report.db.prepare("UPDATE recommendations SET same_as = ? WHERE id = ?").run(d, c);
    await admin.call('recommendations.setSame', { ids: [b], sameAs: c });
    expect(same()['121.2']).not.toBeNull();
    // One pointing at a row that is not there is shown as it is; the view treats it as none.
    report.db.prepare("UPDATE recommendations SET same_as = 'gone' WHERE id = ?").run(b);
    expect(listRecommendations(report.db).find((r) => r.id === b)!.sameAs).toBe('gone');
  });
});
