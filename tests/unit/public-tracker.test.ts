// The public tracker (issue 16, point 9): only what the secretariat marked public goes into the
// website, never a person's name nor the app's own ids, every text escaped under a policy that
// loads nothing from elsewhere; the folder is never a report, never someone else's, and written
// whole or not at all. Marking public is the secretariat's alone, typed or merged from a copy.
import { signAsAuthor } from './office.js';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importRecommendations, recommendationId } from '../../electron/services/recommendations.js';
import { getMember } from '../../electron/store/queries.js';
import type { RecommendationImport } from '../../shared/domain.js';
import { Host } from '../../electron/hosts/host.js';
import { main } from '../../electron/hosts/cli.js';
import { tempDir, TestClient } from './helpers.js';
import { reviewReport } from './review-helpers.js';
import { reportToOpen } from '../../electron/sync/received.js';

const rec = (number: string, text: string, more: Partial<RecommendationImport> = {}): RecommendationImport => ({
  number,
  text,
  states: ['France', 'Iran (Islamic Republic of)'],
  position: 'supported',
  positionSource: '',
  cluster: '',
  themes: ['Torture'],
  groups: [],
  sdgs: [16],
  ...more,
});

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(2)>';
const PEOPLE = ['Sam Secretariat', 'Dana Drafter', 'Rita Reviewer', 'Otto Observer'];

/** A report with three recommendations, notes and inputs, some of each marked public. */
async function published() {
  const r = await reviewReport();
  const report = r.admin.client.report!;
  const me = getMember(report.db, r.admin.client.memberId!)!;
  importRecommendations(
    { report, me },
    [
      rec('121.1', `Criminalize torture ${SCRIPT} in line with the Convention.`, { themes: ['Torture', 'Justice & "fair" trial'] }),
      rec('121.2', `Train prison staff ${IMG}.`, {
        themes: ['Detention'],
        origin: { mechanism: 'treaty_body', body: 'CAT', documentSymbol: 'CAT/C/TST/CO/2', paragraph: '12(a)', documentDate: '2024-05-01', uhriId: '' },
      }),
      rec('121.3', 'Hidden recommendation about secret prisons.', { themes: ['Detention'] }),
    ],
    [],
    'list from C:\\Users\\sam\\Downloads.docx',
  );
  const [a, b, c] = ['121.1', '121.2', '121.3'].map(recommendationId) as [string, string, string];
  await r.admin.call('recommendations.updateMany', { ids: [a, c], responsibleOrganizationId: r.justice.id });
  const shown = await r.drafter.call('recommendations.addNote', { recommendationId: a, date: '2026-03-01', text: 'Bill adopted by the Government.' });
  const internal = await r.drafter.call('recommendations.addNote', { recommendationId: a, date: '2026-03-02', text: 'Internal: the minister is unhappy.' });
  const ofHidden = await r.drafter.call('recommendations.addNote', { recommendationId: c, date: '2026-03-03', text: 'Progress on a recommendation not published.' });
  const forum = await r.admin.call('organizations.create', { name: 'Civil Rights Forum', kind: 'civil_society' });
  const said = await r.admin.call('inputs.create', { title: 'Submission on torture', sourceOrganizationId: forum.id, receivedOn: '2026-02-10', summary: 'Make torture a crime of its own.' });
  await r.admin.call('inputs.decide', { inputId: said.id, disposition: 'reflected', rationale: 'Taken into the bill.' });
  await r.admin.call('inputs.link', { inputId: said.id, targetKind: 'section', targetId: r.section.id, linked: true });
  await r.admin.call('inputs.link', { inputId: said.id, targetKind: 'recommendation', targetId: a, linked: true });
  await r.admin.call('inputs.link', { inputId: said.id, targetKind: 'recommendation', targetId: c, linked: true });
  const confidential = await r.admin.call('inputs.create', { title: 'Confidential input from a whistle-blower', sourceOrganizationId: r.nhri.id, summary: 'Names names.' });
  expect(await r.admin.call('recommendations.setPublic', { ids: [a, b], public: true })).toEqual({ changed: 2, unchanged: 0 });
  expect(await r.admin.call('recommendations.setPublic', { ids: [a, b], public: true })).toEqual({ changed: 0, unchanged: 2 });
  await r.admin.call('recommendations.setNotePublic', { ids: [shown.noteId, ofHidden.noteId], public: true });
  await r.admin.call('inputs.setPublic', { ids: [said.id], public: true });
  return { ...r, report, a, b, c, notes: { shown, internal, ofHidden }, forum, said, confidential };
}

