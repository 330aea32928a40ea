// A comparison of two versions (or a version and now) written as a Word document whose changes are
// tracked (electron/export/redline-docx.ts), for a ministry that reviews in Word without the app.
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput, Result } from '../../shared/api.js';
import { writeRedlineDocx } from '../export/redline-docx.js';
import { writeThroughTemporary } from '../export/write-file.js';
import { prepared } from '../store/open.js';
import type { ServiceContext } from './context.js';
import { compareVersions } from './versions.js';

export async function writeRedline(ctx: ServiceContext, input: ParsedInput<'versions.redline'>): Promise<Result<'versions.redline'>> {
  const db = ctx.report.db;
  const cmp = compareVersions(db, input.from, input.to);
  const report = prepared(db, 'SELECT title, language FROM report LIMIT 1').get() as { title: string; language: string } | undefined;
  const bytes = await writeRedlineDocx(cmp, { reportTitle: report?.title ?? '', rtl: report?.language === 'ar' });
  const file = path.resolve(input.path);
  await writeThroughTemporary(file, (tmp) => fs.promises.writeFile(tmp, bytes));
  return { path: file, bytes: bytes.length };
}
