// Change packets (issue 17, point 3): "Send changes to…" writes only what an office has not seen,
// as the last copy or changes merged from it show. A packet carries only what the receiver lacks
// (with the earlier changes of the fields it changes, so the merge reads as a copy's), merges into
// the same report a whole copy gives, and merging it twice changes nothing. A packet whose base the
// receiver lacks is refused, naming the office to merge first, and nothing is applied; changes go
// only to an office heard from; a day's typing and 100 field changes travel in under 100 KB.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main as cli } from '../../electron/hosts/cli.js';
import { listOffices, sendChanges } from '../../electron/services/exchange.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { setSectionStatus, updateSection } from '../../electron/services/sections.js';
import { mergeFromCopy, sendCopy } from '../../electron/services/sharing.js';
import { withReadOnly } from '../../electron/store/open.js';
import { reportToOpen, withUnpacked } from '../../electron/sync/received.js';
import { contents } from './exchange-helpers.js';
import { newHost, tempDir, TestClient } from './helpers.js';
import { actIn } from './office.js';

let dataDir = '';
beforeEach(() => {
  dataDir = tempDir();
  process.env.UPR_DATA_DIR = dataDir;
});
afterEach(() => {
  delete process.env.UPR_DATA_DIR;
});

type Office = ReturnType<typeof actIn>;

/** The secretariat's report, and the Ministry of Justice working in a copy the secretariat sent it. */
function setUp() {
  const dir = tempDir();
  const main = path.join(dir, 'veridia.upr');
  createDemoReport(main).close();
  const copy = send(main, path.join(dir, 'for-justice'));
  return { dir, main, justiceFile: reportToOpen(copy) };
}

/** "Send a copy", as a member of the file's (the secretariat's Maria Santos unless named). */
function send(file: string, to: string, who?: string): string {
  const office = actIn(file, who);
  try {
    return sendCopy(office.ctx, { path: to }).path;
  } finally {
    office.report.close();
  }
}

const officeId = (o: Office, name: string) => listOffices(o.ctx).find((x) => x.name === name)!.id;
const merge = (o: Office, file: string) => mergeFromCopy({ ...o.ctx, dataDir }, { path: file });

/** The stamps of a file's change log and the sections of its stored text updates. */
function logOf(file: string): { stamps: Set<string>; cells: Map<string, string>; textSections: Set<string> } {
  return withUnpacked(file, path.basename(file), (plain) =>
    withReadOnly(plain, {}, (db) => {
      const rows = db.prepare("SELECT hlc, tbl || '/' || row_id || '/' || col AS cell FROM change_log").all() as Array<{ hlc: string; cell: string }>;
      return {
        stamps: new Set(rows.map((r) => r.hlc)),
        cells: new Map(rows.map((r) => [r.hlc, r.cell])),
        textSections: new Set(db.prepare('SELECT DISTINCT section_id FROM section_updates').pluck().all() as string[]),
      };
    }),
  );
}

