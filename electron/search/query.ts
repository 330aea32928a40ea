// What a person types into the search box, made into an FTS5 query that cannot go wrong: every word
// and every "quoted phrase" becomes an FTS5 string (so `NEAR(`, `*`, `-`, `OR` and SQL are just
// text), words without a letter or digit are dropped, and the last word is a prefix while it is
// still being typed. Diacritics are folded by the index's tokenizer, on both sides.
import type { SearchKind, SearchSnippetPart } from '../../shared/api.js';

export interface SearchTerm {
  text: string;
  /** Typed between quotes: its words must follow each other. */
  phrase: boolean;
  /** The word being typed: matches every word that starts with it. */
  prefix: boolean;
}

/** Enough for any real query; more terms only make a query slower, never better. */
const MAX_TERMS = 16;

/** unicode61 keeps letters, digits and private-use characters in tokens; the rest separates them. */
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;

/** The shortest word being typed (in letters and digits) that is looked up as a prefix. */
const MIN_PREFIX = 2;

export function parseQuery(typed: string): SearchTerm[] {
  // FTS5 reads its query up to a NUL; control characters are not text anyway.
  const query = indexableText(typed);
  const terms: SearchTerm[] = [];
  let i = 0;
  while (i < query.length && terms.length < MAX_TERMS) {
    const c = query[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let text: string;
    let phrase = false;
    let closed = true;
    if (c === '"') {
      const end = query.indexOf('"', i + 1);
      closed = end >= 0;
      text = query.slice(i + 1, closed ? end : query.length);
      phrase = true;
      i = closed ? end + 1 : query.length;
    } else {
      let end = i;
      while (end < query.length && !/\s/.test(query[end]!) && query[end] !== '"') end++;
      text = query.slice(i, end);
      i = end;
    }
    const atEnd = i >= query.length;
    // Still being typed: the last bare word, or a phrase whose closing quote is not typed yet. One
    // letter alone is a word: as a prefix it would match most of the report, slowly.
    const prefix = atEnd && (!phrase || !closed) && [...text].filter((ch) => TOKEN_CHAR.test(ch)).length >= MIN_PREFIX;
    if (TOKEN_CHAR.test(text)) terms.push({ text, phrase, prefix });
  }
  return terms;
}

/** An FTS5 string: between double quotes, with any double quote inside doubled. */
function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The MATCH expression for `terms` within one kind of document, or null when nothing is left to
 * look for. All terms must match (in the title, body or tags); the kind column is matched apart.
 */
export function matchExpression(kind: SearchKind, terms: readonly SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  const parts = terms.map((t) => ftsString(t.text) + (t.prefix ? '*' : ''));
  return `kind : ${ftsString(kind)} AND {title body tags} : (${parts.join(' AND ')})`;
}

/** Marks FTS5's snippet() puts around each hit; stripped from indexed text so they cannot be forged. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';
export const ELLIPSIS = '…';

/** Text as it goes into the index: without the hit marks and other control characters. */
export function indexableText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
}

/** A snippet as parts the UI renders as text, the hits marked, whitespace runs made one space. */
export function snippetParts(snippet: string): SearchSnippetPart[] {
  const parts: SearchSnippetPart[] = [];
  const push = (text: string, hit: boolean) => {
    const clean = text.replace(/\s+/g, ' ');
    if (!clean) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += clean;
    else parts.push({ text: clean, hit });
  };
  let rest = snippet.trim();
  while (rest) {
    const start = rest.indexOf(HIT_START);
    if (start < 0) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, start), false);
    const end = rest.indexOf(HIT_END, start + 1);
    push(rest.slice(start + 1, end < 0 ? rest.length : end), true);
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return parts;
}
