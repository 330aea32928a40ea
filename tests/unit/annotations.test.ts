// Review annotations never reach the report: the text without annotations is the text as written,
// whatever comments mark it (nested, overlapping, across formatting), and comment text is never
// part of a section's text.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { anchoredIds, markedPassage, withoutAnnotations } from '../../shared/annotations.js';
import { markPassage } from '../../electron/docs/annotate.js';
import { createSectionState, readSection } from '../../electron/docs/headless.js';
import { readSectionWithoutAnnotations } from '../../electron/docs/section-text.js';
import type { Block } from '../../electron/docs/blocks.js';
import { markUpdate, reviewReport, typeParagraphs } from './review-helpers.js';

const BLOCKS: Block[] = [
  { h: 'Access to justice', level: 3 },
  {
    p: [
      'The Law on Free Legal Aid ',
      { text: 'extends eligibility', bold: true },
      ' to asylum seekers and victims of trafficking.',
      { footnote: 'Official Gazette No. 12/2024.' },
    ],
  },
  { ul: ['first measure of the plan;', 'second measure of the plan.'] },
  { p: 'Courts in three regions were merged in 2024.' },
];

function marked(...marks: Array<[string, string]>) {
  const updates = [createSectionState(BLOCKS)];
  for (const [passage, id] of marks) {
    const update = markPassage(updates, passage, id);
    if (!update) throw new Error(`not found: ${passage}`);
    updates.push(update);
  }
  return readSection(updates);
}

const hasMark = (json: unknown) => JSON.stringify(json).includes('"type":"mark"');

describe('the text without annotations', () => {
  it('is exactly the text as written, with nested and overlapping marks across formatting', () => {
    const plain = readSection([createSectionState(BLOCKS)]);
    const annotated = marked(
      ['Free Legal Aid extends eligibility to asylum', 'c1'],
      ['eligibility', 'c2'],
      ['asylum seekers and victims', 'c3'],
      ['three regions', 'c4'],
    );
    expect(hasMark(annotated.json)).toBe(true);
    expect(anchoredIds(annotated.json)).toEqual(new Set(['c1', 'c2', 'c3', 'c4']));
    expect(hasMark(withoutAnnotations(annotated.json))).toBe(false);
    expect(withoutAnnotations(annotated.json)).toEqual(plain.json);
    expect(withoutAnnotations(plain.json)).toEqual(plain.json);
    expect(annotated.plain).toBe(plain.plain);
    expect(annotated.footnotes).toEqual(['Official Gazette No. 12/2024.']);
  });

  it('gives each comment its passage, also when another comment overlaps it', () => {
    const annotated = marked(['Free Legal Aid extends eligibility to asylum', 'c1'], ['asylum seekers and victims', 'c3']);
    expect(markedPassage(annotated.json, 'c1')).toBe('Free Legal Aid extends eligibility to asylum');
    expect(markedPassage(annotated.json, 'c3')).toBe('asylum seekers and victims');
    expect(markedPassage(annotated.json, 'nobody')).toBe('');
  });

  it('keeps formatting: unwrapping a mark joins runs only where the formatting is the same', () => {
    const annotated = marked(['Law on Free Legal Aid extends', 'c1']);
    const paragraph = (withoutAnnotations(annotated.json).root as unknown as { children: Array<{ children: Array<{ type: string; text?: string; format?: number }> }> })
      .children[1]!;
    expect(paragraph.children.filter((c) => c.type === 'text').map((c) => [c.text, c.format])).toEqual([
      ['The Law on Free Legal Aid ', 0],
      ['extends eligibility', 1],
      [' to asylum seekers and victims of trafficking.', 0],
    ]);
  });

  it('is what the main process reads for export: no marks and no comment text in a commented section', async () => {
    const r = await reviewReport();
    await typeParagraphs(r.admin, r.section.id, ['The Ombudsperson received 1,200 complaints in 2024.']);
    await r.reviewer.call('comments.create', {
      id: 'c-1',
      sectionId: r.section.id,
      type: 'critical',
      body: 'SECRET-REVIEW-NOTE: how many were upheld?',
      proposed: 'PROPOSED-WORDING-NOT-IN-TEXT',
      anchor: await markUpdate(r.reviewer, r.section.id, '1,200 complaints', 'c-1'),
    });
    await r.reviewer.call('comments.reply', { commentId: 'c-1', body: 'REPLY-NOT-IN-TEXT' });
    const report = r.host.attach(r.admin.client, r.file);
    const clean = readSectionWithoutAnnotations(report.db, r.section.id);
    const everything = JSON.stringify(clean);
    expect(everything).not.toContain('"type":"mark"');
    for (const leak of ['SECRET-REVIEW-NOTE', 'PROPOSED-WORDING-NOT-IN-TEXT', 'REPLY-NOT-IN-TEXT', 'c-1']) expect(everything).not.toContain(leak);
    expect(clean.plain).toBe('The Ombudsperson received 1,200 complaints in 2024.');
    // The stored Yjs document holds the anchor, but never the comment's words.
    const doc = new Y.Doc();
    for (const row of report.db.prepare('SELECT data FROM section_updates WHERE section_id = ?').all(r.section.id) as Array<{ data: Uint8Array }>) {
      Y.applyUpdate(doc, row.data);
    }
    const stored = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('latin1');
    expect(stored).not.toContain('SECRET-REVIEW-NOTE');
    expect(stored).not.toContain('PROPOSED-WORDING');
  });
});
