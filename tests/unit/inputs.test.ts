import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecommendationImport } from '../../shared/domain.js';
import { importRecommendations, recommendationId } from '../../electron/services/recommendations.js';
import { inputLinkId, listInputs } from '../../electron/services/inputs.js';
import { addAttachment, attachmentContent, attachmentName, megabytes } from '../../electron/services/attachments.js';
import { rebuildMaterializedTables } from '../../electron/sync/changes.js';
import { getMember } from '../../electron/store/queries.js';
import { TestClient, tempDir } from './helpers.js';
import { reviewReport } from './review-helpers.js';

const rec = (number: string): RecommendationImport => ({
  number,
  text: `Recommendation ${number} text.`,
  states: ['France'],
  position: 'supported',
  positionSource: '',
  cluster: '',
  themes: [],
  groups: [],
  sdgs: [],
});

const MB = 1024 * 1024;
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

async function setUp() {
  const r = await reviewReport();
  const report = r.admin.client.report!;
  const ctx = { report, me: getMember(report.db, r.admin.client.memberId!)! };
  const ngo = await r.admin.call('organizations.create', { name: 'Children’s Rights Coalition', kind: 'civil_society' });
  const unicef = await r.admin.call('organizations.create', { name: 'UNICEF', kind: 'un_entity' });
  const count = (table: string) => (report.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { ...r, report, ctx, ngo, unicef, count };
}

describe('consultation inputs', () => {
  it('are registered, edited and listed by date received, undated last, with their source', async () => {
    const { admin, ngo, unicef } = await setUp();
    const late = await admin.call('inputs.create', { title: 'Joint submission on juvenile justice', sourceOrganizationId: ngo.id, receivedOn: '2026-03-10', themes: ['Juvenile justice', ' Children ', 'Juvenile justice'] });
    const undated = await admin.call('inputs.create', { title: 'Notes from a town-hall meeting', channel: 'public_consultation' });
    const early = await admin.call('inputs.create', { title: 'Agency note', sourceOrganizationId: unicef.id, receivedOn: '2026-02-01', channel: 'email', summary: 'Birth registration.', fullText: 'The full note.' });
    expect(late).toMatchObject({
      title: 'Joint submission on juvenile justice',
      sourceOrganizationName: 'Children’s Rights Coalition',
      sourceKind: 'civil_society',
      receivedOn: '2026-03-10',
      channel: 'written_submission',
      themes: ['Juvenile justice', 'Children'],
      sectionIds: [],
      recommendationIds: [],
      attachments: [],
      disposition: null,
    });
    expect(undated).toMatchObject({ sourceOrganizationId: null, sourceOrganizationName: '', sourceKind: null, receivedOn: '' });
    expect((await admin.call('inputs.list')).map((i) => i.id)).toEqual([early.id, late.id, undated.id]);
    expect(admin.events).toContainEqual({ kind: 'changed', what: ['inputs'] });

    const edited = await admin.call('inputs.update', { id: undated.id, title: 'Town-hall meeting, Northern Region', receivedOn: '2026-01-15', sourceOrganizationId: ngo.id, themes: [] });
    expect(edited).toMatchObject({ title: 'Town-hall meeting, Northern Region', receivedOn: '2026-01-15', sourceOrganizationName: 'Children’s Rights Coalition', channel: 'public_consultation' });
    expect((await admin.call('inputs.list')).map((i) => i.id)).toEqual([undated.id, early.id, late.id]);

    expect(await admin.reply('inputs.create', { title: '  ' })).toMatchObject({ ok: false, error: { key: 'invalidInput', params: { field: 'title' } } });
    expect(await admin.reply('inputs.create', { title: 'x', receivedOn: '10/03/2026' })).toMatchObject({ ok: false, error: { params: { field: 'receivedOn' } } });
    expect(await admin.reply('inputs.create', { title: 'x', sourceOrganizationId: 'gone' })).toMatchObject({ ok: false, error: { key: 'organizationMissing' } });
    expect(await admin.reply('inputs.update', { id: early.id, sourceOrganizationId: 'gone' })).toMatchObject({ ok: false, error: { key: 'organizationMissing' } });

    expect(await admin.call('inputs.delete', { id: early.id })).toEqual({ id: early.id });
    expect((await admin.call('inputs.list')).map((i) => i.id)).toEqual([undated.id, late.id]);
    expect(await admin.reply('inputs.update', { id: early.id, title: 'Back' })).toMatchObject({ ok: false, error: { key: 'inputMissing' } });
  });

  it('link to sections and recommendations by a row made from both ends; unlinking and linking again reuse it', async () => {
    const { admin, ctx, section, report, count } = await setUp();
    importRecommendations(ctx, [rec('121.2'), rec('121.10')], [], 'list');
    const second = await admin.call('sections.create', { title: 'Achievements' });
    const input = await admin.call('inputs.create', { title: 'Submission' });
    const link = (targetKind: 'section' | 'recommendation', targetId: string, linked: boolean) => admin.call('inputs.link', { inputId: input.id, targetKind, targetId, linked });

    await link('recommendation', recommendationId('121.10'), true);
    await link('recommendation', recommendationId('121.2'), true);
    await link('section', second.id, true);
    const linked = await link('section', section.id, true);
    expect(linked.sectionIds).toEqual([section.id, second.id]);
    expect(linked.recommendationIds).toEqual([recommendationId('121.2'), recommendationId('121.10')]);
    const id = inputLinkId(input.id, 'section', section.id);
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(report.db.prepare('SELECT input_id, target_kind, target_id FROM input_links WHERE id = ?').get(id)).toEqual({ input_id: input.id, target_kind: 'section', target_id: section.id });

    const logged = count('change_log');
    await link('section', section.id, true);
    expect(count('change_log')).toBe(logged);

    expect((await link('section', section.id, false)).sectionIds).toEqual([second.id]);
    expect((await link('section', section.id, true)).sectionIds).toEqual([section.id, second.id]);
    expect(count('input_links')).toBe(4);

    // A section deleted since no longer shows as linked.
    await admin.call('sections.delete', { id: second.id });
    expect(listInputs(report.db)[0]!.sectionIds).toEqual([section.id]);

    expect(await admin.reply('inputs.link', { inputId: input.id, targetKind: 'recommendation', targetId: 'rec-999-1', linked: true })).toMatchObject({ ok: false, error: { key: 'recommendationMissing' } });
    expect(await admin.reply('inputs.link', { inputId: input.id, targetKind: 'section', targetId: 'nope', linked: true })).toMatchObject({ ok: false, error: { key: 'sectionMissing' } });
    expect(await admin.reply('inputs.link', { inputId: 'nope', targetKind: 'section', targetId: section.id, linked: true })).toMatchObject({ ok: false, error: { key: 'inputMissing' } });
  });

  it('record a disposition, who decided and when; partly or not reflected needs a rationale', async () => {
    const { admin } = await setUp();
    const input = await admin.call('inputs.create', { title: 'Submission' });
    for (const disposition of ['partly_reflected', 'not_reflected'] as const) {
      expect(await admin.reply('inputs.decide', { inputId: input.id, disposition, rationale: '  ' })).toMatchObject({ ok: false, error: { key: 'inputRationaleRequired' } });
    }
    expect((await admin.call('inputs.list'))[0]!.disposition).toBeNull();

    const reflected = await admin.call('inputs.decide', { inputId: input.id, disposition: 'reflected' });
    expect(reflected).toMatchObject({ disposition: 'reflected', rationale: '', decidedByName: 'Sam Secretariat' });
    expect(Date.parse(reflected.decidedAt)).toBeGreaterThan(Date.now() - 60_000);

    const not = await admin.call('inputs.decide', { inputId: input.id, disposition: 'not_reflected', rationale: 'Outside the period under review.' });
    expect(not).toMatchObject({ disposition: 'not_reflected', rationale: 'Outside the period under review.' });
  });

  it('are changed only by the secretariat, and read only by people who have said who they are', async () => {
    const { admin, drafter, reviewer, observer, host, file, section } = await setUp();
    const input = await admin.call('inputs.create', { title: 'Submission' });
    const tries: Array<[string, Record<string, unknown>]> = [
      ['inputs.create', { title: 'Mine' }],
      ['inputs.update', { id: input.id, title: 'Mine' }],
      ['inputs.delete', { id: input.id }],
      ['inputs.link', { inputId: input.id, targetKind: 'section', targetId: section.id, linked: true }],
      ['inputs.decide', { inputId: input.id, disposition: 'reflected' }],
      ['inputs.attach', { inputId: input.id, name: 'a.txt', data: b64('hello') }],
      ['inputs.attachFile', { inputId: input.id, path: '/etc/hostname' }],
    ];
    for (const [client, role] of [[drafter, 'drafter'], [reviewer, 'reviewer'], [observer, 'observer']] as const) {
      for (const [method, args] of tries) {
        expect(await client.reply(method as 'inputs.create', args), `${role} ${method}`).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'inputsSecretariatOnly', params: { role } } });
      }
      expect((await client.call('inputs.list')).map((i) => i.title)).toEqual(['Submission']);
    }
    const anonymous = new TestClient(host);
    await anonymous.call('app.openReport', { path: file });
    expect(await anonymous.reply('inputs.list')).toMatchObject({ ok: false, error: { key: 'sayWhoBeforeReading' } });
    expect(await anonymous.reply('inputs.create', { title: 'x' })).toMatchObject({ ok: false, error: { key: 'sayWhoFirst' } });
  });
});

