// Takes the person to a search hit in the section's text: once the text is on screen, the first
// place where the words occur (accents and case ignored, as the search ignores them) is scrolled
// into the middle of the view and marked with the CSS Custom Highlight API, which colours the text
// without touching the editor's state (nothing is written, undo is untouched). The mark goes when
// the person types or goes to another hit.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { foldWithPlaces } from '../../shared/fold.js';

const HIGHLIGHT = 'upr-found';

export interface Reveal {
  /** The words as the hit's snippet shows them. */
  text: string;
  /** A new request each time the person chooses a hit, even the same one. */
  nonce: number;
}

/** The words to take the person to from a hit's snippet: its first run of marked words (a phrase marks each word). */
export function revealedWords(snippet: ReadonlyArray<{ text: string; hit: boolean }>): string | null {
  const first = snippet.findIndex((p) => p.hit);
  if (first < 0) return null;
  let words = snippet[first]!.text;
  for (let i = first + 1; i < snippet.length; i++) {
    const part = snippet[i];
    if (part?.hit) words += part.text;
    else if (part && part.text.trim() === '' && snippet[i + 1]?.hit) words += part.text;
    else break;
  }
  return words;
}

/** The first range in `root` whose text folds to `needle` folded, or null. */
export function findFolded(root: HTMLElement, needle: string): Range | null {
  const wanted = foldWithPlaces(needle.trim()).folded.replace(/\s+/g, ' ');
  if (!wanted) return null;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  let text = '';
  const starts: number[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    starts.push(text.length);
    nodes.push(n as Text);
    text += (n as Text).data;
  }
  const { folded, at } = foldWithPlaces(text.replace(/\s/g, ' '));
  const hit = folded.indexOf(wanted);
  if (hit < 0) return null;
  const from = at[hit]!;
  const to = at[hit + wanted.length - 1]! + 1;
  const place = (offset: number, end: boolean): [Text, number] => {
    let i = starts.length - 1;
    while (i > 0 && (starts[i]! > offset || (end && starts[i] === offset))) i--;
    return [nodes[i]!, offset - starts[i]!];
  };
  const range = root.ownerDocument.createRange();
  range.setStart(...place(from, false));
  range.setEnd(...place(to, true));
  return range;
}

export function RevealPlugin({ reveal }: { reveal: Reveal | null }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const highlights = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
    if (!reveal) return;
    let done = false;
    const tryReveal = () => {
      const root = editor.getRootElement();
      if (done || !root) return;
      const range = findFolded(root, reveal.text);
      if (!range) return;
      done = true;
      highlights?.set(HIGHLIGHT, new Highlight(range));
      root.setAttribute('data-revealed', reveal.text);
      (range.startContainer.parentElement ?? root).scrollIntoView({ block: 'center' });
    };
    // The text arrives after the editor is made: look again after each update until it is there.
    const stopUpdates = editor.registerUpdateListener(tryReveal);
    tryReveal();
    // Typing takes the mark away.
    const stopTyping = editor.registerTextContentListener(() => {
      if (done) highlights?.delete(HIGHLIGHT);
    });
    return () => {
      stopUpdates();
      stopTyping();
      highlights?.delete(HIGHLIGHT);
    };
  }, [editor, reveal]);
  return null;
}
