// Review comments: threads anchored in a section's text by mark nodes, their replies, dispositions
// and statuses. Bodies live in tables written through the change log; anchors live in the text.
import { $nodesOfType, type TextNode } from 'lexical';
import { MarkNode } from '@lexical/mark';
import type { ParsedInput, Result } from '../../shared/api.js';
import { base64ToBytes, bytesToBase64 } from '../../shared/base64.js';
import { commentState, outlineOrder, type CommentReply, type Disposition, type ReviewComment, type Section } from '../../shared/domain.js';
import { userError } from '../../shared/messages.js';
import { shown } from '../../shared/synced.js';
import { markPassage } from '../docs/annotate.js';
import { editSection } from '../docs/headless.js';
import { anchoredCommentIds, refreshStaleText, textUpdates } from '../docs/section-text.js';
import { writeText } from '../sync/text-log.js';
import { prepared, type DB } from '../store/open.js';
import type { Change } from '../sync/changes.js';
import type { ServiceContext } from './context.js';
import { actor } from './access.js';
import { sectionOrThrow } from './sections.js';

interface CommentRow {
  id: string;
  section_id: string;
  anchored: number;
  quote: string;
  type: ReviewComment['type'];
  body: string;
  proposed: string;
  author_id: string;
  organization_id: string;
  created_at: string;
  disposition: string;
  rationale: string;
  decided_by: string;
  decided_at: string;
  applied_by: string;
  applied_at: string;
  status: string;
  closed_by: string;
  closed_at: string;
}

interface ReplyRow {
  id: string;
  comment_id: string;
  body: string;
  author_id: string;
  created_at: string;
}

function commentRow(db: DB, id: string): CommentRow | undefined {
  return prepared(db, 'SELECT * FROM comments WHERE id = ? AND deleted = 0').get(id) as CommentRow | undefined;
}

/**
 * Orders rows by the clock stamp of their creation: unlike wall-clock times it never ties, and it
 * orders comments made in different offices the same way everywhere.
 */
function madeAt(table: 'comments' | 'comment_replies', alias: string): string {
  return `(SELECT min(hlc) FROM change_log WHERE tbl = '${table}' AND row_id = ${alias}.id AND col = 'created_at'), ${alias}.id`;
}

/** Every comment of the report (or of one section), numbered in the order they were made. */
export function listComments(db: DB, sectionId?: string): ReviewComment[] {
  refreshStaleText(db);
  const anchored = anchoredCommentIds(db);
  const names = new Map((prepared(db, 'SELECT id, name FROM members').all() as Array<{ id: string; name: string }>).map((m) => [m.id, m.name]));
  const orgs = new Map((prepared(db, 'SELECT id, name FROM organizations').all() as Array<{ id: string; name: string }>).map((o) => [o.id, o.name]));
  // Deleted sections keep their titles here: their comments stay in the matrix, detached.
  const allSections = prepared(db, 'SELECT id, parent_id AS parentId, position, title, deleted FROM sections').all() as Array<
    Pick<Section, 'id' | 'parentId' | 'position' | 'title'> & { deleted: number }
  >;
  const labels = new Map(
    outlineOrder(allSections.filter((s) => s.deleted === 0) as unknown as Section[]).map((e) => [e.section.id, e.label]),
  );
  const titles = new Map(allSections.map((s) => [s.id, s.title]));
  const replies = new Map<string, CommentReply[]>();
  for (const r of prepared(db, `SELECT * FROM comment_replies AS r WHERE deleted = 0 ORDER BY ${madeAt('comment_replies', 'r')}`).all() as ReplyRow[]) {
    const list = replies.get(r.comment_id) ?? [];
    list.push({ id: r.id, body: r.body, authorId: r.author_id, authorName: names.get(r.author_id) ?? '', createdAt: r.created_at });
    replies.set(r.comment_id, list);
  }
  const rows = prepared(db, `SELECT * FROM comments AS c WHERE deleted = 0 ORDER BY ${madeAt('comments', 'c')}`).all() as CommentRow[];
  const out: ReviewComment[] = [];
  rows.forEach((row, i) => {
    if (sectionId && row.section_id !== sectionId) return;
    const live = labels.has(row.section_id);
    out.push({
      id: row.id,
      number: i + 1,
      sectionId: row.section_id,
      sectionLabel: labels.get(row.section_id) ?? '',
      sectionTitle: titles.get(row.section_id) ?? '',
      anchored: row.anchored === 1,
      detached: row.anchored === 1 && (!live || !anchored.has(row.id)),
      quote: row.quote,
      type: shown('comments', 'type', row.type),
      body: row.body,
      proposed: row.proposed,
      authorId: row.author_id,
      authorName: names.get(row.author_id) ?? '',
      organizationId: row.organization_id,
      organizationName: orgs.get(row.organization_id) ?? '',
      createdAt: row.created_at,
      disposition: (shown('comments', 'disposition', row.disposition) || null) as Disposition | null,
      rationale: row.rationale,
      decidedById: row.decided_by,
      decidedByName: names.get(row.decided_by) ?? '',
      decidedAt: row.decided_at,
      appliedByName: names.get(row.applied_by) ?? '',
      appliedAt: row.applied_at,
      state: commentState(row),
      closedByName: names.get(row.closed_by) ?? '',
      closedAt: row.closed_at,
      replies: replies.get(row.id) ?? [],
    });
  });
  return out;
}

