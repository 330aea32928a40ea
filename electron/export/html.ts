// The exported report as one HTML file. IN PROGRESS (issue 5): being written.
import type { ExportDocument } from './model.js';

/** The whole HTML file, print stylesheet included. */
export function renderHtml(_doc: ExportDocument): string {
  throw new Error('The HTML export is not built yet.');
}
