// `upr versions`, `upr version`, `upr diff` and `upr history`: the versions and history of a report
// from a terminal, run as a person runs them (the real command, over the demo report in a temporary
// folder), the text typed between versions written by the services as the editor writes it.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { $createTextNode, $getRoot, type ElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { editSection } from '../../electron/docs/headless.js';
import { textUpdates } from '../../electron/docs/section-text.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { setSectionStatus } from '../../electron/services/sections.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { listSections } from '../../electron/store/queries.js';
import { writeText } from '../../electron/sync/text-log.js';
import { outlineOrder } from '../../shared/domain.js';
import type { HistoryPage } from '../../shared/history.js';
import type { VersionComparison, VersionInfo } from '../../shared/versions.js';
import { sha256, tempDir, upr } from './helpers.js';
import { actIn } from './office.js';

const PARAGRAPH = 'The Child Protection Act was adopted in March 2025.';

function demo(): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'report.upr');
  createDemoReport(file).close();
  return { dir, file };
}

/** Types a paragraph at the end of a section as the member named (the section's drafter). */
function typeAs(file: string, who: string, title: string, words: string): void {
  const office = actIn(file, who);
  try {
    office.type(title, words);
  } finally {
    office.report.close();
  }
}

/** Replaces `find` with `by` in the paragraph of a section that holds it, as the secretariat typing. */
function rewrite(file: string, title: string, find: string, by: string): void {
  const office = actIn(file);
  try {
    const s = office.section(title);
    const update = editSection(textUpdates(office.report.db, s.id), () => {
      const block = $getRoot()
        .getChildren()
        .find((n) => n.getTextContent().includes(find)) as ElementNode;
      const text = block.getTextContent().replace(find, by);
      block.clear();
      block.append($createTextNode(text));
    });
    writeText(office.report, s.id, update, office.me.id, 'edit');
  } finally {
    office.report.close();
  }
}

