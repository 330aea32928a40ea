// The mid-term report (issue 16, point 7), from a real report file: the UPR recommendations cluster
// by cluster (number, text, recommending States, position, responsible institution, status, the
// dated progress notes and the actions), the figures of the introduction and the annex matrix, in
// the report's language; the treaty bodies' recommendations left out. The Word file is read back by
// pandoc and opened by LibreOffice, the PDF (printed by Chromium) by pdftotext.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../electron/export/html.js';
import { buildMidtermDocument } from '../../electron/export/midterm.js';
import { chromiumPath } from '../../electron/export/pdf.js';
import { main } from '../../electron/hosts/cli.js';
import { Host } from '../../electron/hosts/host.js';
import { importRecommendations, recommendationId } from '../../electron/services/recommendations.js';
import { getMember } from '../../electron/store/queries.js';
import type { RecommendationImport } from '../../shared/domain.js';
import { installed, LIBREOFFICE, newReport, sha256, tempDir, TestClient } from './helpers.js';
import { reviewReport } from './review-helpers.js';

const run = promisify(execFile);
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

const hasPandoc = installed('pandoc');
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
// Without the readers the tests that need them skip here; CI has them, so there they must run.
const itReadsWord = hasPandoc || process.env.CI ? it : it.skip;
const itOpensWord = (LIBREOFFICE !== undefined && hasPdftotext) || process.env.CI ? it : it.skip;
const itPrints = (fs.existsSync(chromiumPath()) && hasPdftotext) || process.env.CI ? it : it.skip;

const rec = (number: string, text: string, more: Partial<RecommendationImport> = {}): RecommendationImport => ({
  number,
  text,
  states: ['France'],
  position: 'supported',
  positionSource: '',
  cluster: '',
  themes: ['Torture'],
  groups: [],
  sdgs: [16],
  ...more,
});

/** The Committee on the Rights of the Child's recommendation, from the Index: followed up here, never in a UPR report. */
const CRC = rec('CRC/C/TST/CO/1, para. 12', 'Raise the minimum age of criminal responsibility to 14.', {
  states: [],
  position: null,
  origin: { mechanism: 'treaty_body', body: 'CRC', documentSymbol: 'CRC/C/TST/CO/1', paragraph: '12', documentDate: '2025-01-10', uhriId: '1874326' },
});

const AS_OF = '2026-06-30';

/**
 * A report of the fourth cycle with four UPR recommendations received in the third: two in the
 * country's cluster "Prevention of torture" (one with its own action and three notes, one after the
 * report's date; the cluster with an action of its own), one under the list's cluster "Detention",
 * implemented, noted and nobody's, one in no cluster; and the treaty body's in the same cluster.
 */
