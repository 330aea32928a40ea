// Trust in merged copies (issue 12, cases 5, 6, 8 and 9): a copy whose change log or text claims
// what its author could not do is merged with those changes held back (kept, listed with whom they
// claim to be from, released when a later copy brings what makes them legitimate); crossed outline
// moves and mutual demotions leave a whole outline and a secretariat, the same in every office; and
// attached files' contents travel with their records.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { MergeSummary } from '../../shared/api.js';
import { outlineOrder } from '../../shared/domain.js';
import { editSection } from '../../electron/docs/headless.js';
import { readSectionText, storeTextRow, textUpdates } from '../../electron/docs/section-text.js';
import { attachmentContent, attachData } from '../../electron/services/attachments.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { createInput } from '../../electron/services/inputs.js';
import { createMember, updateMember } from '../../electron/services/people.js';
import { moveSection } from '../../electron/services/sections.js';
import { checkReportFile } from '../../electron/store/check.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { listMembers, listSections } from '../../electron/store/queries.js';
import { mergeCopy } from '../../electron/sync/merge.js';
import { tempDir } from './helpers.js';
import { actIn, sendCopyOf, signAsAuthor } from './office.js';

function setUp() {
  const dir = tempDir();
  const main = path.join(dir, 'secretariat.upr');
  createDemoReport(main).close();
  const send = (name: string, from = main) => sendCopyOf(from, path.join(dir, name));
  return { dir, main, send, backups: path.join(dir, 'backups') };
}

/**
 * Merges two copies into the main report in both orders, each into a copy of it of its own, and
 * returns what `look` reads there after each, the file sound afterwards.
 */
function inBothOrders<T>({ dir, main, backups }: ReturnType<typeof setUp>, a: string, b: string, look: (here: ReturnType<typeof actIn>, held: MergeSummary['held']) => T): T[] {
  return [
    [a, b],
    [b, a],
  ].map((order, k) => {
    const target = path.join(dir, `m${k}.upr`);
    fs.copyFileSync(main, target);
    const here = actIn(target);
    let result: T;
    try {
      result = look(here, order.flatMap((f) => mergeCopy(here.report, f, { backupDir: backups }).held));
    } finally {
      here.report.close();
    }
    expect(checkReportFile(target)).toMatchObject({ sound: true, problems: [] });
    return result;
  });
}

/**
 * Writes a change into a copy as someone editing it with sqlite3 would: a log row claiming `author`,
 * stamped after everything in the file, and the table cell to match.
 */
