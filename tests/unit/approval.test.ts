// Approval that holds (issue 13, point 2): an approved section's text and status are final for its
// drafters, typed here or arriving in a copy; the secretariat reopens it, and who approved or
// reopened it and when is read from the change log. The same from "Ready for review" on when the
// secretariat chooses to lock sections at review.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { loadWorkspace, updateReport } from '../../electron/services/report.js';
import { setSectionStatus } from '../../electron/services/sections.js';
import { readSectionText } from '../../electron/docs/section-text.js';
import { checkReportFile } from '../../electron/store/check.js';
import { mergeCopy } from '../../electron/sync/merge.js';
import { tempDir } from './helpers.js';
import { actIn, sendCopyOf } from './office.js';

function demo() {
  const dir = tempDir();
  const main = path.join(dir, 'report.upr');
  createDemoReport(main).close();
  return { dir, main };
}

describe('an approved section', () => {
  it('cannot be typed in or have its status changed by its drafters, says why, and is theirs again once the secretariat reopens it', () => {
    const { main } = demo();
    const secretariat = actIn(main);
    const id = secretariat.section('Normative framework').id;
    setSectionStatus(secretariat.ctx, { id, status: 'approved' });
    const before = readSectionText(secretariat.report.db, id).plain;
    secretariat.report.close();

    const david = actIn(main, 'David Okafor');
    expect(() => david.type('Normative framework', 'A late sentence.')).toThrow('Section “Normative framework” is approved, so its text is final; ask the secretariat to reopen it to change it.');
    expect(() => setSectionStatus(david.ctx, { id, status: 'drafting' })).toThrow(/is approved, so its text is final/);
    expect(readSectionText(david.report.db, id).plain).toBe(before);
    const approved = loadWorkspace({ report: david.report, me: david.me }).sections.find((s) => s.id === id)!;
    expect(approved).toMatchObject({ status: 'approved', statusSet: { by: 'Maria Santos' } });
    david.report.close();

    const reopen = actIn(main);
    setSectionStatus(reopen.ctx, { id, status: 'drafting' });
    reopen.report.close();
    const again = actIn(main, 'David Okafor');
    again.type('Normative framework', 'A late sentence.');
    expect(readSectionText(again.report.db, id).plain).toContain('A late sentence.');
    expect(loadWorkspace({ report: again.report, me: again.me }).sections.find((s) => s.id === id)).toMatchObject({ status: 'drafting', statusSet: { by: 'Maria Santos' } });
    again.report.close();
    expect(checkReportFile(main)).toMatchObject({ sound: true, problems: [] });
  });

  it('text a drafter wrote in their copy before the approval is merged; text written after it is held back and listed, in whatever order', () => {
    const { dir, main } = demo();
    const send = (name: string) => sendCopyOf(main, path.join(dir, name));
    const early = send('early.upr');
    const late = send('late.upr');
    const inEarly = actIn(early, 'David Okafor');
    inEarly.type('Normative framework', 'Written before the approval.');
    inEarly.report.close();

    const secretariat = actIn(main);
    const id = secretariat.section('Normative framework').id;
    setSectionStatus(secretariat.ctx, { id, status: 'approved' });
    secretariat.report.close();

    // The drafter's copy left before the approval, so their app let them type after it.
    const inLate = actIn(late, 'David Okafor');
    inLate.type('Normative framework', 'Written after the approval.');
    inLate.report.close();

    const other = send('other-office.upr');
    const backupDir = path.join(dir, 'backups');
    for (const [file, order] of [
      [main, [early, late]],
      [other, [late, early]],
    ] as const) {
      const here = actIn(file);
      const held = order.flatMap((copy) => mergeCopy(here.report, copy, { backupDir }).held);
      expect(held).toEqual([expect.objectContaining({ kind: 'text', row: id, reason: 'sectionApproved', params: { title: 'Normative framework' } })]);
      const text = readSectionText(here.report.db, id).plain;
      expect(text).toContain('Written before the approval.');
      expect(text).not.toContain('Written after the approval.');
      here.report.close();
      expect(checkReportFile(file)).toMatchObject({ sound: true, problems: [] });
    }
  });
});

