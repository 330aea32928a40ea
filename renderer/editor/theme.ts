import type { EditorThemeClasses } from 'lexical';

export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-p',
  heading: { h2: 'ed-h2', h3: 'ed-h3', h4: 'ed-h4' },
  quote: 'ed-quote',
  list: { ul: 'ed-ul', ol: 'ed-ol', listitem: 'ed-li', nested: { listitem: 'ed-li-nested' } },
  link: 'ed-link',
  table: 'ed-table',
  tableCell: 'ed-td',
  tableCellHeader: 'ed-th',
  tableSelection: 'ed-table-selection',
  text: { bold: 'ed-bold', italic: 'ed-italic', underline: 'ed-underline' },
  // Comment anchors; the review decides which are highlighted (open comments) and which is active.
  mark: 'cmt-mark',
  markOverlap: 'cmt-mark-overlap',
  // Others' carets (the office network server): Lexical sets --lexical-cursor-color on each.
  collaboration: { cursor: 'ed-peer-caret', cursorName: 'ed-peer-name' },
};
