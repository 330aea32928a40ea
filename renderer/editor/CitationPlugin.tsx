// Recommendation numbers typed as words. When the word ends (a space or punctuation after
// "140.18"), a number of this report's list becomes a citation, as if picked from the menu; one
// that looks like the list's but is not in it (140.99) is marked in the text with a wavy line (CSS
// Custom Highlight API: the text itself is untouched) and named under the editor, so the drafter
// sees it. Only the person's own typing is turned into citations: text arriving from elsewhere,
// undo and redo are left as they are.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, $isTextNode, COLLABORATION_TAG, HISTORIC_TAG, PASTE_TAG } from 'lexical';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberPrefixes, numbersIn, unknownNumber } from '../../shared/citations.js';
import { $createRecommendationRefNode } from '../../shared/recommendation-ref-node.js';
import { useRecommendations } from '../features/recommendations/useRecommendations.js';

const UNKNOWN = 'upr-unknown-number';
/** A number just ended at the caret: "140.18" then a space or punctuation (a second dot ends it too). */
const ENDED = /(^|[\s([])(\d{1,4}\.\d{1,4})([\s,;:)\]]|\.)$/;

export function CitationPlugin() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation('recommendations');
  const { recommendations } = useRecommendations();
  const known = useMemo(() => new Set((recommendations ?? []).map((r) => r.number)), [recommendations]);
  const knownRef = useRef(known);
  knownRef.current = known;
  const [unknown, setUnknown] = useState<string[]>([]);

  // Typing: the number before the caret becomes a citation when the word ends.
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, tags, dirtyLeaves }) => {
        if (!editor.isEditable() || editor.isComposing() || dirtyLeaves.size === 0) return;
        if ([HISTORIC_TAG, COLLABORATION_TAG, PASTE_TAG, 'upr-cite'].some((tag) => tags.has(tag))) return;
        // Read first, cheaply, on every key; change the text only when a number of the list just ended.
        const ended = editorState.read(() => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
          const node = selection.anchor.getNode();
          if (!$isTextNode(node) || !dirtyLeaves.has(node.getKey())) return false;
          const m = ENDED.exec(node.getTextContent().slice(0, selection.anchor.offset));
          return !!m && knownRef.current.has(m[2]!);
        });
        if (!ended) return;
        editor.update(
          () => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection) || !selection.isCollapsed()) return;
            const node = selection.anchor.getNode();
            if (!$isTextNode(node)) return;
            const offset = selection.anchor.offset;
            const before = node.getTextContent().slice(0, offset);
            const m = ENDED.exec(before);
            if (!m || !knownRef.current.has(m[2]!)) return;
            const start = m.index + m[1]!.length;
            const end = start + m[2]!.length;
            // Split off the number and put the citation in its place; the ending character stays.
            const parts = node.splitText(start, end);
            const numberNode = parts[start === 0 ? 0 : 1]!;
            const chip = $createRecommendationRefNode(m[2]!);
            numberNode.replace(chip);
            const after = chip.getNextSibling();
            if ($isTextNode(after)) after.select(m[3]!.length, m[3]!.length);
            else chip.selectNext();
          },
          { tag: 'upr-cite' },
        );
      }),
    [editor],
  );

  // Marking numbers that are not in the list, after every change and when the list changes.
  useEffect(() => {
    const highlights = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
    const prefixes = numberPrefixes(known);
    const mark = () => {
      const root = editor.getRootElement();
      if (!root) return;
      const ranges: Range[] = [];
      const found = new Set<string>();
      const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        for (const { number, index } of numbersIn(n.data)) {
          if (!unknownNumber(number, known, prefixes)) continue;
          found.add(number);
          const range = root.ownerDocument.createRange();
          range.setStart(n, index);
          range.setEnd(n, index + number.length);
          ranges.push(range);
        }
      }
      if (highlights) {
        if (ranges.length) highlights.set(UNKNOWN, new Highlight(...ranges));
        else highlights.delete(UNKNOWN);
      }
      const list = [...found];
      setUnknown((was) => (was.join() === list.join() ? was : list));
    };
    mark();
    // A moment after typing stops, not on every key: walking the whole text costs a long section's keystrokes.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = editor.registerUpdateListener(({ dirtyLeaves, dirtyElements }) => {
      if (dirtyLeaves.size === 0 && dirtyElements.size === 0) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(mark, 300);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
      highlights?.delete(UNKNOWN);
    };
  }, [editor, known]);

  return unknown.length ? (
    <p className="ed-unknown-numbers" role="status" data-testid="unknown-numbers">
      {t('cite.unknown', { count: unknown.length, numbers: unknown.join(', ') })}
    </p>
  ) : null;
}
