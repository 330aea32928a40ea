// The page, styles and list numbering of the Word report, as the UN Office at Geneva lays out its
// documents: A4, Times New Roman 10 pt, a 13 cm text column indented 2 cm from the margin, headings
// whose "A." hangs out to the left of the column, paragraph numbers at the column's edge with the
// text after a tab. Measures are twips (1/20 pt; 567 = 1 cm).
import { AlignmentType, BorderStyle, LevelFormat, LineRuleType, type ILevelsOptions, type INumberingOptions, type IStylesOptions } from 'docx';
import type { ReportLanguage } from '../../shared/domain.js';

export const PAGE = { width: 11906, height: 16838 } as const;
export const MARGIN = { top: 1701, right: 1134, bottom: 2268, left: 1134, header: 1134, footer: 1701 } as const;
/** From margin to margin: the width of the annexes' tables and the cover's top line. */
export const FULL_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Where the text column starts and ends inside the margins. */
export const INDENT = 1134;
/** The text column: where body tables go. */
export const COLUMN_WIDTH = FULL_WIDTH - 2 * INDENT;
const STEP = 567;
/** A quotation: one step further in on both sides. */
export const QUOTE_INDENT = { left: INDENT + STEP, right: INDENT + STEP, firstLine: 0 } as const;

/** Word's references to the report's lists. */
export const LISTS = { paragraphs: 'paragraphs', ordered: 'subparagraphs', bullets: 'bullets' } as const;

/** Half-points, for a size in points. */
export const half = (points: number) => points * 2;

/** How each UN language numbers paragraphs and lettered subparagraphs (the editorial manuals' forms). */
const NUMBER_FORMS: Record<ReportLanguage, { paragraph: string; letters: (typeof LevelFormat)[keyof typeof LevelFormat]; letter: (n: number) => string }> = {
  en: { paragraph: '%1.', letters: LevelFormat.LOWER_LETTER, letter: (n) => `(%${n})` },
  zh: { paragraph: '%1.', letters: LevelFormat.LOWER_LETTER, letter: (n) => `(%${n})` },
  fr: { paragraph: '%1.', letters: LevelFormat.LOWER_LETTER, letter: (n) => `%${n})` },
  es: { paragraph: '%1.', letters: LevelFormat.LOWER_LETTER, letter: (n) => `%${n})` },
  ru: { paragraph: '%1.', letters: LevelFormat.LOWER_LETTER, letter: (n) => `%${n})` },
  ar: { paragraph: '%1-', letters: LevelFormat.ARABIC_ABJAD, letter: (n) => `(%${n})` },
};

