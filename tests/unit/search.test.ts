import { describe, expect, it } from 'vitest';
import type { RecommendationImport } from '../../shared/domain.js';
import type { SearchKind, SearchResults } from '../../shared/api.js';
import { listComments } from '../../electron/services/comments.js';
import { importRecommendations } from '../../electron/services/recommendations.js';
import { bringSearchIndexCurrent, CHANGED_SINCE, rebuildSearchIndex } from '../../electron/search/indexer.js';
import { parseQuery, matchExpression, snippetParts } from '../../electron/search/query.js';
import { SEARCH_SQL, searchReport } from '../../electron/search/search.js';
import { formatStamp } from '../../electron/sync/hlc.js';
import { getMember } from '../../electron/store/queries.js';
import type { OpenReport } from '../../electron/store/open-report.js';
import { reviewReport, typeParagraphs } from './review-helpers.js';
import { TestClient } from './helpers.js';

const P1 = 'In São Tomé and Príncipe the delegation met the Commissioner for Equality.';
const P2 = 'The Law on Free Legal Aid entered into force; recommendation 115.23 is implemented.';
const P3 = 'Free access to legal remedies and aid for victims of discrimination.';

const rec = (number: string, text: string, more: Partial<RecommendationImport> = {}): RecommendationImport => ({
  number,
  text,
  states: ['Portugal'],
  position: 'supported',
  positionSource: '',
  cluster: 'Equality and non-discrimination',
  themes: ['Equality & non-discrimination'],
  groups: ['Women & girls'],
  sdgs: [5, 10],
  ...more,
});

/** A report with text in two sections, three recommendations, two inputs and a comment with a reply. */
async function searchableReport() {
  const r = await reviewReport();
  const report = r.admin.client.report!;
  const me = getMember(report.db, r.admin.client.memberId!)!;
  const ws = await r.admin.call('workspace.load');
  const other = ws.sections[2]!;
  await typeParagraphs(r.admin, r.section.id, [P1, P2]);
  await typeParagraphs(r.admin, other.id, [P3]);
  importRecommendations(
    { report, me },
    [
      rec('115.23', 'Ratify the Istanbul Convention on preventing violence against women.', { states: ['Iran (Islamic Republic of)', 'Brazil'] }),
      rec('115.230', 'Strengthen the Ombudsperson office.'),
      rec('116.4', 'Guarantee free legal aid in criminal proceedings.', { position: 'noted', states: ['Côte d’Ivoire'] }),
    ],
    [],
    'list.docx',
  );
  writeInput(report, me.id, 'in-1', {
    title: 'Joint submission of the Coalition for the Rights of the Child',
    summary: 'Calls for an end to the institutionalization of children.',
    full_text: 'The coalition documented 240 children in residential care in Bissau.',
    source_organization_id: r.nhri.id,
    themes: '["Rights of the child"]',
  });
  writeInput(report, me.id, 'in-2', { title: 'Minutes of the public consultation in Mindelo', summary: 'Participants raised pension coverage.' });
  const comment = await r.reviewer.call('comments.create', {
    id: 'c-1',
    sectionId: other.id,
    type: 'substantive',
    body: 'Please give the budget of the helpline.',
  });
  await r.admin.call('comments.reply', { commentId: comment.id, body: 'The Treasury confirms 3 million euros.' });
  return { ...r, report, me, other };
}

/** Inputs written cell by cell through the change log, as the inputs service writes them. */
function writeInput(report: OpenReport, author: string, id: string, cells: Record<string, string | number | null>): void {
  report.write(
    author,
    Object.entries({ created_at: '2026-02-01T10:00:00.000Z', deleted: 0, ...cells }).map(([column, value]) => ({ table: 'inputs', row: id, column, value })),
  );
}

