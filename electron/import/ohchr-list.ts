// Reads an OHCHR "Thematic list of recommendations" (.docx) into recommendations to store.
// The list is a Word table whose columns changed between cycles; they are found by their header
// text, never by their place. "Theme: ..." rows give the cluster of the rows under them. A row
// that cannot be read becomes a problem the person sees, not an error for the whole file.
import mammoth from 'mammoth';
import { parse, type HTMLElement } from 'node-html-parser';
import type { ImportProblem, RecommendationImport } from '../../shared/domain.js';
import { formatMessage, userError, type MessageKey, type MessageParams } from '../../shared/messages.js';
import { cellLines, headerKey, readListCell, readPositionCell, readRecommendationCell, tidy, type Classification } from './ohchr-cells.js';
import { checkWordArchive } from './word-archive.js';

export type ListLayout = 'cycle3' | 'cycle4';

/** A problem with one row, with its message key so it can be shown in another language. */
export interface RowProblem extends ImportProblem {
  key: MessageKey;
  params: MessageParams;
}

export interface ThematicList {
  rows: RecommendationImport[];
  /** Rows skipped, and rows read with something missing (the reason says which). */
  problems: RowProblem[];
  layout: ListLayout;
  /** Rows of the table(s) read, header and "Theme:" rows included. */
  tableRows: number;
}

type Column = 'recommendation' | 'position' | 'themes' | 'groups' | 'sdgs';

/** Header texts by column, as each cycle's lists wrote them (compared without case, accents or punctuation). */
const HEADERS: Record<Column, { cycle3: string[]; cycle4: string[] }> = {
  recommendation: {
    cycle3: ['Recommendation', 'Recommendations'],
    cycle4: ['Recommendation and recommending State', 'Recommendation and recommending States', 'Recommendations and recommending States'],
  },
  position: {
    cycle3: ['Position', 'Positions', 'Response'],
    cycle4: ['Position of the State under review', 'Position of State under review', 'Position of the SuR'],
  },
  themes: {
    cycle3: ['Full list of themes', 'List of themes', 'Themes', 'Theme'],
    cycle4: ['Human rights themes and groups of persons', 'Human rights themes', 'Themes and groups of persons'],
  },
  groups: { cycle3: ['Affected persons', 'Persons affected'], cycle4: ['Groups of persons', 'Affected groups'] },
  sdgs: { cycle3: [], cycle4: ['Relevant SDGs', 'SDGs', 'SDG', 'Sustainable Development Goals', 'Relevant Sustainable Development Goals'] },
};

const HEADER_INDEX = new Map<string, { column: Column; layout: ListLayout }>();
for (const [column, byCycle] of Object.entries(HEADERS) as Array<[Column, { cycle3: string[]; cycle4: string[] }]>) {
  for (const text of byCycle.cycle3) HEADER_INDEX.set(headerKey(text), { column, layout: 'cycle3' });
  for (const text of byCycle.cycle4) HEADER_INDEX.set(headerKey(text), { column, layout: 'cycle4' });
}

/** What the "no table" message names as the headers looked for. */
const LOOKED_FOR = `“${HEADERS.recommendation.cycle3[0]}” or “${HEADERS.recommendation.cycle4[0]}”, and “${HEADERS.position.cycle3[0]}” or “${HEADERS.position.cycle4[0]}”`;

interface ColumnMap {
  /** Grid column of each kind of cell. */
  at: Partial<Record<Column, number>>;
  layout: ListLayout;
}

interface ListTable {
  grid: Array<Array<HTMLElement | undefined>>;
  map: ColumnMap;
  /** Index of the header row in `grid`; -1 for a table continuing the one before it. */
  headerRow: number;
}

/** The columns a header row names, or null unless it has at least a recommendation and a position. */
function mapHeader(cells: Array<HTMLElement | undefined>): ColumnMap | null {
  const at: Partial<Record<Column, number>> = {};
  let layout: ListLayout = 'cycle3';
  cells.forEach((cell, i) => {
    if (i > 0 && cell === cells[i - 1]) return; // the same cell spanning columns
    const found = HEADER_INDEX.get(headerKey(cellLines(cell).join(' ')));
    if (!found || at[found.column] !== undefined) return;
    at[found.column] = i;
    if (found.layout === 'cycle4') layout = 'cycle4';
  });
  return at.recommendation !== undefined && at.position !== undefined ? { at, layout } : null;
}

/** The rows of a table (not of tables nested in its cells). */
function tableRows(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  for (const child of table.children) {
    const tag = child.rawTagName.toLowerCase();
    if (tag === 'tr') rows.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') rows.push(...child.children.filter((r) => r.rawTagName.toLowerCase() === 'tr'));
  }
  return rows;
}

function span(cell: HTMLElement, attribute: string, most: number): number {
  const n = Number.parseInt(cell.getAttribute(attribute) ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, most) : 1;
}

