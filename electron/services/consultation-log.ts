// The consultation log in the report's text, in section A (on the preparation of the report, where
// UPR national reports describe their consultations), in one of two forms: a short summary (how
// many inputs, from how many organizations, when, and how they were taken into account), when the
// full log is the inputs annex, so that it is not counted twice against the word limit; or the full
// log as a table: every input, where it came from, when and how, and how it was taken into
// account. Made headlessly here, like any other edit, and attributed to the person who asked. A log
// put in before, in either form, is replaced where it stands, so the log can be brought up to date
// as dispositions are recorded or its form changed.
import { $createTableCellNode, $createTableNode, $createTableRowNode, $isTableNode, TableCellHeaderStates, type TableNode } from '@lexical/table';
import { $createParagraphNode, $createTextNode, $getRoot, $isParagraphNode } from 'lexical';
import type { ParsedInput, Result } from '../../shared/api.js';
import { bytesToBase64 } from '../../shared/base64.js';
import type { ConsultationInput, ReportLanguage } from '../../shared/domain.js';
import { isLogHeader, isLogSummary, LOG_SUMMARY_WORDS, LOG_WORDS, type LogWords } from '../../shared/report-words.js';
import { countWords } from '../../shared/words.js';
import { editSection, readSectionWith } from '../docs/headless.js';
import { textUpdates } from '../docs/section-text.js';
import { writeText } from '../sync/text-log.js';
import { prepared, type DB } from '../store/open.js';
import { getReport } from '../store/queries.js';
import type { ServiceContext } from './context.js';
import { actor } from './access.js';
import { listInputs } from './inputs.js';
import { sectionOrThrow } from './sections.js';

function headerCells(words: LogWords): string[] {
  const h = words.headers;
  return [h.number, h.source, h.date, h.channel, h.title, h.disposition];
}

/** "12 March 2026" in the report's language (British English for English, as UN documents write); an undated input gets an empty cell. */
function longDate(iso: string, language: ReportLanguage): string {
  if (!iso) return '';
  const date = new Date(`${iso}T00:00:00Z`);
  const locale = language === 'en' ? 'en-GB' : language;
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The log's rows as the table shows them, header first, in the report's language. */
export function logRows(inputs: readonly ConsultationInput[], language: ReportLanguage): string[][] {
  const words = LOG_WORDS[language];
  return [
    headerCells(words),
    ...inputs.map((input, i) => {
      const source = input.sourceOrganizationName
        ? input.sourceKind
          ? `${input.sourceOrganizationName} (${words.kinds[input.sourceKind]})`
          : input.sourceOrganizationName
        : '';
      const disposition = input.disposition ? words.dispositions[input.disposition] : words.undecided;
      return [
        String(i + 1),
        source,
        longDate(input.receivedOn, language),
        words.channels[input.channel],
        input.title,
        input.rationale && input.disposition ? `${disposition}: ${input.rationale}` : disposition,
      ];
    }),
  ];
}

/** Is this table a consultation log the app put in (its header row is the log's, in any language)? */
export function $isLogTable(table: TableNode): boolean {
  const first = table.getFirstChild();
  if (!first || !('getChildren' in first)) return false;
  return isLogHeader((first as TableNode).getChildren().map((cell) => cell.getTextContent()));
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

/** The log in a few sentences, in the report's language: the counts, the dates, how inputs were taken into account. */
export function logSummary(inputs: readonly ConsultationInput[], language: ReportLanguage): string {
  const words = LOG_SUMMARY_WORDS[language];
  const number = (n: number) => new Intl.NumberFormat(language === 'en' ? 'en-GB' : language).format(n);
  const dates = inputs.map((i) => i.receivedOn).filter(Boolean).sort();
  const organizations = new Set(inputs.map((i) => i.sourceOrganizationName.trim().toLowerCase()).filter(Boolean));
  const count = (d: ConsultationInput['disposition']) => number(inputs.filter((i) => i.disposition === d).length);
  return [
    fill(words.received, { n: number(inputs.length) }),
    ...(dates.length ? [fill(words.between, { from: longDate(dates[0]!, language), to: longDate(dates.at(-1)!, language) })] : []),
    fill(words.contributors, { n: number(organizations.size) }),
    fill(words.outcome, { reflected: count('reflected'), partly: count('partly_reflected'), not: count('not_reflected'), pending: count(null) }),
    words.annexed,
  ].join(language === 'zh' ? '' : ' ');
}

function $logTable(rows: readonly string[][]): TableNode {
  const table = $createTableNode();
  rows.forEach((cells, r) => {
    const row = $createTableRowNode();
    for (const text of cells) {
      const cell = $createTableCellNode(r === 0 ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS);
      cell.append($createParagraphNode().append($createTextNode(text)));
      row.append(cell);
    }
    table.append(row);
  });
  return table;
}

export function insertConsultationLog(ctx: ServiceContext, input: ParsedInput<'inputs.insertLog'>): Result<'inputs.insertLog'> {
  const { db } = ctx.report;
  const section = sectionOrThrow(ctx, input.sectionId);
  const author = actor(ctx);
  const form = input.form ?? 'table';
  const inputs = listInputs(db);
  const language = getReport(db).language;
  const rows = logRows(inputs, language);
  let replaced = false;
  const update = editSection(textUpdates(db, section.id), () => {
    const root = $getRoot();
    const made = form === 'table' ? $logTable(rows) : $createParagraphNode().append($createTextNode(logSummary(inputs, language)));
    // Every log put in before, in either form: the first is replaced, any other taken out.
    const earlier = root.getChildren().filter((node) => ($isTableNode(node) && $isLogTable(node)) || ($isParagraphNode(node) && isLogSummary(node.getTextContent())));
    if (earlier.length) {
      earlier[0]!.replace(made);
      for (const node of earlier.slice(1)) node.remove();
      replaced = true;
    } else {
      root.append(made);
      // Lexical wants somewhere to put the caret after a table; an empty paragraph is what the editor adds too.
      if (form === 'table') root.append($createParagraphNode());
    }
  });
  writeText(ctx.report, section.id, update, author.id, 'edit');
  // Made here, so every window needs it, the caller's included.
  ctx.report.emit({ kind: 'text', sectionId: section.id, update: bytesToBase64(update), origin: '' });
  ctx.report.scheduleRecount();
  return { sectionId: section.id, rows: rows.length - 1, replaced, form };
}

/**
 * The consultation log tables in the report's text and the words each counts against the limit
 * (the export's check says so when the inputs annex would give the same log again). Only sections
 * whose text holds a log's header are read; a text that cannot be read has no log found in it.
 */
export function logTablesInText(db: DB): Array<{ sectionId: string; words: number }> {
  const headers = Object.values(LOG_WORDS).map((w) => w.headers.disposition);
  const rows = prepared(db, 'SELECT t.section_id AS id, t.plain FROM section_text t JOIN sections s ON s.id = t.section_id WHERE s.deleted = 0').all() as Array<{ id: string; plain: string }>;
  return rows
    .filter((r) => headers.some((h) => r.plain.includes(h)))
    .flatMap((r) => {
      let words = 0;
      try {
        readSectionWith(textUpdates(db, r.id), () => {
          for (const node of $getRoot().getChildren()) if ($isTableNode(node) && $isLogTable(node)) words += countWords(node.getTextContent());
        });
      } catch {
        return [];
      }
      return words ? [{ sectionId: r.id, words }] : [];
    });
}
