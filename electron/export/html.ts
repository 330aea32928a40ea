// The exported report as one HTML file: the cover block, the numbered text with its footnotes at the
// end, and the annexes, with an inline stylesheet that prints it as a UN document (the PDF is this
// file laid out in pages by print.ts's engine, its footnotes at the foot of their pages). Nothing in the model is markup: every text is escaped here, numbers
// and markers are written as text so copying and pdftotext keep them, and the page runs no script.
import type { Annex, Block, Cover, ExportDocument, FootnoteRun, Inline, ListBlock, TableBlock, TableCell, TextRun } from './model.js';
import { STYLESHEET } from './html-style.js';

/** The page may show its own styles and nothing else: no scripts, no fetches, no forms. */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: the five markup characters escaped, control characters (never meant to print) dropped. */
export function escapeHtml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Escaped text whose line breaks are kept (an annex cell holding a summary of several lines). */
const multiline = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

const SAFE_LINK = /^(?:https?:|mailto:)/i;

/**
 * Collects the footnotes in the order their references are written, for the notes at the end; when
 * the page is printed (`paged`), each note is written where it is referred to instead, and the
 * paged-media engine (print.ts) sets it at the foot of that page.
 */
type Notes = FootnoteRun[] & { paged?: boolean };

function textRun(run: TextRun): string {
  let html = escapeHtml(run.text).replace(/\t/g, '<span class="tab">\t</span>');
  if (run.bold) html = `<b>${html}</b>`;
  if (run.italic) html = `<i>${html}</i>`;
  if (run.underline) html = `<u>${html}</u>`;
  if (run.strikethrough) html = `<s>${html}</s>`;
  if (run.superscript) html = `<sup>${html}</sup>`;
  else if (run.subscript) html = `<sub>${html}</sub>`;
  return html;
}

function inline(run: Inline, notes: Notes): string {
  switch (run.kind) {
    case 'text':
      return textRun(run);
    case 'break':
      return '<br>';
    case 'footnote': {
      notes.push(run);
      const n = footnoteNumber(run);
      const ref = `<sup class="fnref"><a id="fnref-${n}" href="#fn-${n}" role="doc-noteref">${n}</a></sup>`;
      // The number is written by us on both ends (the engine's own counters are hidden), so the
      // reference and its note always carry the number the Word file gives them.
      if (notes.paged) return `${ref}<span class="footnote" role="doc-footnote" id="fn-${n}"><span class="fn-num">${n}<span class="gap">\t</span></span><span dir="auto">${escapeHtml(run.text)}</span></span>`;
      return ref;
    }
    case 'link': {
      const text = run.runs.map(textRun).join('');
      // The model lets only these through; checked again here because an href is markup.
      return SAFE_LINK.test(run.href) ? `<a href="${escapeHtml(run.href)}" rel="noopener">${text}</a>` : text;
    }
  }
}

const footnoteNumber = (run: FootnoteRun) => String(Math.trunc(run.number));

/**
 * A number or marker hanging before its text. The tab after it takes no room (the stylesheet makes it
 * zero-wide) and is not stretched by justification, yet copying gives "1.<tab>Text" as a UN Word file does.
 */
const hanging = (className: string, text: string) => `<span class="${className}">${text}<span class="gap">\t</span></span>`;
const inlines = (runs: readonly Inline[], notes: Notes) => runs.map((r) => inline(r, notes)).join('');

/** (a), (b)... (z), (aa), (bb)..., as UN documents letter sub-paragraphs. */
function letter(i: number): string {
  return String.fromCharCode(97 + (i % 26)).repeat(Math.floor(i / 26) + 1);
}

