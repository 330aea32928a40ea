// Reads a list of recommendations kept as a table (a CSV file or the first sheet of an Excel
// workbook), through a column mapping: which header holds the number, the text, the States...
// The mapping is guessed from the headers (English, French, Spanish) and the person can change
// it. Cells are read as the spreadsheet shows them, and with the same rules as OHCHR's Word list
// (States in parentheses, Supported / Noted, SDG numbers), so both kinds of list agree.
import { createHash } from 'node:crypto';
import {
  RECOMMENDATION_COLUMNS,
  type ColumnMapping,
  type Position,
  type RecommendationColumn,
  type RecommendationImport,
} from '../../shared/domain.js';
import { formatMessage, userError, type MessageKey, type MessageParams } from '../../shared/messages.js';
import { headerKey, readListCell, readPositionCell, readRecommendationCell, tidy, type Classification, type ListKind } from './ohchr-cells.js';
import type { RowProblem } from './ohchr-list.js';
import { splitStates } from './recommending-states.js';
import { filled, readTableFile, type CsvChoice, type RecommendationTable } from './table-file.js';

export { headerKey } from './ohchr-cells.js';
export { tableKindOf, type RecommendationTable, type TableKind } from './table-file.js';

/** The table of a CSV or XLSX list, its header the first row naming a number or text column. */
export function readRecommendationTable(bytes: Uint8Array, fileName: string, csv: CsvChoice = {}): Promise<RecommendationTable> {
  return readTableFile(
    bytes,
    fileName,
    (cells) => {
      const guess = guessMapping(cells);
      return guess.number !== null || guess.text !== null;
    },
    csv,
  );
}

/** A list has a few hundred rows; a file with more is not one. */
/** The same header set whatever the case, accents or spacing: the key a mapping is remembered by. */
export function headerSetKey(headers: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(headers.map(headerKey))).digest('hex').slice(0, 32);
}

// ---------------------------------------------------------------------------------------------
// Guessing the mapping

/** Header words by field, compared by headerKey; the first fields win a header both could take. */
const HEADER_WORDS: Record<RecommendationColumn, string[]> = {
  number: [
    'recommendation no', 'recommendation number', 'recommendation nr', 'rec no', 'no', 'nr', 'n', 'number', 'num', 'paragraph',
    'para', 'paragraph number', 'ref', 'reference', 'id',
    'numero', 'no de la recommandation', 'numero de la recommandation', 'numero de recommandation', 'paragraphe',
    'no de recomendacion', 'numero de recomendacion', 'numero de la recomendacion', 'parrafo',
  ],
  text: [
    'recommendation', 'recommendations', 'text', 'recommendation text', 'text of the recommendation', 'full text',
    'recommandation', 'recommandations', 'texte', 'texte de la recommandation',
    'recomendacion', 'recomendaciones', 'texto', 'texto de la recomendacion',
  ],
  positionSource: [
    'source of position', 'source of the position', 'position source', 'source de la position', 'fuente de la posicion',
  ],
  states: [
    'recommending state', 'recommending states', 'recommending state s', 'state', 'states', 'state s', 'source', 'sources',
    'recommended by', 'made by',
    'etat', 'etats', 'etat s', 'etat auteur', 'etats auteurs', 'etat recommandant', 'etats recommandants', 'etat s recommandant s',
    'estado', 'estados', 'estado s', 'estado recomendante', 'estados recomendantes', 'estado s recomendante s', 'fuente',
  ],
  position: [
    'position', 'positions', 'response', 'responses', 'answer', 'reply', 'position of the state under review', 'position of state under review',
    'reponse', 'position de l etat', 'position de l etat examine', 'posicion', 'respuesta', 'posicion del estado',
    'posicion del estado examinado',
  ],
  cluster: ['cluster', 'clusters', 'thematic cluster', 'groupe thematique', 'grupo tematico'],
  themes: [
    'theme', 'themes', 'theme s', 'human rights themes', 'full list of themes', 'list of themes', 'issue', 'issues',
    'human rights themes and groups of persons', 'themes relatifs aux droits de l homme', 'tema', 'temas',
    'temas de derechos humanos',
  ],
  groups: [
    'affected persons', 'persons affected', 'affected groups', 'groups of persons', 'group', 'groups',
    'personnes concernees', 'groupes de personnes', 'groupes concernes', 'personas afectadas', 'grupos de personas',
    'grupos afectados',
  ],
  sdgs: [
    'sdg', 'sdgs', 'sdg s', 'relevant sdgs', 'sustainable development goals', 'sustainable development goal', 'goals',
    'odd', 'objectifs de developpement durable', 'ods', 'objetivos de desarrollo sostenible',
  ],
};

/** One column giving the number, the text and the States, as OHCHR's fourth-cycle list does. */
const WHOLE_RECOMMENDATION = [
  'recommendation and recommending state', 'recommendation and recommending states', 'recommendations and recommending states',
  'recommandation et etat auteur', 'recommandations et etats auteurs', 'recomendacion y estado recomendante',
  'recomendaciones y estados recomendantes',
];

