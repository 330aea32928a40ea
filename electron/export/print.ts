// The page the PDF is printed from: the report's HTML (html.ts) laid out in pages by Paged.js, the
// paged-media engine of the Coko Foundation, which does in the page what CSS's paged-media modules
// describe and Chromium does not: footnotes at the foot of the page they are referred to on
// (`float: footnote`), the page number in the margin box under the text, fixed elements (a draft's
// watermark and footer) repeated on every page. Chromium then prints the pages as they are laid out.
// The page runs two scripts, the engine and its settings, each allowed by its hash and nothing else:
// every text in the page is escaped by html.ts, and printing lets the page fetch nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { ExportDocument } from './model.js';
import { renderHtml, type PagedPrint } from './html.js';

/** The attribute the page sets on its root when it is laid out ("ready") or could not be ("failed"). */
export const PRINTED_ATTRIBUTE = 'data-printed';

let engine: string | undefined;

/** The engine's one file, which electron/build.mjs copies beside the main bundle. */
export const ENGINE_FILE = 'paged.polyfill.min.js';

/**
 * Paged.js's polyfill, read once: in the app, from beside the bundle (the package is a development
 * dependency, so the installer carries this one file and none of the package's own dependencies);
 * run from the sources (the CLI, browser mode, tests), from the package.
 */
function pagedEngine(): string {
  if (engine === undefined) {
    // esbuild's bundle (CommonJS) has __filename; tsx's modules (ESM) have import.meta.url.
    const bundled = typeof __filename !== 'undefined' && __filename.endsWith('.cjs');
    const file = bundled
      ? path.join(path.dirname(__filename), ENGINE_FILE)
      : path.resolve(path.dirname(createRequire(import.meta.url).resolve('pagedjs')), '..', 'dist', ENGINE_FILE);
    // "</script" cannot occur in a script element's text; the engine has none, and this keeps it so.
    engine = fs.readFileSync(file, 'utf8').replace(/<\/script/gi, '<\\/script');
  }
  return engine;
}

/**
 * Numbers the lines of the text in the margin, as Word's line numbering does (continuous, every
 * line, headings and list items included; tables, footnotes, the cover and the annexes not), for
 * a draft sent for comment. Runs in the page after the engine has laid it out, so the numbers are
 * those of the printed lines. Written as plain ES5 text because it is sent to the page as is.
 */
const NUMBER_LINES = `
function numberLines() {
  var n = 0;
  var skip = 'table, .footnote, .pagedjs_footnote_area, .fn-num, .num, .marker, .fnref';
  var pages = document.querySelectorAll('.pagedjs_page');
  for (var p = 0; p < pages.length; p++) {
    var page = pages[p];
    var area = page.querySelector('.pagedjs_page_content');
    var box = page.querySelector('.pagedjs_pagebox');
    if (!area || !box) continue;
    var lines = [];
    var walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
    for (var t = walker.nextNode(); t; t = walker.nextNode()) {
      var el = t.parentElement;
      if (!el || !el.closest('main') || el.closest(skip) || !/\\S/.test(t.data)) continue;
      var range = document.createRange();
      range.selectNodeContents(t);
      var rects = range.getClientRects();
      for (var r = 0; r < rects.length; r++) {
        var rect = rects[r];
        if (rect.width < 0.5 || rect.height < 0.5) continue;
        var mid = (rect.top + rect.bottom) / 2;
        var line = null;
        for (var l = 0; l < lines.length; l++) if (mid > lines[l].top && mid < lines[l].bottom) line = lines[l];
        if (line) { line.top = Math.min(line.top, rect.top); line.bottom = Math.max(line.bottom, rect.bottom); }
        else lines.push({ top: rect.top, bottom: rect.bottom });
      }
    }
    lines.sort(function (a, b) { return a.top - b.top; });
    var origin = box.getBoundingClientRect();
    var content = area.getBoundingClientRect();
    var rtl = document.documentElement.dir === 'rtl';
    for (var i = 0; i < lines.length; i++) {
      var mark = document.createElement('span');
      mark.className = 'line-number';
      mark.setAttribute('aria-hidden', 'true');
      mark.textContent = String(++n);
      mark.style.top = (lines[i].top - origin.top) + 'px';
      mark.style.height = (lines[i].bottom - lines[i].top) + 'px';
      if (rtl) mark.style.left = (content.right - origin.left + 12) + 'px';
      else mark.style.right = (origin.right - content.left + 12) + 'px';
      box.appendChild(mark);
    }
  }
}`;

