// Reads the Universal Human Rights Index's export (its .xlsx download, or that sheet saved as CSV):
// one row per annotation, recommendations of the treaty bodies, special procedures and the UPR,
// each keyed on its OHCHR annotation id. List cells hold one value per line, each starting with
// "- "; dates are Excel serial numbers; a special procedure's body starts with "SR", "WG" or "IE".
// The export is recognised by its headers, as OHCHR spells them ("Reccomending Body").
import type { Mechanism, RecommendationImport, RecommendationOrigin } from '../../shared/domain.js';
import { formatMessage, type MessageKey, type MessageParams } from '../../shared/messages.js';
import { headerKey, readListCell, tidy, type Classification } from './ohchr-cells.js';
import type { RowProblem } from './ohchr-list.js';
import type { RecommendationTable } from './table-file.js';

/** The export's columns by headerKey; OHCHR's "Reccomending" and the correct spelling are both taken. */
const COLUMNS = {
  text: ['text'],
  countries: ['countries concerned'],
  body: ['reccomending body', 'recommending body'],
  symbol: ['document symbol'],
  themes: ['themes'],
  groups: ['affected persons'],
  sdgs: ['sdgs'],
  date: ['document publication date'],
  uprStates: ['upr reccomending states', 'upr recommending states'],
  uprPosition: ['upr position'],
  type: ['type'],
  id: ['ohchr annotation id'],
  session: ['upr session'],
} as const;
type Column = keyof typeof COLUMNS;

/** Whether a table is the Index's export: it has the annotation id, the text and the body. */
export function isUhriExport(headers: readonly string[]): boolean {
  const keys = new Set(headers.map(headerKey));
  return (['id', 'text', 'body'] as const).every((c) => COLUMNS[c].some((k) => keys.has(k)));
}

/** The number a recommendation has in a Working Group report ("115.23"), where a UPR text starts with it. */
const UPR_NUMBER = /^(\d{1,4}\.\d{1,4})(?!\d)[.:)]?\s+/;
/** "12." or "12 (a)" or "(a)" opening a treaty body's text: the paragraph it was taken from. */
const PARAGRAPH = /^((?:\d{1,3})(?:\s?\([a-z]{1,4}\))?|\([a-z]{1,4}\))[.:)]?\s+(?=\S)/i;
/** "CRC/C/GBR/CO/6, para. 12": a symbol that names its paragraph. */
const SYMBOL_PARAGRAPH = /^(.*?)[,;]?\s+paras?\.?\s*(\S.*)$/i;

/** The longest number a recommendation row holds (shared/synced.ts). */
const MAX_NUMBER = 40;

/** The values of a list cell: one per line, the "- " before each taken off. */
function values(cell: string): string[] {
  return cell
    .split(/\r\n?|\n/)
    .map((line) => tidy(line.replace(/^[-–—•]\s*/u, '')))
    .filter((v) => v !== '');
}

/**
 * Excel's day number (45000 is 2023-03-15; from 1000, 1902, on: the Index's documents are all later) as YYYY-MM-DD; a date
 * already written out is kept as its date; anything else is no date.
 */
