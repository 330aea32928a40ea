// Importing the recommendations of a list file on this computer: OHCHR's thematic list in Word, the
// Universal Human Rights Index's export (by its own columns), or a table (CSV, XLSX) read through a
// column mapping. First what it would do, then doing it in one
// transaction. Only the secretariat imports.
//
// A table's mapping is remembered per set of headers, in the user's data folder: the next list
// with the same columns (the same template, next year) is read the same way without asking.
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../shared/api.js';
import {
  RECOMMENDATION_COLUMNS,
  type ColumnMapping,
  type ImportPreview,
  type ImportSummary,
  type RecommendationImport,
  type TableColumns,
} from '../../shared/domain.js';
import { formatMessage, userError } from '../../shared/messages.js';
import type { RowProblem } from '../import/ohchr-list.js';
import { readRecommendationTableInWorker, readThematicListInWorker } from '../import/in-worker.js';
import type { CsvChoice } from '../import/table-file.js';
import {
  checkMapping,
  guessMapping,
  headerSetKey,
  mappingIsComplete,
  readTableRows,
  tableKindOf,
} from '../import/recommendation-table.js';
import { isUhriExport, readUhriRows } from '../import/uhri.js';
import { defaultDataDir } from '../paths.js';
import { readUserFile } from '../store/files.js';
import type { ServiceContext } from './context.js';
import { importRecommendations, planImport } from './recommendations.js';

/** Lists are small (the corpus list is 55 KB); anything this big is not one. */
const MAX_LIST_BYTES = 50 * 1024 * 1024;

function readListFile(file: string): { bytes: Uint8Array; name: string } {
  const name = path.basename(file);
  return { bytes: readUserFile(file, MAX_LIST_BYTES, () => userError('importTooLarge', { name })), name };
}

interface ReadList {
  fileName: string;
  layout: string;
  table: TableColumns | null;
  rows: RecommendationImport[];
  problems: RowProblem[];
}

/**
 * Reads a list by its extension. A table is read through `mapping`, else the one remembered for
 * its headers, else the one its headers suggest; with number or text unmapped it reads no rows
 * and says why (the person chooses the columns in the preview).
 */
async function readList(file: string, mapping: ColumnMapping | undefined, csv: CsvChoice, dataDir: string): Promise<ReadList> {
  const { bytes, name } = readListFile(path.resolve(file));
  if (/\.docx$/i.test(name)) {
    const list = await readThematicListInWorker(bytes, name);
    return { fileName: name, layout: list.layout, table: null, rows: list.rows, problems: list.problems };
  }
  if (!tableKindOf(name)) throw userError('importUnknownKind', { name });
  const table = await readRecommendationTableInWorker(bytes, name, undefined, csv);
  // The Universal Human Rights Index's export is read by its own columns, with no mapping to choose.
  if (isUhriExport(table.headers)) {
    const uhri = readUhriRows(table);
    return { fileName: name, layout: 'uhri', table: null, rows: uhri.rows, problems: uhri.problems };
  }
  if (mapping) checkMapping(mapping, table.headers, name);
  const remembered = mapping ? null : rememberedMapping(table.headers, dataDir);
  const used = mapping ?? remembered ?? guessMapping(table.headers);
  const columns: TableColumns = { headers: table.headers, csv: table.csv, mapping: used, remembered: remembered !== null };
  if (!mappingIsComplete(used)) {
    const problem: RowProblem = { row: 0, reason: formatMessage('importMappingIncomplete'), excerpt: '', key: 'importMappingIncomplete', params: {} };
    return { fileName: name, layout: 'table', table: columns, rows: [], problems: [problem] };
  }
  const { rows, problems } = readTableRows(table, used);
  return { fileName: name, layout: 'table', table: columns, rows, problems };
}