function commentOrThrow(db: DB, id: string): ReviewComment {
  const row = commentRow(db, id);
  if (!row) throw userError('commentMissing');
  return listComments(db, row.section_id).find((c) => c.id === id)!;
}

/** Open comments per section (closed ones no longer need anyone's attention). */
export function openCommentCounts(db: DB): Map<string, number> {
  const rows = prepared(db, "SELECT section_id, count(*) AS n FROM comments WHERE deleted = 0 AND status = 'open' GROUP BY section_id").all() as Array<{
    section_id: string;
    n: number;
  }>;
  return new Map(rows.map((r) => [r.section_id, r.n]));
}

const now = () => new Date().toISOString();

export function createComment(ctx: ServiceContext, input: ParsedInput<'comments.create'>): ReviewComment {
  const author = actor(ctx);
  const section = sectionOrThrow(ctx, input.sectionId);
  const { db } = ctx.report;
  if (prepared(db, 'SELECT 1 FROM comments WHERE id = ?').get(input.id)) throw userError('commentExists');
  let anchor: Uint8Array | null = null;
  if (input.anchor) {
    anchor = base64ToBytes(input.anchor);
  } else if (input.passage) {
    // Typed rather than selected (from the keyboard, say): marked here, where it is found first.
    anchor = markPassage(textUpdates(db, section.id), input.passage, input.id);
    if (!anchor) throw userError('passageNotFound');
  }
  const cell = (column: string, value: string | number): Change => ({ table: 'comments', row: input.id, column, value });
  db.transaction(() => {
    let quote = '';
    if (anchor) {
      // The anchor may change nothing but marks (the text write path checks it), and must mark something.
      const { marked } = writeText(ctx.report, section.id, anchor, author.id, 'anchor');
      quote = input.anchor ? marked!(input.id) : input.passage!;
      if (!quote.trim()) throw userError('anchorMissing');
    }
    ctx.report.write(author.id, [
      cell('author_id', author.id),
      cell('section_id', section.id),
      cell('anchored', anchor ? 1 : 0),
      cell('quote', quote),
      cell('type', input.type),
      cell('body', input.body),
      cell('proposed', input.proposed),
      cell('organization_id', author.organizationId),
      cell('created_at', now()),
      cell('status', 'open'),
    ]);
  }).immediate();
  if (anchor) {
    // An anchor made here is news to the caller's editor too.
    ctx.report.emit({ kind: 'text', sectionId: section.id, update: bytesToBase64(anchor), origin: input.anchor ? (ctx.origin ?? '') : '' });
    ctx.report.scheduleRecount();
  }
  ctx.report.emit({ kind: 'changed', what: ['comments'] });
  return commentOrThrow(db, input.id);
}

function openCommentOrThrow(ctx: ServiceContext, id: string): { comment: ReviewComment; section: Section } {
  const comment = commentOrThrow(ctx.report.db, id);
  const section = sectionOrThrow(ctx, comment.sectionId);
  return { comment, section };
}