async function followedUp() {
  const r = await reviewReport();
  const report = r.admin.client.report!;
  const ctx = { report, me: getMember(report.db, r.admin.client.memberId!)! };
  await r.admin.call('report.update', { cycle: 4, country: 'the Republic of Testland' });
  importRecommendations(
    ctx,
    [
      rec('121.10', 'Criminalize torture in the Penal Code.', { states: ['France', 'Iran (Islamic Republic of)'] }),
      rec('121.2', 'Train prison staff on the prohibition of torture.', { states: ['Chile'] }),
      rec('121.3', 'Close the old central prison.', { states: ['Norway'], position: 'noted', cluster: 'Detention' }),
      rec('121.4', 'Ratify the Convention on the Rights of Persons with Disabilities.', { states: ['Brazil'] }),
    ],
    [],
    'list.docx',
  );
  importRecommendations(ctx, [CRC], [], 'UHRI export.xlsx');
  const [r10, r2, r3] = ['121.10', '121.2', '121.3'].map(recommendationId) as [string, string, string];
  const crc = (await r.admin.call('recommendations.list', {})).find((x) => x.origin.mechanism === 'treaty_body')!.id;
  await r.admin.call('recommendations.updateMany', { ids: [r10, r2, crc], countryCluster: 'Prevention of torture' });
  await r.admin.call('recommendations.updateMany', { ids: [r10], responsibleOrganizationId: r.justice.id, addContributors: [r.nhri.id] });
  await r.admin.call('recommendations.update', { id: r3, implementationStatus: 'implemented' });
  const law = await r.admin.call('plan.saveAction', {
    recommendationId: r10,
    title: 'Draft the law on torture',
    leadOrganizationId: r.justice.id,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    status: 'under_way',
  });
  await r.admin.call('plan.saveAction', { cluster: 'Prevention of torture', title: 'National campaign against torture', leadOrganizationId: r.justice.id, status: 'under_way' });
  // Added out of date order: told oldest first; the one after the report's date not at all.
  await r.admin.call('recommendations.addNote', { recommendationId: r10, date: '2026-03-01', text: 'Bill adopted by the Government.', actionId: law.id });
  await r.admin.call('recommendations.addNote', { recommendationId: r10, date: '2026-01-15', text: 'Consultation with civil society held.' });
  await r.admin.call('recommendations.addNote', { recommendationId: r10, date: '2026-08-01', text: 'Law passed by Parliament.' });
  await r.admin.call('recommendations.addNote', { recommendationId: crc, date: '2026-02-01', text: 'Draft amendment on the age of responsibility.' });
  await r.admin.call('recommendations.addNote', { recommendationId: r3, date: '2026-05-20', text: 'The prison was closed on 20 May.\nIts inmates were moved.' });
  return { ...r, report, r10, r2, r3 };
}

