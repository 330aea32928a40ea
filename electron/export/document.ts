// Builds the exported report (model.ts) from a report file: the cover from the report's settings,
// the body from every section in outline order (each section's text read headless from its Yjs
// updates, review annotations taken out), and the annexes from the recommendations and the
// consultation inputs. Only what the report says is read: never a comment, a proposed wording or
// a mark.
import { addressedIn, outlineOrder, type Recommendation, type ReportLanguage } from '../../shared/domain.js';
import { DEFAULT_ANNEXES, type AnnexChoice } from '../../shared/api.js';
import { EXPORT_WORDS } from '../../shared/report-words.js';
import { countWords } from '../../shared/words.js';
import { readSectionWithoutAnnotations } from '../docs/section-text.js';
import { logRows } from '../services/consultation-log.js';
import { listInputs } from '../services/inputs.js';
import { compareNumbers, listRecommendationRows } from '../services/recommendations.js';
import type { DB } from '../store/open.js';
import { getReport, listSections } from '../store/queries.js';
import type { Annex, Block, ExportDocument, Inline, ListBlock, ListItem, TableCell, TextRun } from './model.js';

/** Lexical's serialized nodes, as far as the export reads them. */
interface JsonNode {
  type: string;
  children?: JsonNode[];
  text?: string;
  format?: number | string;
  tag?: string;
  listType?: string;
  url?: string;
  number?: string;
  headerState?: number;
  colSpan?: number;
  rowSpan?: number;
}

// Lexical's text format bits.
const BOLD = 1;
const ITALIC = 2;
const STRIKETHROUGH = 4;
const UNDERLINE = 8;
const SUBSCRIPT = 32;
const SUPERSCRIPT = 64;

const SAFE_LINK = /^(?:https?:|mailto:)/i;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Counts footnotes and paragraphs through the whole report while the sections are read in order. */
class Numbering {
  paragraph = 0;
  footnote = 0;
}

function textRun(text: string, format: number): TextRun {
  const run: TextRun = { kind: 'text', text };
  if (format & BOLD) run.bold = true;
  if (format & ITALIC) run.italic = true;
  if (format & UNDERLINE) run.underline = true;
  if (format & STRIKETHROUGH) run.strikethrough = true;
  if (format & SUPERSCRIPT) run.superscript = true;
  if (format & SUBSCRIPT) run.subscript = true;
  return run;
}

function inlines(nodes: readonly JsonNode[] | undefined, n: Numbering): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'text':
        if (node.text) out.push(textRun(node.text, typeof node.format === 'number' ? node.format : 0));
        break;
      case 'tab':
        out.push({ kind: 'text', text: '\t' });
        break;
      case 'linebreak':
        out.push({ kind: 'break' });
        break;
      case 'footnote':
        out.push({ kind: 'footnote', number: ++n.footnote, text: node.text ?? '' });
        break;
      case 'recommendation-ref':
        // Exported as its number, as the Working Group's report writes it.
        if (node.number) out.push({ kind: 'text', text: node.number });
        break;
      case 'link':
      case 'autolink': {
        const runs = inlines(node.children, n).filter((r): r is TextRun => r.kind === 'text');
        if (node.url && SAFE_LINK.test(node.url)) out.push({ kind: 'link', href: node.url, runs });
        else out.push(...runs);
        break;
      }
      default:
        // Any other inline container (a mark left by an older version): its content, not itself.
        if (node.children) out.push(...inlines(node.children, n));
    }
  }
  return out;
}

const isEmpty = (runs: readonly Inline[]) => runs.every((r) => (r.kind === 'text' ? r.text.trim() === '' : r.kind === 'break'));

