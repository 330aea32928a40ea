// The report's body in Word: headings in Word's heading styles (so the navigation pane lists them),
// paragraphs on the one paragraph-number list, lists, tables, footnotes and links, each made from the
// export model as it is. Footnotes are collected as they are met, for the document's footnotes part.
import {
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Block, HeadingBlock, Inline, ListBlock, TableBlock, TextRun as ModelTextRun } from './model.js';
import { CELL_MARGINS, COLUMN_WIDTH, INDENT, LISTS, QUOTE_INDENT, THIN } from './docx-layout.js';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

const TABLE_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN } as const;

/** What writing the body needs to know and gathers: the direction, the footnotes, the lists made so far. */
export class BodyWriter {
  /** Each footnote's paragraphs by its number, which is its id in the document. */
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  /** Every list gets an instance of its own, so each starts again at (a); the paragraph numbers are instance 0. */
  private lists = 0;

  constructor(readonly rtl: boolean) {}

  /** The paragraph properties every paragraph of the document carries for its direction. */
  get direction(): { bidirectional?: true } {
    return this.rtl ? { bidirectional: true } : {};
  }

  /** Runs for a piece of text, with tabs and line breaks as Word's own. */
  textRuns(text: string, options: Omit<IRunOptions, 'text' | 'children'> = {}): TextRun[] {
    const run = { ...options, ...(this.rtl ? { rightToLeft: true } : {}) };
    return text
      .split(/(\t|\r?\n)/)
      .filter((part) => part !== '')
      .map((part) => (part === '\t' ? new TextRun({ ...run, children: [new Tab()] }) : /\n/.test(part) ? new TextRun({ ...run, break: 1 }) : new TextRun({ ...run, text: part })));
  }

  private formatted(run: ModelTextRun, bold: boolean, style?: string): TextRun[] {
    return this.textRuns(run.text, {
      ...(style ? { style } : {}),
      ...(run.bold || bold ? { bold: true } : {}),
      ...(run.italic ? { italics: true } : {}),
      ...(run.underline ? { underline: {} } : {}),
      ...(run.strikethrough ? { strike: true } : {}),
      ...(run.superscript ? { superScript: true } : {}),
      ...(run.subscript ? { subScript: true } : {}),
    });
  }

  /** A paragraph's content; `bold` for a table's header cells. */
  inlines(runs: readonly Inline[], bold = false): ParagraphChild[] {
    return runs.flatMap((run): ParagraphChild[] => {
      switch (run.kind) {
        case 'text':
          return this.formatted(run, bold);
        case 'break':
          return [new TextRun({ break: 1 })];
        case 'link': {
          const shown = run.runs.some((r) => r.text !== '') ? run.runs : [{ kind: 'text' as const, text: run.href }];
          return [new ExternalHyperlink({ link: run.href, children: shown.flatMap((r) => this.formatted(r, bold, 'Hyperlink')) })];
        }
        case 'footnote':
          this.footnotes[String(run.number)] = {
            children: [new Paragraph({ style: 'FootnoteText', ...this.direction, children: [new TextRun({ children: [new Tab()] }), ...this.textRuns(run.text)] })],
          };
          return [new FootnoteReferenceRun(run.number)];
      }
    });
  }

  blocks(blocks: readonly Block[]): Array<Paragraph | Table> {
    return blocks.flatMap((block): Array<Paragraph | Table> => {
      switch (block.kind) {
        case 'heading':
          return [this.heading(block)];
        case 'paragraph':
          return [
            new Paragraph({
              style: block.quote ? 'Quote' : 'SingleTxt',
              numbering: { reference: LISTS.paragraphs, level: 0, instance: 0, custom: true },
              // The number's indent would otherwise win over the quote style's.
              ...(block.quote ? { indent: QUOTE_INDENT } : {}),
              ...this.direction,
              children: this.inlines(block.runs),
            }),
          ];
        case 'list':
          return this.list(block, 0);
        case 'table':
          // Word cannot open a table without a row or a row without a cell.
          return block.rows.some((row) => row.length > 0) ? [this.table(block), this.spacer()] : [];
      }
    });
  }

  private heading(block: HeadingBlock): Paragraph {
    // A label hangs out to the left of the column; a heading without one starts at the column's edge.
    const label = block.label ? [...this.textRuns(block.label), ...this.textRuns('\t')] : [];
    return new Paragraph({
      heading: HEADINGS[block.level - 1],
      ...(block.label ? {} : { indent: { left: INDENT, hanging: 0 } }),
      ...this.direction,
      children: [...label, ...this.inlines(block.runs)],
    });
  }

  private list(block: ListBlock, level: number): Paragraph[] {
    const numbering = { reference: block.ordered ? LISTS.ordered : LISTS.bullets, level: Math.min(level, 8), instance: ++this.lists, custom: true };
    return block.items.flatMap((item) => [
      new Paragraph({ style: 'SingleTxt', numbering, ...this.direction, children: this.inlines(item.runs) }),
      ...item.children.flatMap((child) => this.list(child, level + 1)),
    ]);
  }

  /** A body table, in the text column; its leading all-header rows repeat on each page. */
  private table(block: TableBlock): Table {
    const filled = block.rows.filter((row) => row.length > 0);
    const columns = gridColumns(filled);
    let heading = true;
    const rows = filled.map((row) => {
      heading &&= row.every((c) => c.header);
      return new TableRow({
        tableHeader: heading,
        cantSplit: true,
        children: row.map(
          (cell) =>
            new TableCell({
              columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
              rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
              margins: CELL_MARGINS,
              children: [new Paragraph({ style: 'TableText', ...this.direction, children: this.inlines(cell.runs, cell.header) })],
            }),
        ),
      });
    });
    return this.wordTable(
      rows,
      Array.from({ length: columns }, () => Math.floor(COLUMN_WIDTH / columns)),
      INDENT,
    );
  }

  /** A bordered table of fixed column widths (twips), starting `indent` in from the margin. */
  wordTable(rows: TableRow[], widths: number[], indent: number): Table {
    return new Table({
      rows,
      columnWidths: widths,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      indent: { size: indent, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      borders: TABLE_BORDERS,
      ...(this.rtl ? { visuallyRightToLeft: true } : {}),
    });
  }

  /** An empty paragraph after a table: Word needs one between two tables, and UN tables have space after. */
  spacer(): Paragraph {
    return new Paragraph({ style: 'SingleTxt', ...this.direction });
  }
}

/** How many grid columns a table spans, counting cells that rows above reach down into. */
function gridColumns(rows: TableBlock['rows']): number {
  const reaching: number[] = [];
  let columns = 0;
  for (const row of rows) {
    let column = 0;
    for (const cell of row) {
      while ((reaching[column] ?? 0) > 0) column++;
      for (let i = 0; i < cell.colSpan; i++) reaching[column + i] = cell.rowSpan;
      column += cell.colSpan;
    }
    columns = Math.max(columns, column, reaching.length);
    for (let i = 0; i < reaching.length; i++) reaching[i] = Math.max(0, (reaching[i] ?? 0) - 1);
  }
  return Math.max(1, columns);
}