export function replyToComment(ctx: ServiceContext, input: ParsedInput<'comments.reply'>): ReviewComment {
  const { comment } = openCommentOrThrow(ctx, input.commentId);
  const author = actor(ctx);
  if (comment.state === 'closed') throw userError('commentClosed');
  const id = ctx.report.newId();
  ctx.report.write(author.id, [
    { table: 'comment_replies', row: id, column: 'comment_id', value: comment.id },
    { table: 'comment_replies', row: id, column: 'body', value: input.body },
    { table: 'comment_replies', row: id, column: 'author_id', value: author.id },
    { table: 'comment_replies', row: id, column: 'created_at', value: now() },
  ]);
  ctx.report.emit({ kind: 'changed', what: ['comments'] });
  return commentOrThrow(ctx.report.db, comment.id);
}

export function decideComment(ctx: ServiceContext, input: ParsedInput<'comments.decide'>): ReviewComment {
  const { comment } = openCommentOrThrow(ctx, input.commentId);
  const author = actor(ctx);
  if (comment.state === 'closed') throw userError('commentClosed');
  if (input.disposition === 'not_accepted' && !input.rationale) throw userError('rationaleRequired');
  const cell = (column: string, value: string): Change => ({ table: 'comments', row: comment.id, column, value });
  ctx.report.write(author.id, [
    cell('disposition', input.disposition),
    cell('rationale', input.rationale),
    cell('decided_by', author.id),
    cell('decided_at', now()),
  ]);
  ctx.report.emit({ kind: 'changed', what: ['comments'] });
  return commentOrThrow(ctx.report.db, comment.id);
}

/** Replaces the passage a comment marks with its proposed wording, keeping the mark on the new words. */
function $replacePassage(id: string, wording: string): boolean {
  const texts: TextNode[] = [];
  for (const mark of $nodesOfType(MarkNode)) {
    if (!mark.hasID(id)) continue;
    for (const t of mark.getAllTextNodes()) if (!texts.some((x) => x.is(t))) texts.push(t);
  }
  if (texts.length === 0) return false;
  texts.sort((a, b) => (a.isBefore(b) ? -1 : 1));
  texts[0]!.setTextContent(wording);
  for (const t of texts.slice(1)) t.remove();
  return true;
}

export function applyProposal(ctx: ServiceContext, input: ParsedInput<'comments.applyProposal'>): ReviewComment {
  const { comment, section } = openCommentOrThrow(ctx, input.commentId);
  const author = actor(ctx);
  if (comment.state === 'closed') throw userError('commentClosed');
  if (!comment.proposed) throw userError('noProposal');
  const { db } = ctx.report;
  let found = false;
  const update = editSection(textUpdates(db, section.id), () => {
    found = $replacePassage(comment.id, comment.proposed);
  });
  if (!found) throw userError('passageGone');
  const at = now();
  const cell = (column: string, value: string): Change => ({ table: 'comments', row: comment.id, column, value });
  db.transaction(() => {
    writeText(ctx.report, section.id, update, author.id, 'edit');
    const changes = [cell('applied_by', author.id), cell('applied_at', at)];
    // Applying the wording is accepting it, unless the drafters already said otherwise.
    if (!comment.disposition) changes.push(cell('disposition', 'accepted'), cell('decided_by', author.id), cell('decided_at', at));
    ctx.report.write(author.id, changes);
  }).immediate();
  // Made here, so every window needs it, the caller's included.
  ctx.report.emit({ kind: 'text', sectionId: section.id, update: bytesToBase64(update), origin: '' });
  ctx.report.scheduleRecount();
  ctx.report.emit({ kind: 'changed', what: ['comments'] });
  return commentOrThrow(db, comment.id);
}

export function setCommentStatus(ctx: ServiceContext, input: ParsedInput<'comments.setStatus'>): ReviewComment {
  const comment = commentOrThrow(ctx.report.db, input.commentId);
  const author = actor(ctx);
  if ((comment.state === 'closed') !== (input.status === 'closed')) {
    const closing = input.status === 'closed';
    ctx.report.write(author.id, [
      { table: 'comments', row: comment.id, column: 'status', value: input.status },
      { table: 'comments', row: comment.id, column: 'closed_by', value: closing ? author.id : '' },
      { table: 'comments', row: comment.id, column: 'closed_at', value: closing ? now() : '' },
    ]);
    ctx.report.emit({ kind: 'changed', what: ['comments'] });
  }
  return commentOrThrow(ctx.report.db, comment.id);
}

export function commentsOf(ctx: ServiceContext, input: ParsedInput<'comments.list'>): Result<'comments.list'> {
  if (input.sectionId) sectionOrThrow(ctx, input.sectionId);
  return listComments(ctx.report.db, input.sectionId);
}
