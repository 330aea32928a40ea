// Finding words in a section's text as a reader sees it, for the find bar (renderer) and the
// whole-report replace (main process), so both find the same matches: within one paragraph
// (heading, list item, table cell), across changes of format ("human **rights**" is found as
// "human rights"), accents and case ignored. A replacement takes the format of the match's first
// letter, as Word's does. Call inside a Lexical read or update.
import { $getNodeByKey, $getRoot, $isElementNode, $isTextNode, type TextNode } from 'lexical';
import { foldedOccurrences } from './fold.js';

/** One text node's share of a match: [start, end) in its text. */
export interface MatchPart {
  key: string;
  start: number;
  end: number;
}

/** A match: its parts in reading order, one per text node it spans. */
export interface TextMatch {
  parts: MatchPart[];
}

/** The text nodes of each paragraph (or other block), in reading order. */
function $paragraphs(): TextNode[][] {
  const runs: TextNode[][] = [];
  let run: TextNode[] = [];
  let block: string | null = null;
  for (const node of $getRoot().getAllTextNodes()) {
    // A link or other inline element is part of its paragraph.
    let parent = node.getParent();
    while (parent && $isElementNode(parent) && parent.isInline()) parent = parent.getParent();
    const key = parent?.getKey() ?? null;
    if (key !== block && run.length) {
      runs.push(run);
      run = [];
    }
    block = key;
    run.push(node);
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Every match of `needle` in the text, in reading order. */
export function $findInText(needle: string): TextMatch[] {
  const matches: TextMatch[] = [];
  for (const run of $paragraphs()) {
    const texts = run.map((n) => n.getTextContent());
    const starts: number[] = [];
    let at = 0;
    for (const t of texts) {
      starts.push(at);
      at += t.length;
    }
    for (const [start, end] of foldedOccurrences(texts.join(''), needle)) {
      const parts: MatchPart[] = [];
      run.forEach((node, i) => {
        const from = Math.max(start, starts[i]!);
        const to = Math.min(end, starts[i]! + texts[i]!.length);
        if (from < to) parts.push({ key: node.getKey(), start: from - starts[i]!, end: to - starts[i]! });
      });
      matches.push({ parts });
    }
  }
  return matches;
}

/**
 * Replaces `matches` (each still where it was found) with `text`, last first so that the places of
 * those before stay true. Answers how many were replaced.
 */
export function $replaceInText(matches: readonly TextMatch[], text: string): number {
  let replaced = 0;
  for (const m of [...matches].reverse()) {
    const nodes = m.parts.map((p) => $getNodeByKey(p.key));
    if (!m.parts.every((p, i) => $isTextNode(nodes[i]) && (nodes[i] as TextNode).getTextContentSize() >= p.end)) continue;
    for (let i = m.parts.length - 1; i >= 0; i--) {
      const p = m.parts[i]!;
      (nodes[i] as TextNode).spliceText(p.start, p.end - p.start, i === 0 ? text : '', false);
    }
    replaced++;
  }
  return replaced;
}
