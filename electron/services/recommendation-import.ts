// Importing the recommendations of a list file on this computer (OHCHR's thematic list in Word):
// first what it would do, then doing it in one transaction. Only the secretariat imports.
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../shared/api.js';
import type { ImportPreview, ImportSummary } from '../../shared/domain.js';
import { userError } from '../../shared/messages.js';
import { denyReportChange } from '../../shared/permissions.js';
import { readThematicList } from '../import/ohchr-list.js';
import { prepared } from '../store/open.js';
import { allowOrThrow, type ServiceContext } from './context.js';
import { importRecommendations, recommendationId } from './recommendations.js';

/** Lists are small (the corpus list is 55 KB); anything this big is not one. */
const MAX_LIST_BYTES = 50 * 1024 * 1024;

function readListFile(file: string): { bytes: Uint8Array; name: string } {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw userError('noFile', { file });
  }
  if (stat.isDirectory()) throw userError('isFolder', { file });
  if (stat.size > MAX_LIST_BYTES) throw userError('importTooLarge', { name });
  return { bytes: fs.readFileSync(file), name };
}

export async function previewImport(ctx: ServiceContext, input: ParsedInput<'recommendations.previewImport'>): Promise<ImportPreview> {
  allowOrThrow(denyReportChange(ctx.me), ctx.me);
  const { bytes, name } = readListFile(path.resolve(input.path));
  const list = await readThematicList(bytes, name);
  const counts = { read: list.rows.length, new: 0, changed: 0, unchanged: 0 };
  for (const r of list.rows) {
    const existing = prepared(ctx.report.db, 'SELECT text, position, states FROM recommendations WHERE id = ? AND deleted = 0').get(recommendationId(r.number)) as
      | { text: string; position: string; states: string }
      | undefined;
    if (!existing) counts.new++;
    else if (existing.text !== r.text || existing.position !== (r.position ?? '') || existing.states !== JSON.stringify(r.states)) counts.changed++;
    else counts.unchanged++;
  }
  return { fileName: name, layout: list.layout, table: null, rows: list.rows, problems: list.problems, counts };
}

export async function importListFile(ctx: ServiceContext, input: ParsedInput<'recommendations.import'>): Promise<ImportSummary> {
  allowOrThrow(denyReportChange(ctx.me), ctx.me);
  const { bytes, name } = readListFile(path.resolve(input.path));
  const list = await readThematicList(bytes, name);
  return importRecommendations(ctx, list.rows, list.problems, input.source ?? name);
}
