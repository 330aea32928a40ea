// The redline .docx read back by real readers: pandoc for which words are inserted or deleted and
// what accepting or rejecting every change leaves, LibreOffice for whether its tracked changes are
// ones an office suite takes as such (not just coloured text).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeRedlineDocx } from '../../electron/export/redline-docx.js';
import type { SectionComparison, VersionComparison } from '../../shared/versions.js';
import { tempDir, installed, LIBREOFFICE } from './helpers.js';

const run = promisify(execFile);

const readers = installed('pandoc') && LIBREOFFICE !== undefined;
// On a developer's machine without the readers the tests skip; in CI they must run, so they fail there instead.
const skip = !readers && !process.env.CI;

const WRITERS = 'Amina Diallo, Jonas Berg';

const legalFramework: SectionComparison = {
  sectionId: 's-legal',
  title: 'Legal framework',
  label: '2.1',
  change: 'changed',
  fields: [{ field: 'status', from: 'drafting', to: 'approved' }],
  paragraphs: [
    { kind: 'same', text: 'The Constitution guarantees equality before the law.' },
    {
      kind: 'changed',
      parts: [
        { text: 'The National Assembly ' },
        { text: 'considered', change: 'deleted' },
        { text: 'adopted', change: 'inserted' },
        { text: ' the Child Protection Act ' },
        { text: 'last year', change: 'deleted' },
        { text: 'in March 2023', change: 'inserted' },
        { text: '.' },
      ],
    },
    { kind: 'removed', text: 'An ombudsman was proposed.' },
    { kind: 'added', text: 'Four new shelters opened.' },
  ],
  writers: ['Amina Diallo', 'Jonas Berg'],
};

const followUp: SectionComparison = {
  sectionId: 's-follow-up',
  title: 'Follow-up mechanism',
  label: '3',
  change: 'added',
  fields: [],
  paragraphs: [{ kind: 'added', text: 'The Government set up a national mechanism for reporting.' }],
  writers: [],
};

const annex: SectionComparison = {
  sectionId: 's-annex',
  title: 'Statistical annex',
  label: '4',
  change: 'changed',
  fields: [{ field: 'lead', from: 'Ministry of Justice', to: 'National Statistics Office' }],
  paragraphs: [],
  writers: ['Amina Diallo'],
  textMissing: true,
};

const methodology: SectionComparison = {
  sectionId: 's-method',
  title: 'Methodology and consultation',
  label: '1',
  change: 'same',
  fields: [],
  paragraphs: [],
  writers: ['Jonas Berg'],
};

function comparison(sections: SectionComparison[]): VersionComparison {
  return {
    from: { id: 'v1', name: 'Draft for consultation', at: '2024-03-01T09:30:00.000Z', words: 1200 },
    to: { id: 'now', name: 'Now', at: '2024-05-10T14:05:12.345Z', words: 1350 },
    sections,
    records: { commentsMade: 0, commentsAnswered: 0, commentsClosed: 0, recommendationsChanged: 0, inputsAdded: 0, inputsDecided: 0 },
    totals: { sectionsChanged: sections.filter((s) => s.change !== 'same').length, wordsInserted: 9, wordsDeleted: 3 },
  };
}

async function written(cmp: VersionComparison, rtl = false): Promise<{ file: string; dir: string; bytes: Uint8Array }> {
  const bytes = await writeRedlineDocx(cmp, { reportTitle: 'National report of Veridia', rtl });
  const dir = tempDir();
  const file = path.join(dir, 'redline.docx');
  fs.writeFileSync(file, bytes);
  return { file, dir, bytes };
}

async function pandoc(file: string, trackChanges: 'all' | 'accept' | 'reject', to: 'html' | 'plain'): Promise<string> {
  const { stdout } = await run('pandoc', ['-f', 'docx', `--track-changes=${trackChanges}`, '-t', to, '--columns=100000', file]);
  return stdout;
}

/** The tracked changes in pandoc's HTML: each insertion or deletion span with its text and author. */
function trackedSpans(html: string): Array<{ kind: string; text: string; author: string }> {
  return [...html.matchAll(/<span class="(insertion|deletion)"([^>]*)>([^<]*)<\/span>/g)].map(([, kind, attrs, text]) => ({
    kind: kind!,
    text: text!,
    author: /data-author="([^"]*)"/.exec(attrs!)?.[1] ?? '',
  }));
}

function documentXml(bytes: Uint8Array): string {
  return strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);
}

