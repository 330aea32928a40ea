import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withoutAnnotations } from '../../shared/annotations.js';
import { markUpdate, replaceUpdate, reviewReport, typeParagraphs } from './review-helpers.js';

const P1 = 'The Government adopted a national action plan on human rights in 2023.';
const P2 = 'The Ombudsperson received 1,200 complaints, most of them about detention.';

async function withText() {
  const r = await reviewReport();
  await typeParagraphs(r.admin, r.section.id, [P1, P2]);
  return r;
}

describe('comments on a passage', () => {
  it('a reviewer marks a passage: the mark is in the text, the quote and thread in the matrix, the text unchanged', async () => {
    const r = await withText();
    const before = await r.admin.call('text.content', { sectionId: r.section.id });
    const anchor = await markUpdate(r.reviewer, r.section.id, 'national action plan', 'c-1');
    const c = await r.reviewer.call('comments.create', {
      id: 'c-1',
      sectionId: r.section.id,
      type: 'substantive',
      body: 'Name the plan and its period.',
      proposed: 'National Action Plan on Human Rights 2023–2027',
      anchor,
    });
    expect(c).toMatchObject({
      number: 1,
      sectionLabel: 'A',
      anchored: true,
      detached: false,
      quote: 'national action plan',
      authorName: 'Rita Reviewer',
      organizationName: 'National Human Rights Commission',
      state: 'open',
      disposition: null,
    });
    const after = await r.admin.call('text.content', { sectionId: r.section.id });
    expect(after.plain).toBe(before.plain);
    expect(JSON.stringify(after.json)).toContain('"type":"mark"');
    // Without annotations the text is exactly what it was before the comment.
    expect(withoutAnnotations(after.json as never)).toEqual(withoutAnnotations(before.json as never));
    expect(JSON.stringify(withoutAnnotations(after.json as never))).not.toContain('mark');
    const ws = await r.admin.call('workspace.load');
    expect(ws.sections.find((s) => s.id === r.section.id)!.openComments).toBe(1);
  });

  it('overlapping comments each keep their own passage', async () => {
    const r = await withText();
    await r.reviewer.call('comments.create', {
      id: 'c-a', sectionId: r.section.id, type: 'editorial', body: 'Capitals.',
      anchor: await markUpdate(r.reviewer, r.section.id, 'national action plan on human rights', 'c-a'),
    });
    await r.drafter.call('comments.create', {
      id: 'c-b', sectionId: r.section.id, type: 'critical', body: 'Which year?',
      anchor: await markUpdate(r.drafter, r.section.id, 'human rights in 2023', 'c-b'),
    });
    const list = await r.admin.call('comments.list', {});
    expect(list.map((c) => [c.number, c.quote, c.detached])).toEqual([
      [1, 'national action plan on human rights', false],
      [2, 'human rights in 2023', false],
    ]);
    const content = await r.admin.call('text.content', { sectionId: r.section.id });
    expect(content.plain).toContain(P1);
  });

  it('a crafted anchor that changes the text is refused and nothing is saved', async () => {
    const r = await withText();
    const before = await r.admin.call('text.content', { sectionId: r.section.id });
    const crafted = await replaceUpdate(r.reviewer, r.section.id, '2023', '2019');
    const reply = await r.reviewer.reply('comments.create', { id: 'c-x', sectionId: r.section.id, type: 'editorial', body: 'x', anchor: crafted });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/cannot? change the text|not change the text/) } });
    expect(await r.admin.call('comments.list', {})).toEqual([]);
    expect((await r.admin.call('text.content', { sectionId: r.section.id })).plain).toBe(before.plain);
    // Nor may a reviewer push text directly.
    const push = await r.reviewer.reply('text.push', { sectionId: r.section.id, update: crafted });
    expect(push).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a passage can be typed instead of selected (from the keyboard); words not in the text are refused', async () => {
    const r = await withText();
    const c = await r.reviewer.call('comments.create', {
      id: 'c-1', sectionId: r.section.id, type: 'editorial', body: 'Give the plan its title.', passage: 'national action plan',
    });
    expect(c).toMatchObject({ anchored: true, detached: false, quote: 'national action plan' });
    const text = await r.admin.call('text.content', { sectionId: r.section.id });
    expect(JSON.stringify(text.json)).toContain('"ids":["c-1"]');
    // The tab that made it is told too: the mark was made in the main process.
    expect(r.reviewer.events).toContainEqual(expect.objectContaining({ kind: 'text', sectionId: r.section.id, origin: '' }));
    const missing = await r.reviewer.reply('comments.create', { id: 'c-2', sectionId: r.section.id, type: 'editorial', body: 'x', passage: 'not in this text' });
    expect(missing).toMatchObject({ ok: false, error: { key: 'passageNotFound' } });
    expect((await r.admin.call('comments.list', {})).map((x) => x.id)).toEqual(['c-1']);
  });

  it('when the passage is deleted the comment stays, detached, with its quote', async () => {
    const r = await withText();
    await r.reviewer.call('comments.create', {
      id: 'c-1', sectionId: r.section.id, type: 'substantive', body: 'How many were upheld?',
      anchor: await markUpdate(r.reviewer, r.section.id, '1,200 complaints', 'c-1'),
    });
    await r.drafter.call('text.push', { sectionId: r.section.id, update: await replaceUpdate(r.drafter, r.section.id, 'The Ombudsperson received 1,200 complaints, most of them about detention.', '') });
    const [c] = await r.admin.call('comments.list', {});
    expect(c).toMatchObject({ detached: true, quote: '1,200 complaints', body: 'How many were upheld?', state: 'open' });
  });
});

