// What one cell of an OHCHR thematic list says: the recommendation with its number, States and
// source of position; the position; and the themes, affected persons and SDGs, whether they share
// one cell under "SDGs:" and "Affected persons:" headings (3rd cycle) or have columns of their own.
import { NodeType, type HTMLElement, type Node } from 'node-html-parser';
import type { Position } from '../../shared/domain.js';
import { splitStates } from './recommending-states.js';

const BLOCKS = new Set(['p', 'li', 'ul', 'ol', 'div', 'table', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const linesOfCell = new WeakMap<HTMLElement, string[]>();

/** The cell's text, one entry per paragraph or line break, spacing collapsed, entities decoded. */
export function cellLines(cell: HTMLElement | undefined): string[] {
  if (!cell) return [];
  const known = linesOfCell.get(cell);
  if (known) return known;
  const lines = [''];
  const visit = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      lines[lines.length - 1] += node.text;
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const tag = node.rawTagName?.toLowerCase() ?? '';
    if (tag === 'br') lines.push('');
    const block = BLOCKS.has(tag);
    if (block) lines.push('');
    for (const child of node.childNodes) visit(child);
    if (block) lines.push('');
  };
  for (const child of cell.childNodes) visit(child);
  const result = lines.map(tidy).filter((l) => l !== '');
  linesOfCell.set(cell, result);
  return result;
}

/** Without case, accents or punctuation: "Recommending State(s)" -> "recommending state s". */
export function headerKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Any run of spacing (no-break spaces, tabs, line ends) as one space. */
export function tidy(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

const SOURCE = /\bsource of position\s*:\s*/i;
const NUMBER = /^(\d{1,4}\.\d{1,4})(?!\d)[.:)]?\s*/;

export interface RecommendationCell {
  /** '' when the cell does not start with a number such as 115.23. */
  number: string;
  text: string;
  states: string[];
  positionSource: string;
}

/** "Source of Position: A/HRC/43/15/Add.1 - Para.5" from anywhere in the lines, and the lines before it. */
function takeSource(lines: string[]): { before: string; source: string } {
  const all = lines.join('\n');
  const at = SOURCE.exec(all);
  if (!at) return { before: all, source: '' };
  return { before: all.slice(0, at.index), source: tidy(all.slice(at.index + at[0].length)) };
}

export function readRecommendationCell(lines: string[]): RecommendationCell {
  const { before, source } = takeSource(lines);
  const body = tidy(before);
  const number = NUMBER.exec(body);
  if (!number) return { number: '', text: body, states: [], positionSource: source };
  const { text, states } = splitStates(body.slice(number[0].length));
  return { number: number[1]!, text, states, positionSource: source };
}

/** The position as written and as read, and a source of position where a list puts it in this cell. */
export function readPositionCell(lines: string[]): { position: Position | null; written: string; positionSource: string } {
  const { before, source } = takeSource(lines);
  const written = tidy(before);
  // "Supported*" or "Noted 1": a footnote mark does not change the position.
  const word = written.toLowerCase().replace(/[\s*†‡\d.:]+$/u, '');
  const position = word === 'supported' ? 'supported' : word === 'noted' ? 'noted' : null;
  return { position, written, positionSource: source };
}

export type ListKind = 'themes' | 'groups' | 'sdgs';

export interface Classification {
  themes: string[];
  groups: string[];
  sdgs: number[];
}

const HEADINGS: Array<{ kind: ListKind; words: RegExp }> = [
  { kind: 'sdgs', words: /^(?:relevant )?(?:sdgs?|sustainable development goals?)$/i },
  { kind: 'groups', words: /^(?:affected persons|persons affected|affected groups|groups of persons|groups)$/i },
  { kind: 'themes', words: /^(?:human rights )?themes?$/i },
];

/** "SDGs:" or "Affected persons: women": the list that follows, and what the line itself holds. */
function heading(line: string): { kind: ListKind; rest: string } | null {
  const colon = line.indexOf(':');
  const words = tidy(colon < 0 ? line : line.slice(0, colon));
  for (const h of HEADINGS) if (h.words.test(words)) return { kind: h.kind, rest: colon < 0 ? '' : tidy(line.slice(colon + 1)) };
  return null;
}

/** "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", "SDG 5", "Goal 10", "16.3 ..." */
function sdgNumbers(item: string): number[] {
  const lead = /^(?:(?:SDG|Goal)\s*)?(\d{1,2})(?!\d)/i.exec(item);
  const found = lead ? [lead[1]!] : [...item.matchAll(/\b(?:SDG|Goal)\s*(\d{1,2})(?!\d)/gi)].map((m) => m[1]!);
  return found.map(Number).filter((n) => n >= 1 && n <= 17);
}

/** Adds the cell's items to `into`: lines before any heading belong to `start`. */
export function readListCell(lines: string[], start: ListKind, into: Classification): void {
  let kind = start;
  const add = (raw: string) => {
    const item = tidy(raw.replace(/^[-–—•·*]\s*/u, ''));
    if (item === '') return;
    if (kind === 'sdgs') {
      for (const n of sdgNumbers(item)) if (!into.sdgs.includes(n)) into.sdgs.push(n);
      return;
    }
    const list = kind === 'themes' ? into.themes : into.groups;
    if (!list.some((t) => t.toLowerCase() === item.toLowerCase())) list.push(item);
  };
  for (const line of lines) {
    const h = heading(line);
    if (!h) {
      add(line);
      continue;
    }
    kind = h.kind;
    // "SDGs: 5, 16" or "Affected persons: women, children" on the heading's own line.
    if (h.rest !== '') for (const part of kind === 'sdgs' ? h.rest.split(/[,;]/) : [h.rest]) add(part);
  }
}
