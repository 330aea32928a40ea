import { $createTableCellNode, $createTableNode, $createTableRowNode } from '@lexical/table';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../shared/base64.js';
import { editSection } from '../../electron/docs/headless.js';
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
    expect(await admin.call('inputs.insertLog', { sectionId: section.id })).toEqual({ sectionId: section.id, rows: 2, replaced: false });
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
