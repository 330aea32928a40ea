// The one Lexical node list: the renderer's editor and every headless editor in the main process
// (text content, word counts, export) register exactly these nodes.
import { LinkNode, AutoLinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { FootnoteNode } from './footnote-node.js';
import { RecommendationRefNode } from './recommendation-ref-node.js';

export const SECTION_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  LinkNode,
  AutoLinkNode,
  FootnoteNode,
  // Review comments' anchors: a mark carries the ids of the comments on the passage it wraps.
  MarkNode,
  // References to recommendations ("115.23"): the sections they are addressed in derive from these.
  RecommendationRefNode,
];
