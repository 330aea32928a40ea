// The exported report's model, built from real report files: headings labelled as UN documents label
// them, paragraphs and footnotes numbered straight through the report, recommendation references as
// their numbers, the annexes, one word count everywhere, and nothing of the review.
import fs from 'node:fs';
import path from 'node:path';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $createRecommendationRefNode } from '../../shared/recommendation-ref-node.js';
import { buildExportDocument } from '../../electron/export/document.js';
import type { Block, Inline } from '../../electron/export/model.js';
import { editSection } from '../../electron/docs/headless.js';
import { textUpdates } from '../../electron/docs/section-text.js';
import { writeText } from '../../electron/sync/text-log.js';
import { readThematicList } from '../../electron/import/ohchr-list.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { createInput, decideInput } from '../../electron/services/inputs.js';
import { loadWorkspace } from '../../electron/services/report.js';
import { exportCheck } from '../../electron/services/report-export.js';
import { importRecommendations, recommendationId, updateRecommendation } from '../../electron/services/recommendations.js';
import { getMember, listSections } from '../../electron/store/queries.js';
import { OHCHR_LIST } from '../bench/ohchr-import.js';
import { tempDir, upr } from './helpers.js';

const text = (runs: readonly Inline[]): string =>
  runs.map((r) => (r.kind === 'text' ? r.text : r.kind === 'link' ? r.runs.map((x) => x.text).join('') : r.kind === 'footnote' ? `[${r.number}]` : '\n')).join('');

function demo() {
  const file = path.join(tempDir(), 'demo.upr');
  const report = createDemoReport(file);
  const maria = (report.db.prepare("SELECT id FROM members WHERE name = 'Maria Santos'").get() as { id: string }).id;
  return { file, report, ctx: { report, me: getMember(report.db, maria)! } };
}

