import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bytesToBase64 } from '../../shared/base64.js';
import { newReport, TestClient } from './helpers.js';

async function setUp() {
  const { admin, host, file } = await newReport();
  const justice = await admin.call('organizations.create', { name: 'Ministry of Justice', kind: 'ministry' });
  const health = await admin.call('organizations.create', { name: 'Ministry of Health', kind: 'ministry' });
  const nhri = await admin.call('organizations.create', { name: 'National Human Rights Commission', kind: 'nhri' });
  await admin.call('members.create', { name: 'Dana Drafter', organizationId: justice.id, role: 'drafter' });
  await admin.call('members.create', { name: 'Hugo Health', organizationId: health.id, role: 'drafter' });
  await admin.call('members.create', { name: 'Rita Reviewer', organizationId: nhri.id, role: 'reviewer' });
  await admin.call('members.create', { name: 'Olga Observer', organizationId: nhri.id, role: 'observer' });
  const ws = await admin.call('workspace.load');
  const section = ws.sections[1];
  await admin.call('sections.update', { id: section.id, leadOrganizationId: justice.id, wordBudget: 1500, dueDate: '2027-01-15' });
  const as = async (name: string) => {
    const c = new TestClient(host);
    await c.call('app.openReport', { path: file });
    await c.signInAs(name);
    return c;
  };
  const someUpdate = () => {
    const doc = new Y.Doc();
    doc.get('root', Y.XmlText).insert(0, 'x');
    return bytesToBase64(Y.encodeStateAsUpdate(doc));
  };
  return { admin, host, file, section, other: ws.sections[2], as, someUpdate };
}

describe('permissions, checked in the services on every call', () => {
  it('a reviewer can read everything and change nothing, even with crafted calls', async () => {
    const { as, section, someUpdate } = await setUp();
    const reviewer = await as('Rita Reviewer');
    expect((await reviewer.call('workspace.load')).sections.length).toBe(7);
    expect((await reviewer.call('text.content', { sectionId: section.id })).words).toBe(0);
    const attempts = await Promise.all([
      reviewer.reply('text.push', { sectionId: section.id, update: someUpdate() }),
      reviewer.reply('sections.setStatus', { id: section.id, status: 'drafting' }),
      reviewer.reply('sections.update', { id: section.id, title: 'Mine now' }),
      reviewer.reply('sections.create', { title: 'New', parentId: null }),
      reviewer.reply('report.update', { wordLimit: 20000 }),
      reviewer.reply('members.create', { name: 'Eve', organizationId: 'x', role: 'secretariat' }),
    ]);
    for (const r of attempts) {
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/reviewer|secretariat/) } });
    }
    expect((await reviewer.call('text.content', { sectionId: section.id })).words).toBe(0);
  });

  it('an observer changes nothing', async () => {
    const { as, section } = await setUp();
    const observer = await as('Olga Observer');
    const r = await observer.reply('sections.setStatus', { id: section.id, status: 'drafting' });
    expect(r).toMatchObject({ ok: false, error: { message: 'Your role (observer) lets you read the report but not change its text.' } });
  });

  it("a drafter writes and moves the status of their organization's sections only, and cannot approve", async () => {
    const { as, section, other, someUpdate } = await setUp();
    const drafter = await as('Dana Drafter');
    expect(await drafter.reply('text.push', { sectionId: section.id, update: someUpdate() })).toMatchObject({ ok: true });
    expect(await drafter.reply('sections.setStatus', { id: section.id, status: 'drafting' })).toMatchObject({ ok: true });
    expect(await drafter.reply('sections.setStatus', { id: section.id, status: 'ready_for_review' })).toMatchObject({ ok: true });
    expect(await drafter.reply('sections.setStatus', { id: section.id, status: 'approved' })).toMatchObject({
      ok: false,
      error: { message: 'Only the secretariat can approve a section.' },
    });
    expect(await drafter.reply('text.push', { sectionId: other.id, update: someUpdate() })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/led by another organization/) },
    });
    expect(await drafter.reply('sections.update', { id: section.id, wordBudget: 99999 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('nobody changes anything before saying who they are', async () => {
    const { host, file, section } = await setUp();
    const anonymous = new TestClient(host);
    await anonymous.call('app.openReport', { path: file });
    expect(await anonymous.reply('sections.setStatus', { id: section.id, status: 'drafting' })).toMatchObject({
      ok: false,
      error: { code: 'no_identity', message: 'Say who you are before writing.' },
    });
  });

  it('a member whose role is taken away loses their rights at once', async () => {
    const { admin, as, section } = await setUp();
    const drafter = await as('Dana Drafter');
    const ws = await admin.call('workspace.load');
    const dana = ws.members.find((m: { name: string }) => m.name === 'Dana Drafter');
    await admin.call('members.update', { id: dana!.id, role: 'observer' });
    expect(await drafter.reply('sections.setStatus', { id: section.id, status: 'drafting' })).toMatchObject({ ok: false });
  });

  it('rejects malformed input with a readable message and unknown methods by name', async () => {
    const { admin, section } = await setUp();
    expect(await admin.reply('sections.update', { id: section.id, wordBudget: -5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringMatching(/wordBudget/) },
    });
    expect(await admin.reply('sections.update', { id: section.id, title: 'x'.repeat(301) })).toMatchObject({
      ok: false,
      error: { message: 'The title is longer than 300 characters' },
    });
    expect(await admin.reply('sections.update', { id: "'; DROP TABLE sections; --" })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await admin.reply('sections.explode' as never, {})).toMatchObject({ ok: false, error: { message: 'There is no action called “sections.explode”.' } });
  });
});