async function versionsOf(file: string): Promise<VersionInfo[]> {
  const r = await upr(['versions', file, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as VersionInfo[];
}

/** As the command prints a time: this computer's time zone, to the minute. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The tracked insertions and deletions pandoc reads in a .docx. */
async function trackedChanges(docx: string): Promise<Array<{ kind: string; text: string }>> {
  const { stdout } = await promisify(execFile)('pandoc', ['-f', 'docx', '--track-changes=all', '-t', 'html', '--columns=100000', docx]);
  return [...stdout.matchAll(/<span class="(insertion|deletion)"[^>]*>([^<]*)<\/span>/g)].map(([, kind, text]) => ({ kind: kind!, text: text! }));
}

// Each test runs the command a dozen times, each a Node start: more than the default time on a busy machine.
describe('upr versions, version and diff', { timeout: 90_000 }, () => {
  it('a version saved from the terminal is listed, and diff shows what was typed since in the sections that changed only, as text, JSON and a Word redline', async () => {
    const { dir, file } = demo();
    const saved = await upr(['version', file, '--name', 'Sent to ministries']);
    expect(saved.code).toBe(0);
    expect(saved.stderr).toBe('');
    const [v] = await versionsOf(file);
    expect(v).toMatchObject({ name: 'Sent to ministries', kind: 'named', createdBy: 'Maria Santos', sections: 9 });
    expect(saved.stdout).toBe(`saved version “Sent to ministries” (id ${v!.id})\n`);
    expect((await upr(['versions', file])).stdout).toBe(
      `${localTime(v!.createdAt)}  “Sent to ministries”, named, by Maria Santos: ${v!.words} words, 9 sections (id ${v!.id})\n`,
    );

    typeAs(file, 'David Okafor', 'Normative framework', PARAGRAPH);

    const text = await upr(['diff', file, '--from', 'Sent to ministries']);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      [
        `changes from “Sent to ministries” (${localTime(v!.createdAt)}) to the report now`,
        'B.1 Normative framework (changed)',
        '  written by David Okafor',
        `  + ${PARAGRAPH}`,
        '1 section changed, 9 words inserted, 0 deleted',
        'records: 0 comments made, 0 answered, 0 closed; 0 recommendations changed; 0 inputs added, 0 decided',
        '',
      ].join('\n'),
    );

    const json = await upr(['diff', file, '--from', v!.id, '--to', 'now', '--format', 'json']);
    expect(json.code).toBe(0);
    const cmp = JSON.parse(json.stdout) as VersionComparison;
    expect(cmp.from).toMatchObject({ id: v!.id, name: 'Sent to ministries' });
    expect(cmp.sections.filter((s) => s.change !== 'same').map((s) => [s.label, s.title, s.change])).toEqual([['B.1', 'Normative framework', 'changed']]);
    expect(cmp.sections.find((s) => s.title === 'Normative framework')!.paragraphs).toContainEqual({ kind: 'added', text: PARAGRAPH });

    // --out writes what would be printed to the file, through the safe writer.
    const printedTo = path.join(dir, 'changes.txt');
    expect(await upr(['diff', file, '--from', 'Sent to ministries', '--out', printedTo])).toEqual({ code: 0, stdout: `wrote ${printedTo}\n`, stderr: '' });
    expect(fs.readFileSync(printedTo, 'utf8')).toBe(text.stdout);

    const docx = path.join(dir, 'changes.docx');
    const redline = await upr(['diff', file, '--from', 'Sent to ministries', '--format', 'docx', '--out', docx]);
    expect(redline).toEqual({ code: 0, stdout: `wrote ${docx} (${fs.statSync(docx).size.toLocaleString('en')} bytes)\n`, stderr: '' });
    expect(await trackedChanges(docx)).toEqual([{ kind: 'insertion', text: PARAGRAPH }]);
  });

  it('names may repeat: diff takes the newest of that name, changed words marked as git marks them; an id still finds the older one', async () => {
    const { file } = demo();
    expect((await upr(['version', file, '--name', 'Draft'])).code).toBe(0);
    typeAs(file, 'David Okafor', 'Normative framework', PARAGRAPH);
    expect((await upr(['version', file, '--name', 'Draft'])).code).toBe(0);
    rewrite(file, 'Normative framework', 'March', 'April');

    const [newer, older] = await versionsOf(file);
    expect([newer!.name, older!.name]).toEqual(['Draft', 'Draft']);
    expect(newer!.createdAt > older!.createdAt).toBe(true);
    expect((await upr(['versions', file])).stdout.split('\n').map((l) => l.replace(/^.*\(id (.*)\)$/, '$1'))).toEqual([newer!.id, older!.id, '']);

    const fromNewest = await upr(['diff', file, '--from', 'Draft']);
    expect(fromNewest.stdout).toContain('B.1 Normative framework (changed)\n  written by Maria Santos\n  ~ The Child Protection Act was adopted in [-March-]{+April+} 2025.\n');
    expect(fromNewest.stdout).toContain('1 section changed, 1 word inserted, 1 deleted\n');

    const between = await upr(['diff', file, '--from', older!.id, '--to', newer!.id]);
    expect(between.stdout).toContain(`B.1 Normative framework (changed)\n  written by David Okafor\n  + ${PARAGRAPH}\n`);
    expect(between.stdout).not.toContain('April');
  });

  it('refuses a drafter saving a version, an unknown version, and a diff with nowhere or the wrong place to go, each in one line, nothing written', async () => {
    const { dir, file } = demo();
    expect((await upr(['version', file, '--name', 'Sent to ministries'])).code).toBe(0);
    const report = sha256(file);

    const drafter = await upr(['version', file, '--name', 'Mine', '--as', 'David Okafor']);
    expect(drafter).toEqual({ code: 2, stdout: '', stderr: 'upr: Only the secretariat can change this (your role: drafter).\n' });
    expect(sha256(file)).toBe(report);
    expect((await versionsOf(file)).map((v) => v.name)).toEqual(['Sent to ministries']);

    const refusals: Array<[string[], string]> = [
      [['--from', 'Sent to the NHRI'], 'upr: no version called “Sent to the NHRI” in this report (upr versions FILE lists them)\n'],
      [['--from', 'Sent to ministries', '--to', 'Final'], 'upr: no version called “Final” in this report (upr versions FILE lists them)\n'],
      [[], 'upr: say which version to compare from: --from VERSION (upr versions FILE lists them)\n'],
      [['--from', 'Sent to ministries', '--format', 'docx'], 'upr: a redline is a Word file: say where to write it with --out PATH\n'],
      [['--from', 'Sent to ministries', '--out', file], `upr: --out names the report itself (${file}); nothing is ever written over it. Choose another file.\n`],
      [['--from', 'Sent to ministries', '--format', 'docx', '--out', file], `upr: --out names the report itself (${file}); nothing is ever written over it. Choose another file.\n`],
      [['--from', 'Sent to ministries', '--format', 'pdf', '--out', path.join(dir, 'x.pdf')], 'upr: unknown diff format “pdf” (accepted: text, json, docx)\n'],
    ];
    for (const [args, said] of refusals) expect(await upr(['diff', file, ...args])).toEqual({ code: 2, stdout: '', stderr: said });
    // The usage says how to use them.
    const help = (await upr(['help'])).stdout;
    expect(help).toContain('\n  upr versions FILE [--json]\n  upr version FILE --name NAME [--as MEMBER]\n');
    expect(help).toContain('\n  upr diff FILE --from VERSION [--to VERSION|now] [--format text|json|docx] [--out PATH]\n');
    expect(help).toContain("VERSION is a version's id or its name (where names repeat, the newest of that name)");
    expect(sha256(file)).toBe(report);
    expect(fs.readdirSync(dir).sort()).toEqual(['report.upr']);
  });
});

/** A section's number in the outline, as the Sections view shows it. */
function outlineLabel(file: string, title: string): string | undefined {
  const report = OpenReport.openSnapshot(file);
  try {
    return outlineOrder(listSections(report.db)).find((o) => o.section.title === title)?.label;
  } finally {
    report.close();
  }
}

describe('upr history', { timeout: 90_000 }, () => {
  it('one line per change, newest first: a version saved, a session of typing with its characters, a status set; a section found by its number or its title alike', async () => {
    const { file } = demo();
    expect((await upr(['version', file, '--name', 'Sent to ministries'])).code).toBe(0);
    typeAs(file, 'David Okafor', 'Normative framework', PARAGRAPH);
    const maria = actIn(file);
    try {
      setSectionStatus(maria.ctx, { id: maria.section('Normative framework').id, status: 'ready_for_review' });
    } finally {
      maria.report.close();
    }

    const newest = await upr(['history', file, '--limit', '3']);
    expect(newest.code).toBe(0);
    expect(newest.stderr).toBe('');
    const minute = '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}';
    expect(newest.stdout).toMatch(
      new RegExp(
        [
          `^${minute}  Maria Santos \\(Ministry of Foreign Affairs\\)  section “Normative framework”: status = ready_for_review`,
          `${minute}  David Okafor \\(Ministry of Justice\\)  B\\.1 Normative framework: text, ${PARAGRAPH.length} characters typed, 0 deleted, in 1 save`,
          `${minute}  Maria Santos \\(Ministry of Foreign Affairs\\)  version “Sent to ministries” saved`,
          '… more entries: narrow with --since/--section or raise --limit\n$',
        ].join('\n'),
      ),
    );
    const times = newest.stdout.split('\n').slice(0, 3).map((line) => line.slice(0, 16));
    expect(times).toEqual([...times].sort().reverse());

    const byTitle = await upr(['history', file, '--section', 'Normative framework']);
    expect(byTitle.code).toBe(0);
    expect(byTitle.stdout).toContain(`  David Okafor (Ministry of Justice)  B.1 Normative framework: text, ${PARAGRAPH.length} characters typed,`);
    const sessions = byTitle.stdout.split('\n').filter((line) => line.includes(': text, '));
    expect(sessions.length).toBeGreaterThan(1);
    for (const line of sessions) expect(line).toContain('  B.1 Normative framework: text, ');
    // B.1 is what the Sections view numbers it: the number finds the same entries as the title.
    expect(outlineLabel(file, 'Normative framework')).toBe('B.1');
    expect(await upr(['history', file, '--section', 'B.1'])).toEqual(byTitle);
  });

  it("one person's entries as JSON, the history page the app reads", async () => {
    const { file } = demo();
    typeAs(file, 'David Okafor', 'Normative framework', PARAGRAPH);
    const r = await upr(['history', file, '--person', 'David Okafor', '--json']);
    expect(r.code).toBe(0);
    const page = JSON.parse(r.stdout) as HistoryPage;
    expect(page.entries.length).toBeGreaterThan(1);
    expect(page.entries.every((e) => e.who === 'David Okafor')).toBe(true);
    expect(page.entries[0]).toMatchObject({ kind: 'text', sectionTitle: 'Normative framework', organization: 'Ministry of Justice', typed: PARAGRAPH.length });
    expect(page.more).toBe(false);
  });

  it('refuses an unknown section or person and a day not on the calendar, each in one line, the report left as it was', async () => {
    const { dir, file } = demo();
    const report = sha256(file);
    const refusals: Array<[string[], string]> = [
      [['--section', 'Z.9'], 'upr: no section numbered or titled “Z.9” in this report (upr info FILE lists them)\n'],
      [['--person', 'Nobody Known'], 'upr: no member called “Nobody Known” in this report (members: David Okafor, Ingrid Larsen, Leila Haddad, Maria Santos, Tomás Ruiz)\n'],
      [['--since', '2001-13-01'], 'upr: --since takes a day as YYYY-MM-DD (got “2001-13-01”)\n'],
      [['--until', '2027-02-30'], 'upr: --until takes a day as YYYY-MM-DD (got “2027-02-30”)\n'],
      [['--limit', '0'], 'upr: --limit takes a number of entries, 1 or more (got “0”)\n'],
    ];
    for (const [args, said] of refusals) expect(await upr(['history', file, ...args])).toEqual({ code: 2, stdout: '', stderr: said });
    expect((await upr(['help'])).stdout).toContain(
      '\n  upr history FILE [--section LABEL] [--person NAME] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--limit N] [--json]\n',
    );
    expect(sha256(file)).toBe(report);
    expect(fs.readdirSync(dir).sort()).toEqual(['report.upr']);
  });
});