function settings(lineNumbers: boolean): string {
  return `${lineNumbers ? NUMBER_LINES : ''}
window.addEventListener('error', function () { document.documentElement.setAttribute('${PRINTED_ATTRIBUTE}', 'failed'); });
window.PagedConfig = { auto: true, after: function () {
  ${lineNumbers ? 'numberLines();' : ''}
  document.documentElement.setAttribute('${PRINTED_ATTRIBUTE}', 'ready');
} };`;
}

/**
 * What the engine is told beyond html-style.ts: the page number under the text, the footnotes'
 * area with the short rule UN documents draw above it, each note hanging its number as the text's
 * paragraphs do, the engine's own numbers hidden (html.ts writes the numbers the Word file has).
 */
const PAGED_STYLESHEET = `
@page {
  @bottom-center { content: counter(page); font-size: 9pt; vertical-align: top; padding-block-start: 0.6cm; }
  @footnote { margin-block-start: 0.6em; }
}
.footnote { float: footnote; footnote-display: block; }
.pagedjs_footnote_content::before { content: ""; display: block; inline-size: 4cm; border-block-start: 0.75pt solid #000; margin-block-end: 0.4em; }
[data-footnote-call]::after { content: none !important; }
[data-footnote-marker] { display: block; list-style: none; }
[data-footnote-marker]::marker { content: none; }
.footnote { font-size: 9pt; line-height: 1.25; margin-inline-start: var(--hang); margin-block-end: 0.2em; text-align: start; font-weight: normal; font-style: normal; }
.footnote > .fn-num { display: inline-block; inline-size: var(--hang); margin-inline-start: calc(-1 * var(--hang)); }
.draft-footer { inset-block-end: 1cm; inset-inline-start: 2.2cm; }
.pagedjs_pagebox { position: relative; }
/* The engine finds where a page overflows by looking past its right edge: its columns must run left
   to right whatever the text's direction, or an Arabic report would stop after a few pages. */
.pagedjs_page_content { direction: ltr; }
:root[dir="rtl"] .pagedjs_page_content > div { direction: rtl; }
.line-number { position: absolute; display: flex; align-items: flex-end; font-size: 7.5pt; color: #444; }
`;

/**
 * A table's header row repeated at the top of each page the table continues on, as Word and
 * Chromium's own printing do (the engine does not). Added when the first row of the page is placed,
 * before the engine measures it, so the row that follows is moved on if the header takes its room.
 */
const REPEAT_HEADERS = `
Paged.registerHandlers(class RepeatHeaderRows extends Paged.Handler {
  renderNode(clone, node) {
    if (!clone || clone.nodeName !== 'TR' || !node || !node.closest) return;
    var table = clone.closest('table');
    if (!table || !table.hasAttribute('data-split-from') || table.querySelector(':scope > thead')) return;
    var head = node.closest('table') && node.closest('table').querySelector(':scope > thead');
    if (!head) return;
    var copy = head.cloneNode(true);
    copy.removeAttribute('data-ref');
    copy.querySelectorAll('[data-ref]').forEach(function (el) { el.removeAttribute('data-ref'); });
    table.insertBefore(copy, table.firstChild);
  }
});`;

const hash = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** What printing adds to the page, with or without line numbers: made once each (hashing the engine's 500 KB is not free). */
const prints = new Map<boolean, PagedPrint>();

function pagedPrint(lineNumbers: boolean): PagedPrint {
  let print = prints.get(lineNumbers);
  if (!print) {
    const scripts = [settings(lineNumbers), pagedEngine(), REPEAT_HEADERS];
    print = {
      policy: `default-src 'none'; style-src 'unsafe-inline'; script-src ${scripts.map(hash).join(' ')}; base-uri 'none'; form-action 'none'`,
      head: [`<style>${PAGED_STYLESHEET}</style>`, ...scripts.map((script) => `<script>${script}</script>`)].join('\n'),
    };
    prints.set(lineNumbers, print);
  }
  return print;
}

/** The HTML the PDF is printed from; the printer waits for PRINTED_ATTRIBUTE before printing. */
export function renderPrintHtml(doc: ExportDocument): string {
  return renderHtml(doc, pagedPrint(doc.lineNumbers === true));
}