/** "N° de la recommandation", "No. of the recommendation", "Recommendation Nr.": a number word at either end. */
const NUMBER_HEADER = /^(?:n|no|nr|num|numero|number)\s|\s(?:n|no|nr|num|numero|number)$/;

const FIELD_ORDER: RecommendationColumn[] = ['number', 'text', 'positionSource', 'states', 'position', 'cluster', 'themes', 'groups', 'sdgs'];

export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(RECOMMENDATION_COLUMNS.map((c) => [c, null])) as ColumnMapping;
}

/** Whether `words` holds `phrase` as whole words. */
function holds(words: string, phrase: string): boolean {
  return ` ${words} `.includes(` ${phrase} `);
}

/**
 * The mapping the headers suggest: a header that is one of a field's words first, then one that
 * contains them ("Recommendation (full text)"); each header serves one field, except a whole
 * recommendation column, which gives the number, text and States.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping();
  const keys = headers.map(headerKey);
  const used = new Set<number>();
  const take = (field: RecommendationColumn, i: number) => {
    mapping[field] = headers[i]!;
    used.add(i);
  };
  const whole = keys.findIndex((k) => WHOLE_RECOMMENDATION.includes(k));
  if (whole >= 0) for (const field of ['number', 'text', 'states'] as const) take(field, whole);
  for (const field of FIELD_ORDER) {
    if (mapping[field] !== null) continue;
    const i = keys.findIndex((k, at) => !used.has(at) && HEADER_WORDS[field].includes(k));
    if (i >= 0) take(field, i);
  }
  for (const field of FIELD_ORDER) {
    if (mapping[field] !== null) continue;
    const words = HEADER_WORDS[field].filter((w) => w.length >= 4);
    const i = keys.findIndex((k, at) => !used.has(at) && (words.some((w) => holds(k, w)) || (field === 'number' && NUMBER_HEADER.test(k))));
    if (i >= 0) take(field, i);
  }
  return mapping;
}

/** Throws when the mapping names a header the file does not have. */
export function checkMapping(mapping: ColumnMapping, headers: readonly string[], name: string): void {
  for (const field of RECOMMENDATION_COLUMNS) {
    const header = mapping[field];
    if (header !== null && !headers.includes(header)) throw userError('importMappingUnknownHeader', { name, header });
  }
}

export function mappingIsComplete(mapping: ColumnMapping): boolean {
  return mapping.number !== null && mapping.text !== null;
}

// ---------------------------------------------------------------------------------------------
// Reading the rows

const NUMBER = /^\D{0,20}?(\d{1,4}(?:\.\d{1,4}){1,2})(?!\d)[.:)]?$/;

/** "Supported" and "Noted" as lists write them in English, French and Spanish. */
const POSITION_WORDS: Record<Position, string[]> = {
  supported: [
    'supported', 'support', 'accepted', 'accept',
    'acceptee', 'accepte', 'acceptees', 'acceptes', 'soutenue', 'soutenu', 'appuyee', 'appuye',
    'aceptada', 'aceptado', 'apoyada', 'apoyado', 'respaldada', 'respaldado',
  ],
  noted: [
    'noted', 'note', 'takes note', 'take note', 'taken note',
    'notee', 'prise en note', 'pris note', 'prend note', 'il en est pris note', 'prise en compte',
    'anotada', 'anotado', 'tomada en cuenta', 'tomada nota', 'se toma nota', 'toma nota', 'se tomo nota', 'notada',
  ],
};

function positionOf(written: string): Position | null {
  // "Supported*" or "Noted 1": a footnote mark does not change the position.
  const key = headerKey(written.replace(/[\s*†‡\d.:]+$/u, ''));
  for (const position of ['supported', 'noted'] as const) if (POSITION_WORDS[position].includes(key)) return position;
  return null;
}

/** Splits at separators outside parentheses, so "Iran (Islamic Republic of)" stays one. */
function splitOutside(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.test(c)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map(tidy).filter((p) => p !== '');
}

/** "France, Chile", "France; Chile", one per line, or as the Word list writes them: "(Maldives) (Portugal)". */
function readStates(cell: string): string[] {
  const states: string[] = [];
  for (const part of splitOutside(cell, /[,;\n/]/)) {
    const names = part.startsWith('(') ? splitStates(`x ${part}`).states : [];
    for (const name of names.length ? names : [part.replace(/^\((.*)\)$/s, '$1').trim()]) if (name && !states.includes(name)) states.push(name);
  }
  return states;
}

/** Items of a themes, groups or SDGs cell: one per line or separated by ";" (SDGs by "," too). */
function listLines(cell: string, kind: ListKind): string[] {
  return splitOutside(cell, kind === 'sdgs' ? /[\n;,]/ : /[\n;]/).flatMap((item) => (kind === 'sdgs' && /^[\d\s]+$/.test(item) ? item.split(/\s+/) : [item]));
}

