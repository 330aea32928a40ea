// "Start the next report" (issue 16, point 8): a new file for the next cycle carries the people,
// the recommendations with their status, plan, notes and evidence, and starts section D with the
// table of the previous review's recommendations in the report's language. It knows which report
// it came from, is sound and rebuilds from its own change log, and leaves the old file as it was.
// Only the secretariat may start it, never over a file that is there, and a refusal leaves nothing.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { FullRecommendation, RecommendationImport } from '../../shared/domain.js';
import { outline17119 } from '../../shared/outline.js';
import { buildExportDocument } from '../../electron/export/document.js';
import type { Block, TableBlock } from '../../electron/export/model.js';
import { startNextReport } from '../../electron/services/next-report.js';
import { importRecommendations, listRecommendations, recommendationId } from '../../electron/services/recommendations.js';
import { reportInfo } from '../../electron/services/info.js';
import { checkReportFile } from '../../electron/store/check.js';
import { getMember } from '../../electron/store/queries.js';
import type { DB } from '../../electron/store/open.js';
import { rebuildMaterializedTables, type Change } from '../../electron/sync/changes.js';
import { Host } from '../../electron/hosts/host.js';
import { SYNCED_TABLE_NAMES } from '../../shared/synced.js';
import { main } from '../../electron/hosts/cli.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { newHost, tempDir, TestClient } from './helpers.js';
import { reviewReport } from './review-helpers.js';

const rec = (number: string, more: Partial<RecommendationImport> = {}): RecommendationImport => ({
  number,
  text: `Recommendation ${number} text.`,
  states: ['France'],
  position: 'supported',
  positionSource: '',
  cluster: 'Torture',
  themes: ['Torture'],
  groups: ['Women'],
  sdgs: [16],
  ...more,
});

/** What a file holds that a person would notice changing: every synced table, the log, the text, the meta. */
function fingerprint(db: DB): string[][] {
  return [...SYNCED_TABLE_NAMES, 'change_log', 'section_updates', 'meta', 'blobs'].map((t) => db.prepare(`SELECT * FROM ${t}`).all().map((row) => JSON.stringify(row)).sort());
}

const cellText = (runs: Array<{ kind: string; text?: string }>) => runs.map((r) => (r.kind === 'text' ? r.text : '')).join('');

function paragraph(block: Block | undefined): string {
  if (block?.kind !== 'paragraph') throw new Error(`not a paragraph: ${JSON.stringify(block)}`);
  return cellText(block.runs);
}

/** Section D's blocks in the export model: from its heading to the next top-level heading. */
function followUpSection(db: DB, title: string): Block[] {
  const body = buildExportDocument(db).body;
  const start = body.findIndex((b) => b.kind === 'heading' && b.level === 1 && cellText(b.runs) === title);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = body.findIndex((b, i) => i > start && b.kind === 'heading' && b.level === 1);
  return body.slice(start + 1, end < 0 ? undefined : end);
}

function tableOf(blocks: Block[]): string[][] {
  const table = blocks.find((b): b is TableBlock => b.kind === 'table');
  expect(table).toBeDefined();
  return table!.rows.map((row) => row.map((cell) => cellText(cell.runs)));
}

/** The recommendations as the app shows them, but for where the text cites them (section D cites every number). */
const followUp = (db: DB) => listRecommendations(db).map(({ referencedIn: _r, linkedSections: _l, ...r }: FullRecommendation) => r);

