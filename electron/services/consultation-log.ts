// The consultation log in the report's text: every input, where it came from, when and how, and
// how it was taken into account, as a table at the end of a section (section A, on the preparation
// of the report, is where UPR national reports describe their consultations). Made headlessly here,
// like any other edit, and attributed to the person who asked. A log table put in before is
// replaced where it stands, so the log can be brought up to date as dispositions are recorded.
import { $createTableCellNode, $createTableNode, $createTableRowNode, $isTableNode, TableCellHeaderStates, type TableNode } from '@lexical/table';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import type { ParsedInput, Result } from '../../shared/api.js';
import { bytesToBase64 } from '../../shared/base64.js';
import type { ConsultationInput, ReportLanguage } from '../../shared/domain.js';
import { LOG_WORDS, type LogWords } from '../../shared/report-words.js';
import { editSection } from '../docs/headless.js';
import { textUpdates } from '../docs/section-text.js';
import { writeText } from '../sync/text-log.js';
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
function $isLogTable(table: TableNode): boolean {
  const first = table.getFirstChild();
  if (!first || !('getChildren' in first)) return false;
  const cells = (first as TableNode).getChildren().map((cell) => cell.getTextContent().trim());
  return Object.values(LOG_WORDS).some((words) => {
    const header = headerCells(words);
    return header.length === cells.length && header.every((h, i) => h === cells[i]);
  });
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
  const rows = logRows(listInputs(db), getReport(db).language);
  let replaced = false;
  const update = editSection(textUpdates(db, section.id), () => {
    const root = $getRoot();
    const table = $logTable(rows);
    const earlier = root.getChildren().find((node): node is TableNode => $isTableNode(node) && $isLogTable(node));
    if (earlier) {
      earlier.replace(table);
      replaced = true;
    } else {
      root.append(table);
      // Lexical wants somewhere to put the caret after a table; an empty paragraph is what the editor adds too.
      root.append($createParagraphNode());
    }
  });
  writeText(ctx.report, section.id, update, author.id, 'edit');
  // Made here, so every window needs it, the caller's included.
  ctx.report.emit({ kind: 'text', sectionId: section.id, update: bytesToBase64(update), origin: '' });
  ctx.report.scheduleRecount();
  return { sectionId: section.id, rows: rows.length - 1, replaced };
}
