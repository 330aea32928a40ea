// The final report as HTML and PDF, from real report files: the HTML read back with a parser (the
// cover, the headings, the numbered paragraphs, the footnotes, the tables, the annexes; never a
// comment; every text escaped), and the PDF printed by Chromium and read back with pdftotext.
// Printing needs Chromium and poppler's pdftotext: without them the PDF tests are skipped here, and
// fail on CI, where both are installed.
import { execFile, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { buildExportDocument } from '../../electron/export/document.js';
import { renderHtml } from '../../electron/export/html.js';
import type { Block, ExportDocument, Inline } from '../../electron/export/model.js';
import { chromiumPath, printPdf } from '../../electron/export/pdf.js';
import { renderPrintHtml } from '../../electron/export/print.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { openReportDatabase } from '../../electron/store/open.js';
import { demoWithListAndInputs } from '../e2e/fixtures.js';
import { newReport, tempDir } from './helpers.js';
import { typeParagraphs } from './review-helpers.js';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const canPrint = fs.existsSync(chromiumPath()) && hasPdftotext();
const itPrints = canPrint || process.env.CI ? it : it.skip;

/** The demo report's review round: comment bodies, proposed wordings and a reply, none of which is the report's text. */
const REVIEW_TEXTS = [
  'Say how many written submissions',
  'the 46 received are listed in the annex',
  'Istanbul Convention',
  'The 2025 budget funds two more shelters',
  'Use the official titles of the laws',
  'Spell out the agency',
  'in cooperation with the United Nations Children’s Fund (UNICEF)',
];

function demoDocument(): ExportDocument {
  const report = createDemoReport(path.join(tempDir(), 'demo.upr'));
  try {
    return buildExportDocument(report.db);
  } finally {
    report.close();
  }
}

async function documentOf(file: string): Promise<ExportDocument> {
  const db = openReportDatabase(file);
  try {
    return buildExportDocument(db);
  } finally {
    db.close();
  }
}

/** What a reader sees of runs: the text, a footnote as its number. */
const plain = (runs: readonly Inline[]): string =>
  runs.map((r) => (r.kind === 'text' ? r.text : r.kind === 'link' ? r.runs.map((x) => x.text).join('') : r.kind === 'footnote' ? String(r.number) : '')).join('');

const ofKind = <K extends Block['kind']>(doc: ExportDocument, kind: K) => doc.body.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);

/** A short failure message: which words, not the whole report. */
function expectWords(text: string, words: string, present = true): void {
  expect(text.includes(words), `${present ? 'missing' : 'present'}: ${words}`).toBe(present);
}