const ids = (results: SearchResults, kind: SearchKind) => results.groups.find((g) => g.kind === kind)!.hits.map((h) => h.id);
const titles = (results: SearchResults, kind: SearchKind) => results.groups.find((g) => g.kind === kind)!.hits.map((h) => h.title);
const all = (results: SearchResults) => results.groups.flatMap((g) => g.hits.map((h) => `${g.kind}:${h.id}`));
const hits = (results: SearchResults, kind: SearchKind) =>
  results.groups.find((g) => g.kind === kind)!.hits.map((h) => h.snippet.filter((p) => p.hit).map((p) => p.text.toLowerCase()));

describe('search query parsing', () => {
  it('quotes every word, keeps phrases together and makes the word being typed a prefix', () => {
    expect(parseQuery('free legal ai')).toEqual([
      { text: 'free', phrase: false, prefix: false },
      { text: 'legal', phrase: false, prefix: false },
      { text: 'ai', phrase: false, prefix: true },
    ]);
    expect(parseQuery('"legal aid" free ')).toEqual([
      { text: 'legal aid', phrase: true, prefix: false },
      { text: 'free', phrase: false, prefix: false },
    ]);
    // One letter is a word: as a prefix it would match most of the report.
    expect(parseQuery('free a').at(-1)).toEqual({ text: 'a', phrase: false, prefix: false });
    // A phrase whose closing quote is not typed yet is still being typed.
    expect(parseQuery('"legal ai')).toEqual([{ text: 'legal ai', phrase: true, prefix: true }]);
    expect(matchExpression('section', parseQuery('NEAR(a b) OR "x" -y'))).toBe(
      'kind : "section" AND {title body tags} : ("NEAR(a" AND "b)" AND "OR" AND "x" AND "-y")',
    );
  });

  it('drops what has no letter or digit, so punctuation alone looks for nothing', () => {
    expect(parseQuery('" * ( ) - ; ^ :')).toEqual([]);
    expect(matchExpression('comment', parseQuery('""'))).toBeNull();
  });

  it('splits snippets into text and hits, whatever the text holds', () => {
    expect(snippetParts('…the \u0002Law\u0003 on \u0002Free\u0003\n\n<b>Legal</b>…')).toEqual([
      { text: '…the ', hit: false },
      { text: 'Law', hit: true },
      { text: ' on ', hit: false },
      { text: 'Free', hit: true },
      { text: ' <b>Legal</b>…', hit: false },
    ]);
  });
});

