// The review of the benchmark report: comments of every kind, as an NHRI and the ministries would
// leave them over a review round. A few hundred mark passages in the text and go through the
// comments service (which checks each anchor headlessly); the rest are whole-section comments
// written cell by cell through the change log, as the service writes them, so that 10,000 take
// seconds. Replies, dispositions (with rationales) and closed comments are mixed in.
import { $wrapSelectionInMarkNode } from '@lexical/mark';
import { $createRangeSelection, $getRoot } from 'lexical';
import { COMMENT_TYPES, DISPOSITIONS, type Member, type Section } from '../../shared/domain.js';
import { bytesToBase64 } from '../../shared/base64.js';
import { editSection } from '../../electron/docs/headless.js';
import { textUpdates } from '../../electron/docs/section-text.js';
import { createComment } from '../../electron/services/comments.js';
import type { ServiceContext } from '../../electron/services/context.js';
import type { Change } from '../../electron/sync/changes.js';
import type { Prng } from './prose.js';

const ASKS = [
  'Please give figures for the reporting period, disaggregated by sex and age.',
  'The paragraph does not say which recommendation this measure implements.',
  'Mention the consultation with civil society organizations held in March.',
  'This statement is not supported by the findings of the National Human Rights Commission.',
  'Consider shortening this passage: the section is over its word budget.',
  'Add the date of entry into force of the amended law.',
  'The term used here differs from the one in the Constitution; please align.',
  'Explain how the measure reached persons with disabilities in rural areas.',
  'Specify the budget allocated and the share actually spent.',
  'Refer to the concluding observations of the treaty body on this point.',
];
const PROPOSALS = [
  'adopted the National Action Plan on Human Rights 2023–2027',
  'in close cooperation with civil society organizations',
  'according to data of the National Statistics Office',
  'in line with the recommendations accepted in the previous cycle',
];
const RATIONALES = [
  'The figures are not yet published; they will be included in the mid-term report.',
  'The word limit does not allow further detail; the annex gives the data.',
  'The measure is covered in section C of the report.',
  'The wording follows the text of the law as adopted.',
];
const REPLIES = [
  'We will check the figures with the National Statistics Office.',
  'Could you point us to the source of this finding?',
  'Agreed; revised wording will follow.',
  'Thank you, this is now reflected in the text.',
];

const BASE = Date.UTC(2026, 1, 2, 9, 0, 0);
const stamp = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();

export interface ReviewOptions {
  comments: number;
  /** Of which this many mark a passage in the text. */
  anchored: number;
}

/** Adds the review round to the report of `ctx` (acting as the secretariat). */
export function writeReview(ctx: ServiceContext, rng: Prng, members: Member[], sections: Section[], opts: ReviewOptions): void {
  const reviewers = members.filter((m) => m.role === 'reviewer');
  const commenters = [...reviewers, ...reviewers, ...members.filter((m) => m.role === 'drafter')];
  const answerers = (s: Section) => {
    const own = members.filter((m) => m.role === 'drafter' && m.organizationId === s.leadOrganizationId);
    return own.length ? own : members.filter((m) => m.role === 'secretariat');
  };
  const withText = sections.filter((s) => textUpdates(ctx.report.db, s.id).length > 0);

  for (let i = 0; i < opts.anchored; i++) {
    const section = withText[i % withText.length]!;
    const author = rng.pick(commenters);
    const id = `bench-c${i}`;
    const anchor = markSomeWords(ctx, section.id, id, rng);
    if (!anchor) continue;
    createComment(
      { report: ctx.report, me: author },
      { id, sectionId: section.id, type: rng.pick(COMMENT_TYPES), body: rng.pick(ASKS), proposed: rng.chance(0.4) ? rng.pick(PROPOSALS) : '', anchor },
    );
  }

  const batch: Array<{ author: string; changes: Change[] }> = [];
  for (let i = opts.anchored; i < opts.comments; i++) {
    const section = rng.pick(sections);
    const author = rng.pick(commenters);
    const id = `bench-c${i}`;
    const cell = (table: 'comments' | 'comment_replies', row: string, column: string, value: string | number): Change => ({ table, row, column, value });
    const changes: Change[] = [
      cell('comments', id, 'section_id', section.id),
      cell('comments', id, 'anchored', 0),
      cell('comments', id, 'type', rng.pick(COMMENT_TYPES)),
      cell('comments', id, 'body', rng.pick(ASKS)),
      cell('comments', id, 'proposed', rng.chance(0.3) ? rng.pick(PROPOSALS) : ''),
      cell('comments', id, 'author_id', author.id),
      cell('comments', id, 'organization_id', author.organizationId),
      cell('comments', id, 'created_at', stamp(i)),
      cell('comments', id, 'status', 'open'),
    ];
    batch.push({ author: author.id, changes });
    if (rng.chance(0.3)) {
      const r = `${id}-r`;
      const replier = rng.pick(answerers(section));
      batch.push({
        author: replier.id,
        changes: [
          cell('comment_replies', r, 'comment_id', id),
          cell('comment_replies', r, 'body', rng.pick(REPLIES)),
          cell('comment_replies', r, 'author_id', replier.id),
          cell('comment_replies', r, 'created_at', stamp(i + 30)),
        ],
      });
    }
    if (rng.chance(0.55)) {
      const disposition = rng.pick(DISPOSITIONS);
      const decider = rng.pick(answerers(section));
      batch.push({
        author: decider.id,
        changes: [
          cell('comments', id, 'disposition', disposition),
          cell('comments', id, 'rationale', disposition === 'accepted' ? '' : rng.pick(RATIONALES)),
          cell('comments', id, 'decided_by', decider.id),
          cell('comments', id, 'decided_at', stamp(i + 60)),
        ],
      });
      // Closed by the secretariat once the answer was seen, as the write policy allows (the
      // comment's author may close it too).
      if (rng.chance(0.4)) {
        const closer = members.find((m) => m.role === 'secretariat')!;
        batch.push({ author: closer.id, changes: [cell('comments', id, 'status', 'closed'), cell('comments', id, 'closed_by', closer.id), cell('comments', id, 'closed_at', stamp(i + 90))] });
      }
    }
  }
  ctx.report.db.transaction(() => {
    for (const edit of batch) ctx.report.write(edit.author, edit.changes);
  })();
}

/** The anchor a reviewer's editor would send: a few words of one paragraph wrapped in a mark. */
function markSomeWords(ctx: ServiceContext, sectionId: string, id: string, rng: Prng): string | null {
  let marked = false;
  const update = editSection(textUpdates(ctx.report.db, sectionId), () => {
    const texts = $getRoot().getAllTextNodes().filter((t) => t.getTextContentSize() > 40 && t.getParent()?.getType() !== 'mark');
    if (texts.length === 0) return;
    const node = rng.pick(texts);
    const start = rng.int(0, node.getTextContentSize() - 30);
    const sel = $createRangeSelection();
    sel.anchor.set(node.getKey(), start, 'text');
    sel.focus.set(node.getKey(), start + rng.int(10, 30), 'text');
    $wrapSelectionInMarkNode(sel, false, id);
    marked = true;
  });
  return marked ? bytesToBase64(update) : null;
}
