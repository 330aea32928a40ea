// The exported report as a Word document, laid out as a UN national report: the cover block, the
// body with Word's own heading styles, paragraph numbers, footnotes and tables, then each annex on a
// page of its own. Only the model goes in (document.ts keeps review comments out of it).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LineNumberRestartFormat,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { Annex, Cover, ExportDocument } from './model.js';
import { BodyWriter } from './docx-blocks.js';
import { CELL_MARGINS, FULL_WIDTH, INDENT, MARGIN, PAGE, documentNumbering, documentStyles, fontsFor, sizeOf } from './docx-layout.js';

/** The .docx file's bytes for the document. */
export async function writeDocx(doc: ExportDocument): Promise<Uint8Array> {
  const writer = new BodyWriter(doc.direction === 'rtl');
  const { csBoost } = fontsFor(doc.language);
  const children = [...cover(writer, doc.cover, csBoost), ...writer.blocks(doc.body), ...doc.annexes.flatMap((a) => annex(writer, a, csBoost))];
  const file = new Document({
    title: doc.cover.title,
    creator: doc.cover.country,
    lastModifiedBy: doc.cover.country,
    styles: documentStyles(doc.language),
    numbering: documentNumbering(doc.language),
    footnotes: writer.footnotes,
    defaultTabStop: 567,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: { size: PAGE, margin: MARGIN },
          // The first page is the cover: no running header or page number on it.
          titlePage: true,
          ...(doc.lineNumbers ? { lineNumbers: { countBy: 1, restart: LineNumberRestartFormat.CONTINUOUS, distance: 283 } } : {}),
        },
        headers: runningHeaders(writer, doc.cover.symbol, doc.draft?.watermark ?? null),
        footers: pageNumbers(writer, doc.draft?.footer ?? null),
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}

/**
 * The cover block: "United Nations" and the symbol on the top line over a rule, the Council, the
 * Working Group and the session, then the title in bold and the country.
 */
function cover(writer: BodyWriter, c: Cover, csBoost: number) {
  const masthead = (left: string, right: string, bold = false) =>
    new Paragraph({
      style: 'CoverLine',
      ...writer.direction,
      tabStops: [{ type: TabStopType.RIGHT, position: FULL_WIDTH }],
      children: [...(left ? writer.textRuns(left, bold ? { bold } : {}) : []), ...(right ? [...writer.textRuns('\t'), ...writer.textRuns(latin(right))] : [])],
    });
  // The masthead is in Latin letters in an Arabic report too ("12 February 2027"): embedded left to
  // right, or the day would be set after the year.
  const latin = (text: string) => (writer.rtl && !/[\u0600-\u06ff]/.test(text) ? `\u202a${text}\u202c` : text);
  return [
    new Paragraph({
      style: 'CoverLine',
      ...writer.direction,
      tabStops: [{ type: TabStopType.RIGHT, position: FULL_WIDTH }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 4 } },
      spacing: { after: 240 },
      children: [
        ...writer.textRuns(c.organization, sizeOf(14, csBoost)),
        ...(c.symbol ? [...writer.textRuns('\t'), ...writer.textRuns(c.symbol, { ...sizeOf(14, csBoost), bold: true })] : []),
      ],
    }),
    // The Council's lines on the left; the masthead (distribution, date, original) on the right,
    // each on its own line by a right tab, as UN documents set them.
    masthead(c.council, c.distribution, true),
    masthead(c.workingGroup, c.date, true),
    masthead(c.session, ''),
    masthead('', c.original),
    new Paragraph({ style: 'CoverTitle', ...writer.direction, spacing: { before: 720, after: 240 }, children: writer.textRuns(c.submitted) }),
    new Paragraph({ style: 'CoverTitle', ...writer.direction, spacing: { before: 0, after: 480 }, children: writer.textRuns(c.country) }),
  ];
}

/** An annex: on a new page, its label and title as a heading, then its table (or the sentence saying it is empty). */
function annex(writer: BodyWriter, a: Annex, csBoost: number) {
  // One heading, so that Word's navigation pane lists the annex by its label and title.
  const heading = new Paragraph({
    heading: HeadingLevel.HEADING_1,
    ...writer.direction,
    pageBreakBefore: true,
    indent: { left: INDENT, hanging: 0 },
    spacing: { before: 0, after: 360 },
    children: [...writer.textRuns(a.label, sizeOf(14, csBoost)), ...writer.textRuns('\n'), ...writer.textRuns(a.title, sizeOf(14, csBoost))],
  });
  if (a.rows.length === 0) return [heading, new Paragraph({ style: 'SingleTxt', ...writer.direction, children: writer.textRuns(a.empty) })];
  const total = a.widths.reduce((x, y) => x + y, 0) || 1;
  const widths = a.headers.map((_, i) => Math.floor((FULL_WIDTH * (a.widths[i] ?? total / a.headers.length)) / total));
  const cell = (text: string, bold: boolean) =>
    new TableCell({ margins: CELL_MARGINS, children: [new Paragraph({ style: 'TableText', ...writer.direction, children: writer.textRuns(text, bold ? { bold } : {}) })] });
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: a.headers.map((h) => cell(h, true)) }),
    ...a.rows.map((row) => new TableRow({ cantSplit: true, children: a.headers.map((_, i) => cell(row[i] ?? '', false)) })),
  ];
  return [heading, writer.wordTable(rows, widths, 0)];
}

/**
 * The document symbol at the top of each page after the first, on the outer side as UN documents
 * have it; a draft's watermark on every page, the cover's too (Word's own, which its Design ▸
 * Watermark command can remove).
 */
function runningHeaders(writer: BodyWriter, symbol: string, watermark: string | null) {
  const mark = () => (watermark ? [new Paragraph({ children: [new TextWatermark({ text: watermark, color: 'C0C0C0', opacity: 0.5 })] })] : []);
  const header = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Header({
      children: [
        new Paragraph({
          style: 'HeaderText',
          alignment,
          ...writer.direction,
          border: symbol ? { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 4 } } : undefined,
          children: writer.textRuns(symbol),
        }),
        ...mark(),
      ],
    });
  return { default: header(AlignmentType.RIGHT), even: header(AlignmentType.LEFT), first: new Header({ children: mark() }) };
}

/** The page number at the foot of each page after the first, on the outer side; a draft's name and date on every page. */
function pageNumbers(writer: BodyWriter, draft: string | null) {
  const line = () => (draft ? [new Paragraph({ style: 'HeaderText', ...writer.direction, children: writer.textRuns(draft) })] : []);
  const footer = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Footer({
      children: [new Paragraph({ style: 'HeaderText', alignment, ...writer.direction, children: [new TextRun({ children: [PageNumber.CURRENT] })] }), ...line()],
    });
  return { default: footer(AlignmentType.RIGHT), even: footer(AlignmentType.LEFT), first: new Footer({ children: line() }) };
}