const LANGUAGE_TAGS: Record<ReportLanguage, { value: string; eastAsia: string; bidirectional: string }> = {
  en: { value: 'en-GB', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  fr: { value: 'fr-FR', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  es: { value: 'es-ES', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  ru: { value: 'ru-RU', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  zh: { value: 'en-GB', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  ar: { value: 'en-GB', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
};

/**
 * Times New Roman for Latin, Cyrillic and Arabic (it has all three on Windows and macOS), SimSun for
 * Chinese as the UN's Chinese documents use. Arabic is set 2 pt larger: at the same size it reads
 * much smaller than Latin.
 */
export function fontsFor(language: ReportLanguage) {
  return {
    font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' },
    csBoost: language === 'ar' ? 2 : 0,
  };
}

/** A run's size in points, with the Arabic script's larger size. */
export function sizeOf(points: number, csBoost: number) {
  return { size: half(points), sizeComplexScript: half(points + csBoost) };
}

export function documentStyles(language: ReportLanguage): IStylesOptions {
  const { font, csBoost } = fontsFor(language);
  const size = (pt: number) => sizeOf(pt, csBoost);
  const heading = (pt: number, before: number, after: number, outlineLevel: number, hanging: number) => ({
    paragraph: { indent: { left: INDENT, right: INDENT, hanging }, spacing: { before, after }, keepNext: true, keepLines: true, outlineLevel },
    run: { color: '000000', ...size(pt) },
  });
  const h1 = heading(12, 360, 240, 0, STEP);
  const h2 = heading(10, 240, 120, 1, STEP);
  const h3 = heading(10, 240, 120, 2, STEP);
  const h4 = heading(10, 240, 120, 3, STEP);
  return {
    default: {
      document: {
        run: { font, ...size(10), language: LANGUAGE_TAGS[language] },
        // Arabic's marks above and below the letters need more room between lines than Latin. The
        // rule is said: LibreOffice reads a line height without one as exact, and then a 14-point
        // title's lines, held to 12 points, overlap.
        paragraph: { spacing: { before: 0, after: 0, line: language === 'ar' ? 276 : 240, lineRule: LineRuleType.AUTO } },
      },
      heading1: { ...h1, run: { ...h1.run, bold: true } },
      heading2: { ...h2, run: { ...h2.run, bold: true } },
      heading3: { ...h3, run: { ...h3.run, bold: true, italics: true } },
      heading4: { ...h4, run: { ...h4.run, italics: true } },
      title: { run: { ...size(14), bold: true } },
      // UN documents print their links as text; they stay links for a reader on screen.
      hyperlink: { run: { color: '000000' } },
      footnoteText: {
        paragraph: { indent: { left: INDENT, right: INDENT, hanging: 283 }, spacing: { after: 0, line: 220, lineRule: LineRuleType.AUTO } },
        run: size(9),
      },
      footnoteReference: { run: { superScript: true } },
    },
    paragraphStyles: [
      {
        id: 'SingleTxt',
        name: 'Single text',
        basedOn: 'Normal',
        next: 'SingleTxt',
        quickFormat: true,
        paragraph: { indent: { left: INDENT, right: INDENT }, spacing: { after: 120 }, alignment: AlignmentType.JUSTIFIED },
      },
      {
        id: 'Quote',
        name: 'Quote',
        basedOn: 'SingleTxt',
        next: 'SingleTxt',
        paragraph: { indent: QUOTE_INDENT },
      },
      {
        id: 'CoverLine',
        name: 'Cover line',
        basedOn: 'Normal',
        paragraph: { keepNext: true },
      },
      {
        id: 'CoverTitle',
        name: 'Cover title',
        basedOn: 'Normal',
        next: 'SingleTxt',
        paragraph: { indent: { left: INDENT, right: INDENT }, spacing: { before: 360, after: 240 }, keepNext: true, keepLines: true },
        run: { ...size(14), bold: true },
      },
      {
        id: 'TableText',
        name: 'Table text',
        basedOn: 'Normal',
        paragraph: { spacing: { before: 40, after: 40 } },
        // Not enlarged for Arabic: a recommendation's number ("122.136") must fit its narrow column.
        run: sizeOf(9, 0),
      },
      {
        id: 'HeaderText',
        name: 'Header text',
        basedOn: 'Normal',
        run: { ...size(9), bold: true },
      },
    ],
  };
}

/**
 * The report's three lists: paragraph numbers (one list through the whole report, so Word keeps the
 * count when a person edits), lettered subparagraphs and bullets. The paragraph number sits at the
 * column's edge and the text after a tab, wrapping back under the number as UN paragraphs do;
 * subparagraphs go the same way one step in; bullets hang.
 */
export function documentNumbering(language: ReportLanguage): INumberingOptions {
  const forms = NUMBER_FORMS[language];
  const levels = Array.from({ length: 9 }, (_, level) => level);
  const ordered = (level: number): ILevelsOptions => ({
    level,
    format: [forms.letters, LevelFormat.LOWER_ROMAN, LevelFormat.DECIMAL][level % 3],
    text: level % 3 === 2 ? `%${level + 1}.` : forms.letter(level + 1),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: INDENT, firstLine: STEP * (level + 1) }, leftTabStop: INDENT + STEP * (level + 2) } },
  });
  const bullet = (level: number): ILevelsOptions => ({
    level,
    format: LevelFormat.BULLET,
    text: level % 2 === 0 ? '\u2022' : '\u2013',
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: INDENT + STEP * (level + 1), hanging: 170 } } },
  });
  return {
    config: [
      {
        reference: LISTS.paragraphs,
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text: forms.paragraph,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: INDENT, firstLine: 0 }, leftTabStop: INDENT + STEP } },
          },
        ],
      },
      { reference: LISTS.ordered, levels: levels.map(ordered) },
      { reference: LISTS.bullets, levels: levels.map(bullet) },
    ],
  };
}

export const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
export const CELL_MARGINS = { top: 40, bottom: 40, left: 57, right: 57 } as const;
