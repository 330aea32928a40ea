import path from 'node:path';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editSection, readSection } from '../../electron/docs/headless.js';
import { compactSectionText, textUpdates } from '../../electron/docs/section-text.js';
import { writeText } from '../../electron/sync/text-log.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { listSections } from '../../electron/store/queries.js';
import { tempDir } from './helpers.js';

function appendParagraph(updates: Uint8Array[], text: string): Uint8Array {
  return editSection(updates, () => {
    $getRoot().append($createParagraphNode().append($createTextNode(text)));
  });
}

describe('compacting section text', () => {
  it('folds each person\'s stored updates into one without changing the text, or what a merge with another copy gives', () => {
    const file = path.join(tempDir(), 'r.upr');
    const report = createDemoReport(file);
    const section = listSections(report.db).find((s) => s.title.startsWith('Promotion'))!;
    const secretariat = report.db.prepare("SELECT id FROM members WHERE role = 'secretariat' LIMIT 1").pluck().get() as string;
    const append = (text: string) => writeText(report, section.id, appendParagraph(textUpdates(report.db, section.id), text), secretariat, 'edit');
    // Another office starts from the same text and edits concurrently.
    const otherOffice = appendParagraph(textUpdates(report.db, section.id), 'Written in another office.');
    for (let i = 0; i < 5; i++) append(`Local paragraph ${i}.`);
    const before = textUpdates(report.db, section.id);
    expect(before.length).toBeGreaterThan(5);
    const mergedBefore = readSection([...before, otherOffice]).plain;

    const authors = () => report.db.prepare('SELECT author FROM section_updates WHERE section_id = ? ORDER BY seq').pluck().all(section.id) as string[];
    const people = new Set(authors());
    expect(people.size, 'the secretariat wrote and the NHRI marked a passage').toBe(2);
    // Signed updates are never folded: each stays as its author signed it. A report from before
    // signing (its updates unsigned) is folded as before.
    expect(compactSectionText(report.db, section.id)).toBe(false);
    report.db.exec('DELETE FROM signatures');
    expect(compactSectionText(report.db, section.id)).toBe(true);
    const after = textUpdates(report.db, section.id);
    // One update per person, each still theirs: another office judges it as theirs.
    expect(after).toHaveLength(2);
    expect(new Set(authors())).toEqual(people);
    expect(readSection(after).plain).toBe(readSection(before).plain);
    expect(readSection([...after, otherOffice]).plain).toBe(mergedBefore);
    expect(mergedBefore).toMatch(/Written in another office\./);
    // The same Yjs state, byte for byte in its state vector.
    expect(Y.encodeStateVectorFromUpdate(Y.mergeUpdates(after))).toEqual(Y.encodeStateVectorFromUpdate(Y.mergeUpdates(before)));
    report.close();
  });

  it('happens when a file is closed', () => {
    const file = path.join(tempDir(), 'r.upr');
    const report = createDemoReport(file);
    // As a report from before signing: its updates unsigned (signed ones are never folded).
    report.db.exec('DELETE FROM signatures');
    const counts = () =>
      report.db.prepare('SELECT count(*) AS n FROM section_updates GROUP BY section_id, author HAVING n > 1').all().length;
    expect(counts()).toBeGreaterThan(0);
    const text = listSections(report.db).map((s) => readSection(textUpdates(report.db, s.id)).plain);
    report.close();
    const again = OpenReport.open(file);
    expect(again.db.prepare('SELECT max(n) AS m FROM (SELECT count(*) AS n FROM section_updates GROUP BY section_id, author)').get()).toEqual({ m: 1 });
    expect(listSections(again.db).map((s) => readSection(textUpdates(again.db, s.id)).plain)).toEqual(text);
    again.close();
  });
});