describe('searching the report', () => {
  it('finds sections, recommendations, inputs and comments, each with a title to show and the hits marked', async () => {
    const r = await searchableReport();
    const db = r.report.db;
    expect(ids(searchReport(db, 'Commissioner equality'), 'section')).toEqual([r.section.id]);
    const section = searchReport(db, 'Commissioner').groups[0]!.hits[0]!;
    expect(section).toMatchObject({ kind: 'section', sectionId: null, title: `A ${r.section.title}` });
    expect(section.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['Commissioner']);

    const istanbul = searchReport(db, 'istanbul convention');
    expect(istanbul.groups.find((g) => g.kind === 'recommendation')!.hits).toMatchObject([
      { id: 'rec-115-23', title: '115.23', detail: 'Iran (Islamic Republic of), Brazil' },
    ]);
    // Found by a recommending State, a theme or an SDG too.
    expect(ids(searchReport(db, 'Ivoire'), 'recommendation')).toEqual(['rec-116-4']);
    expect(ids(searchReport(db, 'SDG 10'), 'recommendation')).toHaveLength(3);

    const coalition = searchReport(db, 'residential care');
    expect(coalition.groups.find((g) => g.kind === 'input')!.hits).toMatchObject([
      { id: 'in-1', title: 'Joint submission of the Coalition for the Rights of the Child', detail: 'National Human Rights Commission' },
    ]);
    expect(ids(searchReport(db, 'Mindelo'), 'input')).toEqual(['in-2']);

    // A comment is found by its body and by its replies, and leads to its section.
    for (const q of ['helpline budget', 'Treasury']) {
      expect(searchReport(db, q).groups.find((g) => g.kind === 'comment')!.hits, q).toMatchObject([
        { id: 'c-1', sectionId: r.other.id, title: 'Comment 1', detail: `C ${r.other.title}` },
      ]);
    }
  });

  it('groups every kind in the same order, and says when there are more hits than asked for', async () => {
    const r = await searchableReport();
    const found = searchReport(r.report.db, 'aid', { limit: 1 });
    expect(found.groups.map((g) => g.kind)).toEqual(['section', 'recommendation', 'input', 'comment']);
    expect(found.groups[0]).toMatchObject({ more: true });
    expect(found.groups[0]!.hits).toHaveLength(1);
    expect(searchReport(r.report.db, 'aid', { limit: 5 }).groups[0]).toMatchObject({ more: false });
  });

  it('ignores diacritics either way: "Sao Tome" finds São Tomé and "Côte" finds Cote', async () => {
    const r = await searchableReport();
    expect(ids(searchReport(r.report.db, 'Sao Tome principe'), 'section')).toEqual([r.section.id]);
    expect(hits(searchReport(r.report.db, 'sao tome'), 'section')).toEqual([['são', 'tomé']]);
    expect(ids(searchReport(r.report.db, 'Côte'), 'recommendation')).toEqual(['rec-116-4']);
    expect(ids(searchReport(r.report.db, 'COTE'), 'recommendation')).toEqual(['rec-116-4']);
  });

  it('treats the word being typed as a prefix, and a finished word as a word', async () => {
    const r = await searchableReport();
    expect(ids(searchReport(r.report.db, 'discrim'), 'section')).toEqual([r.other.id]);
    expect(ids(searchReport(r.report.db, 'discrim '), 'section')).toEqual([]);
    expect(ids(searchReport(r.report.db, 'legal discrimination'), 'section')).toEqual([r.other.id]);
  });

  it('matches a quoted phrase only where its words follow each other', async () => {
    const r = await searchableReport();
    expect(ids(searchReport(r.report.db, 'free legal aid'), 'section').sort()).toEqual([r.section.id, r.other.id].sort());
    expect(ids(searchReport(r.report.db, '"free legal aid"'), 'section')).toEqual([r.section.id]);
    expect(ids(searchReport(r.report.db, '"free legal aid"'), 'recommendation')).toEqual(['rec-116-4']);
  });

  it('finds a recommendation by its number, that one first, and the text that cites it', async () => {
    const r = await searchableReport();
    const found = searchReport(r.report.db, '115.23');
    expect(ids(found, 'recommendation')).toEqual(['rec-115-23', 'rec-115-230']);
    expect(ids(found, 'section')).toEqual([r.section.id]);
    expect(ids(searchReport(r.report.db, '115.23 '), 'recommendation')).toEqual(['rec-115-23']);
    expect(ids(searchReport(r.report.db, '116.4'), 'recommendation')).toEqual(['rec-116-4']);
    // While typing it, the numbers that start so.
    expect(ids(searchReport(r.report.db, '115.2'), 'recommendation').sort()).toEqual(['rec-115-23', 'rec-115-230']);
  });

  it('answers any query with results or nothing, never an error', async () => {
    const r = await searchableReport();
    const hostile = [
      '"', '""', '"""', '*', '**', 'aid*', '*aid', 'NEAR(', 'NEAR(aid legal, 2)', ')', '(', '-', '-aid', 'aid -legal', 'aid OR legal', 'NOT aid',
      'AND', 'title:aid', '{title}: aid', '^aid', '+', "'; DROP TABLE sections; --", "' OR 1=1 --", 'aid\u0000legal', '\u0002aid\u0003', ':', '.', '115.', '.23',
      '\\', '%', '_', 'aid" OR "x', 'a'.repeat(200), '😀', '" aid', 'kind : comment', 'legal"aid',
    ];
    for (const q of hostile) {
      const found = searchReport(r.report.db, q);
      expect(found.groups, q).toHaveLength(4);
    }
    expect(all(searchReport(r.report.db, 'NEAR('))).toEqual([]);
    expect(all(searchReport(r.report.db, '-'))).toEqual([]);
    expect(all(searchReport(r.report.db, "'; DROP TABLE sections; --"))).toEqual([]);
    expect(ids(searchReport(r.report.db, '-aid'), 'section').length).toBeGreaterThan(0);
    expect(ids(searchReport(r.report.db, 'kind : comment'), 'comment')).toEqual([]);
    expect(r.report.db.prepare('SELECT count(*) AS n FROM sections').get()).toEqual({ n: 7 });
  });

  it('numbers comments as the comment matrix does', async () => {
    const r = await searchableReport();
    for (const body of ['First remark on the budget.', 'Second remark on the budget.']) {
      await r.reviewer.call('comments.create', { id: `c-${body.length}-${body[0]}`, sectionId: r.section.id, type: 'editorial', body });
    }
    const numbers = new Map(listComments(r.report.db).map((c) => [c.id, `Comment ${c.number}`]));
    const found = searchReport(r.report.db, 'budget').groups.find((g) => g.kind === 'comment')!.hits;
    expect(found).toHaveLength(3);
    for (const h of found) expect(h.title).toBe(numbers.get(h.id));
  });
});