export function excelDate(cell: string): string {
  const written = tidy(cell);
  if (/^\d{4,6}(?:\.\d+)?$/.test(written)) {
    const serial = Math.floor(Number(written));
    if (serial < 1 || serial > 2_958_465) return '';
    return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(written);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(written);
  return dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : '';
}

/** Which mechanism a row comes from: a UPR row names recommending States; special procedures' bodies start SR, WG or IE. */
export function mechanismOf(bodies: readonly string[], uprStates: readonly string[]): Mechanism {
  if (uprStates.length > 0 || bodies.some((b) => /^(?:UPR|Universal Periodic Review)\b/i.test(b))) return 'upr';
  if (bodies.some((b) => /^(?:SR|WG|IE|Special Rapporteur|Working Group|Independent Expert)\b/i.test(b))) return 'special_procedure';
  return 'treaty_body';
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface UhriList {
  rows: RecommendationImport[];
  problems: RowProblem[];
  /** Concluding observations and concerns that are not recommendations, left out. */
  observations: number;
}

/**
 * The recommendations of the export. A UPR row whose text starts with its number ("115.23 ...")
 * takes that number, so it meets the same recommendation imported from OHCHR's thematic list;
 * any other row is numbered by its document and paragraph ("CRC/C/GBR/CO/6, para. 12") and is
 * kept apart by its annotation id.
 */
export function readUhriRows(table: RecommendationTable): UhriList {
  const keys = table.headers.map(headerKey);
  const at = Object.fromEntries(
    (Object.keys(COLUMNS) as Column[]).map((c) => [c, keys.findIndex((k) => (COLUMNS[c] as readonly string[]).includes(k))]),
  ) as Record<Column, number>;
  const rows: RecommendationImport[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  let observations = 0;

  for (const { row, cells } of table.rows) {
    const cell = (c: Column) => (at[c] < 0 ? '' : (cells[at[c]] ?? ''));
    const excerpt = clip(tidy(cell('text')), 100);
    const problem = (key: MessageKey, params: MessageParams = {}) => problems.push({ row, reason: formatMessage(key, params), excerpt, key, params });
    const id = tidy(cell('id'));
    if (id === '') {
      problem('uhriNoId');
      continue;
    }
    if (!/^[\w.-]{1,64}$/.test(id)) {
      problem('uhriBadId', { value: clip(id, 40) });
      continue;
    }
    const type = headerKey(values(cell('type')).join(' '));
    if (type !== '' && !type.includes('recommend')) {
      observations++;
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problem('uhriDuplicateId', { id, first });
      continue;
    }
    let text = tidy(cell('text'));
    if (text === '') {
      problem('uhriNoText', { id });
      continue;
    }
    seen.set(id, row);

    const bodies = values(cell('body'));
    const states = values(cell('uprStates'));
    const mechanism = mechanismOf(bodies, states);
    let symbol = values(cell('symbol')).join(', ');
    let paragraph = '';
    const named = SYMBOL_PARAGRAPH.exec(symbol);
    if (named) [, symbol, paragraph] = named as unknown as [string, string, string];
    let number = '';
    if (mechanism === 'upr') {
      const n = UPR_NUMBER.exec(text);
      if (n) {
        number = n[1]!;
        text = text.slice(n[0].length);
      }
    } else if (!paragraph) {
      const p = PARAGRAPH.exec(text);
      if (p) {
        paragraph = p[1]!.replace(/\s+/g, '');
        text = text.slice(p[0].length);
      }
    }
    const place = paragraph ? `${symbol}, para. ${paragraph}` : symbol;
    if (!number) number = clip(place || `UHRI ${id}`, MAX_NUMBER);

    const position = headerKey(values(cell('uprPosition')).join(' '));
    const found: Classification = { themes: [], groups: [], sdgs: [] };
    readListCell(cell('themes').split(/\r\n?|\n/), 'themes', found);
    readListCell(cell('groups').split(/\r\n?|\n/), 'groups', found);
    readListCell(cell('sdgs').split(/\r\n?|\n/), 'sdgs', found);
    const origin: RecommendationOrigin = {
      mechanism,
      body: clip(bodies.join(', '), 500),
      documentSymbol: clip(symbol, 200),
      paragraph: clip(paragraph, 40),
      documentDate: excelDate(cell('date')),
      uhriId: id,
    };
    rows.push({
      number,
      text,
      states,
      position: position.startsWith('support') || position.startsWith('accept') ? 'supported' : position.startsWith('note') ? 'noted' : null,
      positionSource: '',
      cluster: '',
      ...found,
      origin,
    });
  }
  if (observations > 0) {
    problems.push({ row: 0, reason: formatMessage('uhriObservationsLeftOut', { count: observations }), excerpt: '', key: 'uhriObservationsLeftOut', params: { count: observations } });
  }
  return { rows, problems, observations };
}
