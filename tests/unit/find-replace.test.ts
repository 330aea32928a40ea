// Find and replace across the report (issue 13, point 6): every match by section, accents and
// case ignored; a replacement goes only into sections the person may write, through the text
// write path, and the others are said; an approved section is not changed by its drafter.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { editSection } from '../../electron/docs/headless.js';
import { readSectionText, textUpdates } from '../../electron/docs/section-text.js';
import { writeText } from '../../electron/sync/text-log.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { findAll, replaceAll } from '../../electron/services/find-replace.js';
import { setSectionStatus } from '../../electron/services/sections.js';
import { checkReportFile } from '../../electron/store/check.js';
import { tempDir } from './helpers.js';
import { actIn } from './office.js';

describe('find and replace across the report', () => {
  it('lists every match by section with its words around, says where the person may replace, and replaces only there', () => {
    const file = path.join(tempDir(), 'report.upr');
    createDemoReport(file).close();
    const david = actIn(file, 'David Okafor');
    const b1 = david.section('Normative framework').id;
    const a = david.section('Methodology').id;
    const found = findAll(david.ctx, { query: 'the LAW' });
    expect(found.total).toBeGreaterThan(1);
    const inB1 = found.sections.find((s) => s.sectionId === b1)!;
    expect(inB1).toMatchObject({ label: 'B.1', title: 'Normative framework', mayReplace: true });
    expect(inB1.matches[0]).toMatchObject({ match: 'the Law' });
    expect(inB1.matches[0]!.after).toMatch(/^ on Equality/);
    expect(findAll(david.ctx, { query: 'ÉQUALITY' }).sections.map((s) => s.sectionId)).toContain(b1);

    // A section with the words that another ministry leads: listed, not to be replaced in.
    const others = findAll(david.ctx, { query: 'the' }).sections.find((s) => !s.mayReplace)!;
    expect(others).toBeDefined();
    const before = readSectionText(david.report.db, b1).plain;
    const theirs = readSectionText(david.report.db, others.sectionId).plain;
    const expected = (before.match(/the law/gi) ?? []).length;
    const done = replaceAll(david.ctx, { query: 'the Law', replacement: 'the Act', sectionIds: [b1, a, others.sectionId] });
    expect(done.replaced).toBe(expected);
    expect(done.sections).toBe(1);
    const theirsHasIt = /the law/i.test(theirs);
    expect(done.skipped).toEqual(theirsHasIt ? [{ sectionId: others.sectionId, reason: expect.stringMatching(/led by another organization/), key: 'otherOrganizationsSection', params: expect.any(Object) }] : []);
    expect(readSectionText(david.report.db, others.sectionId).plain).toBe(theirs);
    expect(readSectionText(david.report.db, b1).plain).not.toMatch(/the law/i);
    expect(readSectionText(david.report.db, b1).plain).toContain('the Act on Equality');
    // Asked for the words that section does have, it is skipped and said.
    const refused = replaceAll(david.ctx, { query: 'the', replacement: 'THE', sectionIds: [b1, others.sectionId] });
    expect(refused.skipped).toEqual([{ sectionId: others.sectionId, reason: expect.stringMatching(/led by another organization/), key: 'otherOrganizationsSection', params: expect.any(Object) }]);
    expect(readSectionText(david.report.db, others.sectionId).plain).toBe(theirs);
    david.report.close();

    // Approved, the section's text is final for its drafter: nothing replaced, and said.
    const secretariat = actIn(file);
    setSectionStatus(secretariat.ctx, { id: b1, status: 'approved' });
    secretariat.report.close();
    const again = actIn(file, 'David Okafor');
    expect(() => replaceAll(again.ctx, { query: 'Act', replacement: 'Law', sectionIds: [b1] })).toThrow(/Nothing was replaced: Section “Normative framework” is approved/);
    expect(findAll(again.ctx, { query: 'the Act' }).sections.find((s) => s.sectionId === b1)!.mayReplace).toBe(false);
    again.report.close();
    expect(checkReportFile(file)).toMatchObject({ sound: true, problems: [] });
  });

  it('finds and replaces words across a change of format within a paragraph, never across paragraphs, as the find bar does', () => {
    const file = path.join(tempDir(), 'report.upr');
    createDemoReport(file).close();
    const maria = actIn(file);
    const a = maria.section('Methodology').id;
    const update = editSection(textUpdates(maria.report.db, a), () => {
      const bold = $createTextNode('rights');
      bold.toggleFormat('bold');
      $getRoot().append(
        $createParagraphNode().append($createTextNode('Support to human '), bold, $createTextNode(' defenders grew')),
        $createParagraphNode().append($createTextNode('Regional offices opened.')),
      );
    });
    writeText(maria.report, a, update, maria.me.id, 'edit');

    const found = findAll(maria.ctx, { query: 'HUMAN RIGHTS defenders' }).sections.find((s) => s.sectionId === a)!;
    expect(found.matches.map((m) => m.match)).toEqual(['human rights defenders']);
    expect(findAll(maria.ctx, { query: 'grew Regional' }).total).toBe(0);

    const done = replaceAll(maria.ctx, { query: 'human rights defenders', replacement: 'defenders of human rights', sectionIds: [a] });
    expect(done).toMatchObject({ replaced: 1, sections: 1, skipped: [] });
    const plain = readSectionText(maria.report.db, a).plain;
    expect(plain).toContain('Support to defenders of human rights grew');
    expect(plain).not.toContain('human rights defenders');
    // Across two paragraphs nothing is replaced.
    expect(() => replaceAll(maria.ctx, { query: 'grew Regional', replacement: 'x', sectionIds: [a] })).not.toThrow();
    expect(readSectionText(maria.report.db, a).plain).toContain('Regional offices opened.');
    maria.report.close();
    expect(checkReportFile(file)).toMatchObject({ sound: true, problems: [] });
  });
});