describe('changes sent to an office', () => {
  it('carry only what it lacks, merge into the report a whole copy gives, and twice change nothing', () => {
    const { dir, main, justiceFile } = setUp();
    const justice = actIn(justiceFile, 'David Okafor');
    const section = justice.section('Institutional framework');
    setSectionStatus(justice.ctx, { id: section.id, status: 'ready_for_review' });
    justice.type('Institutional framework', 'The Ministry of Justice adds a paragraph on the national preventive mechanism.');
    const packet = sendChanges(justice.ctx, { path: path.join(dir, 'justice-changes.upr'), organizationId: officeId(justice, 'Ministry of Foreign Affairs') });
    justice.report.close();
    expect(path.basename(packet.path)).toBe('justice-changes.uprz');
    expect(packet).toMatchObject({ sections: 1 });
    const whole = send(justiceFile, path.join(dir, 'justice-copy'), 'David Okafor');
    expect(packet.bytes).toBeLessThan(fs.statSync(whole).size / 2);

    // Only what the secretariat lacks, and earlier changes of the same fields (which it has).
    const ours = logOf(main);
    const theirs = logOf(justiceFile);
    const inPacket = logOf(packet.path);
    const lacking = [...theirs.stamps].filter((s) => !ours.stamps.has(s)).sort();
    expect(lacking.length).toBeGreaterThan(0);
    expect([...inPacket.stamps].filter((s) => !ours.stamps.has(s)).sort()).toEqual(lacking);
    const cellsChanged = new Set(lacking.map((s) => theirs.cells.get(s)));
    expect([...inPacket.cells.values()].every((cell) => cellsChanged.has(cell))).toBe(true);
    expect([...inPacket.textSections]).toEqual([section.id]);

    // The packet and the whole copy give the same report, and say the same of it.
    const twin = path.join(dir, 'twin.upr');
    fs.copyFileSync(main, twin);
    const here = actIn(main);
    const other = actIn(twin);
    const byPacket = merge(here, packet.path);
    const byCopy = merge(other, whole);
    const said = ({ file: _file, backup: _backup, ...s }: typeof byPacket) => s;
    expect(said(byPacket)).toEqual(said(byCopy));
    expect(byPacket).toMatchObject({ texts: 1, held: [], offices: ['Ministry of Justice'] });
    expect(contents(here.report)).toEqual(contents(other.report));
    const before = contents(here.report);
    expect(merge(here, packet.path)).toMatchObject({ rows: 0, texts: 0 });
    expect(contents(here.report)).toEqual(before);
    here.report.close();
    other.report.close();
  });

  it('whose base the report lacks are refused, naming the office to merge first, and nothing is applied', () => {
    const { dir, main, justiceFile } = setUp();
    // The Ministry of Education was sent a copy before the secretariat's latest changes.
    const educationFile = reportToOpen(send(main, path.join(dir, 'for-education.uprz')));
    const here = actIn(main);
    updateSection(here.ctx, { id: here.section('Follow-up').id, wordBudget: 2500 });
    here.report.close();
    const justiceCopy = reportToOpen(send(main, path.join(dir, 'for-justice-again.uprz')));
    expect(justiceCopy).not.toBe(justiceFile);
    const justice = actIn(justiceCopy, 'David Okafor');
    justice.type('Institutional framework', 'A paragraph the Ministry of Education should not see before the secretariat’s changes.');
    const packet = sendChanges(justice.ctx, { path: path.join(dir, 'justice-changes'), organizationId: officeId(justice, 'Ministry of Foreign Affairs') });
    justice.report.close();

    const education = actIn(educationFile);
    const count = () => education.report.db.prepare('SELECT count(*) FROM change_log').pluck().get();
    const rows = count();
    expect(() => merge(education, packet.path)).toThrow(
      '“justice-changes.uprz” holds only the changes Ministry of Justice took this report to lack, and builds on changes from Ministry of Foreign Affairs this report does not have yet. Merge a copy (or the earlier changes) from Ministry of Foreign Affairs first, or ask Ministry of Justice to send a whole copy; nothing was merged.',
    );
    expect(count()).toBe(rows);
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
    // Once the secretariat's copy is merged, the packet is.
    merge(education, path.join(dir, 'for-justice-again.uprz'));
    expect(merge(education, packet.path)).toMatchObject({ texts: 1 });
    education.report.close();
  });

  it('go only to an office heard from, not when it has everything, and a day’s work travels in under 100 KB', async () => {
    const { dir, main, justiceFile } = setUp();
    const justice = actIn(justiceFile, 'David Okafor');
    expect(listOffices(justice.ctx).filter((o) => o.heardAt).map((o) => o.name)).toEqual(['Ministry of Foreign Affairs']);
    expect(() => sendChanges(justice.ctx, { path: path.join(dir, 'x'), organizationId: officeId(justice, 'Ministry of Education') })).toThrow(
      'Nothing from Ministry of Education has been merged into this report yet, so what it has is not known here: send it a whole copy.',
    );
    expect(() => sendChanges(justice.ctx, { path: path.join(dir, 'x'), organizationId: officeId(justice, 'Ministry of Foreign Affairs') })).toThrow(
      'Ministry of Foreign Affairs already has every change in this report',
    );
    expect(fs.readdirSync(dir).some((f) => f.startsWith('x'))).toBe(false);
    setSectionStatus(justice.ctx, { id: justice.section('Institutional framework').id, status: 'ready_for_review' });
    const fromJustice = sendChanges(justice.ctx, { path: path.join(dir, 'from-justice'), organizationId: officeId(justice, 'Ministry of Foreign Affairs') });
    justice.report.close();

    // The secretariat learns from Justice's changes what Justice has, and sends back a day's work.
    const here = actIn(main);
    merge(here, fromJustice.path);
    expect(listOffices(here.ctx).find((o) => o.name === 'Ministry of Justice')!.heardAt).not.toBeNull();
    const sections = ['Methodology', 'Follow-up', 'Key national'].map((t) => here.section(t));
    for (let i = 0; i < 100; i++) updateSection(here.ctx, { id: sections[i % 3]!.id, wordBudget: 1000 + i });
    // About 1,500 words: 75 paragraphs of 20, in three sections.
    const paragraph = (i: number) => `Paragraph ${i} sets out how the recommendations on access to justice were followed up by the ministries and the regional offices.`;
    for (let i = 0; i < 75; i++) here.type(sections[i % 3]!.title, paragraph(i));
    const toJustice = sendChanges(here.ctx, { path: path.join(dir, 'to-justice'), organizationId: officeId(here, 'Ministry of Justice') });
    here.report.close();
    expect(toJustice.changes).toBeGreaterThanOrEqual(100);
    expect(toJustice.sections).toBe(3);
    expect(toJustice.bytes).toBeLessThan(100_000);

    // Justice merges it (from the command line, as a drafter's office can), and has the day's work.
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await cli(['merge', justiceFile, toJustice.path], io)).toBe(0);
    expect(out.at(-1)).toMatch(/^merged to-justice\.uprz \(changes from Ministry of Foreign Affairs\): \d+ change\(s\)/);
    const after = actIn(justiceFile, 'David Okafor');
    expect(after.section('Methodology').wordBudget).toBe(1099);
    expect(await cli(['send-changes', justiceFile, '--to', 'Ministry of Foreign Affairs', path.join(dir, 'nothing'), '--as', 'David Okafor'], io)).toBe(2);
    expect(out.at(-1)).toBe('upr: Ministry of Foreign Affairs already has every change in this report, as the last copy or changes merged from it show; there is nothing to send.');
    setSectionStatus(after.ctx, { id: after.section('Institutional framework').id, status: 'drafting' });
    after.report.close();
    // And from the command line, changes go back by the office's name.
    expect(await cli(['send-changes', justiceFile, '--to', 'ministry of foreign affairs', path.join(dir, 'by-cli'), '--as', 'David Okafor'], io)).toBe(0);
    expect(out.at(-1)).toMatch(/^wrote the changes ministry of foreign affairs lacks to .*by-cli\.uprz/);
  });

  it('are merged, never opened as a report', async () => {
    const { dir, justiceFile } = setUp();
    const justice = actIn(justiceFile, 'David Okafor');
    setSectionStatus(justice.ctx, { id: justice.section('Institutional framework').id, status: 'ready_for_review' });
    const packet = sendChanges(justice.ctx, { path: path.join(dir, 'changes'), organizationId: officeId(justice, 'Ministry of Foreign Affairs') });
    justice.report.close();
    const client = new TestClient(newHost(dataDir));
    const opened = await client.reply('app.openReport', { path: packet.path });
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error.message).toMatch(/^“changes\.uprz” holds only changes sent by another office, not a whole report: merge it/);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('changes'))).toEqual(['changes.uprz']);
  });
});
