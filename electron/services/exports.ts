// Files written from the report on request: the comment resolution matrix (XLSX, CSV).
import path from 'node:path';
import type { ParsedInput, Result } from '../../shared/api.js';
import { exportCommentMatrix } from '../export/comment-matrix.js';
import type { ServiceContext } from './context.js';

/** Anyone who can read the report can take the matrix to a meeting; nothing in the report changes. */
export async function exportComments(ctx: ServiceContext, input: ParsedInput<'comments.export'>): Promise<Result<'comments.export'>> {
  return exportCommentMatrix(ctx.report.db, input.format, path.resolve(input.path));
}
