// Importing the real OHCHR list (../shared/corpus) into a report: through the API, with its preview,
// and from the command line as a user runs it. The parsing itself is tested in ohchr-list.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OHCHR_LIST } from '../bench/ohchr-import.js';
import { sha256, tempDir, upr } from './helpers.js';
import { reviewReport } from './review-helpers.js';

const CORPUS = OHCHR_LIST;

function copyOfCorpus(): string {
  const file = path.join(tempDir(), 'Slovenia thematic list.docx');
  fs.copyFileSync(CORPUS, file);
  return file;
}

describe('importing the corpus list', () => {
  it('previews, imports all 215 recommendations once, and a second import changes nothing', async () => {
    const r = await reviewReport();
    const list = copyOfCorpus();
    const preview = await r.admin.call('recommendations.previewImport', { path: list });
    expect(preview).toMatchObject({ fileName: 'Slovenia thematic list.docx', layout: 'cycle3', problems: [], counts: { read: 215, new: 215, changed: 0, unchanged: 0 } });
    expect(await r.admin.call('recommendations.list', {})).toEqual([]);

    expect(await r.admin.call('recommendations.import', { path: list })).toEqual({ read: 215, created: 215, updated: 0, unchanged: 0, skipped: [] });
    const all = await r.admin.call('recommendations.list', {});
    expect(all).toHaveLength(215);
    expect(all.filter((x) => x.position === 'supported')).toHaveLength(182);
    expect(all.filter((x) => x.position === 'noted')).toHaveLength(33);
    expect(all.find((x) => x.number === '122.155')).toMatchObject({ position: 'noted', states: ['Argentina'], source: 'Slovenia thematic list.docx' });

    expect((await r.admin.call('recommendations.previewImport', { path: list })).counts).toEqual({ read: 215, new: 0, changed: 0, unchanged: 215 });
    expect(await r.admin.call('recommendations.import', { path: list })).toMatchObject({ created: 0, updated: 0, unchanged: 215 });
  });

  it('is for the secretariat; a file that is not a list changes nothing', async () => {
    const r = await reviewReport();
    const list = copyOfCorpus();
    expect(await r.reviewer.reply('recommendations.import', { path: list })).toMatchObject({ ok: false, error: { key: 'secretariatOnly' } });
    const db = r.admin.client.report!.db;
    const logRows = () => (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    const before = logRows();
    const notAList = path.join(tempDir(), 'minutes.docx');
    fs.writeFileSync(notAList, 'minutes of the consultation, as plain text');
    const reply = await r.admin.reply('recommendations.import', { path: notAList });
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/minutes\.docx/) } });
    expect(await r.admin.call('recommendations.list', {})).toEqual([]);
    expect(logRows()).toBe(before);
  });

  it('from the command line: prints the counts, then “unchanged”, and refuses a bad file in one line', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.upr');
    expect((await upr(['demo', file])).code).toBe(0);
    const list = copyOfCorpus();
    const first = await upr(['import-recommendations', file, list]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout.trim()).toBe('read 215 recommendations from Slovenia thematic list.docx: 215 created, 0 updated, 0 unchanged, 0 skipped');
    const again = await upr(['import-recommendations', file, list, '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ read: 215, created: 0, updated: 0, unchanged: 215, skipped: [] });
    const before = sha256(file);
    const bad = await upr(['import-recommendations', file, file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^upr: .*report\.upr/);
    expect(sha256(file)).toBe(before);
  });
});
