// Editing actions shared by the toolbar and the keyboard shortcuts.
import { $createHeadingNode, $isHeadingNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  createCommand,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';

export type BlockType = 'paragraph' | 'h2' | 'h3' | 'h4';

export const OPEN_LINK_DIALOG = createCommand<void>('OPEN_LINK_DIALOG');
export const OPEN_FOOTNOTE_DIALOG = createCommand<void>('OPEN_FOOTNOTE_DIALOG');
/** Opens the editor of the footnote with this node key. */
export const EDIT_FOOTNOTE = createCommand<string>('EDIT_FOOTNOTE');

export function setBlockType(editor: LexicalEditor, type: BlockType): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    $setBlocksType(selection, () => (type === 'paragraph' ? $createParagraphNode() : $createHeadingNode(type)));
  });
}

/** The block type at the selection, for the toolbar's style picker. */
export function $selectedBlockType(): BlockType | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const block: LexicalNode | null =
    anchor.getKey() === 'root'
      ? anchor
      : $findMatchingParent(anchor, (n) => {
          const parent = n.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        });
  if (block && $isHeadingNode(block)) {
    const tag = block.getTag();
    return tag === 'h2' || tag === 'h3' || tag === 'h4' ? tag : 'h2';
  }
  return 'paragraph';
}

export function isSafeUrl(url: string): boolean {
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(url.trim());
}
