// Approval that holds (issue 13, point 2): an approved section's text and status are final for its
// drafters, typed here or arriving in a copy; the secretariat reopens it, and who approved or
// reopened it and when is read from the change log.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { loadWorkspace } from '../../electron/services/report.js';
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