describe('the exported report', () => {
  it('labels the sections A., B. and their sub-sections 1., 2., in outline order', () => {
    const { report } = demo();
    const doc = buildExportDocument(report.db);
    const headings = doc.body.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading');
    expect(headings.filter((h) => h.label).slice(0, 5).map((h) => [h.level, h.label, text(h.runs)])).toEqual([
      [1, 'A.', 'Methodology and consultation process'],
      [1, 'B.', 'Developments since the previous review: normative and institutional framework'],
      [2, '1.', 'Normative framework'],
      [2, '2.', 'Institutional framework'],
      [1, 'C.', 'Promotion and protection of human rights on the ground'],
    ]);
    // The sub-section's own heading ("Constitutional and legislative framework") is a minor heading.
    expect(headings.find((h) => text(h.runs) === 'Constitutional and legislative framework')).toMatchObject({ level: 4, label: '' });
    report.close();
  });

  it('numbers paragraphs and footnotes straight through the report; lists and tables are not numbered', () => {
    const { report } = demo();
    const doc = buildExportDocument(report.db);
    const paragraphs = doc.body.filter((b) => b.kind === 'paragraph');
    expect(paragraphs.map((p) => p.number)).toEqual(paragraphs.map((_, i) => i + 1));
    expect(paragraphs.length).toBeGreaterThan(8);
    const footnotes = JSON.stringify(doc.body).match(/"kind":"footnote","number":\d+/g)!.map((m) => Number(/(\d+)$/.exec(m)![1]));
    expect(footnotes).toEqual([1, 2, 3]);
    expect(doc.body.some((b) => b.kind === 'table' && b.rows[0]!.every((c) => c.header))).toBe(true);
    expect(doc.body.find((b) => b.kind === 'list')).toMatchObject({ ordered: false, items: expect.arrayContaining([expect.objectContaining({ children: [] })]) });
    // The first paragraph of A. carries its footnote where it was written.
    expect(text((paragraphs[0] as Extract<Block, { kind: 'paragraph' }>).runs)).toMatch(/universal periodic review\.\[1\]$/);
    report.close();
  });

  it('holds nothing of the review: no comment, reply or proposed wording, and the passages as written', () => {
    const { report } = demo();
    const all = JSON.stringify(buildExportDocument(report.db));
    for (const words of [
      'Say how many written submissions',
      'family place per 10,000',
      'The 2025 budget funds two more shelters',
      'the 46 received are listed in the annex',
      'United Nations Children’s Fund',
      'Spell out the agency',
      'demo-comment',
    ]) {
      expect(all, words).not.toContain(words);
    }
    expect(all).toContain('in cooperation with UNICEF');
    expect(all).toContain('opened four new shelters');
    report.close();
  });

  it('counts the body’s words as the header and upr info do: sections’ text and headings, footnotes apart', async () => {
    const { report, file } = demo();
    const doc = buildExportDocument(report.db);
    const check = exportCheck(report.db);
    expect(doc.words.body).toBe(check.words.body);
    expect(doc.words.body).toBe(loadWorkspace({ report, me: null }).totalWords);
    expect(doc.words).toMatchObject({ footnotes: check.words.footnotes, limit: 10_700 });
    expect(check.words.footnotes).toBeGreaterThan(0);
    report.close();
    const info = JSON.parse((await upr(['info', file, '--json'])).stdout) as { totalWords: number };
    expect(info.totalWords).toBe(doc.words.body);
  });

  it('lists what blocks submission: sections not approved and open Critical comments', () => {
    const { report } = demo();
    const check = exportCheck(report.db);
    expect(check.blockers.filter((b) => b.kind === 'openCritical')).toEqual([
      expect.objectContaining({ kind: 'openCritical', commentId: 'demo-comment-2', number: 2, label: 'C', title: 'Promotion and protection of human rights on the ground' }),
    ]);
    expect(check.blockers.filter((b) => b.kind === 'notApproved')).toHaveLength(check.sections.length);
    report.close();
  });

  it('writes recommendation references as their numbers and gives the annexes: recommendations with the sections addressing them, and the inputs', async () => {
    const list = await readThematicList(fs.readFileSync(OHCHR_LIST), 'list.docx');
    const { report, ctx } = demo();
    importRecommendations(ctx, list.rows, list.problems, 'UPR34');
    updateRecommendation(ctx, { id: recommendationId('121.2'), implementationStatus: 'in_progress' });
    const c = listSections(report.db).find((s) => s.title.startsWith('Promotion and protection'))!;
    const update = editSection(textUpdates(report.db, c.id), () => {
      $getRoot().append($createParagraphNode().append($createTextNode('This answers recommendation '), $createRecommendationRefNode('121.2'), $createTextNode('.')));
    });
    writeText(report, c.id, update, ctx.me.id, 'edit');
    const input = createInput(ctx, { title: 'Joint submission on Roma settlements', sourceOrganizationId: null, receivedOn: '2026-03-02', channel: 'written_submission', summary: '', fullText: '', themes: [] });
    decideInput(ctx, { inputId: input.id, disposition: 'reflected', rationale: '' });

    const doc = buildExportDocument(report.db);
    const cited = doc.body.filter((b) => b.kind === 'paragraph').find((p) => text(p.runs).startsWith('This answers'));
    expect(text(cited!.runs)).toBe('This answers recommendation 121.2.');
    const [recs, inputs] = doc.annexes;
    expect(recs).toMatchObject({ label: 'Annex I', title: 'Recommendations received in the previous cycle and their follow-up' });
    expect(recs!.headers).toEqual(['No.', 'Recommendation', 'Recommending States', 'Position', 'Implementation', 'Addressed in']);
    expect(recs!.rows).toHaveLength(215);
    expect(recs!.rows.map((r) => r[0]).slice(0, 3)).toEqual(['121.1', '121.2', '121.3']);
    expect(recs!.rows[1]).toEqual(['121.2', expect.stringMatching(/\S/), expect.stringMatching(/\S/), 'Supported', 'In progress', 'C']);
    expect(inputs).toMatchObject({ label: 'Annex II', title: 'Consultation inputs and how they were taken into account' });
    expect(inputs!.rows).toEqual([['1', '', '2 March 2026', 'Written submission', 'Joint submission on Roma settlements', 'Reflected']]);
    report.close();
  });

  it('gives the annexes chosen (issue 15, point 2): all recommendations, the supported ones, those addressed, by number or by theme, or none; the inputs or not', async () => {
    const list = await readThematicList(fs.readFileSync(OHCHR_LIST), 'list.docx');
    const { report, ctx } = demo();
    importRecommendations(ctx, list.rows, list.problems, 'UPR34');
    // One recommendation addressed in the text.
    const c = listSections(report.db).find((s) => s.title.startsWith('Promotion and protection'))!;
    writeText(report, c.id, editSection(textUpdates(report.db, c.id), () => {
      $getRoot().append($createParagraphNode().append($createTextNode('This answers recommendation '), $createRecommendationRefNode('121.2'), $createTextNode('.')));
    }), ctx.me.id, 'edit');
    const recs = ctx.report.db.prepare('SELECT count(*) FROM recommendations WHERE deleted = 0').pluck().get() as number;
    expect(recs).toBeGreaterThan(2);
    const annex = (choice: Parameters<typeof buildExportDocument>[1]) => buildExportDocument(report.db, choice).annexes;
    const all = annex({ recommendations: 'all', order: 'number', inputs: true });
    expect(all.map((a) => a.label)).toEqual(['Annex I', 'Annex II']);
    expect(all[0]!.rows).toHaveLength(recs);
    const position = all[0]!.headers.indexOf('Position');
    const sections = all[0]!.headers.indexOf('Addressed in');
    const supported = annex({ recommendations: 'supported', order: 'number', inputs: true })[0]!;
    expect(supported.rows.length).toBe(all[0]!.rows.filter((r) => r[position] === 'Supported').length);
    expect(supported.rows.length).toBeLessThan(recs);
    expect(supported.rows.every((r) => r[position] === 'Supported')).toBe(true);
    const addressed = annex({ recommendations: 'addressed', order: 'number', inputs: true })[0]!;
    expect(addressed.rows.length).toBe(all[0]!.rows.filter((r) => r[sections] !== '').length);
    expect(addressed.rows.every((r) => r[sections] !== '')).toBe(true);
    // Clustered by theme: a Theme column first, the rows of a theme together, by number within it.
    const themed = annex({ recommendations: 'all', order: 'theme', inputs: true })[0]!;
    expect(themed.headers[0]).toBe('Theme');
    expect(themed.headers).toHaveLength(themed.widths.length);
    const themes = themed.rows.map((r) => r[0]!);
    expect(themes).toEqual([...themes].sort((a, b) => a.localeCompare(b, 'en')));
    expect(new Set(themed.rows.map((r) => r[1])).size).toBe(recs);
    // No recommendations annex: the inputs' annex becomes Annex I; neither: no annex at all.
    const inputsOnly = annex({ recommendations: 'none', order: 'number', inputs: true });
    expect(inputsOnly.map((a) => [a.label, a.title])).toEqual([['Annex I', 'Consultation inputs and how they were taken into account']]);
    expect(annex({ recommendations: 'none', order: 'number', inputs: false })).toEqual([]);
    expect(annex({ recommendations: 'all', order: 'number', inputs: false }).map((a) => a.label)).toEqual(['Annex I']);
    report.close();
  });

  it('follows the report’s language: an Arabic report is right to left with Arabic annex words', () => {
    const { report, ctx } = demo();
    report.write(ctx.me.id, [{ table: 'report', row: report.db.prepare('SELECT id FROM report').pluck().get() as string, column: 'language', value: 'ar' }]);
    const doc = buildExportDocument(report.db);
    expect(doc.direction).toBe('rtl');
    expect(doc.cover.council).toBe('مجلس حقوق الإنسان');
    expect(doc.annexes.map((a) => a.label)).toEqual(['المرفق I', 'المرفق II']);
    report.close();
  });
});