describe('people’s names', () => {
  it('find the comments they wrote or answered and the inputs they registered, accents and case ignored, and follow a rename', async () => {
    const r = await searchableReport();
    const db = r.report.db;
    const admin = (await r.admin.call('workspace.load')).me!;
    expect(ids(searchReport(db, 'rita reviewer'), 'comment')).toEqual(['c-1']);
    expect(ids(searchReport(db, admin.name), 'comment')).toEqual(['c-1']);
    expect(ids(searchReport(db, admin.name), 'input').sort()).toEqual(['in-1', 'in-2']);
    const rita = (await r.admin.call('workspace.load')).members.find((m) => m.name === 'Rita Reviewer')!;
    await r.admin.call('members.update', { id: rita.id, name: 'Marko Kovač' });
    for (const query of ['Kovac', 'kovač', 'KOVAC']) expect(ids(searchReport(db, query), 'comment')).toEqual(['c-1']);
    expect(ids(searchReport(db, 'rita reviewer'), 'comment')).toEqual([]);
    expect(hits(searchReport(db, 'Kovac'), 'comment')).toEqual([['kovač']]);
  });
});

describe('keeping the search index current', () => {
  it('follows a text edit, a title change, a deleted comment and a deleted section', async () => {
    const r = await searchableReport();
    const db = r.report.db;
    expect(ids(searchReport(db, 'Mozambique'), 'section')).toEqual([]);
    await typeParagraphs(r.drafter, r.section.id, ['A new paragraph about Mozambique.']);
    expect(ids(searchReport(db, 'Mozambique'), 'section')).toEqual([r.section.id]);

    await r.admin.call('sections.update', { id: r.other.id, title: 'Promotion of equality on the ground' });
    const renamed = searchReport(db, 'promotion ground');
    expect(titles(renamed, 'section')).toEqual(['C Promotion of equality on the ground']);

    // A comment deleted (a cell of the change log, as any change) leaves the index.
    r.report.write(r.me.id, [{ table: 'comments', row: 'c-1', column: 'deleted', value: 1 }]);
    expect(ids(searchReport(db, 'helpline'), 'comment')).toEqual([]);

    await r.admin.call('sections.delete', { id: r.section.id });
    expect(ids(searchReport(db, 'Mozambique'), 'section')).toEqual([]);
    expect(ids(searchReport(db, 'free legal aid'), 'section')).toEqual([r.other.id]);
  });

  it('follows replies, recommendations, inputs and organization names', async () => {
    const r = await searchableReport();
    const db = r.report.db;
    await r.admin.call('comments.reply', { commentId: 'c-1', body: 'Also the Zanzibar helpline.' });
    expect(ids(searchReport(db, 'Zanzibar'), 'comment')).toEqual(['c-1']);
    importRecommendations({ report: r.report, me: r.me }, [rec('115.23', 'Ratify the Lanzarote Convention.')], [], 'list v2.docx');
    expect(ids(searchReport(db, 'Lanzarote'), 'recommendation')).toEqual(['rec-115-23']);
    expect(ids(searchReport(db, 'Istanbul'), 'recommendation')).toEqual([]);
    writeInput(r.report, r.me.id, 'in-2', { summary: 'Participants raised water tariffs.' });
    expect(ids(searchReport(db, 'tariffs'), 'input')).toEqual(['in-2']);
    expect(ids(searchReport(db, 'pension'), 'input')).toEqual([]);
    await r.admin.call('organizations.update', { id: r.nhri.id, name: 'Ombudsman Institution of Testland' });
    expect(ids(searchReport(db, 'ombudsman institution'), 'input')).toEqual(['in-1']);
    writeInput(r.report, r.me.id, 'in-1', { deleted: 1 });
    expect(ids(searchReport(db, 'ombudsman institution'), 'input')).toEqual([]);
  });

  it('takes in a change merged from another copy even when its clock stamp is older than the newest indexed', async () => {
    const r = await searchableReport();
    const db = r.report.db;
    // What is under test is the index, not signatures: these rows come unsigned, as from a report of before signing.
    (r.report.log as { signer: unknown }).signer = null;
    searchReport(db, 'anything');
    const old = formatStamp(Date.parse('2020-01-01T00:00:00Z'), 0, '00000000000000aa');
    r.report.log.applyLoggedChange({ hlc: old, replica: '00000000000000aa', author: r.me.id, tbl: 'inputs', row_id: 'in-old', col: 'title', value: 'Submission from Timbuktu', prev_hlc: null });
    expect(db.prepare('SELECT tbl, row_id FROM search_pending').all()).toEqual([{ tbl: 'inputs', row_id: 'in-old' }]);
    expect(ids(searchReport(db, 'Timbuktu'), 'input')).toEqual(['in-old']);
    // A batch, as a merge brings them: only the rows stamped before the index's newest are listed.
    const older = formatStamp(Date.parse('2021-01-01T00:00:00Z'), 0, '00000000000000aa');
    const newer = formatStamp(Date.now() + 1000, 0, '00000000000000aa');
    r.report.log.applyLoggedChanges([
      { hlc: older, replica: '00000000000000aa', author: r.me.id, tbl: 'inputs', row_id: 'in-older', col: 'title', value: 'Submission from Gao', prev_hlc: null },
      { hlc: newer, replica: '00000000000000aa', author: r.me.id, tbl: 'inputs', row_id: 'in-newer', col: 'title', value: 'Submission from Mopti', prev_hlc: null },
    ]);
    expect(db.prepare('SELECT tbl, row_id FROM search_pending').all()).toEqual([{ tbl: 'inputs', row_id: 'in-older' }]);
    expect(ids(searchReport(db, 'Gao'), 'input')).toEqual(['in-older']);
    expect(ids(searchReport(db, 'Mopti'), 'input')).toEqual(['in-newer']);
  });

  it('does nothing when nothing changed, and only the changed rows when something did', async () => {
    const r = await searchableReport();
    const db = r.report.db;
    bringSearchIndexCurrent(db);
    expect(bringSearchIndexCurrent(db)).toEqual({ rebuilt: false, documents: 0 });
    await r.admin.call('sections.update', { id: r.other.id, dueDate: '2026-05-01' });
    await typeParagraphs(r.drafter, r.section.id, ['More.']);
    // Local edits are stamped after everything the index took in: read by stamp, never listed.
    expect(db.prepare('SELECT count(*) AS n FROM search_pending').get()).toEqual({ n: 0 });
    expect(bringSearchIndexCurrent(db)).toEqual({ rebuilt: false, documents: 2 });
  });

  it('a rebuild gives the same results as keeping it current step by step', async () => {
    const r = await searchableReport();
    const db = r.report.db;
    searchReport(db, 'x');
    await typeParagraphs(r.drafter, r.section.id, ['Legal aid clinics opened in Praia.']);
    await r.admin.call('sections.update', { id: r.other.id, title: 'Free legal aid' });
    r.report.write(r.me.id, [{ table: 'comments', row: 'c-1', column: 'body', value: 'Please give the aid budget.' }]);
    const queries = ['aid', 'legal', 'free legal aid', '"legal aid"', 'Pra', '115.23', 'budget', 'Sao Tome', 'children', 'Portugal'];
    const step = queries.map((q) => searchReport(db, q));
    const docs = (db.prepare('SELECT count(*) AS n FROM search_docs').get() as { n: number }).n;
    expect(rebuildSearchIndex(db)).toBe(docs);
    expect(queries.map((q) => searchReport(db, q))).toEqual(step);
  });

  it('reads only what changed: the hot queries search an index or the stamps of the log, never scan', async () => {
    const r = await searchableReport();
    searchReport(r.report.db, 'aid');
    const plan = (sql: string, ...args: unknown[]) =>
      (r.report.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((p) => p.detail).join('; ');
    expect(plan(CHANGED_SINCE, 'x')).toBe('SEARCH change_log USING PRIMARY KEY (hlc>?)');
    const hits = plan(SEARCH_SQL.hits, '"aid"', 11);
    expect(hits).toMatch(/^SCAN search_index VIRTUAL TABLE INDEX \d+:M\d+; SEARCH d USING INTEGER PRIMARY KEY \(rowid=\?\)$/);
    expect(plan(SEARCH_SQL.commentsBefore, 'a', 'b')).toMatch(/USING COVERING INDEX search_docs_made \(kind=\? AND \(made,ref\)<\(\?,\?\)\)/);
    expect(plan(SEARCH_SQL.commentsBetween, 'a', 'b', 'c', 'd')).toMatch(/USING COVERING INDEX search_docs_made \(kind=\? AND \(made,ref\)>/);
  });

  it('rebuilds an index whose bookkeeping is missing or does not add up', async () => {
    const r = await searchableReport();
    const db = r.report.db;
    expect(bringSearchIndexCurrent(db).rebuilt).toBe(true);
    expect(bringSearchIndexCurrent(db).rebuilt).toBe(false);
    db.prepare('DELETE FROM search_state').run();
    expect(bringSearchIndexCurrent(db).rebuilt).toBe(true);
    // Another connection (the file opened again) checks that documents and index agree.
    db.prepare("DELETE FROM search_docs WHERE kind = 'comment'").run();
    r.host.closeAll();
    const again = new TestClient(r.host);
    await again.call('app.openReport', { path: r.file });
    expect(bringSearchIndexCurrent(again.client.report!.db).rebuilt).toBe(true);
    expect(ids(searchReport(again.client.report!.db, 'helpline'), 'comment')).toEqual(['c-1']);
  });
});

describe('search.query', () => {
  it('is open to anyone who can open the report; inputs only to a signed-in member', async () => {
    const r = await searchableReport();
    const anonymous = new TestClient(r.host);
    await anonymous.call('app.openReport', { path: r.file });
    const seen = await anonymous.call('search.query', { q: 'children' });
    expect(seen.groups.map((g) => g.kind)).toEqual(['section', 'recommendation', 'comment']);
    const signedIn = await r.observer.call('search.query', { q: 'children', limit: 5 });
    expect(ids(signedIn, 'input')).toEqual(['in-1']);
  });

  it('refuses a query over 200 characters or a limit over 50, with a message', async () => {
    const r = await searchableReport();
    const long = await r.admin.reply('search.query', { q: 'a'.repeat(201) });
    expect(long).toMatchObject({ ok: false });
    expect(await r.admin.reply('search.query', { q: 'aid', limit: 51 })).toMatchObject({ ok: false });
    expect(await r.admin.reply('search.query', { q: '' })).toMatchObject({ ok: true, result: { groups: expect.any(Array) } });
  });
});
