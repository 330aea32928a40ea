import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecommendationImport } from '../../shared/domain.js';
import { isUserError } from '../../shared/errors.js';
import type { MessageKey } from '../../shared/messages.js';
import { readThematicList, type ThematicList } from '../../electron/import/ohchr-list.js';
import { readThematicListInWorker } from '../../electron/import/in-worker.js';
import { tempDir } from './helpers.js';
import { OHCHR_LIST } from '../bench/ohchr-import.js';

const CORPUS = OHCHR_LIST;

/** The file's paragraphs as plain text, read straight from its XML: no mammoth, no HTML. */
function paragraphsOf(docx: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);
  return xml
    .split(/<w:p(?:\s[^>]*)?>/)
    .map((p) => p.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim())
    .filter((p) => p !== '');
}

function byNumber(list: ThematicList, number: string): RecommendationImport {
  const row = list.rows.find((r) => r.number === number);
  if (!row) throw new Error(`Recommendation ${number} was not read.`);
  return row;
}

/** The key of the UserError `promise` rejects with; fails on anything else (a stack trace). */
async function refusal(promise: Promise<unknown>): Promise<{ key: string; message: string }> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isUserError(e)) throw new Error(`Expected a UserError, got ${e === null ? 'a result' : String(e)}`);
  return { key: e.translatable?.key ?? '', message: e.message };
}