export async function previewImport(ctx: ServiceContext, input: ParsedInput<'recommendations.previewImport'>): Promise<ImportPreview> {
  const list = await readList(input.path, input.mapping, input.csv ?? {}, ctx.dataDir ?? defaultDataDir());
  const counts = { read: list.rows.length, new: 0, changed: 0, unchanged: 0 };
  for (const plan of planImport(ctx.report.db, list.rows, list.fileName)) if (plan.status !== 'repeated') counts[plan.status]++;
  return { ...list, counts };
}

export async function importListFile(ctx: ServiceContext, input: ParsedInput<'recommendations.import'>): Promise<ImportSummary> {
  const list = await readList(input.path, input.mapping, input.csv ?? {}, ctx.dataDir ?? defaultDataDir());
  if (list.table && !mappingIsComplete(list.table.mapping)) throw userError('importMappingIncomplete');
  const summary = importRecommendations(ctx, list.rows, list.problems, input.source ?? list.fileName);
  if (list.table && input.mapping) rememberMapping(list.table.headers, input.mapping, ctx.dataDir ?? defaultDataDir());
  return summary;
}

// ---------------------------------------------------------------------------------------------
// Mappings remembered per header set: <data folder>/recommendation-columns.json

const MAPPINGS_FILE = 'recommendation-columns.json';
/** Enough for every template a secretariat meets; the least recently used go first. */
const MAX_REMEMBERED = 50;

interface RememberedMapping {
  headers: string[];
  mapping: ColumnMapping;
  usedAt: string;
}

/** In the data folder of the app (or browser-mode server) that imports: never another run's. */
function mappingsFile(dataDir: string): string {
  return path.join(dataDir, MAPPINGS_FILE);
}

function isMapping(value: unknown): value is ColumnMapping {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return RECOMMENDATION_COLUMNS.every((c) => m[c] === null || typeof m[c] === 'string');
}

/** What the file remembers; a damaged or foreign file remembers nothing (and is replaced on the next write). */
function readRemembered(dataDir: string): Record<string, RememberedMapping> {
  try {
    const parsed = JSON.parse(fs.readFileSync(mappingsFile(dataDir), 'utf8')) as { mappings?: unknown };
    const all = parsed?.mappings;
    if (typeof all !== 'object' || all === null) return {};
    return Object.fromEntries(
      Object.entries(all as Record<string, Partial<RememberedMapping>>).filter(
        ([, r]) => isMapping(r?.mapping) && Array.isArray(r.headers) && typeof r.usedAt === 'string',
      ),
    ) as Record<string, RememberedMapping>;
  } catch {
    return {};
  }
}

function rememberedMapping(headers: string[], dataDir: string): ColumnMapping | null {
  const found = readRemembered(dataDir)[headerSetKey(headers)];
  if (!found) return null;
  const mapping = Object.fromEntries(RECOMMENDATION_COLUMNS.map((c) => [c, found.mapping[c]])) as ColumnMapping;
  // Headers are compared without case or accents: map to this file's own spelling of them.
  const own = (h: string | null) => (h === null ? null : (headers.find((x) => x === h) ?? headers[found.headers.indexOf(h)] ?? null));
  for (const c of RECOMMENDATION_COLUMNS) mapping[c] = own(mapping[c]);
  return mapping;
}

/** Written through a temporary file and a rename, so a crash leaves the old file, never half of one. */
function rememberMapping(headers: string[], mapping: ColumnMapping, dataDir: string): void {
  const all = readRemembered(dataDir);
  all[headerSetKey(headers)] = { headers, mapping, usedAt: new Date().toISOString() };
  const kept = Object.entries(all)
    .sort(([, a], [, b]) => b.usedAt.localeCompare(a.usedAt))
    .slice(0, MAX_REMEMBERED);
  const file = mappingsFile(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify({ version: 1, mappings: Object.fromEntries(kept) }, null, 2));
    fs.renameSync(tmp, file);
  } catch {
    // The import itself is done; a data folder that cannot be written only means asking again next time.
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing more to tidy.
    }
  }
}