/** Every file under `dir`, by its path there, as text. */
function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)), fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'));
  }
  return out;
}

describe('the public tracker', () => {
  it('holds what was marked public and nothing else: no person, no internal id, every text escaped, a policy on every page', async () => {
    const p = await published();
    const folder = path.join(tempDir(), 'tracker');
    const done = await p.admin.call('export.publicTracker', { path: folder });
    expect(done).toEqual({ path: folder, recommendations: 2, notes: 1, inputs: 1 });
    const files = readTree(folder);
    expect([...files.keys()].sort()).toEqual(['.upr-public-tracker', 'consultation.html', 'data/consultation.json', 'data/recommendations.json', 'index.html', 'style.css', 'tracker.js']);
    const all = [...files.values()].join('\n');
    const index = files.get('index.html')!;
    const consultation = files.get('consultation.html')!;
    // What is public is there; what is not, is not.
    expect(index).toContain('Bill adopted by the Government.');
    expect(index).toContain('<bdi dir="ltr">CAT/C/TST/CO/2</bdi>, paragraph <bdi dir="ltr">12(a)</bdi>');
    expect(consultation).toContain('Make torture a crime of its own.');
    expect(consultation).toContain('Taken into the bill.');
    expect(consultation).toContain('Civil Rights Forum');
    expect(consultation).toContain('href="index.html#r-121-1"');
    for (const secret of ['secret prisons', 'minister is unhappy', 'not published', 'whistle-blower', 'Names names', '121.3', 'Downloads']) expect(all, secret).not.toContain(secret);
    for (const name of PEOPLE) expect(all, name).not.toContain(name);
    for (const id of [p.a, p.b, p.c, p.notes.shown.noteId, p.notes.internal.noteId, p.said.id, p.forum.id, p.justice.id, p.section.id]) expect(all, id).not.toContain(id);
    // Markup in a text is text.
    expect(all).not.toContain('<script>alert');
    expect(all).not.toContain('<img');
    expect(index).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(index).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(index).toContain('Justice &amp; &quot;fair&quot; trial');
    const data = JSON.parse(files.get('data/recommendations.json')!) as { recommendations: Array<{ number: string; text: string; progress: unknown[] }> };
    expect(data.recommendations.map((r) => [r.number, r.progress.length])).toEqual([['121.1', 1], ['121.2', 0]]);
    expect(data.recommendations[0]!.text).toContain(SCRIPT);
    // Every page: the policy, its language and direction, a skip link to the main landmark; the script is the folder's own.
    for (const page of [index, consultation]) {
      expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'">`);
      expect(page).toMatch(/<html lang="en" dir="ltr"/);
      expect(page).toContain('<a class="skip" href="#main">');
      expect(page).toContain('<main id="main"');
      expect(page.match(/<script\b[^>]*>/g) ?? []).toEqual(page === index ? ['<script src="tracker.js" defer>'] : []);
      expect(page).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    }
  });

  it('is written in the report’s language, Arabic right to left', async () => {
    const p = await published();
    await p.admin.call('report.update', { language: 'ar' });
    const folder = path.join(tempDir(), 'tracker');
    await p.admin.call('export.publicTracker', { path: folder });
    const index = fs.readFileSync(path.join(folder, 'index.html'), 'utf8');
    expect(index).toMatch(/<html lang="ar" dir="rtl"/);
    expect(index).toContain('التوصيات وتنفيذها');
    expect(index).toContain('لم يبدأ');
  });

  it('never goes over a report, into a file, or into a folder of someone else’s; goes over a tracker written before', async () => {
    const p = await published();
    const dir = tempDir();
    // The report itself, and a folder inside a file.
    expect(await p.admin.reply('export.publicTracker', { path: p.file })).toMatchObject({ ok: false, error: { key: 'targetIsOpenReport' } });
    const plain = path.join(dir, 'notes.txt');
    fs.writeFileSync(plain, 'mine');
    expect(await p.admin.reply('export.publicTracker', { path: plain })).toMatchObject({ ok: false, error: { key: 'trackerNotAFolder' } });
    expect(await p.admin.reply('export.publicTracker', { path: path.join(plain, 'tracker') })).toMatchObject({ ok: false, error: { key: 'trackerInsideFile' } });
    expect(await p.admin.reply('export.publicTracker', { path: path.join(dir, 'nowhere', 'tracker') })).toMatchObject({ ok: false, error: { key: 'noFolder' } });
    // Someone's folder, even one with an index.html of its own: refused and left as it was.
    const theirs = path.join(dir, 'website');
    fs.mkdirSync(path.join(theirs, 'data'), { recursive: true });
    fs.writeFileSync(path.join(theirs, 'index.html'), '<p>Our ministry</p>');
    fs.writeFileSync(path.join(theirs, 'data', 'budget.xlsx'), 'numbers');
    const before = readTree(theirs);
    expect(await p.admin.reply('export.publicTracker', { path: theirs })).toMatchObject({ ok: false, error: { key: 'trackerFolderNotEmpty', params: { name: 'data/budget.xlsx' } } });
    expect(readTree(theirs)).toEqual(before);
    fs.rmSync(path.join(theirs, 'data'), { recursive: true });
    expect(await p.admin.reply('export.publicTracker', { path: theirs })).toMatchObject({ ok: false, error: { key: 'trackerFolderNotEmpty', params: { name: 'index.html' } } });
    expect(fs.readFileSync(path.join(theirs, 'index.html'), 'utf8')).toBe('<p>Our ministry</p>');
    expect(fs.readdirSync(dir).sort()).toEqual(['notes.txt', 'website']);
    // An empty folder is taken; a tracker written there before is replaced whole.
    const tracker = path.join(dir, 'tracker');
    fs.mkdirSync(tracker);
    await p.admin.call('export.publicTracker', { path: tracker });
    expect(fs.readFileSync(path.join(tracker, 'index.html'), 'utf8')).not.toContain('121.3');
    await p.admin.call('recommendations.setPublic', { ids: [p.c], public: true });
    expect(await p.admin.call('export.publicTracker', { path: tracker })).toMatchObject({ recommendations: 3, notes: 2 });
    expect(fs.readFileSync(path.join(tracker, 'index.html'), 'utf8')).toContain('Progress on a recommendation not published.');
    expect(fs.readdirSync(dir).sort()).toEqual(['notes.txt', 'tracker', 'website']);
    // A tracker a person added a file to is theirs now: refused, nothing lost.
    fs.writeFileSync(path.join(tracker, 'logo.png'), 'png');
    expect(await p.admin.reply('export.publicTracker', { path: tracker })).toMatchObject({ ok: false, error: { key: 'trackerFolderNotEmpty', params: { name: 'logo.png' } } });
    expect(fs.existsSync(path.join(tracker, 'logo.png'))).toBe(true);
    // As one .zip (browser mode's download), the folder inside.
    const zip = path.join(dir, 'Testland tracker.zip');
    await p.admin.call('export.publicTracker', { path: zip, zip: true });
    const entries = unzipSync(fs.readFileSync(zip));
    expect(Object.keys(entries).sort()).toContain('Testland tracker/index.html');
    expect(strFromU8(entries['Testland tracker/data/recommendations.json']!)).toContain('121.3');
    // Only the secretariat publishes.
    expect(await p.drafter.reply('export.publicTracker', { path: path.join(dir, 'mine') })).toMatchObject({ ok: false, error: { key: 'secretariatOnly' } });
    // From the command line, into a folder of its own or as a .zip; someone's folder refused there too.
    const upr = async (...argv: string[]) => {
      const io = { out: [] as string[], err: [] as string[] };
      const code = await main(argv, { out: (line) => io.out.push(line), err: (line) => io.err.push(line) });
      return { code, out: io.out.join('\n'), err: io.err.join('\n') };
    };
    const byCommand = path.join(dir, 'by command');
    expect(await upr('export', p.file, '--format', 'public-tracker', '--out', byCommand)).toEqual({
      code: 0,
      out: `wrote the public tracker to ${byCommand}: 3 recommendation(s), 2 progress note(s), 1 consultation input(s) marked public`,
      err: '',
    });
    expect(fs.readFileSync(path.join(byCommand, 'index.html'), 'utf8')).toContain('121.3');
    expect(await upr('export', p.file, '--format', 'public-tracker', '--out', path.join(dir, 'site.zip'))).toMatchObject({ code: 0 });
    expect(Object.keys(unzipSync(fs.readFileSync(path.join(dir, 'site.zip'))))).toContain('site/index.html');
    expect(await upr('export', p.file, '--format', 'public-tracker', '--out', theirs)).toMatchObject({ code: 2, err: expect.stringContaining('index.html') });
  });

  it('in the desktop app, goes only to the folder the main process’s dialog gave', async () => {
    const chosen = path.join(tempDir(), 'tracker');
    const host = new Host({ dataDir: tempDir(), pathsFromDialogs: true, chooseFile: async (_client, _mode, kind) => (kind === 'folder' ? chosen : null) });
    const c = new TestClient(host);
    expect(await c.reply('export.publicTracker', { path: path.join(tempDir(), 'typed') })).toMatchObject({ ok: false, error: { key: 'pathNotChosen' } });
    expect((await c.call('app.chooseFile', { mode: 'save', kind: 'folder' })).path).toBe(chosen);
    // The folder chosen is taken (this window has no report open, which is what it is told next).
    expect(await c.reply('export.publicTracker', { path: chosen })).toMatchObject({ ok: false, error: { key: 'noReport' } });
    host.closeAll();
  });

  it('only the secretariat marks anything public, typed or merged from a copy', async () => {
    const p = await published();
    const deny = { ok: false, error: { key: 'publishSecretariatOnly' } };
    expect(await p.drafter.reply('recommendations.setPublic', { ids: [p.c], public: true })).toMatchObject(deny);
    expect(await p.drafter.reply('recommendations.setNotePublic', { ids: [p.notes.internal.noteId], public: true })).toMatchObject(deny);
    expect(await p.reviewer.reply('inputs.setPublic', { ids: [p.confidential.id], public: true })).toMatchObject(deny);
    expect(await p.reviewer.reply('recommendations.setPublic', { ids: [p.a], public: false })).toMatchObject(deny);
    // The write path itself refuses it, whatever called it.
    const drafterId = p.drafter.client.memberId!;
    expect(() => p.report.write(drafterId, [{ table: 'recommendations', row: p.c, column: 'public', value: 1 }])).toThrow(/Only the secretariat decides what goes into the public tracker/);
    expect(await p.admin.reply('recommendations.setPublic', { ids: ['rec-999-9'], public: true })).toMatchObject({ ok: false, error: { key: 'recommendationsMissing' } });
    // A copy in which the drafter "marked" a recommendation and a note public, edited with sqlite3.
    const copy = path.join(tempDir(), 'copy.upr');
    await p.admin.call('sharing.sendCopy', { path: copy });
    reportToOpen(`${copy}z`); // unpacked to copy.upr, as opening it would
    const db = new Database(copy);
    const newest = db.prepare('SELECT max(hlc) FROM change_log').pluck().get() as string;
    const forged = [
      ['recommendations', p.c],
      ['recommendation_notes', p.notes.internal.noteId],
    ].map(([table, row], i) => {
      const hlc = `${new Date(Date.parse(newest.slice(0, 24)) + 1000 + i).toISOString()}-0000-00000000000000f0`;
      db.prepare('INSERT INTO change_log (hlc, replica, author, tbl, row_id, col, value, prev_hlc) VALUES (?, ?, ?, ?, ?, ?, 1, NULL)').run(hlc, '00000000000000f0', drafterId, table, row, 'public');
      db.prepare(`UPDATE ${table} SET public = 1 WHERE id = ?`).run(row);
      return hlc;
    });
    db.close();
    expect(forged).toHaveLength(2);
    // Signed as the drafter's own app would: the rules judge what she did, not who wrote it in.
    signAsAuthor(copy, drafterId, { changes: forged });
    const summary = await p.admin.call('sharing.merge', { path: copy });
    expect(summary.held).toEqual([
      expect.objectContaining({ table: 'recommendations', row: p.c, column: 'public', authorName: 'Dana Drafter', reason: 'publishSecretariatOnly' }),
      expect.objectContaining({ table: 'recommendation_notes', row: p.notes.internal.noteId, column: 'public', authorName: 'Dana Drafter', reason: 'publishSecretariatOnly' }),
    ]);
    const folder = path.join(tempDir(), 'tracker');
    expect(await p.admin.call('export.publicTracker', { path: folder })).toMatchObject({ recommendations: 2, notes: 1 });
    expect(fs.readFileSync(path.join(folder, 'index.html'), 'utf8')).not.toContain('minister is unhappy');
  });
});
