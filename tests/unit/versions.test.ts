// Versions (issue 14): saved by name or by the app before a merge, listed, compared with each other
// or with now (paragraphs and words marked, details that changed, who wrote), opened to read,
// restored as new changes; carried in copies; and a version edited by hand is said, not thrown.
import path from 'node:path';
import Database from 'better-sqlite3';
import { $createTextNode, $getRoot, type ElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDemoReport } from '../../electron/services/demo.js';
import { compareVersions, listVersions, markupSince, readVersion, restoreFromVersion, saveNamedVersion } from '../../electron/services/versions.js';
import { setSectionStatus, updateSection } from '../../electron/services/sections.js';
import { editSection } from '../../electron/docs/headless.js';
import { readSectionText, textUpdates } from '../../electron/docs/section-text.js';
import { writeText } from '../../electron/sync/text-log.js';
import { wholeWords } from '../../electron/docs/markup.js';
import { mergeCopy } from '../../electron/sync/merge.js';
import { checkReportFile } from '../../electron/store/check.js';
import { tempDir } from './helpers.js';
import { actIn, sendCopyOf } from './office.js';

function demo() {
  const dir = tempDir();
  const main = path.join(dir, 'report.upr');
  createDemoReport(main).close();
  return { dir, main };
}

/** Rewrites the first paragraph of a section that contains `find`, replacing it with `by`, as typing would. */
function rewrite(o: ReturnType<typeof actIn>, title: string, find: string, by: string): void {
  const s = o.section(title);
  const update = editSection(textUpdates(o.report.db, s.id), () => {
    const block = $getRoot()
      .getChildren()
      .find((n) => n.getTextContent().includes(find)) as ElementNode | undefined;
    if (!block) throw new Error(`no paragraph with ${find}`);
    const text = block.getTextContent().replace(find, by);
    block.clear();
    block.append($createTextNode(text));
  });
  writeText(o.report, s.id, update, o.me.id, 'edit');
}

