// A comparison of two versions as a Word document with real tracked changes (w:ins / w:del), so a
// reviewer can walk through them with Word's Accept and Reject instead of reading a coloured copy.
// Only sections that differ are written; each change is credited to the people who wrote in the
// section between the two sides, dated at the newer side.
import { DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx';
import { COMPARED_FIELD_NAMES, type ParagraphChange, type SectionComparison, type VersionComparison } from '../../shared/versions.js';


/** Who a tracked change is credited to when nobody is recorded as writing in the section. */
const NO_WRITER = 'UPR workbench';

type Change = 'inserted' | 'deleted';
type Revision = { id: number; author: string; date: string };
type Run = TextRun | InsertedTextRun | DeletedTextRun;
type ParagraphOptions = { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; run?: { insertion?: Revision; deletion?: Revision } };

/** The .docx file's bytes: the comparison's changed sections, their text as tracked changes. */
export async function writeRedlineDocx(cmp: VersionComparison, opts: { reportTitle: string; rtl?: boolean }): Promise<Uint8Array> {
  const writer = new RedlineWriter(opts.rtl === true, wordDate(cmp.to.at));
  const { from, to } = cmp;
  const children = [
    writer.paragraph([writer.run(opts.reportTitle)], { heading: HeadingLevel.HEADING_1 }),
    writer.paragraph([writer.run(`Changes from “${from.name}” (${day(from.at)}) to “${to.name}” (${day(to.at)})`)]),
    ...cmp.sections.filter((s) => s.change !== 'same').flatMap((s) => writer.section(s)),
  ];
  const file = new Document({ title: `${opts.reportTitle}: changes`, creator: NO_WRITER, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(file));
}

class RedlineWriter {
  /** Word requires every revision's id to be unique in the document. */
  private nextId = 1;

  constructor(
    private readonly rtl: boolean,
    private readonly date: string,
  ) {}

  section(s: SectionComparison): Paragraph[] {
    const author = s.writers.length > 0 ? s.writers.join(', ') : NO_WRITER;
    const heading = [s.label, s.title].filter((t) => t !== '').join(' ');
    const headingChange = s.change === 'added' ? 'inserted' : s.change === 'removed' ? 'deleted' : undefined;
    return [
      this.whole(heading, headingChange, author, { heading: HeadingLevel.HEADING_2 }),
      ...s.fields.map((f) => this.paragraph([this.run(`${COMPARED_FIELD_NAMES[f.field]}: ${shown(f.from)} → ${shown(f.to)}`)])),
      ...s.paragraphs.map((p) => this.changedParagraph(p, author)),
      ...(s.textMissing ? [this.paragraph([this.run('This section’s text could not be rebuilt for one of the two sides.', { italics: true })])] : []),
    ];
  }

  private changedParagraph(p: ParagraphChange, author: string): Paragraph {
    switch (p.kind) {
      case 'same':
        return this.whole(p.text, undefined, author);
      case 'added':
        return this.whole(p.text, 'inserted', author);
      case 'removed':
        return this.whole(p.text, 'deleted', author);
      case 'changed':
        return this.paragraph(p.parts.filter((part) => part.text !== '').map((part) => this.run(part.text, {}, part.change, author)));
    }
  }

  /**
   * A paragraph that is kept, inserted or deleted as a whole. Its paragraph mark is marked too, as
   * Word does, so that rejecting an added paragraph (or accepting a removed one) leaves no empty line.
   */
  private whole(text: string, change: Change | undefined, author: string, options: ParagraphOptions = {}): Paragraph {
    const runs = text === '' ? [] : [this.run(text, {}, change, author)];
    if (change === undefined) return this.paragraph(runs, options);
    const mark = change === 'inserted' ? { insertion: this.revision(author) } : { deletion: this.revision(author) };
    return this.paragraph(runs, { ...options, run: mark });
  }

  paragraph(children: Run[], options: ParagraphOptions = {}): Paragraph {
    return new Paragraph({ ...options, ...(this.rtl ? { bidirectional: true } : {}), children });
  }

  run(text: string, style: { italics?: boolean } = {}, change?: Change, author = NO_WRITER): Run {
    // docx writes every w:t and w:delText with xml:space="preserve", so the spaces at a part's ends survive.
    const options = { text, ...style, ...(this.rtl ? { rightToLeft: true } : {}) };
    if (change === 'inserted') return new InsertedTextRun({ ...options, ...this.revision(author) });
    if (change === 'deleted') return new DeletedTextRun({ ...options, ...this.revision(author) });
    return new TextRun(options);
  }

  private revision(author: string): Revision {
    return { id: this.nextId++, author, date: this.date };
  }
}

/** The calendar day of an ISO 8601 time, as YYYY-MM-DD. */
function day(at: string): string {
  return at.slice(0, 10);
}

/** Word writes revision dates to the second, without fractions. */
function wordDate(at: string): string {
  return at.replace(/\.\d+(?=Z$|[+-]\d\d:\d\d$)/, '');
}

function shown(value: string): string {
  return value === '' ? '(none)' : value;
}