describe('a report that locks sections at review', () => {
  it('is off until the secretariat chooses it: a drafter types in a section ready for review', () => {
    const { main } = demo();
    const david = actIn(main, 'David Okafor');
    const id = david.section('Normative framework').id;
    setSectionStatus(david.ctx, { id, status: 'ready_for_review' });
    david.type('Normative framework', 'Still writing.');
    expect(readSectionText(david.report.db, id).plain).toContain('Still writing.');
    expect(loadWorkspace({ report: david.report, me: david.me }).report.lockAtReview).toBe(false);
    // Only the secretariat sets it.
    expect(() => updateReport(david.ctx, { lockAtReview: true })).toThrow(/Only the secretariat can change this/);
    david.report.close();
  });

  it('once chosen, makes a section ready for review read only for its drafters (text and status), says why, and the secretariat reopens it', () => {
    const { main } = demo();
    const secretariat = actIn(main);
    const id = secretariat.section('Normative framework').id;
    expect(updateReport(secretariat.ctx, { lockAtReview: true }).lockAtReview).toBe(true);
    secretariat.report.close();

    const david = actIn(main, 'David Okafor');
    david.type('Normative framework', 'Written while drafting.');
    setSectionStatus(david.ctx, { id, status: 'ready_for_review' });
    const before = readSectionText(david.report.db, id).plain;
    expect(() => david.type('Normative framework', 'A late sentence.')).toThrow(
      'Section “Normative framework” is ready for review, and the secretariat locks sections then: its text is read only for its drafters; ask the secretariat to reopen it to change it.',
    );
    expect(() => setSectionStatus(david.ctx, { id, status: 'drafting' })).toThrow(/is ready for review, and the secretariat locks sections then/);
    expect(readSectionText(david.report.db, id).plain).toBe(before);
    // Sections of theirs still drafting are not locked.
    david.type('Institutional framework', 'Another section, still drafting.');
    david.report.close();

    const reopen = actIn(main);
    // The secretariat writes in it whatever its status.
    reopen.type('Normative framework', 'Edited by the secretariat.');
    setSectionStatus(reopen.ctx, { id, status: 'drafting' });
    reopen.report.close();
    const again = actIn(main, 'David Okafor');
    again.type('Normative framework', 'A late sentence.');
    expect(readSectionText(again.report.db, id).plain).toContain('A late sentence.');
    again.report.close();
    expect(checkReportFile(main)).toMatchObject({ sound: true, problems: [] });
  });

  it('holds back text a drafter wrote in a copy once the section was ready for review and the report locked, and merges what came before', () => {
    const { dir, main } = demo();
    const early = sendCopyOf(main, path.join(dir, 'early.upr'));
    const late = sendCopyOf(main, path.join(dir, 'late.upr'));
    const inEarly = actIn(early, 'David Okafor');
    inEarly.type('Normative framework', 'Written before the lock.');
    inEarly.report.close();

    const secretariat = actIn(main);
    const id = secretariat.section('Normative framework').id;
    updateReport(secretariat.ctx, { lockAtReview: true });
    setSectionStatus(secretariat.ctx, { id, status: 'ready_for_review' });
    secretariat.report.close();

    // Their copy left before, so their app let them type.
    const inLate = actIn(late, 'David Okafor');
    inLate.type('Normative framework', 'Written while it was in review.');
    inLate.report.close();

    const here = actIn(main);
    const backupDir = path.join(dir, 'backups');
    const held = [early, late].flatMap((copy) => mergeCopy(here.report, copy, { backupDir }).held);
    expect(held).toEqual([expect.objectContaining({ kind: 'text', row: id, reason: 'sectionInReview', params: { title: 'Normative framework' } })]);
    const text = readSectionText(here.report.db, id).plain;
    expect(text).toContain('Written before the lock.');
    expect(text).not.toContain('Written while it was in review.');
    here.report.close();
    expect(checkReportFile(main)).toMatchObject({ sound: true, problems: [] });
  });
});
