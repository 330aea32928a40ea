import { $createTableCellNode, $createTableNode, $createTableRowNode } from '@lexical/table';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../shared/base64.js';
import { editSection } from '../../electron/docs/headless.js';
import { countWords } from '../../shared/words.js';
import { reviewReport, typeParagraphs } from './review-helpers.js';

interface JsonNode {
  type: string;
  text?: string;
  children?: JsonNode[];
}

/** The tables of a section's Lexical JSON, each as rows of cell texts. */
function tablesOf(json: unknown): string[][][] {
  const textOf = (n: JsonNode): string => n.text ?? (n.children ?? []).map(textOf).join('');
  const root = (json as { root: JsonNode }).root;
  return (root.children ?? []).filter((n) => n.type === 'table').map((t) => (t.children ?? []).map((row) => (row.children ?? []).map(textOf)));
}

async function setUp() {
  const r = await reviewReport();
  const ngo = await r.admin.call('organizations.create', { name: 'Children’s Rights Coalition', kind: 'civil_society' });
  const first = await r.admin.call('inputs.create', { title: 'Joint submission on juvenile justice', sourceOrganizationId: ngo.id, receivedOn: '2026-03-10' });
  const second = await r.admin.call('inputs.create', { title: 'Town-hall meeting, Northern Region', receivedOn: '2026-02-01', channel: 'public_consultation' });
  await r.admin.call('inputs.decide', { inputId: first.id, disposition: 'partly_reflected', rationale: 'See paragraphs 12 and 40.' });
  await typeParagraphs(r.admin, r.section.id, ['The report was prepared by an interministerial committee.']);
  return { ...r, first, second };
}