describe('versions', () => {
  it('are saved by the secretariat only, listed newest first with who, words and sections', () => {
    const { main } = demo();
    const sec = actIn(main);
    const v = saveNamedVersion(sec.ctx, { name: 'Draft sent to the NHRI' });
    expect(v).toMatchObject({ name: 'Draft sent to the NHRI', kind: 'named', createdBy: sec.me.name });
    expect(v.words).toBeGreaterThan(100);
    sec.report.close();
    const david = actIn(main, 'David Okafor');
    expect(() => saveNamedVersion(david.ctx, { name: 'Mine' })).toThrow(/secretariat/i);
    const list = listVersions(david.report.db);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: v.id, name: 'Draft sent to the NHRI', createdBy: sec.me.name, words: v.words });
    expect(list[0]!.sections).toBe(david.report.db.prepare('SELECT count(*) FROM sections WHERE deleted = 0').pluck().get());
    david.report.close();
    expect(checkReportFile(main)).toMatchObject({ sound: true, problems: [] });
  });

  it('compare with now: the words changed in a paragraph, paragraphs added, details changed, who wrote; unchanged sections are the same', () => {
    const { main } = demo();
    const sec = actIn(main);
    const v = saveNamedVersion(sec.ctx, { name: 'Before the NHRI' });
    const framework = sec.section('Normative framework');
    const before = readVersion(sec.ctx, { id: v.id }).sections.find((s) => s.sectionId === framework.id)!;
    const first = before.paragraphs.find((p) => p.split(' ').length > 6)!;
    const firstWords = first.split(' ');
    sec.report.close();

    const david = actIn(main, 'David Okafor');
    rewrite(david, 'Normative framework', firstWords[2]!, 'REWORDED');
    david.type('Normative framework', 'A new closing sentence.');
    david.report.close();
    const again = actIn(main);
    updateSection(again.ctx, { id: framework.id, dueDate: '2027-01-15' });
    setSectionStatus(again.ctx, { id: framework.id, status: 'ready_for_review' });

    const cmp = compareVersions(again.report.db, v.id, 'now');
    const s = cmp.sections.find((x) => x.sectionId === framework.id)!;
    expect(s.change).toBe('changed');
    expect(s.fields).toEqual(expect.arrayContaining([{ field: 'due', from: framework.dueDate, to: '2027-01-15' }, expect.objectContaining({ field: 'status', to: 'ready_for_review' })]));
    const changed = s.paragraphs.find((p) => p.kind === 'changed');
    expect(changed).toBeDefined();
    const parts = changed!.kind === 'changed' ? changed!.parts : [];
    expect(parts.filter((p) => p.change === 'inserted').map((p) => p.text.trim())).toContain('REWORDED');
    expect(parts.filter((p) => p.change === 'deleted').map((p) => p.text.trim())).toContain(firstWords[2]);
    expect(s.paragraphs).toContainEqual({ kind: 'added', text: 'A new closing sentence.' });
    expect(s.writers).toEqual(['David Okafor']);
    expect(cmp.totals.wordsInserted).toBeGreaterThanOrEqual(4);
    expect(cmp.totals.sectionsChanged).toBe(1);
    expect(cmp.sections.filter((x) => x.change === 'same').length).toBe(cmp.sections.length - 1);
    expect(cmp.sections.filter((x) => x.change === 'same').every((x) => x.paragraphs.length === 0)).toBe(true);

    // The version opened to read still says what it said.
    const read = readVersion(again.ctx, { id: v.id }).sections.find((x) => x.sectionId === framework.id)!;
    expect(read.paragraphs).toEqual(before.paragraphs);
    expect(read.paragraphs.join('\n')).not.toContain('REWORDED');
    again.report.close();
  });

  it('a section restored from a version reads as it did, as a new change by the restorer; the version before it can still be compared', () => {
    const { main } = demo();
    const sec = actIn(main);
    const v = saveNamedVersion(sec.ctx, { name: 'Agreed text' });
    const framework = sec.section('Normative framework');
    const agreed = readSectionText(sec.report.db, framework.id).plain;
    sec.report.close();
    const david = actIn(main, 'David Okafor');
    rewrite(david, 'Normative framework', agreed.split(/\s+/)[8]!, 'CHANGED');
    david.type('Normative framework', 'Another paragraph.');
    david.report.close();

    const back = actIn(main);
    updateSection(back.ctx, { id: framework.id, title: 'Renamed framework' });
    const updates = back.report.db.prepare('SELECT count(*) FROM section_updates WHERE section_id = ?').pluck().get(framework.id) as number;
    expect(restoreFromVersion(back.ctx, { versionId: v.id, sectionId: framework.id, what: 'text' })).toEqual({ changed: true });
    expect(readSectionText(back.report.db, framework.id).plain).toBe(agreed);
    expect(back.report.db.prepare('SELECT count(*) FROM section_updates WHERE section_id = ?').pluck().get(framework.id)).toBe(updates + 1);
    expect(back.report.db.prepare('SELECT author FROM section_updates WHERE section_id = ? ORDER BY seq DESC LIMIT 1').pluck().get(framework.id)).toBe(back.me.id);
    // Restoring again changes nothing; a detail is restored through the change log.
    expect(restoreFromVersion(back.ctx, { versionId: v.id, sectionId: framework.id, what: 'text' })).toEqual({ changed: false });
    restoreFromVersion(back.ctx, { versionId: v.id, sectionId: framework.id, what: 'title' });
    expect(back.section('Normative framework').id).toBe(framework.id);
    const cmp = compareVersions(back.report.db, v.id, 'now').sections.find((x) => x.sectionId === framework.id)!;
    expect(cmp).toMatchObject({ change: 'same', fields: [], paragraphs: [] });
    back.report.close();

    // A drafter of another ministry may not restore this section's text.
    const other = actIn(main, 'Leila Haddad');
    expect(() => restoreFromVersion(other.ctx, { versionId: v.id, sectionId: framework.id, what: 'text' })).toThrow();
    other.report.close();
    expect(checkReportFile(main)).toMatchObject({ sound: true, problems: [] });
  });

  it('mark a section’s changes since a version as Word’s All markup does: who inserted and who deleted each word, and when', () => {
    const { main } = demo();
    const sec = actIn(main);
    const v = saveNamedVersion(sec.ctx, { name: 'Before the ministries' });
    const framework = sec.section('Normative framework');
    sec.report.close();
    const david = actIn(main, 'David Okafor');
    david.type('Normative framework', 'A paragraph David added.');
    rewrite(david, 'Normative framework', 'Other legislative measures', 'Further legislative measures');
    david.report.close();
    const maria = actIn(main);
    const marked = markupSince(maria.ctx, { sectionId: framework.id, since: v.id })!;
    const runs = marked.flatMap((p) => p.runs);
    expect(runs.find((r) => r.text === 'A paragraph David added.')).toMatchObject({ change: 'inserted', by: 'David Okafor' });
    expect(marked.find((p) => p.runs.some((r) => r.text === 'A paragraph David added.'))!.block).toBe('inserted');
    // The rewritten paragraph: its old words deleted by David, its new ones inserted by him.
    const rewritten = marked.find((p) => p.runs.some((r) => r.text.includes('Further')))!;
    expect(rewritten.runs.filter((r) => r.change === 'deleted').map((r) => r.by)).toEqual(['David Okafor']);
    expect(rewritten.runs.filter((r) => r.change === 'deleted').map((r) => r.text).join('')).toContain('Other legislative measures');
    expect(runs.filter((r) => r.change).every((r) => /^\d{4}-\d\d-\d\dT/.test(r.at ?? ''))).toBe(true);
    // Paragraphs nobody touched carry no marks.
    expect(marked.find((p) => p.runs.some((r) => r.text.startsWith('Since the previous review')))!.runs.every((r) => !r.change)).toBe(true);
    maria.report.close();
  });

  it('widen changes made inside a word to the whole word, as Word marks them, and leave changes between words as they are', () => {
    expect(wholeWords([{ text: 'Parliament ' }, { text: 'adopt', change: 'deleted', by: 'D' }, { text: 'pass', change: 'inserted', by: 'D' }, { text: 'ed the Law' }])).toEqual([
      { text: 'Parliament ' },
      { text: 'adopted', change: 'deleted', by: 'D' },
      { text: 'passed', change: 'inserted', by: 'D' },
      { text: ' the Law' },
    ]);
    expect(wholeWords([{ text: 'the ' }, { text: 'new ', change: 'inserted', by: 'D' }, { text: 'Law' }])).toEqual([{ text: 'the ' }, { text: 'new ', change: 'inserted', by: 'D' }, { text: 'Law' }]);
    expect(wholeWords([{ text: 'adopt' }, { text: 'ed', change: 'deleted', by: 'M', at: 'x' }, { text: ' it' }])).toEqual([
      { text: 'adopted', change: 'deleted', by: 'M', at: 'x' },
      { text: 'adopt', change: 'inserted', by: 'M', at: 'x' },
      { text: ' it' },
    ]);
  });

  it('travel in copies: a version saved in a copy is listed and compared after the merge, and a merge saves one before it', () => {
    const { dir, main } = demo();
    const copy = sendCopyOf(main, path.join(dir, 'copy.upr'));
    const there = actIn(copy);
    const v = saveNamedVersion(there.ctx, { name: 'Saved in the copy' });
    there.type('Normative framework', 'Written in the copy after the version.');
    there.report.close();

    const here = actIn(main);
    here.type('Normative framework', 'Written here meanwhile.');
    mergeCopy(here.report, copy, { backupDir: path.join(dir, 'backups'), versionBy: here.me.id });
    const list = listVersions(here.report.db);
    expect(list.map((x) => [x.kind, x.name])).toEqual(expect.arrayContaining([['named', 'Saved in the copy'], ['merge', 'copy.upr']]));
    const cmp = compareVersions(here.report.db, v.id, 'now');
    const s = cmp.sections.find((x) => x.title === 'Normative framework')!;
    const added = s.paragraphs.filter((p) => p.kind === 'added').map((p) => (p.kind === 'added' ? p.text : ''));
    expect(added).toEqual(expect.arrayContaining(['Written in the copy after the version.', 'Written here meanwhile.']));
    // The version saved before the merge has this file's text without the copy's.
    const before = list.find((x) => x.kind === 'merge')!;
    const read = readVersion(here.ctx, { id: before.id }).sections.find((x) => x.title === 'Normative framework')!;
    expect(read.paragraphs).toContain('Written here meanwhile.');
    expect(read.paragraphs).not.toContain('Written in the copy after the version.');
    // Merging the same copy again brings nothing, and saves no version.
    mergeCopy(here.report, copy, { backupDir: path.join(dir, 'backups'), versionBy: here.me.id });
    expect(listVersions(here.report.db)).toHaveLength(2);
    here.report.close();
    expect(checkReportFile(main)).toMatchObject({ sound: true, problems: [] });
  });

  it('a version edited by hand with sqlite3 is listed as unreadable and said, not thrown; text the file lacks is said per section', () => {
    const { main } = demo();
    const sec = actIn(main);
    const v = saveNamedVersion(sec.ctx, { name: 'Good' });
    const w = saveNamedVersion(sec.ctx, { name: 'Broken' });
    sec.report.close();
    const db = new Database(main);
    db.prepare("UPDATE versions SET state = '{not json' WHERE id = ?").run(w.id);
    // A version whose snapshot claims text this file never had (a client and clock it lacks).
    const state = JSON.parse(db.prepare('SELECT state FROM versions WHERE id = ?').pluck().get(v.id) as string) as { sections: Array<{ snapshot: string }> };
    const elsewhere = new Y.Doc();
    elsewhere.getText('t').insert(0, 'text typed in a copy this file never received');
    state.sections[0]!.snapshot = Buffer.from(Y.encodeSnapshotV2(Y.snapshot(elsewhere))).toString('base64');
    db.prepare('UPDATE versions SET state = ? WHERE id = ?').run(JSON.stringify(state), v.id);
    db.close();

    const again = actIn(main);
    const list = listVersions(again.report.db);
    expect(list.find((x) => x.id === w.id)).toMatchObject({ name: 'Broken', unreadable: true });
    expect(() => compareVersions(again.report.db, w.id, 'now')).toThrow('The version “Broken” cannot be read (its record was changed outside the app); the other versions can.');
    expect(() => readVersion(again.ctx, { id: w.id })).toThrow(/cannot be read/);
    const cmp = compareVersions(again.report.db, v.id, 'now');
    expect(cmp.sections.filter((s) => s.textMissing)).toHaveLength(1);
    expect(cmp.sections.filter((s) => !s.textMissing).every((s) => s.change === 'same')).toBe(true);
    expect(() => compareVersions(again.report.db, 'no-such-version', 'now')).toThrow('That version does not exist in this report (it may have come from another copy).');
    again.report.close();
  });
});