/** 115.1 in a number cell after 115.9 was 115.10: a spreadsheet keeps the number, not the zeros after it. */
function restoreTrailingZeros(read: string, previous: string | undefined): string {
  const [paragraph, item] = read.split('.');
  const [lastParagraph, lastItem] = previous?.split('.') ?? [];
  if (!item || paragraph !== lastParagraph || !lastItem) return read;
  const next = String(Number(lastItem) + 1);
  for (const zeros of ['0', '00']) if (item + zeros === next) return `${paragraph}.${next}`;
  return read;
}

function excerptOf(cells: readonly string[]): string {
  const text = tidy(cells.filter((c) => c.trim() !== '').join(' | '));
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

export interface TableList {
  rows: RecommendationImport[];
  problems: RowProblem[];
}

/**
 * The recommendations of a table read through a complete mapping (see mappingIsComplete and
 * checkMapping). A field mapped to the text's own column is read from the text, as the Word list
 * writes it ("115.1 Ratify ... (France)"); with no States column, States closing the text are taken.
 */
export function readTableRows(table: RecommendationTable, mapping: ColumnMapping): TableList {
  const at = Object.fromEntries(RECOMMENDATION_COLUMNS.map((f) => [f, mapping[f] === null ? -1 : table.headers.indexOf(mapping[f])])) as Record<
    RecommendationColumn,
    number
  >;
  const inText = (field: RecommendationColumn) => at[field] === at.text;
  const headerKeys = table.headers.map(headerKey).join('|');
  const rows: RecommendationImport[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  let cluster = '';
  let previous: string | undefined;

  for (const { row, cells, bareNumbers } of table.rows) {
    const problem = (key: MessageKey, params: MessageParams = {}) =>
      problems.push({ row, reason: formatMessage(key, params), excerpt: excerptOf(cells), key, params });
    const cell = (field: RecommendationColumn) => (at[field] < 0 ? '' : (cells[at[field]] ?? '').replace(/\r\n?/g, '\n'));
    // A header repeated further down (a table pasted in parts) is no row.
    if (cells.map((c) => headerKey(c)).join('|') === headerKeys) continue;
    // A "Theme: ..." row alone gives the cluster of the rows under it, as in the Word list.
    const only = filled(cells) === 1 ? tidy(cells.find((c) => c.trim() !== '')!) : '';
    const theme = /^(?:th[eè]mes?|temas?)\s*:\s*(.*)$/i.exec(only);
    if (theme) {
      cluster = theme[1]!;
      continue;
    }

    let number: string;
    let text: string;
    let states: string[] = [];
    let positionSource = '';
    if (inText('number')) {
      const rec = readRecommendationCell(cell('text').split('\n'));
      ({ number, text, positionSource } = rec);
      states = rec.states;
      if (number === '') {
        problem('importTableNoNumber', { column: mapping.number! });
        continue;
      }
    } else {
      const written = tidy(cell('number'));
      const found = NUMBER.exec(written)?.[1];
      if (!found) {
        if (written === '') problem('importTableNoNumber', { column: mapping.number! });
        else problem('importTableBadNumber', { value: written.length > 40 ? `${written.slice(0, 39)}…` : written });
        continue;
      }
      number = bareNumbers.has(at.number) ? restoreTrailingZeros(found, previous) : found;
      // Said, not silent: the person can check the row against the list.
      if (number !== found) problem('importRowNumberRestored', { read: found, previous: previous!, number });
      text = tidy(cell('text'));
      if (at.states < 0 || inText('states')) ({ text, states } = splitStates(text));
    }
    const firstRow = seen.get(number);
    if (firstRow !== undefined) {
      problem('importRowDuplicate', { number, first: firstRow });
      continue;
    }
    if (text === '') {
      problem('importRowNoText', { number });
      continue;
    }
    seen.set(number, row);
    previous = number;

    if (at.states >= 0 && !inText('states')) states = readStates(cell('states'));
    if (at.states >= 0 && states.length === 0) problem('importRowNoState', { number });
    let position: Position | null = null;
    if (at.position >= 0 && !inText('position')) {
      const read = readPositionCell(cell('position').split('\n'));
      position = positionOf(read.written);
      positionSource ||= read.positionSource;
      if (!position) problem(read.written ? 'importRowPositionUnclear' : 'importRowNoPosition', { number, position: read.written });
    }
    if (at.positionSource >= 0 && !inText('positionSource')) positionSource = tidy(cell('positionSource')) || positionSource;
    const found: Classification = { themes: [], groups: [], sdgs: [] };
    for (const kind of ['themes', 'groups', 'sdgs'] as const) {
      if (at[kind] >= 0 && !inText(kind)) readListCell(listLines(cell(kind), kind), kind, found);
    }
    rows.push({
      number,
      text,
      states,
      position,
      positionSource,
      cluster: at.cluster >= 0 && !inText('cluster') ? tidy(cell('cluster')).replace(/^(?:th[eè]mes?|temas?)\s*:\s*/i, '') || cluster : cluster,
      ...found,
    });
  }
  return { rows, problems };
}