/** pdftotext's layout text, and the same with every run of white space made one space (lines wrap anywhere). */
async function pdfText(pdf: Uint8Array): Promise<{ layout: string; flat: string }> {
  const file = path.join(tempDir(), 'report.pdf');
  fs.writeFileSync(file, pdf);
  const { stdout } = await promisify(execFile)('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return { layout: stdout, flat: stdout.replace(/\s+/g, ' ') };
}

describe('the report as HTML', () => {
  it('is one self-contained page: declared UTF-8, in the report’s language, no script and nothing loaded from elsewhere', () => {
    const html = renderHtml(demoDocument());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const root = parse(html);
    expect(root.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(root.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(root.querySelector('html')?.getAttribute('dir')).toBe('ltr');
    expect(root.querySelectorAll('script, link, img, iframe, object, embed, base, form')).toHaveLength(0);
    expect(root.querySelectorAll('[src]')).toHaveLength(0);
    expect(root.querySelectorAll('style')).toHaveLength(1);
    expect(root.querySelector('style')!.text).toContain('@page');
    expect(root.querySelector('style')!.text).not.toMatch(/url\(|@import/);
  });

  it('opens with the cover block of a UN national report', () => {
    const doc = demoDocument();
    const root = parse(renderHtml(doc));
    const cover = root.querySelector('header.cover')!;
    expect(cover.querySelector('.masthead')!.text).toBe('United Nations');
    expect(cover.querySelector('.meeting')!.querySelectorAll('span').map((s) => s.text)).toEqual([
      'Human Rights Council',
      'Working Group on the Universal Periodic Review',
    ]);
    const title = cover.querySelector('h1')!;
    expect(title.querySelector('.submitted')!.text).toBe(
      'National report submitted in accordance with paragraph 5 of the annex to Human Rights Council resolution 16/21',
    );
    // Set as "the Republic of Veridia"; a cover line starts with a capital.
    expect(title.querySelector('.country')!.text).toBe('The Republic of Veridia');
    expect(root.querySelector('title')!.text).toBe(doc.cover.title);
    expect(root.querySelectorAll('h1')).toHaveLength(1);
  });

  it('gives the symbol and the session on the cover once they are set', async () => {
    const { file, admin } = await newReport();
    await admin.call('report.update', { symbol: 'A/HRC/WG.6/48/TST/1', session: 'Forty-eighth session' });
    const cover = parse(renderHtml(await documentOf(file))).querySelector('header.cover')!;
    expect(cover.querySelector('.masthead .symbol')!.text).toBe('A/HRC/WG.6/48/TST/1');
    expect(cover.querySelector('.meeting .session')!.text).toBe('Forty-eighth session');
  });

  it('carries the masthead beside the Council’s lines: distribution, the date once set, and the original language, in the report’s language', async () => {
    const { file, admin } = await newReport();
    let cover = parse(renderHtml(await documentOf(file))).querySelector('header.cover')!;
    expect(cover.querySelectorAll('.distribution > span').map((s) => s.text)).toEqual(['Distr.: General', 'Original: English']);
    await admin.call('report.update', { issued: '2027-02-12', distribution: 'limited' });
    cover = parse(renderHtml(await documentOf(file))).querySelector('header.cover')!;
    expect(cover.querySelectorAll('.distribution > span').map((s) => s.text)).toEqual(['Distr.: Limited', '12 February 2027', 'Original: English']);
    await admin.call('report.update', { language: 'fr', distribution: 'general' });
    cover = parse(renderHtml(await documentOf(file))).querySelector('header.cover')!;
    expect(cover.querySelectorAll('.distribution > span').map((s) => s.text)).toEqual(['Distr. générale', '12 février 2027', 'Original : français']);
    // A value the app does not know is refused, and changes nothing.
    await expect(admin.call('report.update', { distribution: 'secret' as never })).rejects.toThrow();
    await expect(admin.call('report.update', { issued: '12/02/2027' })).rejects.toThrow();
    expect((await admin.call('workspace.load')).report).toMatchObject({ distribution: 'general', issued: '2027-02-12' });
  });

  it('writes the sections’ headings in outline order, each label in its own span', () => {
    const doc = demoDocument();
    const main = parse(renderHtml(doc)).querySelector('main')!;
    const headings = main.querySelectorAll('h2, h3, h4, h5');
    const expected = ofKind(doc, 'heading');
    expect(headings.map((h) => [h.tagName.toLowerCase(), h.querySelector('.label')?.text ?? '', h.querySelector('.title')!.text])).toEqual(
      expected.map((h) => [`h${h.level + 1}`, h.label, plain(h.runs)]),
    );
    expect(headings.slice(0, 3).map((h) => h.text)).toEqual([
      'A.Methodology and consultation process',
      'B.Developments since the previous review: normative and institutional framework',
      '1.Normative framework',
    ]);
  });

  it('numbers the paragraphs 1 to N in the text itself, as the model numbers them', () => {
    const doc = demoDocument();
    const paragraphs = parse(renderHtml(doc)).querySelectorAll('main p.para');
    const expected = ofKind(doc, 'paragraph');
    expect(paragraphs.length).toBe(expected.length);
    expect(paragraphs.map((p) => p.querySelector('.num')!.text.trim())).toEqual(expected.map((_, i) => `${i + 1}.`));
    // Copied or read aloud, a paragraph is its number, a tab and its text, footnote numbers included.
    expect(paragraphs.map((p) => p.text)).toEqual(expected.map((p) => `${p.number}.\t${plain(p.runs)}`));
  });

  it('links each footnote reference to its note at the end of the text, and each note back', () => {
    const doc = demoDocument();
    const root = parse(renderHtml(doc));
    const refs = root.querySelectorAll('main sup.fnref a');
    expect(refs.map((a) => [a.text, a.getAttribute('href'), a.id])).toEqual([
      ['1', '#fn-1', 'fnref-1'],
      ['2', '#fn-2', 'fnref-2'],
      ['3', '#fn-3', 'fnref-3'],
    ]);
    const notes = root.querySelectorAll('main section.footnotes li');
    expect(notes.map((li) => [li.id, li.querySelector('a.fn-num')!.getAttribute('href'), li.text])).toEqual([
      ['fn-1', '#fnref-1', '1\tA/HRC/DEC/17/119, annex, section I.'],
      ['fn-2', '#fnref-2', '2\tOfficial Gazette No. 44/2023.'],
      ['fn-3', '#fnref-3', '3\tHelpline 0800 100 200, operated by the Centre for Social Work.'],
    ]);
    // The notes close the text, before the annexes.
    expect(root.querySelector('main')!.lastElementChild!.classList.contains('footnotes')).toBe(true);
  });

  it('writes the table with its header row, the list with its bullets, and the formatting', () => {
    const root = parse(renderHtml(demoDocument()));
    const table = root.querySelector('main table')!;
    expect(table.querySelectorAll('thead th').map((th) => th.text)).toEqual(['Consultation', 'Date', 'Participants']);
    expect(table.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => td.text))).toEqual([
      ['National consultation, capital', '14 February', '62 organizations'],
      ['Northern region', '11 March', '27 organizations'],
      ['Southern region', '8 April', '31 organizations'],
    ]);
    const items = root.querySelectorAll('main ul.list > li');
    expect(items.map((li) => li.querySelector('.marker')!.text.trim())).toEqual(['•', '•', '•']);
    expect(items[0]!.text).toBe('•\tamendments to the Criminal Code criminalizing hate speech online and offline;');
    expect(root.querySelector('main i')!.text).toBe('National Human Rights Commission');
    expect(root.querySelector('main b')!.text).toBe('thanks');
  });

  it('has both annexes, each a section that starts a new printed page; an empty one says so', () => {
    const doc = demoDocument();
    const html = renderHtml(doc);
    const annexes = parse(html).querySelectorAll('section.annex');
    expect(annexes.map((a) => [a.querySelector('h2 .label')!.text, a.querySelector('h2 .title')!.text])).toEqual(
      doc.annexes.map((a) => [a.label, a.title]),
    );
    expect(annexes.map((a) => a.querySelector('p.empty')?.text)).toEqual(doc.annexes.map((a) => a.empty));
    expect(html).toMatch(/\.annex\s*\{[^}]*break-before:\s*page/);
  });

  it('puts the recommendations and the inputs in the annexes’ tables, with repeated column heads', async () => {
    const file = path.join(tempDir(), 'listed.upr');
    await demoWithListAndInputs(file);
    const doc = await documentOf(file);
    const [recommendations, inputs] = parse(renderHtml(doc)).querySelectorAll('section.annex');
    const table = recommendations!.querySelector('table')!;
    expect(table.querySelectorAll('thead th').map((th) => th.text)).toEqual(doc.annexes[0]!.headers);
    expect(table.querySelectorAll('colgroup col')).toHaveLength(doc.annexes[0]!.headers.length);
    const rows = table.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => td.text));
    expect(rows.length).toBeGreaterThan(200);
    expect(rows).toEqual(doc.annexes[0]!.rows);
    expect(inputs!.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => td.text))).toEqual(doc.annexes[1]!.rows);
    expect(inputs!.text).toContain('Submission on Roma settlements and access to water');
  });

  it('carries none of the review: no comment, proposed wording, reply or mark', () => {
    const html = renderHtml(demoDocument());
    for (const t of REVIEW_TEXTS) expect(html).not.toContain(t);
    expect(html).not.toContain('demo-comment');
    // The text as written, not as the reviewer proposed it.
    expect(parse(html).querySelector('main')!.text).toContain('in cooperation with UNICEF');
  });

  it('writes text typed as markup as text: nothing from the report becomes an element', async () => {
    const { file, admin } = await newReport();
    const ws = await admin.call('workspace.load');
    const typed = '<script>alert(1)</script> & <b onclick="x()">not bold</b> "quoted" \'too\'';
    await typeParagraphs(admin, ws.sections[0]!.id, [typed]);
    await admin.call('report.update', { title: '</title><script>alert(2)</script>' });
    const html = renderHtml(await documentOf(file));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b onclick=&quot;x()&quot;&gt;not bold&lt;/b&gt;');
    const root = parse(html);
    expect(root.querySelectorAll('script')).toHaveLength(0);
    expect(root.querySelectorAll('main b')).toHaveLength(0);
    expect(root.querySelectorAll('[onclick]')).toHaveLength(0);
    expect(root.querySelector('main p.para')!.text).toBe(`1.\t${typed}`);
    expect(root.querySelector('title')!.text).toBe('</title><script>alert(2)</script>');
  });

  it('escapes the cover, the notes and the annexes too, and writes links only to web and mail addresses', () => {
    const doc = demoDocument();
    const evil = '<img src=x onerror=alert(1)>';
    const hostile: ExportDocument = {
      ...doc,
      cover: { ...doc.cover, country: evil, symbol: evil, session: evil },
      body: [
        {
          kind: 'paragraph',
          number: 1,
          runs: [
            { kind: 'link', href: 'javascript:alert(1)', runs: [{ kind: 'text', text: 'not a link' }] },
            { kind: 'link', href: 'https://www.ohchr.org/?a=1&b="2"', runs: [{ kind: 'text', text: 'OHCHR' }] },
            { kind: 'footnote', number: 1, text: evil },
          ],
        },
        { kind: 'heading', level: 3, label: evil, runs: [{ kind: 'text', text: evil }] },
      ],
      annexes: [{ ...doc.annexes[0]!, title: evil, headers: [evil], rows: [[evil]], widths: [100] }],
    };
    const root = parse(renderHtml(hostile));
    expect(root.querySelectorAll('img, [onerror]')).toHaveLength(0);
    const links = root.querySelectorAll('main a[rel]');
    expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('rel'), a.text])).toEqual([['https://www.ohchr.org/?a=1&b="2"', 'noopener', 'OHCHR']]);
    expect(root.querySelector('main p.para')!.text).toContain('not a link');
    expect(root.querySelector('.country')!.text).toBe(evil);
    expect(root.querySelector('section.footnotes li')!.text).toBe(`1\t${evil}`);
    expect(root.querySelector('section.annex td')!.text).toBe(evil);

    // The page the PDF is printed from: the same escaping, the note where it is referred to, and no
    // script but the engine's three, each allowed by its hash in the page's policy.
    const printed = parse(renderPrintHtml(hostile));
    expect(printed.querySelectorAll('img, [onerror]')).toHaveLength(0);
    expect(printed.querySelector('main p.para .footnote')!.text).toBe(`1\t${evil}`);
    expect(printed.querySelector('section.footnotes')).toBeNull();
    const policy = printed.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    const scripts = printed.querySelectorAll('script');
    expect(scripts).toHaveLength(3);
    const allowed = /script-src ([^;]+)/.exec(policy)![1]!.trim().split(/\s+/);
    expect(allowed).toEqual(scripts.map((el) => `'sha256-${crypto.createHash('sha256').update(el.innerHTML, 'utf8').digest('base64')}'`));
    expect(policy).toMatch(/default-src 'none'/);
    expect(printed.querySelectorAll('[src], link, iframe, object, embed, base, form')).toHaveLength(0);
  });

  it('letters ordered lists (a), (b) and their sub-lists (i), (ii); a table keeps its cell spans and its header rows together', () => {
    const cell = (text: string, extra: Partial<{ header: boolean; colSpan: number; rowSpan: number }> = {}) => ({
      runs: [{ kind: 'text' as const, text }],
      header: false,
      colSpan: 1,
      rowSpan: 1,
      ...extra,
    });
    const doc: ExportDocument = {
      ...demoDocument(),
      body: [
        {
          kind: 'list',
          ordered: true,
          items: [
            { runs: [{ kind: 'text', text: 'first' }], children: [{ kind: 'list', ordered: true, items: [{ runs: [{ kind: 'text', text: 'inner' }], children: [] }, { runs: [{ kind: 'text', text: 'inner too' }], children: [] }] }] },
            { runs: [{ kind: 'text', text: 'second' }], children: [] },
          ],
        },
        {
          kind: 'table',
          rows: [
            [cell('Region', { header: true, rowSpan: 2 }), cell('Consultations', { header: true, colSpan: 2 })],
            [cell('2024', { header: true }), cell('2025', { header: true })],
            [cell('North', { header: true }), cell('3'), cell('4')],
          ],
        },
      ],
    };
    const root = parse(renderHtml(doc));
    expect(root.querySelectorAll('ol.list .marker').map((m) => m.text.trim())).toEqual(['(a)', '(i)', '(ii)', '(b)']);
    const table = root.querySelector('main table')!;
    expect(table.querySelector('thead th')!.getAttribute('rowspan')).toBe('2');
    expect(table.querySelectorAll('thead th')[1]!.getAttribute('colspan')).toBe('2');
    // The head holds both header rows, so the row span stays inside it; "North" heads its row.
    expect(table.querySelectorAll('thead tr').map((tr) => tr.text)).toEqual(['RegionConsultations', '20242025']);
    expect(table.querySelector('tbody th')!.text).toBe('North');
  });
});

