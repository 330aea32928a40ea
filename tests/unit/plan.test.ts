// The implementation plan (issue 16, point 4): actions and indicators for a recommendation or for a
// cluster the country named, progress notes reporting on an action with evidence files kept in the
// report, the status following from the actions unless set by hand, UPR Info's action category.
// Who may write what is the change log's policy: the lead ministry's drafters for their
// recommendations, the secretariat for everything; nobody else, and nothing half-written.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRecommendations, listRecommendations, recommendationId } from '../../electron/services/recommendations.js';
import { rebuildMaterializedTables } from '../../electron/sync/changes.js';
import { CurrentView, judge } from '../../electron/sync/policy.js';
import { getMember } from '../../electron/store/queries.js';
import type { RecommendationImport } from '../../shared/domain.js';
import { tempDir } from './helpers.js';
import { reviewReport } from './review-helpers.js';

const rec = (number: string): RecommendationImport => ({
  number,
  text: `Recommendation ${number} text.`,
  states: ['France'],
  position: 'supported',
  positionSource: '',
  cluster: '',
  themes: ['Torture'],
  groups: [],
  sdgs: [16],
});

async function planned() {
  const r = await reviewReport();
  const report = r.admin.client.report!;
  importRecommendations({ report, me: getMember(report.db, r.admin.client.memberId!)! }, ['121.1', '121.2', '121.3'].map(rec), [], 'list');
  const [a, b, c] = ['121.1', '121.2', '121.3'].map(recommendationId) as [string, string, string];
  // 121.1 is the Ministry of Justice's to follow up; 121.2 and 121.3 nobody's yet.
  await r.admin.call('recommendations.update', { id: a, responsibleOrganizationId: r.justice.id });
  const count = () => (report.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
  const one = (id: string) => listRecommendations(report.db).find((x) => x.id === id)!;
  return { ...r, report, a, b, c, count, one };
}

describe('the implementation plan', () => {
  it('the status follows from the actions, until set by hand, and back', async () => {
    const { admin, drafter, a, one, justice, nhri } = await planned();
    expect(one(a)).toMatchObject({ implementationStatus: 'not_started', statusByHand: false, actions: [] });
    const draft = { recommendationId: a, leadOrganizationId: justice.id, partnerOrganizationIds: [nhri.id, justice.id], startDate: '2026-01-01', endDate: '2026-06-30' };
    const law = await drafter.call('plan.saveAction', { ...draft, title: 'Draft the law on torture', budgetLine: '12.03.01', status: 'under_way' });
    const training = await drafter.call('plan.saveAction', { ...draft, title: 'Train prison staff' });
    expect(one(a).actions.map((x) => [x.title, x.status, x.partnerOrganizationIds])).toEqual([
      ['Draft the law on torture', 'under_way', [nhri.id]],
      ['Train prison staff', 'planned', [nhri.id]],
    ]);
    expect(one(a).implementationStatus).toBe('in_progress');
    await drafter.call('plan.saveAction', { ...draft, id: law.id, title: 'Draft the law on torture', status: 'completed' });
    expect(one(a).implementationStatus).toBe('partially_implemented');
    await drafter.call('plan.saveAction', { ...draft, id: training.id, title: 'Train prison staff', status: 'cancelled' });
    expect(one(a).implementationStatus).toBe('implemented');
    // Set by hand, it stays so whatever the actions say; then it follows them again.
    await drafter.call('recommendations.update', { id: a, implementationStatus: 'in_progress' });
    await drafter.call('plan.saveAction', { ...draft, id: training.id, title: 'Train prison staff', status: 'completed' });
    expect(one(a)).toMatchObject({ implementationStatus: 'in_progress', statusByHand: true });
    await drafter.call('recommendations.update', { id: a, followActions: true });
    expect(one(a)).toMatchObject({ implementationStatus: 'implemented', statusByHand: false });
    // UPR Info's category is the secretariat's to give.
    expect(await drafter.reply('recommendations.update', { id: a, actionCategory: 5 })).toMatchObject({ ok: false, error: { key: 'secretariatOnly' } });
    await admin.call('recommendations.update', { id: a, actionCategory: 5 });
    expect(one(a).actionCategory).toBe(5);
    expect(await admin.reply('recommendations.update', { id: a, actionCategory: 6 })).toMatchObject({ ok: false });
    // Removed, an action no longer counts.
    await drafter.call('plan.deleteAction', { id: law.id });
    expect(one(a).actions.map((x) => x.title)).toEqual(['Train prison staff']);
  });

  it('a cluster’s actions and indicators count for every recommendation in it', async () => {
    const { admin, reviewer, a, b, c, one, justice, report } = await planned();
    await admin.call('recommendations.updateMany', { ids: [b, c], countryCluster: 'Prevention of torture' });
    const campaign = await admin.call('plan.saveAction', { cluster: 'Prevention of torture', title: 'National campaign', leadOrganizationId: justice.id, status: 'under_way' });
    await admin.call('plan.saveIndicator', { cluster: 'Prevention of torture', name: 'Complaints investigated', baseline: '40', target: '100', unit: '%', source: 'Ombudsman' });
    for (const id of [b, c]) expect(one(id)).toMatchObject({ implementationStatus: 'in_progress', actions: [{ id: campaign.id, cluster: 'Prevention of torture' }], indicators: [{ name: 'Complaints investigated', target: '100' }] });
    expect(one(a).actions).toEqual([]);
    // A cluster nobody is in, or both or neither of recommendation and cluster: refused.
    expect(await admin.reply('plan.saveAction', { cluster: 'Nobody here', title: 'X', leadOrganizationId: null })).toMatchObject({ ok: false, error: { key: 'planClusterMissing' } });
    expect(await admin.reply('plan.saveAction', { cluster: 'Prevention of torture', recommendationId: a, title: 'X', leadOrganizationId: null })).toMatchObject({ ok: false });
    expect(await admin.reply('plan.saveAction', { title: 'X', leadOrganizationId: null })).toMatchObject({ ok: false });
    // The view's list carries the same rows without the plan and notes; `recommendations.get` brings
    // one's whole follow-up, its cluster's included, to anyone who may read the report.
    await admin.call('recommendations.addNote', { recommendationId: b, date: '2026-02-01', text: 'Campaign launched.', actionId: campaign.id });
    const full = listRecommendations(report.db);
    expect(full.find((r) => r.id === b)!.notes).toHaveLength(1);
    expect(await reviewer.call('recommendations.list', {})).toEqual(full.map(({ actions: _a, indicators: _i, notes: _n, ...row }) => row));
    for (const r of full) expect(await reviewer.call('recommendations.get', { id: r.id })).toEqual(r);
    expect(await reviewer.reply('recommendations.get', { id: 'rec-gone' })).toMatchObject({ ok: false, error: { key: 'recommendationMissing' } });
  });

  it('only those who follow a recommendation up plan for it; bad input changes nothing', async () => {
    const { admin, drafter, reviewer, a, b, count, justice } = await planned();
    const before = count();
    const action = { title: 'Review the penal code', leadOrganizationId: justice.id };
    // 121.2 is nobody's: the drafter may not plan for it; a reviewer for none; a cluster is the secretariat's.
    expect(await drafter.reply('plan.saveAction', { ...action, recommendationId: b })).toMatchObject({ ok: false, error: { key: 'followUpResponsibleOnly' } });
    expect(await reviewer.reply('plan.saveAction', { ...action, recommendationId: a })).toMatchObject({ ok: false });
    expect(await reviewer.reply('plan.saveIndicator', { recommendationId: a, name: 'Cases' })).toMatchObject({ ok: false });
    // Dates the wrong way round, a ministry that is not there, a recommendation that is not there.
    expect(await admin.reply('plan.saveAction', { ...action, recommendationId: a, startDate: '2026-05-01', endDate: '2026-04-01' })).toMatchObject({ ok: false, error: { key: 'planEndBeforeStart' } });
    expect(await admin.reply('plan.saveAction', { ...action, recommendationId: a, leadOrganizationId: 'nope' })).toMatchObject({ ok: false, error: { key: 'organizationMissing' } });
    expect(await admin.reply('plan.saveAction', { ...action, recommendationId: 'rec-999-9' })).toMatchObject({ ok: false, error: { key: 'recommendationMissing' } });
    expect(await admin.reply('plan.saveAction', { ...action, recommendationId: a, startDate: '1 May' })).toMatchObject({ ok: false });
    expect(await admin.reply('plan.saveAction', { ...action, id: 'gone' })).toMatchObject({ ok: false });
    expect(count()).toBe(before);
    // The drafter's own action on another ministry's recommendation, moved there: refused by the policy.
    const mine = await drafter.call('plan.saveAction', { ...action, recommendationId: a });
    await admin.call('recommendations.update', { id: a, responsibleOrganizationId: null });
    expect(await drafter.reply('plan.saveAction', { ...action, id: mine.id, title: 'Changed' })).toMatchObject({ ok: false, error: { key: 'followUpResponsibleOnly' } });
    expect(await drafter.reply('plan.deleteAction', { id: mine.id })).toMatchObject({ ok: false });
  });

  it('a progress note reports on an action and carries evidence files, kept in the report and checked when opened', async () => {
    const { drafter, reviewer, a, b, one, report, file } = await planned();
    const act = await drafter.call('plan.saveAction', { recommendationId: a, title: 'Adopt the law', leadOrganizationId: null, status: 'under_way' });
    const noted = await drafter.call('recommendations.addNote', { recommendationId: a, date: '2026-03-01', text: 'Bill adopted by the Government.', actionId: act.id });
    const dir = tempDir();
    const pdf = path.join(dir, 'Official Gazette 12-2026.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n% the gazette\n');
    const ev = await drafter.call('plan.attachEvidence', { noteId: noted.noteId, path: pdf });
    const note = one(a).notes[0]!;
    expect(note).toMatchObject({ actionId: act.id, evidence: [{ id: ev.id, name: 'Official Gazette 12-2026.pdf', mediaType: 'application/pdf', size: 23 }] });
    expect(Buffer.from((await reviewer.call('plan.evidence', { id: ev.id })).data, 'base64').toString()).toBe('%PDF-1.4\n% the gazette\n');
    // A note on an action of another recommendation, an empty file, the report itself, a folder: refused.
    const other = await drafter.reply('recommendations.addNote', { recommendationId: b, date: '2026-03-01', text: 'x', actionId: act.id });
    expect(other).toMatchObject({ ok: false });
    fs.writeFileSync(path.join(dir, 'empty.pdf'), '');
    expect(await drafter.reply('plan.attachEvidence', { noteId: noted.noteId, path: path.join(dir, 'empty.pdf') })).toMatchObject({ ok: false, error: { key: 'attachmentEmpty' } });
    expect(await drafter.reply('plan.attachEvidence', { noteId: noted.noteId, path: dir })).toMatchObject({ ok: false });
    expect(await reviewer.reply('plan.attachEvidence', { noteId: noted.noteId, path: pdf })).toMatchObject({ ok: false });
    expect(await drafter.reply('plan.attachEvidence', { noteId: 'gone', path: pdf })).toMatchObject({ ok: false });
    expect(file).toBeTruthy();
    // Bytes changed by hand with sqlite3: said, not served.
    report.db.prepare("UPDATE blobs SET data = X'00'").run();
    expect(await reviewer.reply('plan.evidence', { id: ev.id })).toMatchObject({ ok: false, error: { key: 'attachmentDamaged' } });
  });

  it('lists the actions past their end date and neither completed nor cancelled, the longest overdue first', async () => {
    const { admin, drafter, reviewer, a, b, justice, report } = await planned();
    const save = (title: string, endDate: string, status: 'planned' | 'under_way' | 'completed' | 'cancelled', on: object = { recommendationId: a }) =>
      drafter.call('plan.saveAction', { ...on, title, leadOrganizationId: justice.id, endDate, status });
    await save('Late and planned', '2026-03-31', 'planned');
    await save('Later and under way', '2026-05-01', 'under_way');
    await save('Done', '2026-01-31', 'completed');
    await save('Dropped', '2026-01-31', 'cancelled');
    await save('Not yet due', '2026-06-30', 'planned');
    await save('Due today', '2026-06-01', 'planned');
    await admin.call('recommendations.updateMany', { ids: [b], countryCluster: 'Prisons' });
    await admin.call('plan.saveAction', { cluster: 'Prisons', title: 'Cluster campaign', leadOrganizationId: null, endDate: '2026-02-01', status: 'planned' });
    const overdue = await reviewer.call('plan.overdue', { today: '2026-06-01' });
    expect(overdue.map((o) => [o.action.title, o.number])).toEqual([
      ['Cluster campaign', ''],
      ['Late and planned', '121.1'],
      ['Later and under way', '121.1'],
    ]);
    // A date no form writes, put in by hand with sqlite3, is left out; so is a bad date asked for.
    report.db.prepare("UPDATE actions SET end_date = '1999' WHERE title = 'Late and planned'").run();
    expect((await reviewer.call('plan.overdue', { today: '2026-06-01' })).map((o) => o.action.title)).toEqual(['Cluster campaign', 'Later and under way']);
    expect(await reviewer.reply('plan.overdue', { today: 'yesterday' })).toMatchObject({ ok: false });
  });

  it('a note or action moved to another recommendation is judged where it was too: a drafter cannot take one into their own', async () => {
    const { admin, drafter, a, b, report } = await planned();
    const noted = await admin.call('recommendations.addNote', { recommendationId: b, date: '2026-03-01', text: 'Not the Ministry of Justice’s.' });
    await admin.call('recommendations.updateMany', { ids: [b], countryCluster: 'Prisons' });
    const campaign = await admin.call('plan.saveAction', { cluster: 'Prisons', title: 'Cluster campaign', leadOrganizationId: null });
    const own = await drafter.call('plan.saveAction', { recommendationId: a, title: 'Draft the bill', leadOrganizationId: null });
    const view = () => new CurrentView(report.db, new Set());
    const move = (table: 'recommendation_notes' | 'actions', row: string, to: string, who: string) => judge(view(), { table, row, column: 'recommendation_id', value: to }, who);
    const david = drafter.client.memberId!;
    // Into the Ministry of Justice's own 121.1, from a recommendation nobody gave it, or from a cluster.
    expect(move('recommendation_notes', noted.noteId, a, david)).not.toBeNull();
    expect(move('actions', campaign.id, a, david)).not.toBeNull();
    // Its own action, kept where it is, and the secretariat moving anything: allowed.
    expect(move('actions', own.id, a, david)).toBeNull();
    expect(move('recommendation_notes', noted.noteId, a, admin.client.memberId!)).toBeNull();
  });

  it('is written only through the change log: rebuilding the tables from it changes nothing', async () => {
    const { admin, drafter, a, report, justice } = await planned();
    await drafter.call('plan.saveAction', { recommendationId: a, title: 'Adopt the law', leadOrganizationId: justice.id, startDate: '2026-01-01', endDate: '2026-12-31', status: 'planned' });
    await drafter.call('plan.saveIndicator', { recommendationId: a, name: 'Laws adopted', baseline: '0', target: '1', unit: 'law', source: 'Gazette' });
    await admin.call('recommendations.update', { id: a, actionCategory: 4, implementationStatus: 'in_progress' });
    const snapshot = () => ['actions', 'indicators', 'recommendations'].map((t) => report.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all());
    const before = snapshot();
    rebuildMaterializedTables(report.db);
    expect(snapshot()).toEqual(before);
  });
});