/** Each of `parts` in `text`, in this order. */
function expectInOrder(text: string, parts: readonly string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `missing, or out of order: ${part}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

/** What the report says, in order, as any reader of it shows it (spaces squeezed). */
const TOLD = [
  'United Nations',
  'Human Rights Council',
  '30 June 2026',
  'Mid-term report on the implementation of the recommendations received in the third cycle of the universal periodic review',
  'The Republic of Testland',
  'Introduction',
  'as of 30 June 2026',
  'Recommendations received: 4; supported: 3; noted: 1.',
  'Status of implementation: implemented: 1; partially implemented: 0; in progress: 2; not started: 1; not applicable: 0.',
  'Implementation of the recommendations',
  'Detention',
  'Recommendation 121.3',
  'Close the old central prison.',
  'Recommending States: Norway. Position: Noted. Responsible institution: not assigned yet. Status of implementation: Implemented.',
  'Progress made',
  '20 May 2026: The prison was closed on 20 May.',
  'Its inmates were moved.',
  'Prevention of torture',
  'Actions for the cluster as a whole',
  'National campaign against torture: under way; Ministry of Justice',
  'Recommendation 121.2',
  'Train prison staff on the prohibition of torture.',
  'Recommending States: Chile.',
  'Status of implementation: In progress.',
  'No progress has been reported yet.',
  'Recommendation 121.10',
  'Criminalize torture in the Penal Code.',
  'Recommending States: France, Iran (Islamic Republic of). Position: Supported. Responsible institution: Ministry of Justice. Contributing institutions: National Human Rights Commission. Status of implementation: In progress.',
  '15 January 2026: Consultation with civil society held.',
  '1 March 2026 (Draft the law on torture): Bill adopted by the Government.',
  'Actions taken',
  'Draft the law on torture: under way; Ministry of Justice; 1 January 2026 – 31 December 2026',
  'Other recommendations',
  'Recommendation 121.4',
  'Ratify the Convention on the Rights of Persons with Disabilities.',
  'Recommending States: Brazil. Position: Supported. Responsible institution: not assigned yet. Status of implementation: Not started.',
];

/** The annex matrix: its header, then a row a recommendation in the body's order, cluster by cluster (each cell's lines joined by a space). */
const MATRIX = [
  ['Recommendation (number and text)', 'Recommending State(s)', 'Position (supported or noted)', 'Status of implementation', 'Actions taken / progress', 'Responsible institution(s)'],
  ['121.3 Close the old central prison.', 'Norway', 'Noted', 'Implemented', '20 May 2026: The prison was closed on 20 May. Its inmates were moved.', ''],
  ['121.2 Train prison staff on the prohibition of torture.', 'Chile', 'Supported', 'In progress', 'National campaign against torture: under way; Ministry of Justice', ''],
  [
    '121.10 Criminalize torture in the Penal Code.',
    'France, Iran (Islamic Republic of)',
    'Supported',
    'In progress',
    'Draft the law on torture: under way; Ministry of Justice; 1 January 2026 – 31 December 2026 National campaign against torture: under way; Ministry of Justice 15 January 2026: Consultation with civil society held. 1 March 2026 (Draft the law on torture): Bill adopted by the Government.',
    'Ministry of Justice National Human Rights Commission',
  ],
  ['121.4 Ratify the Convention on the Rights of Persons with Disabilities.', 'Brazil', 'Supported', 'Not started', '', ''],
];

/** What is not the mid-term report's: the treaty body's recommendation and its note, a note after its date. */
const NOT_TOLD = ['Raise the minimum age', 'CRC/C/TST/CO/1', 'Draft amendment on the age', 'Law passed by Parliament', '1 August 2026'];

/** The cells of the document's tables as pandoc reads them (its HTML), each cell's text squeezed. */
async function pandocTables(file: string): Promise<string[][][]> {
  const { stdout } = await run('pandoc', ['-f', 'docx', '-t', 'html', file], { maxBuffer: 64 * 1024 * 1024 });
  return parse(stdout)
    .querySelectorAll('table')
    .map((table) => table.querySelectorAll('tr').map((row) => row.querySelectorAll('th, td').map((cell) => squeeze(cell.textContent))));
}

async function pandocPlain(file: string): Promise<string> {
  const { stdout } = await run('pandoc', ['-f', 'docx', '-t', 'plain', '--columns=100000', file], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

describe('the mid-term report', () => {
  itReadsWord('tells each UPR recommendation cluster by cluster with its status and progress, then the annex matrix, in Word as pandoc reads it', async () => {
    const { admin, report } = await followedUp();
    const out = path.join(tempDir(), 'Mid-term report.docx');
    const written = await admin.call('export.midterm', { path: out, format: 'docx', asOf: AS_OF });
    expect(written).toMatchObject({ path: out, recommendations: 4 });
    expect(fs.statSync(out).size).toBe(written.bytes);
    // Nothing but the file: no temporary file is left beside it.
    expect(fs.readdirSync(path.dirname(out))).toEqual(['Mid-term report.docx']);

    const text = await pandocPlain(out);
    const [body = '', annex = ''] = text.split(/^Annex\b/m);
    expectInOrder(squeeze(body), TOLD);
    expect(squeeze(annex)).toMatch(/^Matrix of the recommendations and their implementation/);
    expect(await pandocTables(out)).toEqual([MATRIX]);
    for (const absent of NOT_TOLD) expect(text, absent).not.toContain(absent);

    // Paragraphs numbered straight through, as UN documents are: the model's numbers are 1, 2, 3...
    const doc = buildMidtermDocument(report.db, AS_OF);
    const numbers = doc.body.flatMap((b) => (b.kind === 'paragraph' ? [b.number] : []));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    // The document's own title names the country; it has no UN symbol or session.
    expect(doc.cover).toMatchObject({
      title: 'Mid-term report of the Republic of Testland on the implementation of the recommendations received in the third cycle of the universal periodic review',
      symbol: '',
      session: '',
    });
  });

  itOpensWord('written by `upr export`, is a Word file LibreOffice opens and prints', { timeout: 60_000 }, async () => {
    const { report } = await followedUp();
    const dir = tempDir();
    const out = path.join(dir, 'midterm.docx');
    const said: string[] = [];
    expect(await main(['export', report.path, '--format', 'midterm-docx', '--out', path.join(dir, 'midterm')], { out: (s) => said.push(s), err: (s) => said.push(s) })).toBe(0);
    expect(said).toEqual([expect.stringMatching(/^wrote the mid-term report on 4 recommendations to .*midterm\.docx \([\d,]+ bytes\)$/)]);
    const profile = path.join(tempDir(), 'lo-profile');
    await run(LIBREOFFICE ?? 'libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, out], { timeout: 60_000 });
    const { stdout } = await run('pdftotext', ['-layout', path.join(dir, 'midterm.pdf'), '-']);
    expectInOrder(squeeze(stdout), ['Mid-term report on the implementation', 'Detention', 'Recommendation 121.3', 'Prevention of torture', 'Recommendation 121.10', 'Other recommendations', 'Annex']);
  });

  itPrints('is a PDF, printed from the same page as the report’s, that pdftotext reads', { timeout: 60_000 }, async () => {
    const { admin } = await followedUp();
    const out = path.join(tempDir(), 'midterm.pdf');
    const written = await admin.call('export.midterm', { path: out, format: 'pdf', asOf: AS_OF });
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(written.recommendations).toBe(4);
    const { stdout } = await run('pdftotext', ['-layout', out, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const text = squeeze(stdout);
    const [body = '', annex = ''] = text.split(/ Annex (?=Matrix)/);
    // Lines wrap anywhere in print: what is checked is short enough to stay on one line.
    expectInOrder(body, [
      'Mid-term report on the implementation',
      'The Republic of Testland',
      'Recommendations received: 4; supported: 3; noted: 1.',
      'Detention',
      'Recommendation 121.3',
      'Implemented.',
      '20 May 2026: The prison was closed on 20 May.',
      'Prevention of torture',
      'Recommendation 121.2',
      'No progress has been reported yet.',
      'Recommendation 121.10',
      '15 January 2026: Consultation with civil society held.',
      'Other recommendations',
      'Recommendation 121.4',
    ]);
    expectInOrder(annex, ['Matrix of the recommendations', 'Recommendation', 'Responsible', '121.3', '121.2', '121.10', '121.4']);
    for (const absent of NOT_TOLD) expect(text, absent).not.toContain(absent);
  });

  itReadsWord('speaks the report’s language, and a note’s markup comes out as the text it is', async () => {
    const { admin, report, r3 } = await followedUp();
    await admin.call('recommendations.addNote', { recommendationId: r3, date: '2026-06-01', text: 'Inmates <b>x</b> moved & counted <script>alert(1)</script>' });
    await admin.call('report.update', { language: 'fr' });
    const doc = buildMidtermDocument(report.db, AS_OF);
    expect(doc.cover).toMatchObject({
      council: 'Conseil des droits de l’homme',
      date: '30 juin 2026',
      original: 'Original : français',
      submitted: 'Rapport à mi-parcours sur la mise en œuvre des recommandations reçues lors du troisième cycle de l’Examen périodique universel',
    });
    const out = path.join(tempDir(), 'rapport.docx');
    await admin.call('export.midterm', { path: out, format: 'docx', asOf: AS_OF });
    const text = squeeze(await pandocPlain(out));
    expectInOrder(text, [
      'Introduction',
      'au 30 juin 2026',
      'Recommandations reçues : 4 ; acceptées : 3 ; notées : 1.',
      'État de la mise en œuvre : mise en œuvre : 1 ; partiellement mise en œuvre : 0 ; en cours : 2 ; non commencée : 1 ; sans objet : 0.',
      'Mise en œuvre des recommandations',
      'Recommandation 121.3',
      'États auteurs : Norway. Position : Notée. Institution chargée de la mise en œuvre : pas encore désignée. État de la mise en œuvre : Mise en œuvre.',
      'Progrès accomplis',
      '20 mai 2026 : The prison was closed on 20 May.',
      '1 juin 2026 : Inmates <b>x</b> moved & counted <script>alert(1)</script>',
      'Recommandation 121.2',
      'Aucun progrès n’a encore été signalé.',
      'Mesures prises',
      'Draft the law on torture : en cours',
      'Autres recommandations',
      'Annexe',
      'Tableau des recommandations et de leur mise en œuvre',
      'Recommandation (numéro et texte)',
      'État(s) auteur(s)',
    ]);
    // In the HTML the PDF is printed from, the same words are text, never elements.
    const html = renderHtml(doc);
    expect(html).toContain('Inmates &lt;b&gt;x&lt;/b&gt; moved &amp; counted &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<b>x</b>');
    expect(html).not.toContain('<script>alert');

    // Every UN language: its own words throughout (Arabic right to left, its dates in the digits UN
    // Arabic documents use), none left empty or undefined.
    for (const language of ['en', 'es', 'ar', 'ru', 'zh'] as const) {
      await admin.call('report.update', { language });
      const other = buildMidtermDocument(report.db, AS_OF);
      const said = JSON.stringify(other);
      expect(said, language).not.toMatch(/undefined|NaN|\{\{/);
      expect(other.direction).toBe(language === 'ar' ? 'rtl' : 'ltr');
      expect(other.annexes[0]!.label).not.toBe('');
      expect(said).toContain(language === 'zh' ? '2026年6月30日' : '30');
      expect(said).not.toMatch(/[\u0660-\u0669]/);
    }
  });

  it('is never written over a report, and says when there is nothing to report on', async () => {
    const { admin, file } = await followedUp();
    const before = sha256(file);
    // The report open here, its journal, and another report file: refused, each left as it was.
    for (const target of [file, `${file}-wal`]) {
      expect(await admin.reply('export.midterm', { path: target, format: 'docx' })).toMatchObject({ ok: false, error: { key: 'targetIsOpenReport' } });
    }
    const other = await newReport();
    other.host.closeAll();
    const otherBefore = sha256(other.file);
    expect(await admin.reply('export.midterm', { path: other.file, format: 'pdf' })).toMatchObject({ ok: false, error: { key: 'targetIsReport' } });
    expect(sha256(other.file)).toBe(otherBefore);
    expect(fs.readdirSync(path.dirname(other.file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Not a day of the calendar, or no format: refused before anything is read.
    expect(await admin.reply('export.midterm', { path: path.join(tempDir(), 'm.docx'), format: 'docx', asOf: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await admin.reply('export.midterm', { path: path.join(tempDir(), 'm.docx') })).toMatchObject({ ok: false });
    expect(sha256(file)).toBe(before);
    // In the desktop app, only a path the main process's own dialog gave is taken.
    const desktop = new Host({ dataDir: tempDir(), pathsFromDialogs: true });
    const window = new TestClient(desktop);
    expect(await window.reply('export.midterm', { path: path.join(tempDir(), 'typed.docx'), format: 'docx' })).toMatchObject({ ok: false, error: { key: 'pathNotChosen' } });
    desktop.closeAll();

    // A report with only the treaty bodies' recommendations has no UPR ones to report on.
    const fresh = await newReport();
    const freshReport = fresh.admin.client.report!;
    importRecommendations({ report: freshReport, me: getMember(freshReport.db, fresh.admin.client.memberId!)! }, [CRC], [], 'UHRI export.xlsx');
    const target = path.join(tempDir(), 'empty.docx');
    expect(await fresh.admin.reply('export.midterm', { path: target, format: 'docx' })).toMatchObject({ ok: false, error: { key: 'midtermNoRecommendations' } });
    expect(fs.existsSync(target)).toBe(false);
  });
});