describe('attachments', () => {
  it('store the same bytes once, however often they are attached, and read back the same bytes', async () => {
    const { admin, observer, count } = await setUp();
    const one = await admin.call('inputs.create', { title: 'Submission' });
    const two = await admin.call('inputs.create', { title: 'The same submission, sent again' });
    const bytes = Buffer.from('%PDF-1.7\n\u0000\u00ff binary \u0001 content\n');
    const first = await admin.call('inputs.attach', { inputId: one.id, name: 'C:\\Users\\ngo\\submission.pdf', mediaType: 'application/pdf', data: b64(bytes) });
    const second = await admin.call('inputs.attach', { inputId: two.id, name: 'submission (1).pdf', data: b64(bytes) });
    expect(first.attachments).toEqual([{ id: expect.any(String), name: 'submission.pdf', mediaType: 'application/pdf', size: bytes.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(second.attachments[0]).toMatchObject({ name: 'submission (1).pdf', mediaType: 'application/pdf', sha256: first.attachments[0]!.sha256 });
    expect(count('blobs')).toBe(1);
    expect(count('attachments')).toBe(2);

    const read = await observer.call('inputs.attachment', { id: first.attachments[0]!.id });
    expect(read).toMatchObject({ name: 'submission.pdf', mediaType: 'application/pdf' });
    expect(Buffer.from(read.data, 'base64').equals(bytes)).toBe(true);

    const detached = await admin.call('inputs.detach', { id: first.attachments[0]!.id });
    expect(detached.attachments).toEqual([]);
    expect(await admin.reply('inputs.attachment', { id: first.attachments[0]!.id })).toMatchObject({ ok: false, error: { key: 'attachmentMissing' } });
    // The other input's copy still opens: the bytes stay.
    expect(await admin.call('inputs.attachment', { id: second.attachments[0]!.id })).toMatchObject({ data: b64(bytes) });
  });

  it('refuse a file over 50 MB, saying how large it is, and write nothing', async () => {
    const { admin, ctx, count } = await setUp();
    const input = await admin.call('inputs.create', { title: 'Submission' });
    const before = [count('change_log'), count('blobs'), count('attachments')];
    // Sparse: the size is checked before a byte is read.
    const big = path.join(tempDir(), 'report.pdf');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 63 * MB);
    expect(await admin.reply('inputs.attachFile', { inputId: input.id, path: big })).toMatchObject({
      ok: false,
      error: { code: 'invalid', key: 'attachmentTooLarge', message: '“report.pdf” is 63 MB; attachments can be at most 50 MB.' },
    });
    expect(() => addAttachment(ctx, input.id, { name: 'scan.tiff', mediaType: '', bytes: Buffer.alloc(50 * MB + 1) })).toThrow(
      '“scan.tiff” is 50.1 MB; attachments can be at most 50 MB.',
    );
    expect([count('change_log'), count('blobs'), count('attachments')]).toEqual(before);
    expect([megabytes(9.54 * MB), megabytes(12.4 * MB), megabytes(3 * 1024)]).toEqual([9.5, 12, 0]);
  });

  it('refuse an empty file, a folder and a file that is not there', async () => {
    const { admin, count } = await setUp();
    const input = await admin.call('inputs.create', { title: 'Submission' });
    const dir = tempDir();
    const empty = path.join(dir, 'empty.docx');
    fs.writeFileSync(empty, '');
    expect(await admin.reply('inputs.attach', { inputId: input.id, name: 'empty.docx', data: '' })).toMatchObject({ ok: false, error: { key: 'attachmentEmpty', message: '“empty.docx” is empty; there is nothing to attach.' } });
    expect(await admin.reply('inputs.attachFile', { inputId: input.id, path: empty })).toMatchObject({ ok: false, error: { key: 'attachmentEmpty' } });
    expect(await admin.reply('inputs.attachFile', { inputId: input.id, path: dir })).toMatchObject({ ok: false, error: { key: 'notAFile' } });
    expect(await admin.reply('inputs.attachFile', { inputId: input.id, path: path.join(dir, 'gone.pdf') })).toMatchObject({ ok: false, error: { key: 'noFile' } });
    expect(count('attachments')).toBe(0);
  });

  it('attach a file from disk with its media type guessed from its name', async () => {
    const { admin } = await setUp();
    const input = await admin.call('inputs.create', { title: 'Submission' });
    const file = path.join(tempDir(), 'Minutes 12 May.docx');
    fs.writeFileSync(file, 'PK minutes');
    const attached = await admin.call('inputs.attachFile', { inputId: input.id, path: file });
    expect(attached.attachments[0]).toMatchObject({
      name: 'Minutes 12 May.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: 10,
    });
    expect(Buffer.from((await admin.call('inputs.attachment', { id: attached.attachments[0]!.id })).data, 'base64').toString()).toBe('PK minutes');
  });

  it('keep names safe to show: no path, no control characters, at most 255 characters', () => {
    expect(attachmentName('../../etc/passwd')).toBe('passwd');
    expect(attachmentName('a\u0000b\u0007c\n.pdf')).toBe('abc.pdf');
    expect(attachmentName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(attachmentName('..')).toBe('attachment');
    expect(attachmentName('dir/')).toBe('attachment');
    const long = attachmentName(`${'é'.repeat(300)}.pdf`);
    expect([...long].length).toBe(255);
    expect(long.endsWith('é.pdf')).toBe(true);
  });

  it('say an attachment is damaged when its stored bytes no longer match their hash', async () => {
    const { admin, report } = await setUp();
    const input = await admin.call('inputs.create', { title: 'Submission' });
    const attached = await admin.call('inputs.attach', { inputId: input.id, name: 'minutes.txt', mediaType: 'text/plain; charset=utf-8', data: b64('The minutes.') });
    const { id, sha256, mediaType } = attached.attachments[0]!;
    expect(mediaType).toBe('text/plain');
    report.db.prepare('UPDATE blobs SET data = ? WHERE sha256 = ?').run(Buffer.from('The minutes!'), sha256);
    expect(() => attachmentContent(report.db, id)).toThrow('“minutes.txt” is damaged in this report file');
    expect(await admin.reply('inputs.attachment', { id })).toMatchObject({ ok: false, error: { code: 'damaged', key: 'attachmentDamaged' } });
    report.db.prepare('DELETE FROM blobs WHERE sha256 = ?').run(sha256);
    expect(await admin.reply('inputs.attachment', { id })).toMatchObject({ ok: false, error: { key: 'attachmentNotHere' } });
  });
});

describe('inputs in the change log', () => {
  it('rebuild identically from it; the attached bytes, outside it, stay', async () => {
    const { admin, ctx, report, section, ngo } = await setUp();
    importRecommendations(ctx, [rec('121.2')], [], 'list');
    const a = await admin.call('inputs.create', { title: 'Joint submission', sourceOrganizationId: ngo.id, receivedOn: '2026-03-10', themes: ['Children'] });
    const b = await admin.call('inputs.create', { title: 'Withdrawn', receivedOn: '2026-03-11' });
    await admin.call('inputs.update', { id: a.id, summary: 'Juvenile justice.' });
    await admin.call('inputs.link', { inputId: a.id, targetKind: 'section', targetId: section.id, linked: true });
    await admin.call('inputs.link', { inputId: a.id, targetKind: 'recommendation', targetId: recommendationId('121.2'), linked: true });
    await admin.call('inputs.link', { inputId: b.id, targetKind: 'section', targetId: section.id, linked: true });
    await admin.call('inputs.link', { inputId: b.id, targetKind: 'section', targetId: section.id, linked: false });
    await admin.call('inputs.decide', { inputId: a.id, disposition: 'partly_reflected', rationale: 'In part.' });
    const withFiles = await admin.call('inputs.attach', { inputId: a.id, name: 'one.txt', data: b64('one') });
    await admin.call('inputs.attach', { inputId: a.id, name: 'two.txt', data: b64('two') });
    await admin.call('inputs.detach', { id: withFiles.attachments[0]!.id });
    await admin.call('inputs.delete', { id: b.id });

    const tables = ['inputs', 'input_links', 'attachments', 'blobs'].map((t) => report.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all());
    const before = listInputs(report.db);
    rebuildMaterializedTables(report.db);
    expect(['inputs', 'input_links', 'attachments', 'blobs'].map((t) => report.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all())).toEqual(tables);
    expect(listInputs(report.db)).toEqual(before);
    expect(before).toHaveLength(1);
    expect(attachmentContent(report.db, before[0]!.attachments[0]!.id).bytes.toString()).toBe('two');
  });
});