/** (i), (ii)... for a list nested in a lettered one. */
function roman(i: number): string {
  const numerals: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let n = i + 1;
  let out = '';
  for (const [value, numeral] of numerals) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

function marker(ordered: boolean, depth: number, i: number): string {
  if (!ordered) return depth % 2 === 0 ? '•' : '–';
  return `(${depth % 2 === 0 ? letter(i) : roman(i)})`;
}

function list(block: ListBlock, notes: Notes, depth = 0): string {
  const tag = block.ordered ? 'ol' : 'ul';
  const items = block.items.map((item, i) => {
    const nested = item.children.map((child) => list(child, notes, depth + 1)).join('');
    return `<li>${hanging('marker', marker(block.ordered, depth, i))}${inlines(item.runs, notes)}${nested}</li>`;
  });
  return `<${tag} class="list">${items.join('')}</${tag}>`;
}

function cell(c: TableCell, notes: Notes, inHead: boolean): string {
  const tag = c.header ? 'th' : 'td';
  const span = `${c.colSpan > 1 ? ` colspan="${Math.trunc(c.colSpan)}"` : ''}${c.rowSpan > 1 ? ` rowspan="${Math.trunc(c.rowSpan)}"` : ''}`;
  const scope = inHead ? ' scope="col"' : c.header ? ' scope="row"' : '';
  return `<${tag}${scope}${span}>${inlines(c.runs, notes)}</${tag}>`;
}

/**
 * How many rows the table's head takes: the leading rows made only of header cells, and any row a
 * rowspan of theirs reaches into (a span cannot cross from the head into the body).
 */
function headRows(rows: readonly TableCell[][]): number {
  let n = 0;
  while (n < rows.length && rows[n]!.length > 0 && rows[n]!.every((c) => c.header)) n++;
  for (let r = 0; r < n; r++) n = Math.min(rows.length, Math.max(n, ...rows[r]!.map((c) => r + c.rowSpan)));
  return n;
}

function table(block: TableBlock, notes: Notes): string {
  if (block.rows.length === 0) return '';
  const n = headRows(block.rows);
  const row = (cells: readonly TableCell[], inHead: boolean) => `<tr>${cells.map((c) => cell(c, notes, inHead)).join('')}</tr>`;
  const head = n > 0 ? `<thead>${block.rows.slice(0, n).map((r) => row(r, true)).join('')}</thead>` : '';
  const body = block.rows.slice(n).map((r) => row(r, false)).join('\n');
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

function block(b: Block, notes: Notes): string {
  switch (b.kind) {
    case 'heading': {
      const tag = `h${b.level + 1}`;
      const label = b.label ? `<span class="label">${escapeHtml(b.label)}</span>` : '';
      return `<${tag}${b.label ? '' : ' class="unlabelled"'}>${label}<span class="title">${inlines(b.runs, notes)}</span></${tag}>`;
    }
    case 'paragraph': {
      const n = Math.trunc(b.number);
      const runs = inlines(b.runs, notes);
      return `<p class="para${b.quote ? ' quote' : ''}" id="para-${n}">${hanging('num', `${n}.`)}${runs}</p>`;
    }
    case 'list':
      return list(b, notes);
    case 'table':
      return table(b, notes);
  }
}

/** First letter capitalized: a country set as "the Republic of ..." still starts the cover's line with a capital. */
function capitalized(text: string, language: string): string {
  const [first = '', ...rest] = [...text];
  return first.toLocaleUpperCase(language) + rest.join('');
}

function cover(c: Cover, language: string): string {
  const symbol = c.symbol ? `<span class="symbol" dir="ltr">${escapeHtml(c.symbol)}</span>` : '';
  const session = c.session ? `<span class="session">${escapeHtml(c.session)}</span>` : '';
  return [
    '<header class="cover">',
    `<div class="masthead"><span class="organization">${escapeHtml(c.organization)}</span>${symbol}</div>`,
    '<div class="meeting-block">',
    `<p class="meeting"><span class="council">${escapeHtml(c.council)}</span><span class="working-group">${escapeHtml(c.workingGroup)}</span>${session}</p>`,
    // The masthead: distribution, date, original language, set apart on the other side.
    `<p class="distribution"><span dir="auto">${escapeHtml(c.distribution)}</span>${c.date ? `<span dir="auto">${escapeHtml(c.date)}</span>` : ''}<span class="original" dir="auto">${escapeHtml(c.original)}</span></p>`,
    '</div>',
    `<h1><span class="submitted">${escapeHtml(c.submitted)}</span><span class="country" dir="auto">${escapeHtml(capitalized(c.country, language))}</span></h1>`,
    '</header>',
  ].join('\n');
}

function footnotes(notes: Notes): string {
  if (notes.length === 0) return '';
  const items = notes.map((note) => {
    const n = footnoteNumber(note);
    return `<li id="fn-${n}"><a class="fn-num" href="#fnref-${n}" role="doc-backlink">${n}<span class="gap">\t</span></a>${escapeHtml(note.text)}</li>`;
  });
  return `<section class="footnotes" role="doc-endnotes"><ol>\n${items.join('\n')}\n</ol></section>`;
}

function annex(a: Annex, index: number): string {
  const heading = `<h2><span class="label">${escapeHtml(a.label)}</span><span class="title">${escapeHtml(a.title)}</span></h2>`;
  if (a.rows.length === 0) return `<section class="annex" id="annex-${index + 1}">${heading}<p class="empty">${escapeHtml(a.empty)}</p></section>`;
  const cols = a.widths.length === a.headers.length ? `<colgroup>${a.widths.map((w) => `<col style="width:${Number(w) || 0}%">`).join('')}</colgroup>` : '';
  const head = `<thead><tr>${a.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const rows = a.rows.map((r) => `<tr>${r.map((text) => `<td dir="auto">${multiline(text)}</td>`).join('')}</tr>`).join('\n');
  return `<section class="annex" id="annex-${index + 1}">${heading}\n<table>${cols}${head}<tbody>\n${rows}\n</tbody></table></section>`;
}

/** What printing adds to the page (print.ts): the paged-media engine, its stylesheet, and the policy that lets them run. */
export interface PagedPrint {
  policy: string;
  head: string;
}

/**
 * The whole HTML file, print stylesheet included. With `print`, the page is the one the PDF is
 * printed from: footnotes are written where they are referred to, for the engine to set at the
 * foot of their page, and the engine's script runs (nothing else may).
 */
export function renderHtml(doc: ExportDocument, print?: PagedPrint): string {
  const notes: Notes = [];
  if (print) notes.paged = true;
  const body = doc.body.map((b) => block(b, notes)).join('\n');
  const title = doc.cover.title || doc.cover.country;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(doc.language)}" dir="${doc.direction === 'rtl' ? 'rtl' : 'ltr'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${print?.policy ?? PAGE_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLESHEET}</style>`,
    ...(print ? [print.head] : []),
    '</head>',
    '<body>',
    // A draft: the watermark across every printed page, its name and date at the foot of each
    // (fixed, so that print repeats them on every page).
    ...(doc.draft
      ? [`<div class="draft-watermark" aria-hidden="true">${escapeHtml(doc.draft.watermark)}</div>`, `<p class="draft-footer" dir="auto">${escapeHtml(doc.draft.footer)}</p>`]
      : []),
    cover(doc.cover, doc.language),
    '<main>',
    body,
    print ? '' : footnotes(notes),
    '</main>',
    ...doc.annexes.map(annex),
    '<div class="end" role="presentation"></div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