/** Each w:p element of the body, as XML. */
function paragraphsOf(bytes: Uint8Array): string[] {
  return [...documentXml(bytes).matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map(([p]) => p);
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.skipIf(skip)('the redline Word document', () => {
  it('has pandoc and LibreOffice to be read with', () => {
    expect(readers, 'pandoc and LibreOffice (libreoffice or soffice) must be installed where CI runs the tests').toBe(true);
  });

  it('marks inserted and deleted words as tracked changes, credited to the section’s writers', async () => {
    const { file, bytes } = await written(comparison([methodology, legalFramework, followUp, annex]));
    const html = await pandoc(file, 'all', 'html');
    const spans = trackedSpans(html);
    const inserted = spans.filter((s) => s.kind === 'insertion');
    const deleted = spans.filter((s) => s.kind === 'deletion');

    expect(inserted).toEqual(
      expect.arrayContaining([
        { kind: 'insertion', text: 'adopted', author: WRITERS },
        { kind: 'insertion', text: 'in March 2023', author: WRITERS },
        { kind: 'insertion', text: 'Four new shelters opened.', author: WRITERS },
        // An added section: its heading and text are insertions, credited to the app when nobody wrote in it.
        { kind: 'insertion', text: '3 Follow-up mechanism', author: 'UPR workbench' },
        { kind: 'insertion', text: 'The Government set up a national mechanism for reporting.', author: 'UPR workbench' },
      ]),
    );
    expect(deleted).toEqual(
      expect.arrayContaining([
        { kind: 'deletion', text: 'considered', author: WRITERS },
        { kind: 'deletion', text: 'last year', author: WRITERS },
        { kind: 'deletion', text: 'An ombudsman was proposed.', author: WRITERS },
      ]),
    );
    expect(html).toContain('class="paragraph-insertion" data-author="Amina Diallo, Jonas Berg"');
    expect(html).toContain('class="paragraph-deletion" data-author="Amina Diallo, Jonas Berg"');
    // Word needs each change's id to be unique in the document (paragraph marks included).
    const ids = [...documentXml(bytes).matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map(([, id]) => id);
    expect(ids.length).toBeGreaterThanOrEqual(12);
    expect(new Set(ids).size).toBe(ids.length);
    // Kept words and field changes are plain text, not changes.
    for (const plainText of ['The National Assembly', 'Child Protection Act', 'equality before the law', 'drafting', 'approved'])
      expect(spans.some((s) => s.text.includes(plainText))).toBe(false);

    const text = squeeze(await pandoc(file, 'all', 'plain'));
    expect(text).toContain('National report of Veridia');
    expect(text).toContain('Changes from “Draft for consultation” (2024-03-01) to “Now” (2024-05-10)');
    expect(text).toContain('2.1 Legal framework');
    expect(text).toContain('Status: drafting → approved');
    expect(text).toContain('4 Statistical annex');
    expect(text).toContain('Lead: Ministry of Justice → National Statistics Office');
    expect(html).toMatch(/<em>This section’s text could not be rebuilt for one of the two sides\.<\/em>/);
    // A section that is the same on both sides is left out.
    expect(text).not.toContain('Methodology');
  });

  it('reads as the new text when every change is accepted and as the old one when every change is rejected', async () => {
    const { file, bytes } = await written(comparison([methodology, legalFramework, followUp]));
    const accepted = squeeze(await pandoc(file, 'accept', 'plain'));
    const rejected = squeeze(await pandoc(file, 'reject', 'plain'));

    // The spaces at the ends of the kept parts survive: the words do not run together.
    expect(accepted).toContain('The National Assembly adopted the Child Protection Act in March 2023.');
    expect(rejected).toContain('The National Assembly considered the Child Protection Act last year.');

    expect(accepted).toContain('Four new shelters opened.');
    expect(accepted).not.toContain('An ombudsman was proposed.');
    expect(accepted).toContain('3 Follow-up mechanism');
    expect(accepted).toContain('The Government set up a national mechanism for reporting.');

    expect(rejected).toContain('An ombudsman was proposed.');
    expect(rejected).not.toContain('Four new shelters opened.');
    expect(rejected).not.toContain('Follow-up mechanism');
    expect(rejected).not.toContain('national mechanism');

    // A paragraph added or removed as a whole takes its paragraph mark with it, so no empty paragraph is left behind.
    for (const mode of ['accept', 'reject'] as const) {
      const { stdout } = await run('pandoc', ['-f', 'docx', `--track-changes=${mode}`, '-t', 'native', file]);
      expect(stdout).not.toMatch(/Para \[\s*\]/);
    }
    // pandoc ignores that on headings (it leaves an empty one), so the added section's heading is checked in the XML.
    const heading = paragraphsOf(bytes).find((p) => p.includes('3 Follow-up mechanism'));
    expect(heading).toMatch(/<w:pPr>.*<w:rPr><w:ins w:id="\d+" w:author="UPR workbench"/);

    for (const text of [accepted, rejected]) {
      expect(text).toContain('The Constitution guarantees equality before the law.');
      expect(text).toContain('Status: drafting → approved');
      expect(text).not.toContain('Methodology');
    }
  });

  it('opens in LibreOffice with its changes tracked', { timeout: 120_000 }, async () => {
    const { file, dir } = await written(comparison([methodology, legalFramework, followUp]));
    const out = path.join(dir, 'odt');
    const profile = path.join(tempDir(), `lo-${randomUUID()}`);
    await run(LIBREOFFICE ?? 'libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'odt', '--outdir', out, file], {
      timeout: 90_000,
    });
    const odt = fs.readFileSync(path.join(out, 'redline.odt'));
    const content = strFromU8(unzipSync(new Uint8Array(odt), { filter: (f) => f.name === 'content.xml' })['content.xml']!);

    const tracked = /<text:tracked-changes[^>]*>([\s\S]*?)<\/text:tracked-changes>/.exec(content)?.[1];
    expect(tracked, 'content.xml has no <text:tracked-changes>').toBeDefined();
    const regions = [...tracked!.matchAll(/<text:changed-region\b[\s\S]*?<\/text:changed-region>/g)].map(([r]) => r);
    const insertions = regions.filter((r) => r.includes('<text:insertion>'));
    const deletions = regions.filter((r) => r.includes('<text:deletion>'));
    // LibreOffice joins neighbouring changes by the same author into one region, so count only the distinct ones.
    expect(insertions.length).toBeGreaterThanOrEqual(3);
    expect(deletions.length).toBeGreaterThanOrEqual(3);
    expect(insertions.some((r) => r.includes(`<dc:creator>${WRITERS}</dc:creator>`))).toBe(true);
    expect(insertions.some((r) => r.includes('<dc:creator>UPR workbench</dc:creator>'))).toBe(true);
    // LibreOffice keeps deleted text inside the change itself; inserted text stays in the body between marks.
    expect(deletions.some((r) => r.includes('considered'))).toBe(true);
    expect(deletions.some((r) => r.includes('last year'))).toBe(true);
    expect(deletions.some((r) => r.includes('An ombudsman was proposed.'))).toBe(true);
    expect(content).toMatch(/<text:change-start text:change-id="[^"]+"\/>adopted<text:change-end/);
  });

  it('writes a right-to-left report with bidirectional paragraphs that pandoc reads', async () => {
    const section: SectionComparison = {
      ...legalFramework,
      title: 'الإطار القانوني',
      fields: [],
      paragraphs: [
        {
          kind: 'changed',
          parts: [
            { text: 'اعتمدت الجمعية الوطنية ' },
            { text: 'مشروع', change: 'deleted' },
            { text: 'قانون', change: 'inserted' },
            { text: ' حماية الطفل.' },
          ],
        },
      ],
      writers: ['أمينة ديالو'],
    };
    const { file, bytes } = await written(comparison([section]), true);

    expect(squeeze(await pandoc(file, 'accept', 'plain'))).toContain('اعتمدت الجمعية الوطنية قانون حماية الطفل.');
    expect(squeeze(await pandoc(file, 'reject', 'plain'))).toContain('اعتمدت الجمعية الوطنية مشروع حماية الطفل.');
    expect(trackedSpans(await pandoc(file, 'all', 'html'))).toEqual(
      expect.arrayContaining([
        { kind: 'insertion', text: 'قانون', author: 'أمينة ديالو' },
        { kind: 'deletion', text: 'مشروع', author: 'أمينة ديالو' },
      ]),
    );

    const paragraphs = paragraphsOf(bytes);
    expect(paragraphs.length).toBe(4);
    for (const p of paragraphs) expect(p).toContain('<w:bidi/>');
    const xml = documentXml(bytes);
    const inserted = [...xml.matchAll(/<w:ins [^>]*>([\s\S]*?)<\/w:ins>/g)].map(([, runs]) => runs!).find((runs) => runs.includes('قانون'));
    expect(inserted).toContain('<w:rtl/>');
  });
});