function forge(file: string, author: string, table: string, row: string, column: string, value: string | number | null): string {
  const db = new Database(file);
  let hlc: string;
  try {
    const newest = db.prepare('SELECT max(hlc) FROM change_log').pluck().get() as string;
    hlc = `${new Date(Date.parse(newest.slice(0, 24)) + 1000).toISOString()}-0000-00000000000000f0`;
    db.prepare('INSERT INTO change_log (hlc, replica, author, tbl, row_id, col, value, prev_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)').run(hlc, '00000000000000f0', author, table, row, column, value);
    db.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`).run(value, row);
  } finally {
    db.close();
  }
  // Signed as the author's own app would: the policy judges what the author did.
  signAsAuthor(file, author, { changes: [hlc] });
  return hlc;
}

const memberId = (report: OpenReport, name: string) => listMembers(report.db).find((m) => m.name === name)!.id;
const sectionOf = (report: OpenReport, title: string) => listSections(report.db).find((s) => s.title.startsWith(title))!;

describe('a merged copy that claims more than its authors could do', () => {
  it('holds back a drafter approving another ministry’s section, a reviewer making herself secretariat, and text a reviewer wrote; lists them; merges the rest', () => {
    const { main, send, backups } = setUp();
    const copy = send('forged.upr');
    const office = OpenReport.open(copy);
    const david = memberId(office, 'David Okafor');
    const ingrid = memberId(office, 'Ingrid Larsen');
    const methodology = sectionOf(office, 'Methodology');
    const promotion = sectionOf(office, 'Promotion and protection');
    // Text a reviewer "wrote", stored as the app stores typing.
    const words = 'The NHRI rewrote this paragraph itself.';
    const update = editSection(textUpdates(office.db, promotion.id), () => {
      $getRoot().append($createParagraphNode().append($createTextNode(words)));
    });
    const textStamp = office.clock.tick();
    storeTextRow(office.db, { sectionId: promotion.id, data: update, replica: office.replica, author: ingrid, hlc: textStamp, folded: false });
    // And one legitimate change, so the merge has something to take.
    office.write(david, [{ table: 'sections', row: sectionOf(office, 'Developments').id, column: 'status', value: 'ready_for_review' }]);
    office.close();
    signAsAuthor(copy, ingrid, { text: textStamp });
    forge(copy, david, 'sections', methodology.id, 'status', 'approved');
    forge(copy, ingrid, 'members', ingrid, 'role', 'secretariat');

    const here = actIn(main);
    const before = readSectionText(here.report.db, promotion.id).plain;
    const summary = mergeCopy(here.report, copy, { backupDir: backups });
    expect(here.section('Methodology').status).toBe('ready_for_review');
    expect(listMembers(here.report.db).find((m) => m.id === ingrid)!.role).toBe('reviewer');
    expect(readSectionText(here.report.db, promotion.id).plain).toBe(before);
    expect(here.section('Developments').status).toBe('ready_for_review');
    expect(summary.held).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'change', table: 'sections', row: methodology.id, column: 'status', authorName: 'David Okafor', reason: 'approveSecretariatOnly' }),
        expect.objectContaining({ kind: 'change', table: 'members', row: ingrid, column: 'role', authorName: 'Ingrid Larsen', reason: 'secretariatOnly' }),
        expect.objectContaining({ kind: 'text', table: 'sections', row: promotion.id, authorName: 'Ingrid Larsen', reason: 'heldTextByReviewer' }),
      ]),
    );
    expect(summary.held).toHaveLength(3);
    // Kept in the file, not thrown away, and the file is sound.
    expect(here.report.db.prepare('SELECT count(*) FROM held_changes').pluck().get()).toBe(3);
    here.report.close();
    expect(checkReportFile(main)).toMatchObject({ sound: true });
  });

  it('releases a held change when a later copy brings the role change that makes it legitimate, whatever the order', () => {
    const { dir, main, send, backups } = setUp();
    const full = send('full.upr');
    const office = actIn(full);
    const david = memberId(office.report, 'David Okafor');
    updateMember(office.ctx, { id: david, role: 'secretariat' });
    const methodology = office.section('Methodology').id;
    office.report.write(david, [{ table: 'sections', row: methodology, column: 'status', value: 'approved' }]);
    office.report.close();
    // The same copy with the promotion taken out by hand.
    const partial = path.join(dir, 'partial.upr');
    fs.copyFileSync(full, partial);
    const db = new Database(partial);
    db.prepare("DELETE FROM change_log WHERE tbl = 'members' AND row_id = ? AND col = 'role'").run(david);
    db.close();

    const outcome = (order: string[]) => {
      const target = path.join(dir, `merged-${order.map((f) => path.basename(f, '.upr')).join('-')}.upr`);
      fs.copyFileSync(main, target);
      const here = actIn(target);
      const summaries = order.map((f) => mergeCopy(here.report, f, { backupDir: backups }));
      const result = { status: here.section('Methodology').status, held: here.report.db.prepare('SELECT count(*) FROM held_changes').pluck().get(), summaries };
      here.report.close();
      return result;
    };
    const partialFirst = outcome([partial, full]);
    expect(partialFirst.summaries[0]!.held).toEqual([expect.objectContaining({ row: methodology, column: 'status', authorName: 'David Okafor' })]);
    expect(partialFirst.summaries[1]!.released).toBe(1);
    expect(partialFirst).toMatchObject({ status: 'approved', held: 0 });
    expect(outcome([full, partial])).toMatchObject({ status: 'approved', held: 0 });
  });
});

describe('invariants after a merge', () => {
  it('crossed outline moves in two copies: both sections and their text stay in the outline, one move held back, the same in either order, and the file sound', () => {
    const env = setUp();
    const a = env.send('a.upr');
    const b = env.send('b.upr');
    const inA = actIn(a);
    const b1 = inA.section('Normative framework').id;
    const b2 = inA.section('Institutional framework').id;
    moveSection(inA.ctx, { id: b1, parentId: b2, index: 0 });
    inA.report.close();
    const inB = actIn(b);
    moveSection(inB.ctx, { id: b2, parentId: b1, index: 0 });
    inB.report.close();

    const results = inBothOrders(env, a, b, (here, held) => ({
      outline: outlineOrder(listSections(here.report.db)).map((e) => `${e.label} ${e.section.title}`),
      texts: [b1, b2].map((id) => readSectionText(here.report.db, id).plain),
      held,
    }));
    expect(results[0]!.outline).toEqual(expect.arrayContaining([expect.stringMatching(/ Normative framework$/), expect.stringMatching(/ Institutional framework$/)]));
    expect(results[0]!.texts[0]).toContain('Law on Equality');
    expect(results[0]!.texts[1]).toContain('national preventive mechanism');
    expect(results[0]!.held.map((h) => h.reason)).toEqual(['moveInsideItself']);
    expect(results[1]!.outline).toEqual(results[0]!.outline);
  });

  it('two secretariat members who demote each other in their own copies: one stays secretariat, the same in every office', () => {
    const env = setUp();
    const here0 = actIn(env.main);
    const org = listMembers(here0.report.db).find((m) => m.name === 'Maria Santos')!.organizationId;
    const sam = createMember(here0.ctx, { name: 'Sam Secretariat', organizationId: org, role: 'secretariat' }).id;
    const maria = memberId(here0.report, 'Maria Santos');
    here0.report.close();
    const a = env.send('maria.upr');
    const b = env.send('sam.upr');
    const inA = actIn(a, 'Maria Santos');
    updateMember(inA.ctx, { id: sam, role: 'observer' });
    inA.report.close();
    const inB = actIn(b, 'Sam Secretariat');
    updateMember(inB.ctx, { id: maria, role: 'observer' });
    inB.report.close();
    const results = inBothOrders(env, a, b, (here) => listMembers(here.report.db).filter((m) => m.role === 'secretariat').map((m) => m.name));
    expect(results[0]).toHaveLength(1);
    expect(results[1]).toEqual(results[0]);
  });

  it('a copy whose changes would leave no secretariat at all: the change that would has it held back', () => {
    const { main, send, backups } = setUp();
    const copy = send('alone.upr');
    const probe = OpenReport.open(main);
    const maria = memberId(probe, 'Maria Santos');
    probe.close();
    forge(copy, maria, 'members', maria, 'role', 'drafter');
    const here = actIn(main);
    const summary = mergeCopy(here.report, copy, { backupDir: backups });
    expect(summary.held).toEqual([expect.objectContaining({ row: maria, column: 'role', reason: 'lastSecretariat' })]);
    expect(listMembers(here.report.db).filter((m) => m.role === 'secretariat').map((m) => m.name)).toEqual(['Maria Santos']);
    here.report.close();
  });
});

describe('attachments in a merge', () => {
  it('bring their contents with them, and a copy without the contents is filled in by a later copy that has them', () => {
    const { dir, main, send, backups } = setUp();
    const pristine = send('pristine.upr');
    const withFile = send('inputs.upr');
    const office = actIn(withFile);
    const input = createInput(office.ctx, { title: 'Submission of the Roma Women’s Network', sourceOrganizationId: null, receivedOn: '2026-03-02', channel: 'email', summary: '', fullText: '', themes: [] });
    const bytes = Buffer.from('%PDF-1.4 the submission itself');
    const attached = attachData(office.ctx, { inputId: input.id, name: 'submission.pdf', mediaType: 'application/pdf', data: bytes.toString('base64') });
    office.report.close();
    const attachmentId = attached.attachments[0]!.id;
    // The same copy with the file's contents taken out.
    const without = path.join(dir, 'without.upr');
    fs.copyFileSync(withFile, without);
    const db = new Database(without);
    db.exec('DELETE FROM blobs');
    db.close();

    const here = actIn(main);
    mergeCopy(here.report, without, { backupDir: backups });
    expect(() => attachmentContent(here.report.db, attachmentId)).toThrow(/contents are not in this copy/);
    const summary = mergeCopy(here.report, withFile, { backupDir: backups });
    expect(summary.attachments).toBe(1);
    expect(attachmentContent(here.report.db, attachmentId).bytes.equals(bytes)).toBe(true);
    here.report.close();

    // Straight from the copy that has them, in one merge.
    const there = actIn(pristine);
    expect(mergeCopy(there.report, withFile, { backupDir: backups }).attachments).toBe(1);
    expect(attachmentContent(there.report.db, attachmentId).bytes.equals(bytes)).toBe(true);
    there.report.close();
  });
});