describe('the OHCHR thematic list of Slovenia (3rd cycle)', () => {
  let bytes: Uint8Array;
  let list: ThematicList;
  let paragraphs: string[];
  beforeAll(async () => {
    bytes = fs.readFileSync(CORPUS);
    list = await readThematicList(bytes, path.basename(CORPUS));
    paragraphs = paragraphsOf(bytes);
  });

  it('reads every recommendation in the file, each once', () => {
    // Counted apart from the parser: paragraphs starting with a number such as 121.1 or 122.155.
    const numbers = new Set(paragraphs.map((p) => /^(\d{3}\.\d{1,3}) /.exec(p)?.[1]).filter(Boolean));
    expect(numbers.size).toBe(215);
    expect(list.rows).toHaveLength(numbers.size);
    expect(new Set(list.rows.map((r) => r.number))).toEqual(numbers);
    expect(list.problems).toEqual([]);
    expect(list.layout).toBe('cycle3');
    // 1 header row, 215 recommendations and 53 "Theme:" rows.
    expect(list.tableRows).toBe(1 + 215 + paragraphs.filter((p) => p.startsWith('Theme:')).length);
    expect(list.tableRows).toBe(269);
  });

  it('gives every recommendation its position, as many Supported and Noted as the file says', () => {
    const supported = paragraphs.filter((p) => p === 'Supported').length;
    const noted = paragraphs.filter((p) => p === 'Noted').length;
    expect([supported, noted]).toEqual([182, 33]);
    expect(list.rows.filter((r) => r.position === 'supported')).toHaveLength(supported);
    expect(list.rows.filter((r) => r.position === 'noted')).toHaveLength(noted);
    expect(list.rows.filter((r) => r.positionSource !== '')).toHaveLength(215);
  });

  it('reads a recommendation with its States, themes, affected persons and SDGs', () => {
    expect(byNumber(list, '121.1')).toEqual({
      number: '121.1',
      text: 'Ratify the International Convention for the Protection of All Persons from Enforced Disappearance',
      states: ['France', 'Lithuania'],
      position: 'supported',
      positionSource: 'A/HRC/43/15 - Para 121',
      cluster: 'Acceptance of international norms',
      themes: ['Acceptance of international norms', 'Enforced disappearances'],
      groups: ['Disappeared persons'],
      sdgs: [16],
    });
  });

  it('reads a Noted recommendation and where its position comes from', () => {
    const r = byNumber(list, '122.155');
    expect(r.position).toBe('noted');
    expect(r.positionSource).toBe('A/HRC/43/15/Add.1 - Para.5');
    expect(r.states).toEqual(['Argentina']);
    expect(r.text).toBe(
      'Deepen measures aimed at ensuring that “erased persons” can recover their permanent residence in an accessible and swift way by the law adopted in 2010',
    );
    expect(r.groups).toEqual(['stateless persons', 'non-citizens']);
    expect(r.cluster).toBe('Rights related to name, identity & nationality');
  });

  it('takes several States, and leaves a convention number in the text', () => {
    expect(byNumber(list, '122.7').states).toEqual(['Slovakia', 'Spain', 'North Macedonia']);
    const ilo = byNumber(list, '122.10');
    expect(ilo.text).toBe('Consider the ratification of the ILO Domestic Workers Convention, 2011 (No. 189)');
    expect(ilo.states).toEqual(['Philippines']);
    expect(byNumber(list, '121.3').text).toMatch(/Forced Labour Convention, 1930 \(No\. 29\)$/);
    expect(byNumber(list, '121.3').states).toEqual(['United Kingdom of Great Britain and Northern Ireland']);
  });

  it('takes the States of each part of a merged recommendation, in order', () => {
    const r = byNumber(list, '122.3');
    expect(r.states).toEqual(['Indonesia', 'Niger', 'Philippines']);
    expect(r.text.split('; ')).toHaveLength(3);
    expect(r.text).not.toMatch(/Indonesia|Niger|Philippines/);
    expect(byNumber(list, '121.2').states).toEqual(['Ukraine', 'Slovakia']);
  });

  it('decodes entities and reads SDG numbers', () => {
    const r = byNumber(list, '121.3');
    expect(r.themes).toContain('Right to work and to just & favorable conditions of work & labour rights');
    expect(r.sdgs).toEqual([8]);
    expect(byNumber(list, '122.51').sdgs).toEqual([10, 16]);
    expect(list.rows.every((r) => !/&amp;|&[a-z]+;/.test(JSON.stringify(r)))).toBe(true);
  });

  it('counts the clusters, themes and States of the list', () => {
    expect(new Set(list.rows.map((r) => r.cluster)).size).toBe(42);
    expect(new Set(list.rows.flatMap((r) => r.themes)).size).toBe(62);
    expect(new Set(list.rows.flatMap((r) => r.groups)).size).toBe(26);
    const states = new Set(list.rows.flatMap((r) => r.states));
    // Counted apart: every parenthesized group of capitalized words without digits, in the paragraphs
    // of recommendations.
    const crude = new Set(
      paragraphs.filter((p) => /^\d{3}\.\d{1,3} /.test(p)).flatMap((p) => [...p.matchAll(/\(([A-Z][A-Za-z ,'-]+)\)/g)].map((m) => m[1]!)),
    );
    expect(states).toEqual(crude);
    expect(states.size).toBe(81);
    expect(states).toContain('Islamic Republic of Iran');
    expect(states).toContain('Bolivarian Republic of Venezuela');
    // No State left in a text, and no text ends in list punctuation.
    for (const r of list.rows) {
      expect(r.states.length, r.number).toBeGreaterThan(0);
      expect(r.text, r.number).not.toMatch(/[;.,\s]$/);
      for (const s of r.states) expect(r.text.includes(`(${s})`), `${r.number} ${s}`).toBe(false);
    }
  });
});

// A 4th-cycle list, as OHCHR lays it out now, with its columns in another order than the 3rd cycle's.
type CellText = string | string[];

function cell(text: CellText, options: { columnSpan?: number; rowSpan?: number; bold?: boolean } = {}): TableCell {
  const lines = typeof text === 'string' ? [text] : text;
  return new TableCell({
    columnSpan: options.columnSpan,
    rowSpan: options.rowSpan,
    children: lines.map((line) => {
      const source = /^(Source of Position:)(.*)$/.exec(line);
      const runs = source ? [new TextRun({ text: source[1], bold: true }), new TextRun(source[2]!)] : [new TextRun({ text: line, bold: options.bold })];
      return new Paragraph({ children: runs });
    }),
  });
}

const HEADER_4 = ['Relevant SDGs', 'Position of the State under review', 'Recommendation and recommending State', 'Human rights themes and groups of persons'];

/** One recommendation row in the 4th-cycle column order: SDGs, position, recommendation, themes. */
function row4(recommendation: CellText, position: string, themes: CellText, sdgs: CellText): TableRow {
  return new TableRow({ children: [cell(sdgs), cell(position), cell(recommendation), cell(themes)] });
}

const themeRow = (title: string) => new TableRow({ children: [cell(`Theme: ${title}`, { columnSpan: 4, bold: true })] });

async function docxOf(children: Array<Paragraph | Table>): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

async function fourthCycleList(): Promise<Uint8Array> {
  const header = new TableRow({ tableHeader: true, children: HEADER_4.map((h) => cell(h, { bold: true })) });
  const table = new Table({
    rows: [
      header,
      themeRow('A12 Acceptance of international norms'),
      row4(
        ['158.1 Ratify the Optional Protocol to the Convention against Torture (Iran (Islamic Republic of));', 'Source of Position: A/HRC/58/9/Add.1 - Para.3'],
        'Supported',
        ['- A12 Acceptance of international norms', '- A41 Constitutional & legislative framework', 'Affected persons:', '- persons deprived of their liberty'],
        ['- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS'],
      ),
      row4(
        ['158.2 Consider ratifying the Domestic Workers Convention, 2011 (No. 189) (Maldives) (Portugal) (Venezuela (Bolivarian Republic of)).', 'Source of Position: A/HRC/58/9/Add.1 - Para.4'],
        'noted',
        ['- A12 Acceptance of international norms', '- A12 Acceptance of international norms', 'Affected persons:', '- migrants', '- women'],
        ['SDG 8', 'SDG 5', 'SDG 8'],
      ),
      row4('Ratify every outstanding instrument (France);', 'Supported', '- A12 Acceptance of international norms', ''),
      new TableRow({ children: HEADER_4.map((h) => cell(h)) }),
      themeRow('Women’s rights & gender equality'),
      row4(
        ['158.3 Adopt a law on gender-based violence & harassment at work (Türkiye); Fund shelters for women & girls (State of Palestine) (Holy See);', 'Source of Position: A/HRC/58/9/Add.1 - Para.3'],
        'Supported/Noted',
        ['- F12 Discrimination against women', 'Affected persons:', '- women & girls'],
        ['- 5 - GENDER EQUALITY', '- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS'],
      ),
      new TableRow({ children: [cell(''), cell(''), cell(''), cell('')] }),
      row4(['158.1 Ratify the Optional Protocol (Chile);'], 'Supported', '', ''),
      new TableRow({
        children: [cell('- 4 - QUALITY EDUCATION'), cell('Supported', { rowSpan: 2 }), cell('158.4 Guarantee free primary education (Holy See);'), cell('- E51 Right to education')],
      }),
      new TableRow({ children: [cell('4'), cell('158.5 Train teachers in inclusive education (Cabo Verde);'), cell('- E51 Right to education')] }),
    ],
  });
  return docxOf([new Paragraph('Thematic list of recommendations'), table]);
}

describe('a 4th-cycle list', () => {
  let list: ThematicList;
  beforeAll(async () => {
    list = await readThematicList(await fourthCycleList(), 'UPR48_Example_Thematic_list.docx');
  });

  it('finds its columns by their headers, whatever their order', () => {
    expect(list.layout).toBe('cycle4');
    expect(list.tableRows).toBe(12);
    expect(list.rows.map((r) => r.number)).toEqual(['158.1', '158.2', '158.3', '158.4', '158.5']);
    expect(list.rows[0]).toEqual({
      number: '158.1',
      text: 'Ratify the Optional Protocol to the Convention against Torture',
      states: ['Iran (Islamic Republic of)'],
      position: 'supported',
      positionSource: 'A/HRC/58/9/Add.1 - Para.3',
      cluster: 'A12 Acceptance of international norms',
      themes: ['A12 Acceptance of international norms', 'A41 Constitutional & legislative framework'],
      groups: ['persons deprived of their liberty'],
      sdgs: [16],
    });
  });

  it('takes nested and several States, and SDGs written "SDG 8", once each', () => {
    const r = list.rows[1]!;
    expect(r.states).toEqual(['Maldives', 'Portugal', 'Venezuela (Bolivarian Republic of)']);
    expect(r.text).toBe('Consider ratifying the Domestic Workers Convention, 2011 (No. 189)');
    expect(r.position).toBe('noted');
    expect(r.positionSource).toBe('A/HRC/58/9/Add.1 - Para.4');
    expect(r.themes).toEqual(['A12 Acceptance of international norms']);
    expect(r.groups).toEqual(['migrants', 'women']);
    expect(r.sdgs).toEqual([8, 5]);
  });

  it('imports a mixed position as none, and says so', () => {
    const r = list.rows[2]!;
    expect(r.position).toBeNull();
    expect(r.cluster).toBe('Women’s rights & gender equality');
    expect(r.states).toEqual(['Türkiye', 'State of Palestine', 'Holy See']);
    expect(r.text).toBe('Adopt a law on gender-based violence & harassment at work; Fund shelters for women & girls');
    expect(r.sdgs).toEqual([5, 16]);
    const problem = list.problems.find((p) => p.key === 'importRowPositionUnclear');
    expect(problem).toMatchObject({ row: 8, params: { number: '158.3', position: 'Supported/Noted' } });
    expect(problem!.reason).toContain('“Supported/Noted”');
  });

  it('reports a row without a number and a repeated number, and skips them', () => {
    const keys: MessageKey[] = list.problems.map((p) => p.key);
    expect(keys.sort()).toEqual(['importRowDuplicate', 'importRowNoNumber', 'importRowPositionUnclear']);
    expect(list.problems.find((p) => p.key === 'importRowNoNumber')).toMatchObject({
      row: 5,
      reason: 'This row does not start with a recommendation number (such as 115.23), so it was skipped.',
      excerpt: 'Supported | Ratify every outstanding instrument (France); | - A12 Acceptance of international norms',
    });
    expect(list.problems.find((p) => p.key === 'importRowDuplicate')).toMatchObject({ row: 10, params: { number: '158.1', first: 3 } });
  });

  it('gives a position merged down two rows to both', () => {
    expect(list.rows.slice(3).map((r) => [r.number, r.position, r.states, r.sdgs])).toEqual([
      ['158.4', 'supported', ['Holy See'], [4]],
      ['158.5', 'supported', ['Cabo Verde'], [4]],
    ]);
  });
});

/** Where the headers of a zip member start: its central-directory entry, or its local header. */
function header(zip: Uint8Array, name: string, signature: number, nameAt: number, nameLengthAt: number): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + nameAt <= zip.length; at++) {
    if (view.getUint32(at, true) !== signature) continue;
    if (strFromU8(zip.subarray(at + nameAt, at + nameAt + view.getUint16(at + nameLengthAt, true))) === name) return at;
  }
  throw new Error(`${name} is not in the archive.`);
}

const directoryEntry = (zip: Uint8Array, name: string) => header(zip, name, 0x02014b50, 46, 28);

/** The compressed bytes of a member, from its local header (zipSync writes sizes there). */
function memberData(zip: Uint8Array, name: string): { start: number; end: number } {
  const at = header(zip, name, 0x04034b50, 30, 26);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return { start, end: start + view.getUint32(at + 18, true) };
}

describe('a list edited by hand', () => {
  it('reads headers in any case and spacing, under a title row, and a table split in two', async () => {
    const plain = (cells: string[]) => new TableRow({ children: cells.map((c) => cell(c)) });
    const first = new Table({
      rows: [
        new TableRow({ children: [cell('Slovenia, 3rd cycle', { columnSpan: 3 })] }),
        plain(['  RECOMMENDATION ', 'Full  list of themes:', 'position']),
        plain(['121.1 Ratify the Convention (France);', '- Acceptance of international norms', 'Supported']),
      ],
    });
    const second = new Table({ rows: [plain(['121.2 Ratify the Protocol (Chile).', '- Enforced disappearances', 'Noted'])] });
    const list = await readThematicList(await docxOf([first, new Paragraph('(continued)'), second]), 'edited.docx');
    expect(list.layout).toBe('cycle3');
    expect(list.tableRows).toBe(4);
    expect(list.problems).toEqual([]);
    expect(list.rows.map((r) => [r.number, r.text, r.states, r.position, r.themes])).toEqual([
      ['121.1', 'Ratify the Convention', ['France'], 'supported', ['Acceptance of international norms']],
      ['121.2', 'Ratify the Protocol', ['Chile'], 'noted', ['Enforced disappearances']],
    ]);
  });
});

describe('files that are not a list of recommendations', () => {
  async function write(name: string, bytes: Uint8Array | string): Promise<{ name: string; bytes: Uint8Array }> {
    const file = path.join(tempDir(), name);
    fs.writeFileSync(file, bytes);
    return { name, bytes: fs.readFileSync(file) };
  }
  const read = async (f: Promise<{ name: string; bytes: Uint8Array }>) => {
    const { name, bytes } = await f;
    return refusal(readThematicList(bytes, name));
  };
  const minimalParts = (documentXml: string) => ({
    '[Content_Types].xml': new TextEncoder().encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': new TextEncoder().encode(documentXml),
  });

  it('refuses a text file renamed .docx, and an empty file', async () => {
    expect((await read(write('notes.docx', 'Recommendation 121.1: ratify everything.'))).key).toBe('importNotWord');
    const empty = await read(write('empty.docx', ''));
    expect(empty).toEqual({ key: 'importNotWord', message: '“empty.docx” is not a Word document (.docx).' });
  });

  it('refuses a zip archive with no Word document in it', async () => {
    const zip = zipSync({ 'readme.txt': new TextEncoder().encode('hello'), 'xl/workbook.xml': new Uint8Array(10) });
    expect((await read(write('archive.docx', zip))).key).toBe('importNotWord');
  });

  it('asks for an unprotected .docx when given a password-protected or old .doc file', async () => {
    const cfb = new Uint8Array(4096).fill(0x2a);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const r = await read(write('protected.docx', cfb));
    expect(r.key).toBe('importProtectedOrDoc');
    expect(r.message).toContain('unprotected .docx');
  });

  it('refuses an archive that declares more than any list unpacks to, without unpacking it', async () => {
    // A real .docx whose central directory claims its document unpacks to 2 GB.
    const zip = zipSync(minimalParts('<w:document/>'));
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint32(directoryEntry(zip, 'word/document.xml') + 24, 0x7fff_ffff, true);
    const started = performance.now();
    expect((await read(write('bomb.docx', zip))).key).toBe('importTooLarge');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a real archive of 201 MB of zeros, quickly', async () => {
    const zeros = new Uint8Array(201 * 1024 * 1024);
    const zip = zipSync({ ...minimalParts('<w:document/>'), 'word/media/zeros.bin': [zeros, { level: 1 }] });
    expect(zip.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    expect((await refusal(readThematicList(zip, 'zeros.docx'))).key).toBe('importTooLarge');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses an archive that unpacks to 60 MB of XML (case 13), whether its directory says so or lies, with little memory', async () => {
    // The real list's document, its body repeated to 60 MB: a small file (a few hundred KB).
    const parts = unzipSync(fs.readFileSync(CORPUS));
    const xml = strFromU8(parts['word/document.xml']!);
    const start = xml.indexOf('<w:body>') + 8;
    const end = xml.lastIndexOf('<w:sectPr');
    const body = xml.slice(start, end);
    const big = xml.slice(0, start) + body.repeat(Math.ceil((60 * 1024 * 1024) / body.length)) + xml.slice(end);
    const honest = zipSync({ ...parts, 'word/document.xml': strToU8(big) }, { level: 9 });
    expect(honest.length).toBeLessThan(3 * 1024 * 1024);
    // The same, its directory and local header claiming the document is 100 KB.
    const lying = honest.slice();
    const view = new DataView(lying.buffer, lying.byteOffset, lying.byteLength);
    view.setUint32(directoryEntry(lying, 'word/document.xml') + 24, 100_000, true);
    view.setUint32(header(lying, 'word/document.xml', 0x04034b50, 30, 26) + 22, 100_000, true);
    for (const [name, zip] of [['honest.docx', honest], ['lying.docx', lying]] as const) {
      const heap = process.memoryUsage().heapUsed;
      const started = performance.now();
      expect((await refusal(readThematicList(zip, name))).key, name).toBe('importTooLarge');
      expect(performance.now() - started, name).toBeLessThan(5_000);
      expect(process.memoryUsage().heapUsed - heap, name).toBeLessThan(200 * 1024 * 1024);
    }
  });

  it('reads a list in a worker thread whose running out of memory is a message, never the end of the app', async () => {
    const corpus = fs.readFileSync(CORPUS);
    expect((await readThematicListInWorker(corpus, 'list.docx')).rows).toHaveLength(215);
    // A worker given far too little memory for the converter runs out of it; this process goes on.
    expect((await refusal(readThematicListInWorker(corpus, 'list.docx', 8))).key).toBe('importTooLarge');
    expect((await readThematicListInWorker(corpus, 'list.docx')).rows).toHaveLength(215);
  });

  it('says a truncated or corrupted .docx is damaged', async () => {
    const corpus = fs.readFileSync(CORPUS);
    expect((await read(write('truncated.docx', corpus.subarray(0, corpus.length / 2)))).key).toBe('importDamaged');
    // Intact directory, garbage where the document's compressed XML should be.
    const zip = zipSync(minimalParts(`<w:document>${'<w:p/>'.repeat(5000)}</w:document>`));
    const { start, end } = memberData(zip, 'word/document.xml');
    zip.fill(0xff, start, end);
    expect((await read(write('corrupt.docx', zip))).key).toBe('importDamaged');
  });

  it('names the headers it looked for when no table has them', async () => {
    const wrong = new Table({
      rows: [
        new TableRow({ children: ['No.', 'Text', 'Status'].map((h) => cell(h)) }),
        new TableRow({ children: ['1', '121.1 Ratify the Convention (France);', 'Supported'].map((h) => cell(h)) }),
      ],
    });
    const r = await read(write('wrong-headers.docx', await docxOf([new Paragraph('A table, but not the list'), wrong])));
    expect(r.key).toBe('importNoTable');
    expect(r.message).toBe(
      '“wrong-headers.docx” has no table of recommendations: no table has a header row with the columns ' +
        '“Recommendation” or “Recommendation and recommending State”, and “Position” or “Position of the State under review”.',
    );
    const prose = await read(write('prose.docx', await docxOf([new Paragraph('121.1 Ratify the Convention (France); Supported')])));
    expect(prose.key).toBe('importNoTable');
  });
});