/** Each row as its grid columns: a cell spanning columns or rows fills every place it covers. */
function tableGrid(table: HTMLElement): Array<Array<HTMLElement | undefined>> {
  const below: Array<{ cell: HTMLElement; rows: number } | undefined> = [];
  return tableRows(table).map((tr) => {
    const grid: Array<HTMLElement | undefined> = [];
    let col = 0;
    const fillFromAbove = () => {
      for (let held = below[col]; held && held.rows > 0; held = below[col]) {
        grid[col++] = held.cell;
        held.rows--;
      }
    };
    for (const cell of tr.children) {
      const tag = cell.rawTagName.toLowerCase();
      if (tag !== 'td' && tag !== 'th') continue;
      fillFromAbove();
      const rows = span(cell, 'rowspan', 100_000);
      for (let k = span(cell, 'colspan', 64); k > 0; k--) {
        below[col] = rows > 1 ? { cell, rows: rows - 1 } : undefined;
        grid[col++] = cell;
      }
    }
    fillFromAbove();
    return grid;
  });
}

function gridWidth(grid: Array<Array<HTMLElement | undefined>>): number {
  return Math.max(0, ...grid.map((r) => r.length));
}

/** The distinct cells of a row, left to right. */
function distinctCells(grid: Array<HTMLElement | undefined>): HTMLElement[] {
  return [...new Set(grid.filter((c): c is HTMLElement => c !== undefined))];
}

function excerpt(cells: HTMLElement[]): string {
  const text = tidy(cells.map((c) => cellLines(c).join(' ')).filter((t) => t !== '').join(' | '));
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

/** Reads the rows of the list's table(s) into recommendations, clusters and problems. */
function readRows(tables: ListTable[]): ThematicList {
  const rows: RecommendationImport[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  let cluster = '';
  let rowNumber = 0;
  const problem = (key: MessageKey, params: MessageParams, cells: HTMLElement[]) =>
    problems.push({ row: rowNumber, reason: formatMessage(key, params), excerpt: excerpt(cells), key, params });

  for (const { grid, map, headerRow } of tables) {
    for (const [i, row] of grid.entries()) {
      rowNumber++;
      if (i <= headerRow) continue; // the header, and any title rows above it
      const cells = distinctCells(row);
      const filled = cells.filter((c) => cellLines(c).length > 0);
      if (filled.length === 0) continue;
      const only = filled.length === 1 ? cellLines(filled[0]).join(' ') : '';
      const theme = /^themes?\s*:\s*(.*)$/i.exec(only);
      if (theme) {
        cluster = theme[1]!;
        continue;
      }
      const lines = (column: Column) => cellLines(map.at[column] === undefined ? undefined : row[map.at[column]]);
      const rec = readRecommendationCell(lines('recommendation'));
      if (rec.number === '') {
        // A header row repeated further down the table is no problem.
        if (!mapHeader(row)) problem('importRowNoNumber', {}, cells);
        continue;
      }
      const firstRow = seen.get(rec.number);
      if (firstRow !== undefined) {
        problem('importRowDuplicate', { number: rec.number, first: firstRow }, cells);
        continue;
      }
      if (rec.text === '') {
        problem('importRowNoText', { number: rec.number }, cells);
        continue;
      }
      seen.set(rec.number, rowNumber);
      const pos = readPositionCell(lines('position'));
      if (!pos.position) problem(pos.written ? 'importRowPositionUnclear' : 'importRowNoPosition', { number: rec.number, position: pos.written }, cells);
      if (rec.states.length === 0) problem('importRowNoState', { number: rec.number }, cells);
      const found: Classification = { themes: [], groups: [], sdgs: [] };
      readListCell(lines('themes'), 'themes', found);
      readListCell(lines('groups'), 'groups', found);
      readListCell(lines('sdgs'), 'sdgs', found);
      rows.push({
        number: rec.number,
        text: rec.text,
        states: rec.states,
        position: pos.position,
        positionSource: rec.positionSource || pos.positionSource,
        cluster,
        ...found,
      });
    }
  }
  return { rows, problems, layout: tables[0]!.map.layout, tableRows: rowNumber };
}

/**
 * The table(s) holding the list: every table with a header naming a recommendation and a position
 * column (within its first rows), and a table right after one of them with as many columns and no
 * header of its own (a table split in two by an edit).
 */
function listTables(html: string): ListTable[] {
  const found: ListTable[] = [];
  let previous: ListTable | undefined;
  for (const table of parse(html).querySelectorAll('table')) {
    const grid = tableGrid(table);
    const headers = grid.slice(0, 5).map(mapHeader);
    const headerRow = headers.findIndex((m) => m !== null);
    const continues = previous !== undefined && gridWidth(previous.grid) === gridWidth(grid);
    const map = headerRow >= 0 ? headers[headerRow]! : continues ? previous!.map : null;
    previous = map ? { grid, map, headerRow } : undefined;
    if (previous) found.push(previous);
  }
  return found;
}

/** Reads an OHCHR thematic list of recommendations from the bytes of a .docx file called `fileName`. */
export async function readThematicList(bytes: Uint8Array, fileName: string): Promise<ThematicList> {
  const safe = checkWordArchive(bytes, fileName);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(safe.buffer, safe.byteOffset, safe.byteLength) },
      // Pictures are not part of a recommendation: skip them rather than inline them as base64.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch {
    throw userError('importDamaged', { name: fileName });
  }
  const tables = listTables(html);
  if (tables.length === 0) throw userError('importNoTable', { name: fileName, columns: LOOKED_FOR });
  return readRows(tables);
}
