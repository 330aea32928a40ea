// The report as an exported document: one model built from the sections' text (headless Lexical
// from the Yjs updates, with every review annotation taken out), the recommendations and the
// consultation inputs, which each writer (DOCX, HTML, and PDF through the HTML) renders as it is.
// Paragraph numbers, footnote numbers, section labels and the annexes are worked out here, once,
// so the three formats agree to the word.
import type { ReportLanguage } from '../../shared/domain.js';

/** A run of text with its formatting. */
export interface TextRun {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  superscript?: boolean;
  subscript?: boolean;
}

/** A footnote reference; `number` counts through the whole report, from 1. */
export interface FootnoteRun {
  kind: 'footnote';
  number: number;
  text: string;
}

export interface LinkRun {
  kind: 'link';
  /** Only http, https and mailto addresses; anything else becomes plain text. */
  href: string;
  runs: TextRun[];
}

export interface BreakRun {
  kind: 'break';
}

/** What a paragraph, heading, list item or table cell holds. A recommendation reference is a TextRun of its number. */
export type Inline = TextRun | FootnoteRun | LinkRun | BreakRun;

/**
 * A heading. Level 1: a top-level section ("A." + title); level 2: a sub-section ("1." + title, as UN
 * documents number them under a lettered heading); levels 3 and 4: headings written inside the text.
 */
export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2 | 3 | 4;
  /** "A.", "1." or '' for headings inside the text. */
  label: string;
  runs: Inline[];
}

/** A body paragraph, numbered through the report (1, 2, 3, ...) as UN documents are. */
export interface ParagraphBlock {
  kind: 'paragraph';
  number: number;
  runs: Inline[];
  /** A quotation (Lexical quote): indented, numbered like any paragraph. */
  quote?: boolean;
}

export interface ListItem {
  runs: Inline[];
  /** Nested lists under this item. */
  children: ListBlock[];
}

/** A list: not numbered as paragraphs; its items are (a), (b)... when ordered, bullets otherwise. */
export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  items: ListItem[];
}

export interface TableCell {
  runs: Inline[];
  header: boolean;
  colSpan: number;
  rowSpan: number;
}

/** A table: not numbered as a paragraph. */
export interface TableBlock {
  kind: 'table';
  rows: TableCell[][];
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock;

/** An annex: a title and one table (the recommendations matrix; the consultation inputs). */
export interface Annex {
  /** "Annex I", "Annex II" in the report's language. */
  label: string;
  title: string;
  headers: string[];
  rows: string[][];
  /** Relative column widths (they sum to 100), for the writers that need them. */
  widths: number[];
  /** What to print when there are no rows. */
  empty: string;
}

export interface Cover {
  /** "United Nations" (top-left line). */
  organization: string;
  /** "A/HRC/WG.6/.../..." when known, else ''. */
  symbol: string;
  /** "Human Rights Council" */
  council: string;
  /** "Working Group on the Universal Periodic Review" */
  workingGroup: string;
  /** "Fourth cycle" or "Forty-eighth session" when set, else ''. */
  session: string;
  /** The masthead beside the Council's lines: "Distr.: General", the date ('' until set), "Original: English". */
  distribution: string;
  date: string;
  original: string;
  /** "National report submitted in accordance with paragraph 5 of the annex to Human Rights Council resolution 16/21" */
  submitted: string;
  /** The country's name. */
  country: string;
  /** The report's title as set in the report. */
  title: string;
}

export interface WordCounts {
  /** The body (headings, paragraphs, lists and tables), as OHCHR counts against the limit. */
  body: number;
  /** Footnotes, not counted against the limit. */
  footnotes: number;
  /** The report's limit (10,700 by HRC decision 17/119). */
  limit: number;
}

export interface ExportDocument {
  language: ReportLanguage;
  /** 'rtl' for Arabic. */
  direction: 'ltr' | 'rtl';
  cover: Cover;
  body: Block[];
  annexes: Annex[];
  words: WordCounts;
  /** A draft: the watermark across every page ("DRAFT") and the line at the foot of each ("Draft: … , date"). */
  draft?: { watermark: string; footer: string };
  /** Lines numbered in the margin (the Word file), for a consultation round where readers cite lines. */
  lineNumbers?: boolean;
}
