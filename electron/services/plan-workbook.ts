// The implementation matrix as an Excel workbook ministries fill in (issue 16, point 5). The
// secretariat exports all recommendations, or one ministry's; the workbook has its instructions on
// the first sheet, a row a recommendation (its status and a new progress report) and a row an
// action (its progress), the keys and what the report said locked (the sheets are protected with
// no password: a guard against slips, not a lock), the choices as drop-down lists. The ministry
// fills it in Excel or LibreOffice and sends it back; importing it shows what it changes and what
// someone changed meanwhile in the report (those are not written: the report's value stays and is
// named), then writes it in one change set, judged by the write policy like any other change.
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ParsedInput, Result } from '../../shared/api.js';
import {
  ACTION_STATUSES,
  IMPLEMENTATION_STATUSES,
  type ActionStatus,
  type ImplementationStatus,
  type MatrixChange,
  type MatrixPreview,
  type FullRecommendation,
} from '../../shared/domain.js';
import { formatMessage, userError, type MessageKey, type MessageParams } from '../../shared/messages.js';
import { neutralizeFormula } from '../export/comment-matrix.js';
import { writeThroughTemporary } from '../export/write-file.js';
import { checkWorkbookArchive } from '../import/table-file.js';
import { readUserFile } from '../store/files.js';
import { getReport } from '../store/queries.js';
import type { Change } from '../sync/changes.js';
import { CurrentView, judge } from '../sync/policy.js';
import { actor } from './access.js';
import type { ServiceContext } from './context.js';
import { listRecommendations } from './recommendations.js';

/** The words the workbook uses for the statuses (its drop-down lists), in English as OHCHR's templates are. */
const STATUS_LABELS: Record<ImplementationStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  partially_implemented: 'Partially implemented',
  implemented: 'Implemented',
  not_applicable: 'Not applicable',
};
const ACTION_LABELS: Record<ActionStatus, string> = { planned: 'Planned', under_way: 'Under way', completed: 'Completed', cancelled: 'Cancelled' };

const SHEETS = { instructions: 'Instructions', recommendations: 'Recommendations', actions: 'Actions', about: 'About' } as const;
const REC_HEADERS = ['Key', 'No.', 'Recommendation', 'Lead ministry', 'Status in the report', 'Status', 'Progress date (YYYY-MM-DD)', 'Progress report'];
const ACTION_HEADERS = ['Key', 'No.', 'Action', 'Lead', 'End date', 'Progress in the report', 'Progress'];
/** The largest workbook read back: 5,000 recommendations and 8,000 actions come to a few MB. */
const MAX_BYTES = 64 * 1024 * 1024;