describe('the consultation log in a section', () => {
  it('is put at the end of the section as a table, in the order of the log, with dispositions in the report’s words', async () => {
    const { admin, section, drafter } = await setUp();
    expect(await admin.call('inputs.insertLog', { sectionId: section.id })).toEqual({ sectionId: section.id, rows: 2, replaced: false, form: 'table' });
    const content = await admin.call('text.content', { sectionId: section.id });
    expect(tablesOf(content.json)).toEqual([
      [
        ['No.', 'Source', 'Date', 'Channel', 'Input', 'How it was taken into account'],
        ['1', '', '1 February 2026', 'Public consultation', 'Town-hall meeting, Northern Region', 'Under consideration'],
        ['2', 'Children’s Rights Coalition (Civil society)', '10 March 2026', 'Written submission', 'Joint submission on juvenile justice', 'Partly reflected: See paragraphs 12 and 40.'],
      ],
    ]);
    // The text before it stays, first.
    expect(content.plain.startsWith('The report was prepared by an interministerial committee.')).toBe(true);
    // Every window is sent the edit, the drafter's too.
    expect(drafter.events).toContainEqual(expect.objectContaining({ kind: 'text', sectionId: section.id }));
  });

  it('replaces the log put in before rather than adding a second one, even after the report’s language changed', async () => {
    const { admin, section, second } = await setUp();
    await admin.call('inputs.insertLog', { sectionId: section.id });
    await admin.call('inputs.decide', { inputId: second.id, disposition: 'not_reflected', rationale: 'Outside the period under review.' });
    await admin.call('report.update', { language: 'fr' });
    expect(await admin.call('inputs.insertLog', { sectionId: section.id })).toMatchObject({ rows: 2, replaced: true });
    const tables = tablesOf((await admin.call('text.content', { sectionId: section.id })).json);
    expect(tables).toHaveLength(1);
    expect(tables[0]![0]).toEqual(['No', 'Source', 'Date', 'Voie', 'Contribution', 'Suite donnée']);
    expect(tables[0]![1]).toEqual(['1', '', '1 février 2026', 'Consultation publique', 'Town-hall meeting, Northern Region', 'Non prise en compte: Outside the period under review.']);
  });

  it('leaves a table the drafters wrote themselves alone', async () => {
    const { admin, section } = await setUp();
    const { state } = await admin.call('text.load', { sectionId: section.id });
    const update = editSection([base64ToBytes(state)], () => {
      const table = $createTableNode();
      for (const cells of [['Meeting', 'Participants'], ['Northern Region', '120']]) {
        const row = $createTableRowNode();
        for (const text of cells) row.append($createTableCellNode().append($createParagraphNode().append($createTextNode(text))));
        table.append(row);
      }
      $getRoot().append(table);
    });
    await admin.call('text.push', { sectionId: section.id, update: bytesToBase64(update) });
    await admin.call('inputs.insertLog', { sectionId: section.id });
    await admin.call('inputs.insertLog', { sectionId: section.id });
    const tables = tablesOf((await admin.call('text.content', { sectionId: section.id })).json);
    expect(tables.map((t) => t[0]![0])).toEqual(['Meeting', 'No.']);
    expect(tables[0]).toEqual([['Meeting', 'Participants'], ['Northern Region', '120']]);
  });

  it('is put in only by those who may write the section’s text', async () => {
    const { admin, section, drafter, reviewer, observer } = await setUp();
    expect(await reviewer.reply('inputs.insertLog', { sectionId: section.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await observer.reply('inputs.insertLog', { sectionId: section.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(tablesOf((await admin.call('text.content', { sectionId: section.id })).json)).toHaveLength(0);
    // The section is led by the drafter's ministry.
    expect(await drafter.call('inputs.insertLog', { sectionId: section.id })).toMatchObject({ rows: 2 });
    expect(await admin.reply('inputs.insertLog', { sectionId: 'nope' })).toMatchObject({ ok: false, error: { key: 'sectionMissing' } });
  });
});

/** A section's paragraphs (top-level), as text. */
function paragraphsOf(json: unknown): string[] {
  const textOf = (n: JsonNode): string => n.text ?? (n.children ?? []).map(textOf).join('');
  return ((json as { root: JsonNode }).root.children ?? []).filter((n) => n.type === 'paragraph').map(textOf);
}

const SUMMARY_EN =
  'Inputs received during the consultations: 2. They were received between 1 February 2026 and 10 March 2026. Organizations and institutions that contributed: 1. ' +
  'Reflected in the report: 0; partly reflected: 1; not reflected: 0; under consideration: 1. The full list, with how each input was taken into account, is annexed to the present report.';

describe('the consultation log summarized, the full log being the inputs annex (issue 15, point 3)', () => {
  it('puts a short summary in the report’s language, counted as a few words; the table, put in before, is replaced where it stood', async () => {
    const { admin, section } = await setUp();
    await admin.call('inputs.insertLog', { sectionId: section.id, form: 'table' });
    await typeParagraphs(admin, section.id, ['The Government thanks all participants.']);
    const check = await admin.call('export.check', {});
    // The table counts against the limit, and the check says how much of the body it is.
    const logged = check.words.log;
    expect(logged.map((l) => l.sectionId)).toEqual([section.id]);
    expect(logged[0]!.words).toBeGreaterThan(25);

    expect(await admin.call('inputs.insertLog', { sectionId: section.id, form: 'summary' })).toEqual({ sectionId: section.id, rows: 2, replaced: true, form: 'summary' });
    const content = await admin.call('text.content', { sectionId: section.id });
    expect(tablesOf(content.json)).toEqual([]);
    const paragraphs = paragraphsOf(content.json).filter(Boolean);
    // Where the table stood: after the text before it, before the paragraph typed after it.
    expect(paragraphs).toEqual(['The report was prepared by an interministerial committee.', SUMMARY_EN, 'The Government thanks all participants.']);
    const after = await admin.call('export.check', {});
    expect(after.words.log).toEqual([]);
    // The body counts the summary's words in place of the table's.
    expect(after.words.body - check.words.body).toBe(countWords(SUMMARY_EN) - logged[0]!.words);

    // Put in again, the summary is brought up to date in place; as a table, the table takes its place.
    await admin.call('inputs.decide', { inputId: (await admin.call('inputs.list', {}))[0]!.id, disposition: 'reflected', rationale: '' });
    expect(await admin.call('inputs.insertLog', { sectionId: section.id, form: 'summary' })).toMatchObject({ replaced: true });
    const again = paragraphsOf((await admin.call('text.content', { sectionId: section.id })).json).filter((p) => p.startsWith('Inputs received'));
    expect(again).toHaveLength(1);
    expect(again[0]).toContain('Reflected in the report: 1;');
    expect(await admin.call('inputs.insertLog', { sectionId: section.id, form: 'table' })).toMatchObject({ replaced: true, form: 'table' });
    const last = await admin.call('text.content', { sectionId: section.id });
    expect(paragraphsOf(last.json).filter((p) => p.startsWith('Inputs received'))).toEqual([]);
    expect(tablesOf(last.json)).toHaveLength(1);
  });

  it('writes the summary in the report’s language, and knows a summary put in under another language as the log', async () => {
    const { admin, section } = await setUp();
    await admin.call('inputs.insertLog', { sectionId: section.id, form: 'summary' });
    await admin.call('report.update', { language: 'fr' });
    expect(await admin.call('inputs.insertLog', { sectionId: section.id, form: 'summary' })).toMatchObject({ replaced: true });
    const paragraphs = paragraphsOf((await admin.call('text.content', { sectionId: section.id })).json).filter(Boolean);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[1]).toBe(
      'Contributions reçues lors des consultations : 2. Elles ont été reçues entre le 1 février 2026 et le 10 mars 2026. Organisations et institutions ayant contribué : 1. ' +
        'Prises en compte dans le rapport : 0 ; en partie : 1 ; non prises en compte : 0 ; à l’examen : 1. La liste complète, avec la suite donnée à chaque contribution, est annexée au présent rapport.',
    );
  });

  it('leaves a summary someone rewrote alone and puts a new one after it; with no inputs, the summary says none', async () => {
    const r = await reviewReport();
    await typeParagraphs(r.admin, r.section.id, ['Our own words on the consultations, written by the committee.']);
    await r.admin.call('inputs.insertLog', { sectionId: r.section.id, form: 'summary' });
    const paragraphs = paragraphsOf((await r.admin.call('text.content', { sectionId: r.section.id })).json).filter(Boolean);
    expect(paragraphs).toEqual([
      'Our own words on the consultations, written by the committee.',
      'Inputs received during the consultations: 0. Organizations and institutions that contributed: 0. Reflected in the report: 0; partly reflected: 0; not reflected: 0; under consideration: 0. The full list, with how each input was taken into account, is annexed to the present report.',
    ]);
  });
});