describe('answering comments', () => {
  it('the drafter applies the proposed wording with one click: the passage is replaced, by them, and accepted', async () => {
    const r = await withText();
    await r.reviewer.call('comments.create', {
      id: 'c-1', sectionId: r.section.id, type: 'editorial', body: 'Use the plan’s name.',
      proposed: 'National Action Plan on Human Rights 2023–2027',
      anchor: await markUpdate(r.reviewer, r.section.id, 'national action plan on human rights in 2023', 'c-1'),
    });
    const c = await r.drafter.call('comments.applyProposal', { commentId: 'c-1' });
    expect(c).toMatchObject({ disposition: 'accepted', decidedByName: 'Dana Drafter', appliedByName: 'Dana Drafter', detached: false, state: 'answered' });
    const text = await r.admin.call('text.content', { sectionId: r.section.id });
    expect(text.plain).toContain('The Government adopted a National Action Plan on Human Rights 2023–2027.');
    const db = new Database(r.file, { readonly: true });
    const last = db.prepare('SELECT author FROM section_updates WHERE section_id = ? ORDER BY seq DESC LIMIT 1').get(r.section.id) as { author: string };
    const drafterId = (db.prepare("SELECT id FROM members WHERE name = 'Dana Drafter'").get() as { id: string }).id;
    db.close();
    expect(last.author).toBe(drafterId);
  });

  it('a disposition of "not accepted" needs a rationale; reviewers and other ministries cannot record one', async () => {
    const r = await withText();
    await r.reviewer.call('comments.create', { id: 'c-1', sectionId: r.section.id, type: 'critical', body: 'Remove this paragraph.' });
    expect(await r.drafter.reply('comments.decide', { commentId: 'c-1', disposition: 'not_accepted' })).toMatchObject({
      ok: false,
      error: { key: 'rationaleRequired' },
    });
    expect(await r.reviewer.reply('comments.decide', { commentId: 'c-1', disposition: 'accepted' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', key: 'answerLeadOnly' },
    });
    expect(await r.reviewer.reply('comments.applyProposal', { commentId: 'c-1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const c = await r.drafter.call('comments.decide', { commentId: 'c-1', disposition: 'not_accepted', rationale: 'The paragraph answers recommendation 115.23.' });
    expect(c).toMatchObject({ anchored: false, disposition: 'not_accepted', rationale: 'The paragraph answers recommendation 115.23.', state: 'answered' });
  });

  it('threads take replies until closed; observers cannot comment; the secretariat closes and reopens', async () => {
    const r = await withText();
    expect(await r.observer.reply('comments.create', { id: 'c-0', sectionId: r.section.id, type: 'editorial', body: 'x' })).toMatchObject({
      ok: false,
      error: { key: 'cannotComment' },
    });
    await r.reviewer.call('comments.create', { id: 'c-1', sectionId: r.section.id, type: 'substantive', body: 'Add figures for 2024.' });
    await r.drafter.call('comments.reply', { commentId: 'c-1', body: 'The 2024 figures are not published yet.' });
    await r.reviewer.call('comments.reply', { commentId: 'c-1', body: 'Then say so.' });
    let c = await r.admin.call('comments.setStatus', { commentId: 'c-1', status: 'closed' });
    expect(c.replies.map((x) => `${x.authorName}: ${x.body}`)).toEqual([
      'Dana Drafter: The 2024 figures are not published yet.',
      'Rita Reviewer: Then say so.',
    ]);
    expect(c).toMatchObject({ state: 'closed', closedByName: 'Sam Secretariat' });
    expect(await r.drafter.reply('comments.reply', { commentId: 'c-1', body: 'late' })).toMatchObject({ ok: false, error: { key: 'commentClosed' } });
    expect(await r.drafter.reply('comments.setStatus', { commentId: 'c-1', status: 'open' })).toMatchObject({ ok: false, error: { key: 'closeNotAllowed' } });
    c = await r.reviewer.call('comments.setStatus', { commentId: 'c-1', status: 'open' });
    expect(c.state).toBe('open');
    const ws = await r.admin.call('workspace.load');
    expect(ws.sections.find((s) => s.id === r.section.id)!.openComments).toBe(1);
  });

  it('comments travel through the change log: rebuilding the tables from it gives the same comments', async () => {
    const r = await withText();
    await r.reviewer.call('comments.create', { id: 'c-1', sectionId: r.section.id, type: 'substantive', body: 'One.' });
    await r.drafter.call('comments.decide', { commentId: 'c-1', disposition: 'accepted_with_modification', rationale: 'Shortened.' });
    await r.drafter.call('comments.reply', { commentId: 'c-1', body: 'Done.' });
    const before = await r.admin.call('comments.list', {});
    r.host.closeAll();
    const db = new Database(r.file);
    const { rebuildMaterializedTables } = await import('../../electron/sync/changes.js');
    const read = () => [db.prepare('SELECT * FROM comments').all(), db.prepare('SELECT * FROM comment_replies').all()];
    const tables = read();
    rebuildMaterializedTables(db);
    expect(read()).toEqual(tables);
    db.close();
    expect(before[0]).toMatchObject({ disposition: 'accepted_with_modification', replies: [{ body: 'Done.' }] });
  });
});

describe('upr info', () => {
  it('counts comments by where they stand, and those whose passage was deleted', async () => {
    const r = await withText();
    await r.reviewer.call('comments.create', {
      id: 'c-1', sectionId: r.section.id, type: 'substantive', body: 'One.',
      anchor: await markUpdate(r.reviewer, r.section.id, '1,200 complaints', 'c-1'),
    });
    await r.reviewer.call('comments.create', { id: 'c-2', sectionId: r.section.id, type: 'editorial', body: 'Two.' });
    await r.reviewer.call('comments.create', { id: 'c-3', sectionId: r.section.id, type: 'critical', body: 'Three.' });
    await r.drafter.call('comments.decide', { commentId: 'c-2', disposition: 'accepted' });
    await r.admin.call('comments.setStatus', { commentId: 'c-3', status: 'closed' });
    await r.drafter.call('text.push', { sectionId: r.section.id, update: await replaceUpdate(r.drafter, r.section.id, P2, '') });
    const { reportInfo, formatInfo } = await import('../../electron/services/info.js');
    const info = reportInfo(r.host.attach(r.admin.client, r.file));
    expect(info.comments).toEqual({ total: 3, open: 1, answered: 1, closed: 1, detached: 1 });
    expect(formatInfo(info)).toContain('Comments: 3 (1 open, 1 answered, 1 closed; 1 whose passage was deleted)');
  });
});

describe('word counts in other windows', () => {
  it('are announced after typing even when a read refreshed the text cache first', async () => {
    const r = await withText();
    r.reviewer.events.length = 0;
    await typeParagraphs(r.drafter, r.section.id, ['One more paragraph of text.']);
    // A read in the meantime (the workspace, coverage, search) brings the cache up to date itself.
    await r.admin.call('workspace.load', {});
    await new Promise((done) => setTimeout(done, 1300));
    expect(r.reviewer.events).toContainEqual({ kind: 'changed', what: ['words'] });
  });
});
