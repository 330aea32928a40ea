// The final report: what the Export screen checks before writing, and the Word, PDF and HTML files.
// Anyone who can read the report may export it; nothing in the report changes.
import { flaggedParagraphs } from '../sync/merge-review.js';
import { saveVersion } from './versions.js';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_ANNEXES, type AnnexChoice, type ExportCheck, type ParsedInput, type Result } from '../../shared/api.js';
import { outlineOrder } from '../../shared/domain.js';
import { reportWords } from '../../shared/words.js';
import { buildExportDocument, type DraftChoice } from '../export/document.js';
import type { ExportDocument } from '../export/model.js';
import { writeDocx } from '../export/docx.js';
import { renderHtml } from '../export/html.js';
import { printPdf } from '../export/pdf.js';
import { renderPrintHtml } from '../export/print.js';
import { writeThroughTemporary } from '../export/write-file.js';
import { prepared } from '../store/open.js';
import { listSections, sectionWordCounts } from '../store/queries.js';
import { damagedSections, refreshStaleText } from '../docs/section-text.js';
import { listComments } from './comments.js';
import { logTablesInText } from './consultation-log.js';
import type { ServiceContext } from './context.js';
import type { DB } from '../store/open.js';

export function exportCheck(db: DB): ExportCheck {
  refreshStaleText(db);
  const counts = sectionWordCounts(db);
  const entries = outlineOrder(listSections(db));
  const sections = entries.map(({ section, label }) => ({
    id: section.id,
    label,
    title: section.title,
    // As the outline shows it against the budget: the text's words.
    words: counts.get(section.id) ?? 0,
    budget: section.wordBudget,
    status: section.status,
  }));
  const labels = new Map(sections.map((s) => [s.id, s]));
  const footnotes = (prepared(db, 'SELECT coalesce(sum(footnote_words), 0) AS n FROM section_text t JOIN sections s ON s.id = t.section_id WHERE s.deleted = 0').get() as { n: number }).n;
  const critical = listComments(db).filter((c) => c.type === 'critical' && c.state !== 'closed');
  const damaged = damagedSections(db);
  const report = prepared(db, 'SELECT word_limit FROM report WHERE deleted = 0 LIMIT 1').get() as { word_limit: number };
  const body = reportWords(sections);
  const overBudget = sections
    .filter((s) => s.budget !== null && s.words > s.budget)
    .map((s) => ({ sectionId: s.id, label: s.label, title: s.title, words: s.words, budget: s.budget! }));
  const blockers: ExportCheck['blockers'] = [
    ...(body > report.word_limit ? [{ kind: 'overLimit' as const, words: body, limit: report.word_limit, over: body - report.word_limit, sections: overBudget }] : []),
    ...sections.filter((s) => damaged.has(s.id)).map((s) => ({ kind: 'damaged' as const, sectionId: s.id, label: s.label, title: s.title })),
    ...sections.filter((s) => s.status !== 'approved').map((s) => ({ kind: 'notApproved' as const, sectionId: s.id, label: s.label, title: s.title, status: s.status })),
    ...critical
      .filter((c) => labels.has(c.sectionId))
      .map((c) => ({ kind: 'openCritical' as const, commentId: c.id, number: c.number, sectionId: c.sectionId, label: labels.get(c.sectionId)!.label, title: labels.get(c.sectionId)!.title })),
    ...mergeReviewBlockers(db, labels),
  ];
  // The consultation log as a table in the text counts against the limit: said, with its words, so
  // the secretariat can put a summary in its place when the inputs annex gives the log in full.
  const log = logTablesInText(db)
    .filter((l) => labels.has(l.sectionId))
    .map((l) => ({ sectionId: l.sectionId, label: labels.get(l.sectionId)!.label, title: labels.get(l.sectionId)!.title, words: l.words }));
  return { words: { body, footnotes, limit: report.word_limit, log }, sections, blockers };
}

/** Sections with paragraphs both copies edited and nobody has settled yet: one blocker each. */
function mergeReviewBlockers(db: DB, labels: ReadonlyMap<string, { label: string; title: string }>): ExportCheck['blockers'] {
  const counts = new Map<string, number>();
  for (const f of flaggedParagraphs(db)) counts.set(f.sectionId, (counts.get(f.sectionId) ?? 0) + 1);
  return [...counts]
    .filter(([id]) => labels.has(id))
    .map(([sectionId, paragraphs]) => ({ kind: 'mergeReview' as const, sectionId, label: labels.get(sectionId)!.label, title: labels.get(sectionId)!.title, paragraphs }));
}

export function checkExport(ctx: ServiceContext): Result<'export.check'> {
  return exportCheck(ctx.report.db);
}

/** Writes the report in a format to a file; returns where, how big, and the body's words. */
/** The report in a format, as bytes: Word, the web page, or the PDF laid out in pages. */
async function reportBytes(doc: ExportDocument, format: ParsedInput<'export.write'>['format']): Promise<Uint8Array> {
  return format === 'docx' ? writeDocx(doc) : format === 'html' ? new TextEncoder().encode(renderHtml(doc)) : printPdf(renderPrintHtml(doc));
}

export async function writeReport(db: DB, format: ParsedInput<'export.write'>['format'], file: string, annexes: AnnexChoice = DEFAULT_ANNEXES, draft: DraftChoice | null = null): Promise<Result<'export.write'>> {
  const doc = buildExportDocument(db, annexes, draft);
  const bytes = await reportBytes(doc, format);
  await writeThroughTemporary(file, (tmp) => fs.promises.writeFile(tmp, bytes, { flag: 'wx', flush: true }));
  return { path: file, bytes: bytes.length, words: doc.words.body };
}

/**
 * The PDF the same choices would write, kept in memory for the Export view's preview: nothing is
 * written and no version saved (the same engine and printer as `export.write`, so the pages shown
 * are the pages printed).
 */
export async function previewReport(ctx: ServiceContext, input: ParsedInput<'export.preview'>): Promise<Result<'export.preview'>> {
  const bytes = await reportBytes(buildExportDocument(ctx.report.db, input.annexes, input.draft ?? null), 'pdf');
  return { pdf: Buffer.from(bytes).toString('base64'), bytes: bytes.length };
}

/**
 * Writes the report; when the secretariat exports it, a version is saved too (named after the
 * file), so what was sent can always be compared with what followed.
 */
export async function exportReport(ctx: ServiceContext, input: ParsedInput<'export.write'>): Promise<Result<'export.write'>> {
  const written = await writeReport(ctx.report.db, input.format, path.resolve(input.path), input.annexes, input.draft ?? null);
  if (ctx.me?.role === 'secretariat') {
    // A draft's version is named as the draft is; a final report's after its file.
    saveVersion(ctx.report, ctx.me.id, 'export', input.draft ? input.draft.label : path.basename(written.path));
    ctx.report.emit({ kind: 'changed', what: ['versions'] });
  }
  return written;
}