function list(node: JsonNode, n: Numbering): ListBlock {
  const items: ListItem[] = [];
  for (const item of node.children ?? []) {
    const nested = (item.children ?? []).filter((c) => c.type === 'list');
    const content = (item.children ?? []).filter((c) => c.type !== 'list');
    const runs = inlines(content, n);
    // Lexical nests a list in an item of its own, right after the item it belongs under.
    if (isEmpty(runs) && nested.length && items.length) items[items.length - 1]!.children.push(...nested.map((l) => list(l, n)));
    else items.push({ runs, children: nested.map((l) => list(l, n)) });
  }
  return { kind: 'list', ordered: node.listType === 'number', items };
}

function table(node: JsonNode, n: Numbering): Block {
  const rows = (node.children ?? []).map((row) =>
    (row.children ?? []).map(
      (cell): TableCell => ({
        // A cell holds paragraphs; they are joined with line breaks.
        runs: (cell.children ?? []).flatMap((p, i) => [...(i > 0 ? [{ kind: 'break' } as const] : []), ...inlines(p.children, n)]),
        header: (cell.headerState ?? 0) !== 0,
        colSpan: Math.max(1, cell.colSpan ?? 1),
        rowSpan: Math.max(1, cell.rowSpan ?? 1),
      }),
    ),
  );
  return { kind: 'table', rows };
}

/** One section's text as blocks; paragraphs and footnotes numbered on from `n`. */
export function sectionBlocks(json: unknown, n: Numbering): Block[] {
  const root = (json as { root?: JsonNode } | null)?.root;
  const blocks: Block[] = [];
  for (const node of root?.children ?? []) {
    switch (node.type) {
      case 'heading': {
        const runs = inlines(node.children, n);
        if (!isEmpty(runs)) blocks.push({ kind: 'heading', level: node.tag === 'h1' || node.tag === 'h2' ? 3 : 4, label: '', runs });
        break;
      }
      case 'list':
        blocks.push(list(node, n));
        break;
      case 'table':
        blocks.push(table(node, n));
        break;
      default: {
        // Paragraphs and quotes; an empty one is spacing in the editor, not a paragraph of the report.
        const runs = inlines(node.children, n);
        if (isEmpty(runs)) break;
        blocks.push({ kind: 'paragraph', number: ++n.paragraph, runs, ...(node.type === 'quote' ? { quote: true } : {}) });
      }
    }
  }
  return blocks;
}

/** The words of blocks as OHCHR counts them: headings, paragraphs, lists and tables; not footnotes. */
export function bodyWords(blocks: readonly Block[]): number {
  const text = (runs: readonly Inline[]): string =>
    runs.map((r) => (r.kind === 'text' ? r.text : r.kind === 'link' ? r.runs.map((x) => x.text).join('') : ' ')).join('');
  const listText = (l: ListBlock): string => l.items.map((i) => `${text(i.runs)} ${i.children.map(listText).join(' ')}`).join(' ');
  let words = 0;
  for (const b of blocks) {
    if (b.kind === 'heading') words += countWords(`${b.label} ${text(b.runs)}`);
    else if (b.kind === 'paragraph') words += countWords(text(b.runs));
    else if (b.kind === 'list') words += countWords(listText(b));
    else words += countWords(b.rows.map((r) => r.map((c) => text(c.runs)).join(' ')).join(' '));
  }
  return words;
}

/**
 * The recommendations annex as chosen: all of them, those the State supported, or those the report
 * addresses; by number, or clustered by theme (the list's cluster, else its first theme), with a
 * column that names the cluster and the rows of each cluster together.
 */
