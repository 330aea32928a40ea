// Find and replace across the report. Finding reads the sections' plain text (the cache kept
// current with every edit), so a find over the whole report takes milliseconds; replacing edits
// each chosen section's text as the editor does (headless, paragraph by paragraph across changes of
// format, as the find bar replaces: shared/text-find.ts), through the one text write path, which
// judges the writer per section.
import type { FindResults, ParsedInput, ReplaceSummary, Result } from '../../shared/api.js';
import { bytesToBase64 } from '../../shared/base64.js';
import { outlineOrder } from '../../shared/domain.js';
import { foldedOccurrences } from '../../shared/fold.js';
import { formatMessage, userError } from '../../shared/messages.js';
import { isUserError } from '../../shared/errors.js';
import { editSection } from '../docs/headless.js';
import { refreshStaleText, textUpdates } from '../docs/section-text.js';
import { prepared } from '../store/open.js';
import { listSections } from '../store/queries.js';
import { writeText } from '../sync/text-log.js';
import { CurrentView, judgeTextAt } from '../sync/policy.js';
import { $findInText, $replaceInText } from '../../shared/text-find.js';
import type { ServiceContext } from './context.js';
import { actor } from './access.js';

const CONTEXT = 40;

export function findAll(ctx: ServiceContext, input: ParsedInput<'text.findAll'>): Result<'text.findAll'> {
  const { db } = ctx.report;
  refreshStaleText(db);
  const plain = new Map((prepared(db, 'SELECT section_id, plain FROM section_text').all() as Array<{ section_id: string; plain: string }>).map((r) => [r.section_id, r.plain]));
  const view = new CurrentView(db, ctx.report.log.held.changes);
  const sections: FindResults['sections'] = [];
  let total = 0;
  for (const { section, label } of outlineOrder(listSections(db))) {
    const text = plain.get(section.id) ?? '';
    const found = foldedOccurrences(text, input.query);
    if (!found.length) continue;
    total += found.length;
    sections.push({
      sectionId: section.id,
      label,
      title: section.title,
      matches: found.slice(0, 50).map(([s, e]) => ({
        before: (s > CONTEXT ? '…' : '') + text.slice(Math.max(0, s - CONTEXT), s).replace(/\s+/g, ' '),
        match: text.slice(s, e),
        after: text.slice(e, e + CONTEXT).replace(/\s+/g, ' ') + (e + CONTEXT < text.length ? '…' : ''),
      })),
      mayReplace: ctx.me !== null && judgeTextAt(view, section.id, ctx.me.id).may === 'write',
    });
  }
  return { query: input.query, sections, total };
}

export function replaceAll(ctx: ServiceContext, input: ParsedInput<'text.replaceAll'>): ReplaceSummary {
  const author = actor(ctx);
  const { db } = ctx.report;
  const live = new Set(listSections(db).map((s) => s.id));
  const summary: ReplaceSummary = { replaced: 0, sections: 0, skipped: [] };
  const written: Array<{ sectionId: string; update: Uint8Array }> = [];
  db.transaction(() => {
    for (const sectionId of new Set(input.sectionIds)) {
      if (!live.has(sectionId)) {
        summary.skipped.push({ sectionId, reason: formatMessage('sectionMissing'), key: 'sectionMissing' });
        continue;
      }
      let count = 0;
      // Found as the find bar finds them: within a paragraph, across changes of format.
      const update = editSection(textUpdates(db, sectionId), () => {
        count = $replaceInText($findInText(input.query), input.replacement);
      });
      if (count === 0) continue;
      try {
        writeText(ctx.report, sectionId, update, author.id, 'edit');
      } catch (e) {
        if (!isUserError(e)) throw e;
        summary.skipped.push({ sectionId, reason: e.message, ...(e.translatable ?? {}) });
        continue;
      }
      written.push({ sectionId, update });
      summary.replaced += count;
      summary.sections += 1;
    }
  }).immediate();
  if (summary.sections === 0 && summary.skipped.length > 0) throw userError('replaceNowhere', { reason: summary.skipped[0]!.reason });
  // Made here, so every window needs it, the caller's included.
  for (const w of written) ctx.report.emit({ kind: 'text', sectionId: w.sectionId, update: bytesToBase64(w.update), origin: '' });
  if (written.length) ctx.report.scheduleRecount();
  return summary;
}
