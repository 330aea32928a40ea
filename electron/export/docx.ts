// The exported report as a Word document. IN PROGRESS (issue 5): being written.
import type { ExportDocument } from './model.js';

/** The .docx file's bytes for the document. */
export async function writeDocx(_doc: ExportDocument): Promise<Uint8Array> {
  throw new Error('The Word export is not built yet.');
}