/** A cycle 4 report with a drafter's ministry following recommendations up: plans, notes, evidence, a status set by hand. */
async function followedUp() {
  const r = await reviewReport();
  const report = r.admin.client.report!;
  const me = getMember(report.db, r.admin.client.memberId!)!;
  importRecommendations(
    { report, me },
    [
      rec('121.1'),
      rec('121.2', { position: 'noted', states: ['Iran (Islamic Republic of)', 'Chile'] }),
      rec('121.3'),
      rec('12', { text: 'Adopt a national action plan on torture.', origin: { mechanism: 'treaty_body', body: 'CAT', documentSymbol: 'CAT/C/TST/CO/3', paragraph: '12', documentDate: '2023-05-12', uhriId: 'abc' } }),
    ],
    [],
    'list',
  );
  const [a, b, c] = ['121.1', '121.2', '121.3'].map(recommendationId) as [string, string, string];
  const paul = await r.admin.call('members.create', { name: 'Paul Former', organizationId: r.justice.id, role: 'drafter' });
  await r.admin.call('recommendations.update', { id: a, responsibleOrganizationId: r.justice.id, actionCategory: 4 });
  await r.admin.call('recommendations.updateMany', { ids: [b, c], countryCluster: 'Prevention of torture', addContributors: [r.justice.id] });
  const law = await r.drafter.call('plan.saveAction', { recommendationId: a, title: 'Adopt the law', leadOrganizationId: r.justice.id, partnerOrganizationIds: [r.nhri.id], startDate: '2025-01-01', endDate: '2025-12-31', budgetLine: '12.03', status: 'under_way' });
  await r.drafter.call('plan.saveIndicator', { recommendationId: a, name: 'Laws adopted', baseline: '0', target: '1', unit: 'law', source: 'Gazette' });
  await r.admin.call('plan.saveAction', { cluster: 'Prevention of torture', title: 'National campaign', leadOrganizationId: null, status: 'completed' });
  const noted = await r.drafter.call('recommendations.addNote', { recommendationId: a, date: '2025-03-01', text: 'Bill sent to Parliament.', actionId: law.id });
  const pdf = path.join(tempDir(), 'Gazette.pdf');
  fs.writeFileSync(pdf, '%PDF-1.4\n% the gazette\n');
  await r.drafter.call('plan.attachEvidence', { noteId: noted.noteId, path: pdf });
  // A drafter who has since left wrote the latest note on 121.1.
  const paulClient = new TestClient(r.host);
  await paulClient.call('app.openReport', { path: r.file });
  await paulClient.call('session.signIn', { memberId: paul.id });
  await paulClient.call('recommendations.addNote', { recommendationId: a, date: '2025-06-30', text: 'Law adopted on second reading.' });
  await r.admin.call('members.delete', { id: paul.id });
  // 121.3 was set by hand, whatever its cluster's actions say.
  await r.admin.call('recommendations.update', { id: c, implementationStatus: 'not_applicable' });
  // 121.1 and its first note are in the public tracker.
  await r.admin.call('recommendations.setPublic', { ids: [a], public: true });
  await r.admin.call('recommendations.setNotePublic', { ids: [noted.noteId], public: true });
  return { ...r, report, me, a, b, c, paul, pdf };
}

