// Marking a passage for a comment without a person's editor: what the demo report and tests do
// where a reviewer would select text. Finds the passage within one block (across the text nodes
// formatting or earlier marks split it into) and wraps it in a mark for the comment.
import { $wrapSelectionInMarkNode } from '@lexical/mark';
import { $createRangeSelection, $getRoot, $isElementNode, type RangeSelection, type TextNode } from 'lexical';
import { editSection } from './headless.js';

/** Where `passage` first stands in the text: a selection over it, across the text nodes of one block. */
export function $selectPassage(passage: string): RangeSelection | null {
  for (const block of $getRoot().getChildren()) {
    if (!$isElementNode(block)) continue;
    const nodes = block.getAllTextNodes();
    const at = nodes.map((n) => n.getTextContent()).join('').indexOf(passage);
    if (at < 0) continue;
    const point = (offset: number, end: boolean): [TextNode, number] => {
      let seen = 0;
      for (const n of nodes) {
        const size = n.getTextContentSize();
        if (offset < seen + size || (end && offset === seen + size)) return [n, offset - seen];
        seen += size;
      }
      const last = nodes[nodes.length - 1]!;
      return [last, last.getTextContentSize()];
    };
    const [fromNode, fromOffset] = point(at, false);
    const [toNode, toOffset] = point(at + passage.length, true);
    const sel = $createRangeSelection();
    sel.anchor.set(fromNode.getKey(), fromOffset, 'text');
    sel.focus.set(toNode.getKey(), toOffset, 'text');
    return sel;
  }
  return null;
}

/** The Yjs update that marks the first occurrence of `passage` for comment `id`; null if it is not in the text. */
export function markPassage(updates: readonly Uint8Array[], passage: string, id: string): Uint8Array | null {
  let found = false;
  const update = editSection(updates, () => {
    const sel = $selectPassage(passage);
    if (!sel) return;
    $wrapSelectionInMarkNode(sel, false, id);
    found = true;
  });
  return found ? update : null;
}
