// Merge review (issue 14, point 7): a paragraph both copies edited since they parted is flagged
// with its common text, each side's and the merged one; paragraphs edited on one side only, or
// different paragraphs on each side, merge by themselves as before. Settling keeps a side's
// paragraph (or the merged one, or new words) as a new change, clears the flag and the Export
// blocker, and travels in copies; those who may not write the section cannot settle it.
import path from 'node:path';
import { $getRoot, $nodesOfType, TextNode, type ElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { editSection } from '../../electron/docs/headless.js';
import { readSectionText, textUpdates } from '../../electron/docs/section-text.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { exportCheck } from '../../electron/services/report-export.js';
import { checkReportFile } from '../../electron/store/check.js';
import { mergeCopy } from '../../electron/sync/merge.js';
import { flaggedParagraphs, settleParagraph } from '../../electron/sync/merge-review.js';
import { writeText } from '../../electron/sync/text-log.js';
import { tempDir } from './helpers.js';
import { actIn, sendCopyOf } from './office.js';

const SENTENCE = 'Since the previous review, Parliament adopted';

/** Replaces `find` by `by` in the text run holding it, as typing there would. */
function retype(o: ReturnType<typeof actIn>, title: string, find: string, by: string): void {
  const s = o.section(title);
  const update = editSection(textUpdates(o.report.db, s.id), () => {
    const run = $nodesOfType(TextNode).find((n) => n.getTextContent().includes(find));
    if (!run) throw new Error(`no run with ${find}`);
    run.setTextContent(run.getTextContent().replace(find, by));
  });
  writeText(o.report, s.id, update, o.me.id, 'edit');
}

/** The text of the first paragraph starting with `start`, its footnote as the review shows it (in brackets, after it). */
function paragraph(o: ReturnType<typeof actIn>, title: string, start: string): string {
  const text = readSectionText(o.report.db, o.section(title).id).plain.split('\n\n').find((p) => p.startsWith(start)) ?? '';
  return text.startsWith(SENTENCE.slice(0, 20)) && !text.includes('[') ? `${text} [Official Gazette No. 44/2023.]` : text;
}

function twoOfficesEditTheSameSentence() {
  const dir = tempDir();
  const main = path.join(dir, 'report.upr');
  createDemoReport(main).close();
  const copy = sendCopyOf(main, path.join(dir, 'justice.upr'));
  const david = actIn(copy, 'David Okafor');
  retype(david, 'Normative framework', 'Parliament adopted', 'Parliament passed');
  // A paragraph only the copy edits: merges by itself.
  retype(david, 'Normative framework', 'Other legislative measures include', 'Further legislative measures include');
  david.report.close();
  const maria = actIn(main);
  retype(maria, 'Normative framework', 'Parliament adopted', 'the National Assembly adopted');
  maria.report.close();
  return { dir, main, copy };
}

describe('merge review', () => {
  it('flags a paragraph both copies edited, with its common, local, other and merged texts; one edited on one side is not flagged', () => {
    const { dir, main, copy } = twoOfficesEditTheSameSentence();
    const here = actIn(main);
    mergeCopy(here.report, copy, { backupDir: path.join(dir, 'backups') });
    const flags = flaggedParagraphs(here.report.db);
    expect(flags).toHaveLength(1);
    const f = flags[0]!;
    expect(f).toMatchObject({ title: 'Normative framework', label: 'B.1' });
    expect(f.common).toContain(`${SENTENCE} the Law on Equality`);
    expect(f.local).toContain('Since the previous review, the National Assembly adopted the Law');
    expect(f.other).toContain('Since the previous review, Parliament passed the Law');
    // The merged paragraph holds both edits run together; the other side's other edit merged by itself.
    expect(f.merged).not.toBe(f.local);
    expect(f.merged).not.toBe(f.other);
    expect(f.merged).toContain('passed');
    expect(f.merged).toContain('National Assembly');
    expect(readSectionText(here.report.db, here.section('Normative framework').id).plain).toContain('Further legislative measures include');
    // The Export view lists it among what blocks submission.
    expect(exportCheck(here.report.db).blockers).toContainEqual({ kind: 'mergeReview', sectionId: f.sectionId, label: 'B.1', title: 'Normative framework', paragraphs: 1 });
    here.report.close();
  });

  it('settled by keeping the copy’s paragraph: the text reads as the copy’s, the flag and the blocker go, and the settlement travels in a copy', () => {
    const { dir, main, copy } = twoOfficesEditTheSameSentence();
    // A second office that will merge the same copy and flag the same paragraph.
    const second = sendCopyOf(main, path.join(dir, 'second.upr'));
    const here = actIn(main);
    mergeCopy(here.report, copy, { backupDir: path.join(dir, 'backups') });
    const f = flaggedParagraphs(here.report.db)[0]!;

    // A drafter of another ministry may not settle it; the secretariat may.
    const leila = actIn(main, 'Leila Haddad');
    expect(() => settleParagraph(leila.report, leila.me.id, { sectionId: f.sectionId, blockId: f.blockId, keep: 'local' })).toThrow();
    leila.report.close();
    expect(settleParagraph(here.report, here.me.id, { sectionId: f.sectionId, blockId: f.blockId, keep: 'other' })).toEqual({ changed: true });
    expect(paragraph(here, 'Normative framework', 'Since the previous review')).toBe(f.other);
    expect(flaggedParagraphs(here.report.db)).toEqual([]);
    expect(exportCheck(here.report.db).blockers.filter((b) => b.kind === 'mergeReview')).toEqual([]);
    // Settled already: saying so, not settling twice.
    expect(() => settleParagraph(here.report, here.me.id, { sectionId: f.sectionId, blockId: f.blockId, keep: 'local' })).toThrow('That paragraph has nothing to settle');
    here.report.close();

    // The second office merges the Justice copy (flagged there too), then the settled report: settled there as well.
    const other = actIn(second);
    mergeCopy(other.report, copy, { backupDir: path.join(dir, 'backups') });
    expect(flaggedParagraphs(other.report.db)).toHaveLength(1);
    mergeCopy(other.report, main, { backupDir: path.join(dir, 'backups') });
    expect(flaggedParagraphs(other.report.db)).toEqual([]);
    expect(paragraph(other, 'Normative framework', 'Since the previous review')).toBe(f.other);
    other.report.close();
    expect(checkReportFile(main)).toMatchObject({ sound: true, problems: [] });
    expect(checkReportFile(second)).toMatchObject({ sound: true, problems: [] });
  });

  it('settled with new words, or by keeping this report’s or the merged paragraph', () => {
    const { dir, main, copy } = twoOfficesEditTheSameSentence();
    const here = actIn(main);
    mergeCopy(here.report, copy, { backupDir: path.join(dir, 'backups') });
    const f = flaggedParagraphs(here.report.db)[0]!;
    expect(() => settleParagraph(here.report, here.me.id, { sectionId: f.sectionId, blockId: f.blockId, keep: 'edited', text: '  ' })).toThrow();
    // Written over the merged text as the review shows it, its footnote in brackets: the words are replaced, the footnote kept once.
    settleParagraph(here.report, here.me.id, { sectionId: f.sectionId, blockId: f.blockId, keep: 'edited', text: 'Since the previous review, the National Assembly passed the Law on Equality. [Official Gazette No. 44/2023.]' });
    expect(paragraph(here, 'Normative framework', 'Since the previous review')).toBe('Since the previous review, the National Assembly passed the Law on Equality. [Official Gazette No. 44/2023.]');
    expect(readSectionText(here.report.db, here.section('Normative framework').id).footnotes).toEqual(['Official Gazette No. 44/2023.']);
    expect(flaggedParagraphs(here.report.db)).toEqual([]);
    here.report.close();

    const again = twoOfficesEditTheSameSentence();
    const there = actIn(again.main);
    mergeCopy(there.report, again.copy, { backupDir: path.join(again.dir, 'backups') });
    const g = flaggedParagraphs(there.report.db)[0]!;
    const merged = paragraph(there, 'Normative framework', 'Since the previous review');
    expect(settleParagraph(there.report, there.me.id, { sectionId: g.sectionId, blockId: g.blockId, keep: 'merged' })).toEqual({ changed: false });
    expect(paragraph(there, 'Normative framework', 'Since the previous review')).toBe(merged);
    expect(flaggedParagraphs(there.report.db)).toEqual([]);
    there.report.close();
  });

  it('does not flag edits to different paragraphs of the same section in each copy', () => {
    const dir = tempDir();
    const main = path.join(dir, 'report.upr');
    createDemoReport(main).close();
    const copy = sendCopyOf(main, path.join(dir, 'justice.upr'));
    const david = actIn(copy, 'David Okafor');
    retype(david, 'Normative framework', 'Parliament adopted', 'Parliament passed');
    david.report.close();
    const maria = actIn(main);
    retype(maria, 'Normative framework', 'Other legislative measures include', 'Further legislative measures include');
    const headings = editSection(textUpdates(maria.report.db, maria.section('Normative framework').id), () => {
      ($getRoot().getFirstChild() as ElementNode).getFirstDescendant<TextNode>()!.setTextContent('Constitutional framework');
    });
    writeText(maria.report, maria.section('Normative framework').id, headings, maria.me.id, 'edit');
    mergeCopy(maria.report, copy, { backupDir: path.join(dir, 'backups') });
    expect(flaggedParagraphs(maria.report.db)).toEqual([]);
    const text = readSectionText(maria.report.db, maria.section('Normative framework').id).plain;
    expect(text).toContain('Parliament passed');
    expect(text).toContain('Further legislative measures include');
    expect(text).toContain('Constitutional framework');
    maria.report.close();
  });
});