function recommendationsAnnex(all: readonly Recommendation[], sectionLabel: (id: string) => string | undefined, language: ReportLanguage, choice: AnnexChoice): Omit<Annex, 'label'> {
  const w = EXPORT_WORDS[language];
  const h = w.recommendationHeaders;
  // The annex of a national report lists the UPR's recommendations; the treaty bodies' and special
  // procedures' are followed up beside them but are not the review's.
  const chosen = all.filter((r) => r.origin.mechanism === 'upr').filter((r) => (choice.recommendations === 'supported' ? r.position === 'supported' : choice.recommendations === 'addressed' ? addressedIn(r).length > 0 : true));
  const byNumber = [...chosen].sort((a, b) => compareNumbers(a.number, b.number));
  const themeOf = (r: Recommendation) => r.cluster.trim() || r.themes[0]?.trim() || w.noTheme;
  const clustered = choice.order === 'theme';
  const recommendations = clustered ? [...byNumber].sort((a, b) => themeOf(a).localeCompare(themeOf(b), language) || compareNumbers(a.number, b.number)) : byNumber;
  return {
    title: w.recommendationsTitle,
    headers: [...(clustered ? [h.theme] : []), h.number, h.text, h.states, h.position, h.status, h.sections],
    widths: clustered ? [12, 8, 36, 14, 9, 11, 10] : [8, 42, 16, 10, 13, 11],
    empty: w.noRecommendations,
    rows: recommendations.map((r) => [
      ...(clustered ? [themeOf(r)] : []),
      r.number,
      r.text,
      r.states.join(', '),
      r.position ? w.positions[r.position] : '',
      w.statuses[r.implementationStatus],
      [...new Set([...r.referencedIn, ...r.linkedSections])]
        .map(sectionLabel)
        .filter((l): l is string => Boolean(l))
        .join(', '),
    ]),
  };
}

/** The whole report as an exported document. */
/** A draft as the person asked for it: its name (in the footer, and the version saved) and whether lines are numbered. */
export interface DraftChoice {
  label: string;
  lineNumbers: boolean;
}

export function buildExportDocument(db: DB, annexChoice: AnnexChoice = DEFAULT_ANNEXES, draft: DraftChoice | null = null, today: Date = new Date()): ExportDocument {
  const report = getReport(db);
  const language = report.language;
  const w = EXPORT_WORDS[language];
  const entries = outlineOrder(listSections(db));
  const labels = new Map(entries.map((e) => [e.section.id, e.label]));
  const n = new Numbering();
  const body: Block[] = [];
  let footnoteWords = 0;
  for (const { section, label, depth } of entries) {
    const parts = label.split('.');
    body.push({
      kind: 'heading',
      level: depth === 0 ? 1 : depth === 1 ? 2 : 3,
      label: `${parts[parts.length - 1]}.`,
      runs: [{ kind: 'text', text: section.title }],
    });
    const reading = readSectionWithoutAnnotations(db, section.id);
    footnoteWords += reading.footnoteWords;
    body.push(...sectionBlocks(reading.json, n));
  }

  // The annexes chosen, numbered I, II in the order they come.
  const annexes: Annex[] = [
    ...(annexChoice.recommendations === 'none' ? [] : [recommendationsAnnex(listRecommendationRows(db), (id) => labels.get(id), language, annexChoice)]),
    ...(annexChoice.inputs
      ? [
          (() => {
            const [headers, ...rows] = logRows(listInputs(db), language);
            return { title: w.inputsTitle, headers: headers!, rows, widths: [6, 22, 13, 13, 24, 22], empty: w.noInputs };
          })(),
        ]
      : []),
  ].map((a, i) => ({ ...a, label: w.annex(ROMAN[i]!) }));

  return {
    language,
    direction: language === 'ar' ? 'rtl' : 'ltr',
    cover: {
      organization: w.organization,
      symbol: report.symbol,
      council: w.council,
      workingGroup: w.workingGroup,
      session: report.session,
      distribution: w.distribution[report.distribution],
      date: report.issued ? w.date(report.issued) : '',
      original: w.original,
      submitted: w.submitted,
      // On a line of its own: "the Republic of Veridia" starts with a capital there.
      country: report.country.charAt(0).toLocaleUpperCase(language) + report.country.slice(1),
      title: report.title,
    },
    body,
    annexes,
    words: { body: bodyWords(body), footnotes: footnoteWords, limit: report.wordLimit },
    ...(draft ? { draft: { watermark: w.draftWatermark, footer: w.draftFooter(draft.label, w.date(today.toISOString().slice(0, 10))) }, lineNumbers: draft.lineNumbers } : {}),
  };
}
