// What Word puts on the clipboard, made into plain HTML the editor's own import understands:
// headings stay headings (moved to the report's levels), Word's lists (paragraphs marked
// "mso-list" with their bullet or number typed in a span) become lists, bold, italic and underline
// set by style become tags, and Word's leftovers (conditional comments, <o:p>, styles, classes,
// empty paragraphs) go. Plain text loses the blank lines between its paragraphs.

/** Does this HTML come from Word (or another Office program)? */
export function isFromWord(html: string): boolean {
  return /urn:schemas-microsoft-com:office|class=["']?Mso|mso-list|mso-style/i.test(html);
}

/** Plain text as paragraphs: one paragraph a line, however many blank lines stood between them. */
export function plainParagraphs(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\n[ \t]*(?:\n[ \t]*)+/g, '\n').replace(/^\n+|\n+$/g, '');
}

const HEADING_TO: Record<string, string> = { H1: 'h2', H2: 'h3', H3: 'h4', H4: 'h4', H5: 'h4', H6: 'h4' };
const ORDERED_MARKER = /^\(?([0-9]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]$/;

/** A Word list paragraph's level (1 at the top), or 0 for a paragraph that is not in a list. */
function listLevel(p: Element): number {
  const style = p.getAttribute('style') ?? '';
  if (!/mso-list/i.test(style) && !/MsoListParagraph/i.test(p.className)) return 0;
  const m = /level(\d+)/i.exec(style);
  return m ? Number(m[1]) : 1;
}

/** Takes the typed bullet or number out of a Word list paragraph and says which kind it was. */
function takeMarker(p: Element): 'ol' | 'ul' {
  const marker = [...p.querySelectorAll('span')].find((s) => /mso-list:\s*Ignore/i.test(s.getAttribute('style') ?? ''));
  const text = (marker?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
  marker?.remove();
  return ORDERED_MARKER.test(text) ? 'ol' : 'ul';
}

/**
 * The UN's Word template for its documents: its heading styles (HChG a chapter, H1G, H23G, H4G,
 * H56G below it; G for Geneva, other duty stations another letter) to the report's levels, and its
 * body text (SingleTxtG), whose paragraphs Word numbers 1., 2., 3., as the report numbers them.
 */
const UN_HEADINGS: ReadonlyArray<[RegExp, string]> = [
  [/^HCh[A-Z]$/, 'h1'],
  [/^H1[A-Z]$/, 'h2'],
  [/^H(23|4|56)[A-Z]$/, 'h3'],
];
const UN_BODY = /^SingleTxt[A-Z]$/;

/** A number or letter typed (or numbered by Word) before a heading or a numbered paragraph: the report writes its own. */
const TYPED_LABEL = /^[\s\u00a0]*(?:(?:[IVXLC]+|[A-Z]|\d+)\.|\d+(?:\.\d+)+\.?|\([a-z]\))[\s\u00a0]+/;

/** The heading a Word paragraph stands for (h1 to h6, as Word's own): a UN heading style, or an outline level set on it. */
function headingOf(p: Element): string | null {
  for (const cls of p.classList) for (const [style, to] of UN_HEADINGS) if (style.test(cls)) return to;
  const level = /mso-outline-level:\s*(\d)/i.exec(p.getAttribute('style') ?? '');
  return level ? `h${Math.min(Math.max(Number(level[1]), 1), 6)}` : null;
}

/** Takes out the number Word put before a paragraph (its list marker) and a label typed there. */
function takeLabel(el: Element): void {
  for (const marker of [...el.querySelectorAll('span')]) if (/mso-list:\s*Ignore/i.test(marker.getAttribute('style') ?? '')) marker.remove();
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (!(t.textContent ?? '').replace(/[\s\u00a0]/g, '')) continue;
    t.textContent = (t.textContent ?? '').replace(TYPED_LABEL, '');
    break;
  }
}

/** Word's HTML, cleaned into a document the editor imports as it imports any HTML. */
export function cleanWordHtml(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Conditional comments and Word's own elements.
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) comments.push(n);
  for (const c of comments) c.parentNode?.removeChild(c);
  for (const el of [...doc.body.querySelectorAll('*')]) if (el.tagName.includes(':') || /^(STYLE|META|LINK|XML|SCRIPT)$/.test(el.tagName)) el.remove();

  // Formatting set by style, as tags.
  for (const span of [...doc.body.querySelectorAll('span[style]')]) {
    const style = span.getAttribute('style') ?? '';
    let wrapped: Element = span;
    const wrap = (tag: string) => {
      const outer = doc.createElement(tag);
      wrapped.replaceWith(outer);
      outer.appendChild(wrapped);
      wrapped = outer;
    };
    if (/font-weight:\s*(bold|[6-9]00)/i.test(style)) wrap('b');
    if (/font-style:\s*italic/i.test(style)) wrap('i');
    if (/text-decoration:[^;]*underline/i.test(style)) wrap('u');
  }

  // Headings set by a style or an outline level (often numbered by Word, which makes them look like
  // list paragraphs), and the UN template's numbered body text: never list items, never numbered
  // twice. A heading is never numbered in the report; a body paragraph is, by the report. The
  // headings are moved to the report's levels below, with Word's own.
  for (const p of [...doc.body.querySelectorAll('p')]) {
    const to = headingOf(p);
    if (to) {
      takeLabel(p);
      const heading = doc.createElement(to);
      heading.append(...p.childNodes);
      p.replaceWith(heading);
    } else if ([...p.classList].some((c) => UN_BODY.test(c))) {
      takeLabel(p);
      p.removeAttribute('style');
      p.removeAttribute('class');
    }
  }
  for (const h of [...doc.body.querySelectorAll('h1, h2, h3, h4, h5, h6')]) takeLabel(h);

  // Lists: consecutive list paragraphs, nested by level.
  for (const p of [...doc.body.querySelectorAll('p')]) {
    const level = listLevel(p);
    if (!level || !p.isConnected) continue;
    const run: Array<{ p: Element; level: number }> = [];
    for (let at: Element | null = p; at && at.tagName === 'P' && listLevel(at) > 0; at = at.nextElementSibling) run.push({ p: at, level: listLevel(at) });
    const kinds = run.map((r) => takeMarker(r.p));
    const top = doc.createElement(kinds[0]!);
    p.before(top);
    const stack: Array<{ list: Element; level: number }> = [{ list: top, level: run[0]!.level }];
    run.forEach(({ p: item, level: depth }, i) => {
      while (stack.length > 1 && depth < stack[stack.length - 1]!.level) stack.pop();
      if (depth > stack[stack.length - 1]!.level) {
        const parentItem = stack[stack.length - 1]!.list.lastElementChild ?? stack[stack.length - 1]!.list.appendChild(doc.createElement('li'));
        const nested = doc.createElement(kinds[i]!);
        parentItem.appendChild(nested);
        stack.push({ list: nested, level: depth });
      }
      const li = doc.createElement('li');
      li.append(...item.childNodes);
      stack[stack.length - 1]!.list.appendChild(li);
      item.remove();
    });
  }

  // Headings at the report's levels; Word's title style as the top one.
  for (const h of [...doc.body.querySelectorAll('h1, h2, h3, h4, h5, h6, p.MsoTitle')]) {
    const to = h.tagName === 'P' ? 'h2' : HEADING_TO[h.tagName]!;
    if (h.tagName.toLowerCase() === to) continue;
    const heading = doc.createElement(to);
    heading.append(...h.childNodes);
    h.replaceWith(heading);
  }

  // No styles, classes or languages; no empty paragraphs.
  for (const el of [...doc.body.querySelectorAll('*')]) {
    for (const attr of ['style', 'class', 'lang', 'align', 'width', 'valign', 'border', 'cellspacing', 'cellpadding']) el.removeAttribute(attr);
  }
  for (const p of [...doc.body.querySelectorAll('p')]) {
    if (!p.querySelector('img, br') && (p.textContent ?? '').replace(/[\s\u00a0]/g, '') === '') p.remove();
  }
  return doc;
}
