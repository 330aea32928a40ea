// A small description of rich text, used to write section text from code (the demo report, the
// benchmark generator, tests): paragraphs with bold/italic runs and footnotes, headings, lists and
// tables. Turned into Lexical nodes inside an editor update.
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createTableCellNode, $createTableNode, $createTableRowNode, TableCellHeaderStates } from '@lexical/table';
import { $createParagraphNode, $createTextNode, type ElementNode, type LexicalNode } from 'lexical';
import { $createFootnoteNode } from '../../shared/footnote-node.js';

export type Run =
  | string
  | { text: string; bold?: boolean; italic?: boolean; underline?: boolean }
  | { footnote: string }
  | { link: string; text: string };

export type Block =
  | { p: Run[] | string }
  | { h: string; level?: 2 | 3 | 4 }
  | { ul: string[] }
  | { ol: string[] }
  /** A table, its first row the header; `widths` in pixels, one a column (the editor's own otherwise: all equal). */
  | { table: string[][]; widths?: number[] };

function $run(run: Run): LexicalNode {
  if (typeof run === 'string') return $createTextNode(run);
  if ('footnote' in run) return $createFootnoteNode(run.footnote);
  if ('link' in run) return $createLinkNode(run.link).append($createTextNode(run.text));
  const node = $createTextNode(run.text);
  if (run.bold) node.toggleFormat('bold');
  if (run.italic) node.toggleFormat('italic');
  if (run.underline) node.toggleFormat('underline');
  return node;
}

export function $appendBlocks(root: ElementNode, blocks: readonly Block[]): void {
  if (blocks.length === 0) {
    root.append($createParagraphNode());
    return;
  }
  for (const b of blocks) {
    if ('p' in b) {
      const runs = typeof b.p === 'string' ? [b.p] : b.p;
      root.append($createParagraphNode().append(...runs.map($run)));
    } else if ('h' in b) {
      root.append($createHeadingNode(`h${b.level ?? 2}`).append($createTextNode(b.h)));
    } else if ('ul' in b || 'ol' in b) {
      const items = 'ul' in b ? b.ul : b.ol;
      const list = $createListNode('ul' in b ? 'bullet' : 'number');
      for (const item of items) list.append($createListItemNode().append($createTextNode(item)));
      root.append(list);
    } else {
      const table = $createTableNode();
      if (b.widths) table.setColWidths(b.widths);
      b.table.forEach((cells, r) => {
        const row = $createTableRowNode();
        for (const cell of cells) {
          const header = r === 0 ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS;
          row.append($createTableCellNode(header).append($createParagraphNode().append($createTextNode(cell))));
        }
        table.append(row);
      });
      root.append(table);
    }
  }
}