describe('the report as PDF', () => {
  it('says what is missing when there is no Chromium to print with', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = path.join(tempDir(), 'no-chromium-here');
    try {
      await expect(printPdf('<!DOCTYPE html><p>x</p>')).rejects.toMatchObject({
        name: 'UserError',
        code: 'not_found',
        translatable: { key: 'pdfNeedsChromium', params: { path: process.env.CHROMIUM_PATH } },
        message: expect.stringContaining('Writing a PDF needs Chromium'),
      });
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });

  itPrints('previews the PDF in memory for the Export view: the same pages, nothing written, no version saved, bad choices refused', async () => {
    const { file, admin } = await newReport();
    const ws = await admin.call('workspace.load');
    await typeParagraphs(admin, ws.sections[0]!.id, ['The consultation took place in three regions.']);
    const versions = (await admin.call('versions.list')).length;
    const files = fs.readdirSync(path.dirname(file)).sort();
    const { pdf, bytes } = await admin.call('export.preview', { draft: { label: 'Round 1', lineNumbers: false }, annexes: { recommendations: 'none', order: 'number', inputs: false } });
    const data = Buffer.from(pdf, 'base64');
    expect(data.length).toBe(bytes);
    expect(data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { flat } = await pdfText(data);
    expectWords(flat, 'Draft: Round 1');
    expectWords(flat, 'The consultation took place in three regions.');
    expectWords(flat, 'Annex', false);
    // The secretariat's export saves a version; its preview does not, and writes no file.
    expect((await admin.call('versions.list')).length).toBe(versions);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(files);
    await expect(admin.call('export.preview', { draft: { label: '   ', lineNumbers: false } })).rejects.toThrow(/draft\.label/);
    await expect(admin.call('export.preview', { path: file } as never)).rejects.toThrow(/path/);
  });

  itPrints('writes nothing and says so when the page cannot be laid out in pages', async () => {
    // The engine's error handler marks the page as failed; a page that says so is never printed.
    const broken = '<!DOCTYPE html><p>x</p><script>document.documentElement.setAttribute("data-printed", "failed")</script>';
    await expect(printPdf(broken)).rejects.toMatchObject({
      name: 'UserError',
      translatable: { key: 'pdfLayoutFailed' },
      message: expect.stringContaining('could not be laid out in pages'),
    });
  });

  itPrints('prints the cover, the headings, the numbered paragraphs, the notes and the annexes, and no comment', async () => {
    const file = path.join(tempDir(), 'listed.upr');
    await demoWithListAndInputs(file);
    const doc = await documentOf(file);
    const pdf = await printPdf(renderPrintHtml(doc));
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const { layout, flat } = await pdfText(pdf);
    for (const line of ['United Nations', 'Human Rights Council', 'Working Group on the Universal Periodic Review', doc.cover.submitted, 'The Republic of Veridia']) {
      expectWords(flat, line);
    }
    for (const h of ofKind(doc, 'heading')) expectWords(flat, `${h.label ? `${h.label} ` : ''}${plain(h.runs)}`);
    // Each paragraph starts a line with its number, in order.
    let from = 0;
    for (const p of ofKind(doc, 'paragraph')) {
      const firstWords = plain(p.runs).split(/\s+/).slice(0, 3).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
      const match = new RegExp(`^\\s*${p.number}\\.\\s+${firstWords}`, 'm').exec(layout.slice(from));
      expect(match, `paragraph ${p.number}`).not.toBeNull();
      from += match!.index + match![0].length;
    }
    for (const note of ['A/HRC/DEC/17/119, annex, section I.', 'Official Gazette No. 44/2023.', 'Helpline 0800 100 200, operated by the Centre for Social Work.']) {
      expectWords(flat, note);
    }
    // A heading inside a section is never numbered: it stands on its line alone (issue 15, point 4).
    const inSection = ofKind(doc, 'heading').filter((h) => !h.label);
    expect(inSection.length).toBeGreaterThan(0);
    for (const h of inSection) expect(layout).toMatch(new RegExp(`^\\s*${plain(h.runs)}\\s*$`, 'm'));
    // Each note at the foot of the page its reference is on, below the text: the words just before
    // the reference and the note's own words are found on the same page, in that order, once.
    const pages = layout.split('\f').map((p) => p.replace(/\s+/g, ' '));
    for (const p of ofKind(doc, 'paragraph')) {
      p.runs.forEach((run, i) => {
        if (run.kind !== 'footnote') return;
        const before = plain(p.runs.slice(0, i)).trim().split(/\s+/).slice(-3).join(' ');
        const note = `${run.number} ${run.text}`;
        const refPage = pages.findIndex((page) => page.includes(before));
        const notePages = pages.flatMap((page, n) => (page.includes(note) ? [n] : []));
        expect(notePages, `note ${run.number}`).toEqual([refPage]);
        expect(pages[refPage]!.indexOf(note)).toBeGreaterThan(pages[refPage]!.indexOf(before));
      });
    }
    // The recommendations annex runs over several pages, each with the table's header row.
    const annexPages = layout.split('\f').filter((page) => /^\s*121\.\d+\s/m.test(page));
    expect(annexPages.length).toBeGreaterThan(1);
    for (const page of annexPages) expect(page).toMatch(/No\.\s+Recommendation\s+Recommending/);
    expectWords(flat, 'Annex I Recommendations received in the previous cycle');
    expectWords(flat, '121.1 Ratify the International Convention');
    expectWords(flat, 'Annex II Consultation inputs');
    // A cell's first line (the table's columns are side by side in the layout).
    expectWords(flat, 'Submission on Roma');
    expectWords(flat, 'in cooperation with UNICEF');
    for (const t of REVIEW_TEXTS) expectWords(flat, t, false);
    // Page numbers in the footer: a line holding only the number.
    expect(layout).toMatch(/^\s+2\s*$/m);
    // The masthead: the Council's line and the distribution on one line, the original language below.
    expect(layout).toMatch(/Human Rights Council\s+Distr\.: General/);
    expectWords(flat, 'Original: English');
  });

  itPrints('prints a draft with DRAFT across each page, its name and date at the foot of each, and its lines numbered on request', async () => {
    const report = createDemoReport(path.join(tempDir(), 'demo.upr'));
    let draft: ExportDocument;
    let final: ExportDocument;
    try {
      draft = buildExportDocument(report.db, undefined, { label: 'Draft for the NHRI', lineNumbers: true }, new Date('2027-01-20T10:00:00Z'));
      final = buildExportDocument(report.db);
    } finally {
      report.close();
    }
    const html = renderPrintHtml(draft);
    const root = parse(html);
    expect(root.querySelector('.draft-watermark')!.text).toBe('DRAFT');
    expect(root.querySelector('.draft-footer')!.text).toBe('Draft: Draft for the NHRI, 20 January 2027');
    const pdf = await printPdf(html);
    const finalPdf = await printPdf(renderPrintHtml(final));
    const { layout } = await pdfText(pdf);
    const pages = layout.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page).toContain('Draft: Draft for the NHRI, 20 January 2027');

    // Line numbers stand in the left margin (the page's first 58 points; the text starts at 62):
    // read from that strip alone, they run 1, 2, 3… through the text, across pages; the final has none.
    const strip = async (bytes: Uint8Array) => {
      const file = path.join(tempDir(), 'strip.pdf');
      fs.writeFileSync(file, bytes);
      const { stdout } = await promisify(execFile)('pdftotext', ['-x', '0', '-y', '0', '-W', '58', '-H', '842', file, '-']);
      return stdout.split(/\s+/).filter(Boolean);
    };
    const numbers = await strip(pdf);
    const lines = ofKind(draft, 'paragraph').length + ofKind(draft, 'heading').length;
    expect(numbers.length).toBeGreaterThan(lines);
    expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
    expect(await strip(finalPdf)).toEqual([]);

    // The watermark is drawn, not text pdftotext reads (rotated, nearly transparent): the pages are
    // rendered and their blank middle band compared with the same band of the final report's.
    const ink = async (bytes: Uint8Array) => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'p.pdf'), bytes);
      await promisify(execFile)('pdftoppm', ['-gray', '-r', '20', '-f', '2', '-l', '2', path.join(dir, 'p.pdf'), path.join(dir, 'page')]);
      const pgm = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.pgm'))!));
      const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 30).toString('latin1'))!.map(Number);
      const pixels = pgm.subarray(pgm.length - w! * h!);
      let grey = 0;
      // The lower middle of page 2, below its text: grey only where the watermark is.
      for (let y = Math.floor(h! * 0.62); y < Math.floor(h! * 0.8); y++) for (let x = 0; x < w!; x++) if (pixels[y * w! + x]! < 250) grey++;
      return grey;
    };
    const [withMark, without] = [await ink(pdf), await ink(finalPdf)];
    expect(withMark).toBeGreaterThan(without + 20);
  });

  itPrints('prints an Arabic report from right to left, its words intact, every page of it', async () => {
    const { file, admin } = await newReport();
    await admin.call('report.update', { language: 'ar' });
    const ws = await admin.call('workspace.load');
    const words = 'أعدت اللجنة الوطنية هذا التقرير بالتشاور مع منظمات المجتمع المدني';
    // Enough paragraphs for several pages, each with a mark of its own: an engine that lays out
    // pages from the left would stop after the first few and lose the rest without a word.
    const many = Array.from({ length: 60 }, (_, i) => `${words} (X${i + 1}Y) ${words} ${words}`);
    await typeParagraphs(admin, ws.sections[0]!.id, [words, ...many]);
    const doc = await documentOf(file);
    const html = renderPrintHtml(doc);
    const root = parse(html).querySelector('html')!;
    expect([root.getAttribute('lang'), root.getAttribute('dir')]).toEqual(['ar', 'rtl']);

    const { layout, flat } = await pdfText(await printPdf(html));
    expect(layout.split('\f').filter((p) => p.trim()).length).toBeGreaterThan(3);
    for (let i = 1; i <= many.length; i++) expectWords(flat, `X${i}Y`);
    // pdftotext may mark the direction with control characters and may write shaped letters or marks
    // in another order: compare letters only, word by word.
    const letters = (s: string) => s.normalize('NFKC').replace(/[\u064b-\u065f\u0670\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
    const text = letters(flat);
    for (const word of [...words.split(' '), ...doc.cover.council.split(' ')]) expectWords(text, letters(word));
  });
});