describe('starting the next report', () => {
  it('carries over the people, the recommendations with their status, plan, notes and evidence, and remembers where it came from', async () => {
    const { admin, drafter, report, file, me, a, c, paul } = await followedUp();
    const before = fingerprint(report.db);
    const expected = followUp(report.db);
    const oldWorkspace = await admin.call('workspace.load');
    const oldId = report.db.prepare("SELECT value FROM meta WHERE key = 'report_id'").pluck().get() as string;
    const next = path.join(path.dirname(file), 'next.upr');

    expect(await admin.call('app.startNextReport', { path: next })).toEqual({ path: next, recommendations: 4 });
    // The window is on the new report now, as the same person.
    expect(admin.client.report!.path).toBe(next);
    expect(admin.client.memberId).toBe(me.id);
    const ws = await admin.call('workspace.load');
    expect(ws.report).toMatchObject({ country: 'Testland', cycle: 5, language: 'en', title: 'Universal Periodic Review, 5th cycle, national report of Testland' });
    expect(ws.previousReport).toEqual({ id: oldId, title: oldWorkspace.report.title, cycle: 4, file: 'report.upr' });
    expect(oldWorkspace.previousReport).toBeNull();
    expect(ws.organizations).toEqual(oldWorkspace.organizations);
    expect(ws.members).toEqual(oldWorkspace.members);
    expect(ws.me).toEqual(me);
    expect(ws.sections.map((s) => s.title)).toEqual(outline17119('en'));

    const db = admin.client.report!.db;
    // Every field of every recommendation, the status (by hand or from the actions), the plan, the
    // notes; a UPR recommendation's id names the cycle it came from, the Index's keeps its own.
    const inNext = (id: string) => id.replace(/^rec-(?!uhri-)/, 'rec-c4-');
    expect(followUp(db)).toEqual(JSON.parse(JSON.stringify(expected).replace(/"rec-(?!uhri-)([^"]*)"/g, '"rec-c4-$1"')));
    expect(followUp(db).map((r) => r.id)).toEqual(expected.map((r) => inNext(r.id)));
    const carried = followUp(db);
    expect(carried.find((r) => r.id === inNext(a))).toMatchObject({ implementationStatus: 'in_progress', statusByHand: false, actionCategory: 4, public: true, actions: [{ title: 'Adopt the law' }], indicators: [{ name: 'Laws adopted' }] });
    expect(carried.find((r) => r.id === inNext(c))).toMatchObject({ implementationStatus: 'not_applicable', statusByHand: true, countryCluster: 'Prevention of torture', actions: [{ title: 'National campaign' }] });
    expect(carried.find((r) => r.number === '12')?.origin).toEqual({ mechanism: 'treaty_body', body: 'CAT', documentSymbol: 'CAT/C/TST/CO/3', paragraph: '12', documentDate: '2023-05-12', uhriId: 'abc' });
    const notes = carried.find((r) => r.id === inNext(a))!.notes;
    expect(notes.map((n) => [n.date, n.text, n.authorName, n.public])).toEqual([
      ['2025-03-01', 'Bill sent to Parliament.', 'Dana Drafter', true],
      ['2025-06-30', 'Law adopted on second reading.', 'Paul Former', false],
    ]);
    // The one who left comes as removed: named on their note, not a member.
    expect(ws.members.some((m) => m.id === paul.id)).toBe(false);
    const evidence = notes[0]!.evidence[0]!;
    expect(Buffer.from((await admin.call('plan.evidence', { id: evidence.id })).data, 'base64').toString()).toBe('%PDF-1.4\n% the gazette\n');

    // Section D holds the table: one row per UPR recommendation, the treaty body's left out.
    const d = followUpSection(db, outline17119('en')[3]!);
    expect(paragraph(d[0])).toBe('Recommendations received at the previous review: 3 (Supported: 2; Noted: 1).');
    expect(paragraph(d[1])).toMatch(/^Their implementation as recorded on \d+ \w+ \d{4}: In progress: 1; Implemented: 1; Not applicable: 1\.$/);
    expect(tableOf(d)).toEqual([
      ['No.', 'Recommendation', 'Position', 'Responsible ministry', 'Implementation', 'Latest progress note'],
      ['121.1', 'Recommendation 121.1 text.', 'Supported', 'Ministry of Justice', 'In progress', '30 June 2025: Law adopted on second reading.'],
      ['121.2', 'Recommendation 121.2 text.', 'Noted', '', 'Implemented', ''],
      ['121.3', 'Recommendation 121.3 text.', 'Supported', '', 'Not applicable', ''],
    ]);

    // Sound, and its tables are what its own change log says.
    expect(checkReportFile(next)).toMatchObject({ sound: true, problems: [] });
    const tables = () => fingerprint(db).slice(0, SYNCED_TABLE_NAMES.length);
    const built = tables();
    rebuildMaterializedTables(db);
    expect(tables()).toEqual(built);
    expect(reportInfo(admin.client.report!).previousReport).toMatchObject({ id: oldId, cycle: 4 });

    // The old report is as it was (still open in the drafter's window).
    expect(drafter.client.report!.path).toBe(file);
    expect(fingerprint(report.db)).toEqual(before);

    // The drafter is the same person in the new report, and goes on following her ministry's recommendation up.
    const dana = new TestClient(admin.host);
    await dana.call('app.openReport', { path: next });
    await dana.call('session.signIn', { memberId: drafter.client.memberId! });
    await dana.call('recommendations.addNote', { recommendationId: inNext(a), date: '2026-01-15', text: 'Regulations adopted.' });
    expect(followUp(db).find((r) => r.id === inNext(a))!.notes.map((n) => n.authorName)).toEqual(['Dana Drafter', 'Paul Former', 'Dana Drafter']);

    // The next cycle's list numbers its own recommendations the same way: they come beside those
    // carried over, which keep their words and follow-up.
    importRecommendations({ report: admin.client.report!, me }, [rec('121.1', { text: 'A new recommendation 121.1 of the fifth cycle.' })], [], 'fifth cycle list.docx');
    const both = followUp(db).filter((r) => r.number === '121.1');
    expect(both.map((r) => [r.id, r.text, r.notes.length])).toEqual(
      expect.arrayContaining([
        [inNext(a), 'Recommendation 121.1 text.', 3],
        [a, 'A new recommendation 121.1 of the fifth cycle.', 0],
      ]),
    );
    expect(both).toHaveLength(2);
  });

  it('writes section D in the report’s language: a French report', async () => {
    const host = newHost();
    const dir = tempDir();
    const admin = new TestClient(host);
    await admin.call('app.newReport', { path: path.join(dir, 'rapport.upr'), country: 'Testland', cycle: 3, language: 'fr', yourName: 'Sam Secrétariat', yourOrganization: 'Ministère des affaires étrangères' });
    const report = admin.client.report!;
    importRecommendations({ report, me: getMember(report.db, admin.client.memberId!)! }, [rec('98.1'), rec('98.2', { position: 'noted' })], [], 'liste');
    await admin.call('recommendations.update', { id: recommendationId('98.1'), implementationStatus: 'in_progress' });
    await admin.call('recommendations.addNote', { recommendationId: recommendationId('98.1'), date: '2024-02-01', text: 'Projet de loi déposé.' });

    await admin.call('app.startNextReport', { path: path.join(dir, 'suivant.upr'), title: 'Rapport national, quatrième cycle' });
    const ws = await admin.call('workspace.load');
    expect(ws.report).toMatchObject({ cycle: 4, language: 'fr', title: 'Rapport national, quatrième cycle' });
    const d = followUpSection(admin.client.report!.db, outline17119('fr')[3]!);
    expect(paragraph(d[0])).toBe('Recommandations reçues lors de l’examen précédent : 2 (Acceptée : 1 ; Notée : 1).');
    expect(tableOf(d)).toEqual([
      ['No', 'Recommandation', 'Position', 'Ministère responsable', 'Mise en œuvre', 'Dernière note de suivi'],
      ['98.1', 'Recommendation 98.1 text.', 'Acceptée', '', 'En cours', '1 février 2024 : Projet de loi déposé.'],
      ['98.2', 'Recommendation 98.2 text.', 'Notée', '', 'Non commencée', ''],
    ]);
  });

  it('is the secretariat’s, for a later cycle, never over a file that is there; a refusal leaves nothing', async () => {
    const { admin, drafter, report, file } = await followedUp();
    const dir = path.dirname(file);
    const before = fingerprint(report.db);
    const files = () => fs.readdirSync(dir).sort();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const there = files();
    const refused = async (client: TestClient, input: Record<string, unknown>, key: string) => {
      expect(await client.reply('app.startNextReport', input)).toMatchObject({ ok: false, error: { key } });
      expect(files()).toEqual(there);
      expect(client.client.report!.path).toBe(file);
    };
    const next = path.join(dir, 'next.upr');
    await refused(drafter, { path: next }, 'secretariatOnly');
    await refused(admin, { path: file }, 'targetIsOpenReport');
    await refused(admin, { path: `${file}-wal` }, 'targetIsOpenReport');
    await refused(admin, { path: `${file}-shm` }, 'targetIsOpenReport');
    await refused(admin, { path: path.join(dir, 'notes.txt') }, 'fileExists');
    expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    await refused(admin, { path: path.join(dir, 'no such folder', 'next.upr') }, 'noFolder');
    await refused(admin, { path: next, cycle: 4 }, 'nextCycleNotAfter');
    expect(fingerprint(report.db)).toEqual(before);
  });

  it('on a network share, is made on local disk and put there as a closed copy, then worked on as a copy', async () => {
    const share = tempDir();
    const file = path.join(share, 'report.upr');
    createDemoReport(file).close();
    const dataDir = tempDir();
    const onShare = new Host({ dataDir, locate: (f) => (f.startsWith(share) ? { kind: 'network', why: 'SMB share' } : { kind: 'local', why: '' }) });
    const c = new TestClient(onShare);
    try {
      await c.call('app.openReport', { path: file });
      await c.signInAs('Maria Santos');
      expect(await c.reply('app.startNextReport', { path: file })).toMatchObject({ ok: false, error: { key: 'targetIsOpenReport' } });
      const next = path.join(share, 'next.upr');
      expect(await c.call('app.startNextReport', { path: next })).toEqual({ path: next, recommendations: 0 });
      expect(fs.readdirSync(share).sort()).toEqual(['next.upr', 'report.upr']);
      expect(fs.readdirSync(path.join(dataDir, 'working')).filter((f) => f.startsWith('new-'))).toEqual([]);
      expect((await c.call('workspace.load')).previousReport).toMatchObject({ cycle: 4, file: 'report.upr' });
    } finally {
      onShare.closeAll();
    }
  });

  it('is a command too: upr start-next-report, and upr info says what the new report follows', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'veridia.upr');
    createDemoReport(file).close();
    const was = process.env.UPR_DATA_DIR;
    process.env.UPR_DATA_DIR = path.join(dir, 'data');
    try {
      const upr = async (...argv: string[]) => {
        const io = { out: [] as string[], err: [] as string[] };
        const code = await main(argv, { out: (line) => io.out.push(line), err: (line) => io.err.push(line) });
        return { code, out: io.out.join('\n'), err: io.err.join('\n') };
      };
      const next = path.join(dir, 'veridia-5.upr');
      expect(await upr('start-next-report', file, next, '--cycle', '4')).toMatchObject({ code: 2, err: expect.stringContaining('cannot be for cycle 4') });
      expect(fs.existsSync(next)).toBe(false);
      expect(await upr('start-next-report', file, next)).toMatchObject({ code: 0, out: `created ${next}, the next report after veridia.upr, with its 0 recommendation(s) and their follow-up` });
      expect((await upr('info', next)).out).toContain('follows the cycle 4 report “Universal Periodic Review, 4th cycle, national report of the Republic of Veridia” (veridia.upr)');
    } finally {
      if (was === undefined) delete process.env.UPR_DATA_DIR;
      else process.env.UPR_DATA_DIR = was;
    }
  });

  // As after an import from the Universal Human Rights Index: a cycle's UPR recommendations (390 at
  // most) among thousands from the treaty bodies. Section D's table holds the UPR ones.
  it('carries 5,000 recommendations and 20,000 notes in one go', async () => {
    const dir = tempDir();
    const host = newHost();
    const admin = new TestClient(host);
    await admin.call('app.newReport', { path: path.join(dir, 'big.upr'), country: 'Testland', yourName: 'Sam Secretariat', yourOrganization: 'Ministry of Foreign Affairs' });
    const report = admin.client.report!;
    const me = getMember(report.db, admin.client.memberId!)!;
    const numbers = Array.from({ length: 5_000 }, (_, i) => `${100 + Math.floor(i / 100)}.${(i % 100) + 1}`);
    const treatyBody = { mechanism: 'treaty_body', body: 'CRC', documentSymbol: 'CRC/C/TST/CO/5', paragraph: '', documentDate: '', uhriId: '' } as const;
    importRecommendations({ report, me }, numbers.map((n, i) => (i < 390 ? rec(n) : rec(n, { origin: { ...treatyBody, paragraph: n } }))), [], 'list');
    const notes: Change[] = [];
    for (let i = 0; i < 20_000; i++) {
      const row = `note-${i}`;
      const cell = (column: string, value: string): Change => ({ table: 'recommendation_notes', row, column, value });
      notes.push(cell('recommendation_id', recommendationId(numbers[i % numbers.length]!)), cell('date', '2025-01-01'), cell('text', `Progress ${i}.`), cell('author_id', me.id), cell('created_at', new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString()));
    }
    report.write(me.id, notes);

    const started = performance.now();
    const { report: next } = startNextReport({ report, me }, { path: path.join(dir, 'next.upr') });
    console.log(`next report from 5,000 recommendations and 20,000 notes: ${Math.round(performance.now() - started)} ms`);
    try {
      const count = (table: string) => next.db.prepare(`SELECT count(*) FROM ${table} WHERE deleted = 0`).pluck().get();
      expect([count('recommendations'), count('recommendation_notes')]).toEqual([5_000, 20_000]);
      expect(tableOf(followUpSection(next.db, outline17119('en')[3]!))).toHaveLength(391);
    } finally {
      next.close();
    }
  });
});
