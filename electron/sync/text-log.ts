// The one write path for section text made here: a drafter's typing, a comment's anchor, text the
// main process writes (a new section's first paragraph, a proposed wording applied, the
// consultation log). Every update is checked (./../docs/text-check.ts), judged by the write policy
// against the report as it is now (who may write the section, who may only mark passages in it),
// and stored with a clock stamp and its author, so another office judges it the same way as of when
// it was made. Text merged from a copy takes the same checks in electron/sync/merge.ts.
import { userError } from '../../shared/messages.js';
import { textState, storeTextRow, textUpdates } from '../docs/section-text.js';
import { integrates, marksOnly, textUpdateProblem } from '../docs/text-check.js';
import type { OpenReport } from '../store/open-report.js';
import { CurrentView, judgeTextAt } from './policy.js';

/**
 * `edit`: a change to the words, for those who may write the section. `anchor`: a comment's mark
 * on a passage, for anyone who may comment, which may change nothing but marks.
 */
export type TextPurpose = 'edit' | 'anchor';

export interface WrittenText {
  /** The stamp the update was stored with. */
  hlc: string;
  /** For an anchor: the passage each comment marks after it. */
  marked: ((commentId: string) => string) | null;
}

/**
 * Checks, judges and stores a text update made here by `authorId`. Throws a message a person can
 * read (and stores nothing) when the update cannot be read, holds a node this app does not know,
 * builds on text not stored yet, or is more than its author may do.
 */
export function writeText(report: OpenReport, sectionId: string, update: Uint8Array, authorId: string, purpose: TextPurpose): WrittenText {
  const problem = textUpdateProblem(update);
  if (problem) throw userError(problem.key, 'params' in problem ? problem.params : undefined);
  const { db } = report;
  const { may, denied } = judgeTextAt(new CurrentView(db, report.log.held.changes), sectionId, authorId);
  let marked: WrittenText['marked'] = null;
  if (purpose === 'edit') {
    if (may !== 'write') throw userError(denied!.key, denied!.params);
  } else {
    if (may === 'nothing') throw userError(denied!.key, denied!.params);
    const marks = marksOnly(textUpdates(db, sectionId), update);
    if (!marks) throw userError('anchorChangesText');
    marked = marks.marked;
  }
  if (!integrates(textState(db, sectionId), update)) throw userError('textNeedsEarlier');
  // The author's key here (recorded in the report the first time), then the update and its signature together.
  const key = report.log.keyForText(authorId);
  const hlc = report.clock.tick();
  const row = { sectionId, data: update, replica: report.replica, author: authorId, hlc, folded: false };
  const inside = db.inTransaction;
  db.transaction(() => {
    storeTextRow(db, row);
    if (key) report.log.signer!.signText(key, row, !inside);
  }).immediate();
  report.log.sealAfter(inside);
  return { hlc, marked };
}