/** The sheet's columns, its header row in bold and kept in view. */
function sheetHead(sheet: ExcelJS.Worksheet, widths: number[], header: string[]): void {
  sheet.columns = widths.map((width, i) => ({ width, style: { alignment: { vertical: 'top', wrapText: width > 30 } } as Partial<ExcelJS.Style>, key: String(i) }));
  const head = sheet.getRow(1);
  head.values = header;
  head.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function unlock(cell: ExcelJS.Cell): void {
  cell.protection = { locked: false };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
}

/** One ministry's recommendations (those it leads), or all. */
function chosenRecommendations(all: FullRecommendation[], organizationId: string | undefined): FullRecommendation[] {
  return organizationId ? all.filter((r) => r.responsibleOrganizationId === organizationId) : all;
}

export async function exportMatrix(ctx: ServiceContext, input: ParsedInput<'plan.exportMatrix'>): Promise<Result<'plan.exportMatrix'>> {
  const { db } = ctx.report;
  const report = getReport(db);
  const orgs = new Map((db.prepare('SELECT id, name FROM organizations WHERE deleted = 0').all() as Array<{ id: string; name: string }>).map((o) => [o.id, o.name]));
  if (input.organizationId && !orgs.has(input.organizationId)) throw userError('organizationMissing');
  const recs = chosenRecommendations(listRecommendations(db), input.organizationId);
  const book = new ExcelJS.Workbook();
  book.creator = 'UPR Workbench';
  book.title = `${report.title}: implementation matrix`;

  const ministry = input.organizationId ? orgs.get(input.organizationId)! : 'All ministries';
  const about = book.addWorksheet(SHEETS.instructions);
  about.getColumn(1).width = 110;
  const lines = [
    `${report.title}`,
    `Implementation matrix: ${ministry}. Exported ${new Date().toISOString().slice(0, 10)}.`,
    '',
    'How to fill it in',
    '1. On the sheet "Recommendations", choose each recommendation\'s status from the list in the column "Status".',
    '2. To report progress, write the date (YYYY-MM-DD) and what was done in the last two columns: each becomes a dated progress report.',
    '3. On the sheet "Actions", choose each action\'s progress from the list in the column "Progress".',
    '4. Only the yellow cells can be changed. Do not add, remove or reorder rows, and keep the column "Key": it ties each row to the report.',
    '5. Save the workbook as .xlsx and send it back to the secretariat, which imports it and sees every change before it is written.',
  ];
  lines.forEach((line, i) => {
    const cell = about.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true };
    if (i === 0 || i === 3) cell.font = { bold: true, size: i === 0 ? 14 : 12 };
  });
  await about.protect('', { selectLockedCells: true, selectUnlockedCells: true });

  const recSheet = book.addWorksheet(SHEETS.recommendations);
  sheetHead(recSheet, [16, 12, 70, 28, 22, 22, 16, 60], REC_HEADERS);
  recs.forEach((r, i) => {
    const row = recSheet.getRow(i + 2);
    row.values = [r.id, r.number, neutralizeFormula(r.text), neutralizeFormula(orgs.get(r.responsibleOrganizationId ?? '') ?? ''), STATUS_LABELS[r.implementationStatus], STATUS_LABELS[r.implementationStatus], '', ''];
    for (const c of [6, 7, 8]) unlock(row.getCell(c));
    row.getCell(6).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${IMPLEMENTATION_STATUSES.map((s) => STATUS_LABELS[s]).join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Status',
      error: 'Choose a status from the list.',
    };
  });
  await recSheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const actSheet = book.addWorksheet(SHEETS.actions);
  sheetHead(actSheet, [16, 12, 60, 28, 14, 22, 22], ACTION_HEADERS);
  const actions = new Map<string, { number: string; action: FullRecommendation['actions'][number] }>();
  for (const r of recs) for (const a of r.actions) if (!actions.has(a.id)) actions.set(a.id, { number: a.cluster ? a.cluster : r.number, action: a });
  [...actions.values()].forEach(({ number, action: a }, i) => {
    const row = actSheet.getRow(i + 2);
    row.values = [a.id, neutralizeFormula(number), neutralizeFormula(a.title), neutralizeFormula(orgs.get(a.leadOrganizationId ?? '') ?? ''), a.endDate, ACTION_LABELS[a.status], ACTION_LABELS[a.status]];
    unlock(row.getCell(7));
    row.getCell(7).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${ACTION_STATUSES.map((s) => ACTION_LABELS[s]).join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Progress',
      error: 'Choose the progress from the list.',
    };
  });
  await actSheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  // Which report the workbook comes from, so another report's is refused on the way back.
  const hidden = book.addWorksheet(SHEETS.about, { state: 'veryHidden' });
  hidden.getCell('A1').value = report.id;
  hidden.getCell('A2').value = input.organizationId ?? '';

  const file = path.resolve(input.path);
  await writeThroughTemporary(file, (tmp) => book.xlsx.writeFile(tmp));
  return { path: file, recommendations: recs.length, actions: actions.size };
}

