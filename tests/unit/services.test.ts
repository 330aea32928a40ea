import path from 'node:path';
import { countWords } from '../../shared/words.js';
import { describe, expect, it } from 'vitest';
import { outlineOrder } from '../../shared/domain.js';
import { newHost, newReport, TestClient, tempDir } from './helpers.js';

describe('a new report', () => {
  it('has the 17/119 outline, the creator as secretariat, and the default word limit', async () => {
    const { admin } = await newReport();
    const ws = await admin.call('workspace.load');
    expect(ws.report).toMatchObject({ country: 'Testland', cycle: 4, language: 'en', wordLimit: 10_700 });
    expect(ws.report.title).toBe('Universal Periodic Review, 4th cycle, national report of Testland');
    expect(outlineOrder(ws.sections).map((e) => `${e.label}. ${e.section.title}`)).toEqual([
      'A. Methodology and consultation process',
      'B. Developments since the previous review: normative and institutional framework',
      'C. Promotion and protection of human rights on the ground',
      'D. Follow-up to the previous review',
      'E. Achievements, best practices, challenges and constraints',
      'F. Key national priorities, initiatives and commitments',
      'G. Capacity-building needs and requests for technical assistance',
    ]);
    expect(ws.me).toMatchObject({ name: 'Sam Secretariat', role: 'secretariat' });
    expect(ws.sections.every((s: { status: string }) => s.status === 'not_started')).toBe(true);
  });

  it('refuses to be created over an existing file', async () => {
    const dir = tempDir();
    await newReport(dir);
    const other = new TestClient(newHost());
    const reply = await other.reply('app.newReport', { path: path.join(dir, 'report.upr'), country: 'X', yourName: 'Y', yourOrganization: 'Z' });
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already exists/) } });
  });
});

describe('the outline', () => {
  it('can be renamed, reordered, nested, added to and deleted from', async () => {
    const { admin } = await newReport();
    let ws = await admin.call('workspace.load');
    const [a, b, c] = outlineOrder(ws.sections).map((e) => e.section);
    await admin.call('sections.update', { id: a.id, title: 'Methodology' });
    await admin.call('sections.move', { id: c.id, parentId: null, index: 0 });
    const sub = await admin.call('sections.create', { title: 'Legislation', parentId: b.id });
    const sub2 = await admin.call('sections.create', { title: 'Institutions', parentId: b.id });
    await admin.call('sections.move', { id: sub2.id, parentId: b.id, index: 0 });
    const extra = await admin.call('sections.create', { title: 'Annex', parentId: null });
    await admin.call('sections.create', { title: 'Inside the annex', parentId: extra.id });
    ws = await admin.call('workspace.load');
    const labels = outlineOrder(ws.sections).map((e) => `${e.label} ${e.section.title}`);
    expect(labels.slice(0, 5)).toEqual([
      'A Promotion and protection of human rights on the ground',
      'B Methodology',
      'C Developments since the previous review: normative and institutional framework',
      'C.1 Institutions',
      'C.2 Legislation',
    ]);
    expect(labels.slice(-2)).toEqual(['H Annex', 'H.1 Inside the annex']);
    await admin.call('sections.delete', { id: extra.id });
    ws = await admin.call('workspace.load');
    expect(ws.sections.map((s: { title: string }) => s.title)).not.toContain('Inside the annex');
    expect(ws.sections).toHaveLength(9);
    void sub;
  });

  it('will not put a section inside itself', async () => {
    const { admin } = await newReport();
    const ws = await admin.call('workspace.load');
    const b = ws.sections[1];
    const child = await admin.call('sections.create', { title: 'Child', parentId: b.id });
    const reply = await admin.reply('sections.move', { id: b.id, parentId: child.id, index: 0 });
    expect(reply).toMatchObject({ ok: false, error: { message: 'A section cannot be moved inside itself.' } });
  });
});

describe('people', () => {
  it('registers organizations and members with roles, and keeps at least one secretariat member', async () => {
    const { admin } = await newReport();
    const org = await admin.call('organizations.create', { name: 'Ministry of Justice', kind: 'ministry' });
    const drafter = await admin.call('members.create', { name: 'Dana Drafter', organizationId: org.id, role: 'drafter' });
    expect(drafter).toMatchObject({ organizationId: org.id, role: 'drafter' });
    const ws = await admin.call('workspace.load');
    const me = ws.me;
    const demote = await admin.reply('members.update', { id: me!.id, role: 'reviewer' });
    expect(demote).toMatchObject({ ok: false, error: { message: expect.stringMatching(/only member of the secretariat/) } });
    const removeOrg = await admin.reply('organizations.delete', { id: org.id });
    expect(removeOrg).toMatchObject({ ok: false, error: { message: expect.stringMatching(/still has 1 member/) } });
  });
});

describe('section text', () => {
  it('is stored as Yjs updates and read headless, with word counts that skip footnotes', async () => {
    const { admin, file, host } = await newReport();
    const ws = await admin.call('workspace.load');
    const a = ws.sections[0];
    const content = await admin.call('text.content', { sectionId: a.id });
    expect(content).toMatchObject({ plain: '', words: 0 });
    // Write through the same headless path the demo uses, then read it back after reopening.
    const { editSection } = await import('../../electron/docs/headless.js');
    const { textUpdates } = await import('../../electron/docs/section-text.js');
    const { $appendBlocks } = await import('../../electron/docs/blocks.js');
    const { $getRoot } = await import('lexical');
    const { bytesToBase64 } = await import('../../shared/base64.js');
    const report = admin.client.report!;
    const update = editSection(textUpdates(report.db, a.id), () => {
      $getRoot().clear();
      $appendBlocks($getRoot(), [{ p: ['The Government consulted widely.', { footnote: 'See annex one for the list.' }] }]);
    });
    await admin.call('text.push', { sectionId: a.id, update: bytesToBase64(update) });
    host.closeAll();
    const again = new TestClient(newHost());
    await again.call('app.openReport', { path: file });
    const after = await again.call('text.content', { sectionId: a.id });
    expect(after).toMatchObject({ plain: 'The Government consulted widely.', words: 4, footnoteWords: 6 });
    const reloaded = await again.call('workspace.load');
    // The new text's 4 words (not the footnote's) on top of the empty report's: its seven headings.
    expect(reloaded.totalWords - ws.totalWords).toBe(4);
    expect(ws.totalWords).toBe(ws.sections.reduce((sum, s) => sum + 1 + countWords(s.title), 0));
  });

  it('refuses an update that is not a Yjs update', async () => {
    const { admin } = await newReport();
    const ws = await admin.call('workspace.load');
    const reply = await admin.reply('text.push', { sectionId: ws.sections[0].id, update: 'AQID' });
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/could not be read/) } });
  });
});
