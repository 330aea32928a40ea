// The comment marks in the editor's DOM: which ones are highlighted (comments not yet closed),
// which is active, where each comment's passage sits (for the margin), and the passage under a
// click. Marks are Lexical MarkNodes; their DOM elements get classes here, not in the node, because
// what a mark looks like depends on the comment's state, which lives outside the text.
import { $isMarkNode, MarkNode } from '@lexical/mark';
import { $getNearestNodeFromDOMNode, $nodesOfType, type LexicalEditor } from 'lexical';

/** Comment ids of every mark in the editor, by the mark's node key. */
export function markIdsByKey(editor: LexicalEditor): Map<string, string[]> {
  const out = new Map<string, string[]>();
  editor.read(() => {
    for (const node of $nodesOfType(MarkNode)) out.set(node.getKey(), node.getIDs());
  });
  return out;
}

/** Sets the highlight classes of every mark element: live (an open comment), active (the one in focus). */
export function paintMarks(editor: LexicalEditor, live: ReadonlySet<string>, active: string | null): void {
  for (const [key, ids] of markIdsByKey(editor)) {
    const el = editor.getElementByKey(key);
    if (!el) continue;
    el.classList.toggle('cmt-live', ids.some((id) => live.has(id)));
    el.classList.toggle('cmt-active', active !== null && ids.includes(active));
    el.dataset.commentIds = ids.join(' ');
  }
}

/** The top of each comment's passage, in pixels from the top of `host`. */
export function passageTops(editor: LexicalEditor, host: HTMLElement): Map<string, number> {
  const origin = host.getBoundingClientRect().top;
  const tops = new Map<string, number>();
  for (const [key, ids] of markIdsByKey(editor)) {
    const el = editor.getElementByKey(key);
    if (!el) continue;
    const top = el.getBoundingClientRect().top - origin;
    for (const id of ids) tops.set(id, Math.min(tops.get(id) ?? Infinity, top));
  }
  return tops;
}

/** The first mark element of comment `id`, to scroll it into view. */
export function firstMarkElement(editor: LexicalEditor, id: string): HTMLElement | null {
  let first: HTMLElement | null = null;
  for (const [key, ids] of markIdsByKey(editor)) {
    if (!ids.includes(id)) continue;
    const el = editor.getElementByKey(key);
    if (el && (!first || el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)) first = el;
  }
  return first;
}

/** The comment ids of the marks around a clicked DOM node, innermost first. */
export function idsAt(editor: LexicalEditor, target: Node): string[] {
  return editor.read(() => {
    const ids: string[] = [];
    for (let node = $getNearestNodeFromDOMNode(target); node; node = node.getParent()) {
      if ($isMarkNode(node)) ids.push(...node.getIDs());
    }
    return ids;
  });
}