/** What a cell says, as text: a date cell as YYYY-MM-DD, a rich text as its words. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('').trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if ('text' in v) return String(v.text).trim();
    return '';
  }
  return String(v).trim();
}

function byLabel<T extends string>(labels: Record<T, string>, written: string): T | null {
  const key = written.trim().toLowerCase();
  return (Object.keys(labels) as T[]).find((k) => labels[k].toLowerCase() === key) ?? null;
}

/** Excel's day number (a date typed in a cell Excel did not format) or YYYY-MM-DD; '' when neither. */
function dateOf(written: string): string {
  if (/^\d{5}(?:\.\d+)?$/.test(written)) return new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(written)) * 86_400_000).toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(written);
  if (!m) return '';
  const d = new Date(`${written}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== written ? '' : written;
}

interface Read {
  preview: MatrixPreview;
  changes: Change[];
}

async function readMatrix(ctx: ServiceContext, file: string): Promise<Read> {
  const { db } = ctx.report;
  const name = path.basename(file);
  const bytes = checkWorkbookArchive(readUserFile(file, MAX_BYTES, () => userError('importTooLarge', { name })), name);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw userError('importTableDamaged', { name });
  }
  const recSheet = book.getWorksheet(SHEETS.recommendations);
  const actSheet = book.getWorksheet(SHEETS.actions);
  const about = book.getWorksheet(SHEETS.about);
  if (!recSheet || !actSheet || !about || cellText(recSheet.getCell(1, 1)) !== 'Key') throw userError('matrixNotOurs', { name });
  const report = getReport(db);
  if (cellText(about.getCell('A1')) !== report.id) throw userError('matrixOtherReport', { name });

  const all = new Map(listRecommendations(db).map((r) => [r.id, r]));
  const actions = new Map<string, { action: FullRecommendation['actions'][number]; number: string }>();
  for (const r of all.values()) for (const a of r.actions) if (!actions.has(a.id)) actions.set(a.id, { action: a, number: a.cluster || r.number });
  const author = actor(ctx);
  const changes: Change[] = [];
  const preview: MatrixPreview = { fileName: name, changes: [], problems: [] };
  const problem = (sheet: string, row: number, key: MessageKey, params: MessageParams = {}) =>
    preview.problems.push({ row, reason: `${sheet}: ${formatMessage(key, params)}`, excerpt: '', key, params: { ...params, sheet } });
  const noteAt = new Date().toISOString();

  recSheet.eachRow((row, at) => {
    if (at === 1) return;
    const key = cellText(row.getCell(1));
    if (!key) return;
    const r = all.get(key);
    if (!r) return problem(SHEETS.recommendations, at, 'matrixRowGone', { key });
    const exported = byLabel(STATUS_LABELS, cellText(row.getCell(5)));
    const written = cellText(row.getCell(6));
    const wanted = byLabel(STATUS_LABELS, written);
    if (written && !wanted) problem(SHEETS.recommendations, at, 'matrixUnknownStatus', { number: r.number, value: written.slice(0, 40) });
    // Already so in the report (imported before, or set meanwhile to the same): nothing to do.
    if (wanted && exported && wanted !== exported && r.implementationStatus !== wanted) {
      const change: MatrixChange = { kind: 'status', number: r.number, from: exported, to: wanted };
      if (r.implementationStatus !== exported) change.conflict = r.implementationStatus;
      else {
        changes.push({ table: 'recommendations', row: r.id, column: 'implementation_status', value: wanted });
        if (!r.statusByHand) changes.push({ table: 'recommendations', row: r.id, column: 'status_by_hand', value: 1 });
      }
      preview.changes.push(change);
    }
    const dateWritten = cellText(row.getCell(7));
    const text = cellText(row.getCell(8));
    if (text || dateWritten) {
      const date = dateOf(dateWritten);
      if (!text) return problem(SHEETS.recommendations, at, 'matrixNoteNoText', { number: r.number });
      if (!date) return problem(SHEETS.recommendations, at, 'matrixNoteNoDate', { number: r.number, value: dateWritten.slice(0, 20) });
      // The same report imported twice is one note, not two.
      if (r.notes.some((n) => n.date === date && n.text === text)) return;
      const id = ctx.report.newId();
      const cell = (column: string, value: string): Change => ({ table: 'recommendation_notes', row: id, column, value });
      changes.push(cell('recommendation_id', r.id), cell('date', date), cell('text', text.slice(0, 10_000)), cell('author_id', author.id), cell('created_at', noteAt));
      preview.changes.push({ kind: 'note', number: r.number, to: text.length > 200 ? `${text.slice(0, 199)}…` : text, date });
    }
  });

  actSheet.eachRow((row, at) => {
    if (at === 1) return;
    const key = cellText(row.getCell(1));
    if (!key) return;
    const found = actions.get(key);
    if (!found) return problem(SHEETS.actions, at, 'matrixRowGone', { key });
    const { action, number } = found;
    const exported = byLabel(ACTION_LABELS, cellText(row.getCell(6)));
    const written = cellText(row.getCell(7));
    const wanted = byLabel(ACTION_LABELS, written);
    if (written && !wanted) return problem(SHEETS.actions, at, 'matrixUnknownStatus', { number, value: written.slice(0, 40) });
    if (!wanted || !exported || wanted === exported || action.status === wanted) return;
    const change: MatrixChange = { kind: 'action', number, title: action.title, from: exported, to: wanted };
    if (action.status !== exported) change.conflict = action.status;
    else changes.push({ table: 'actions', row: action.id, column: 'status', value: wanted });
    preview.changes.push(change);
  });
  return { preview, changes };
}

/** What the filled workbook would change: nothing is written. */
export async function previewMatrix(ctx: ServiceContext, input: ParsedInput<'plan.previewMatrix'>): Promise<Result<'plan.previewMatrix'>> {
  return (await readMatrix(ctx, path.resolve(input.path))).preview;
}

/**
 * Writes what the filled workbook changes, in one change set, after every change has been judged:
 * when any may not be made by this person, nothing is written and the message says why. Changes
 * someone made meanwhile in the report are kept (the preview named them).
 */
export async function importMatrix(ctx: ServiceContext, input: ParsedInput<'plan.importMatrix'>): Promise<Result<'plan.importMatrix'>> {
  const { preview, changes } = await readMatrix(ctx, path.resolve(input.path));
  const author = actor(ctx);
  const view = new CurrentView(ctx.report.db, ctx.report.log.held.changes);
  for (const c of changes) {
    const why = judge(view, c, author.id);
    if (why) throw userError('matrixDenied', { reason: formatMessage(why.key as MessageKey, why.params) });
  }
  if (changes.length) {
    ctx.report.write(author.id, changes);
    ctx.report.emit({ kind: 'changed', what: ['recommendations'] });
  }
  const written = preview.changes.filter((c) => !c.conflict).length;
  return { written, kept: preview.changes.length - written, problems: preview.problems.length };
}

/** Only for tests and the bench: the workbook's sheet names. */
export const MATRIX_SHEETS = SHEETS;
export const MATRIX_LABELS = { status: STATUS_LABELS, action: ACTION_LABELS };
