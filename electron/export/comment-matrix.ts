// The comment resolution matrix as a file (XLSX or CSV). Being written in a helper's change.
import type { DB } from '../store/open.js';

export async function exportCommentMatrix(_db: DB, _format: 'xlsx' | 'csv', _file: string): Promise<{ path: string; rows: number }> {
  throw new Error('The matrix export is not built yet.');
}
