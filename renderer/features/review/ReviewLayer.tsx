// The review inside a section's editor: comment marks highlighted in the text, the comments in a
// margin beside their passages, and adding a comment (Ctrl+Alt+M, as in Word, or the margin's
// button) on the selected passage or on the whole section. A comment's anchor is made here, in
// the editor, and sent with the comment instead of being saved as typing: the main process checks
// that it changes nothing but annotations, so reviewers, who cannot write, can still mark text.
import { $wrapSelectionInMarkNode, MarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createRangeSelection, $createRangeSelectionFromDom, type PointType } from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { createPortal } from 'react-dom';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ReviewComment, Section } from '../../../shared/domain.js';
import { denyComment } from '../../../shared/permissions.js';
import { bytesToBase64 } from '../../../shared/base64.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { useSectionText } from '../../editor/SectionEditor.js';
import { CommentCard } from './CommentCard.js';
import { CommentDialog, type NewComment } from './CommentDialog.js';
import { useComments } from './useComments.js';
import { firstMarkElement, idsAt, paintMarks, passageTops } from './marks.js';
import './review.css';

interface Point {
  key: string;
  offset: number;
  type: PointType['type'];
}

/** What the comment dialog works on: a selected passage (its points and text) or the whole section. */
type Draft = { passage: { anchor: Point; focus: Point; text: string } | null };

export interface ReviewLayerProps {
  section: Section;
  /** The element beside the page where the margin is drawn. */
  marginHost: HTMLElement | null;
  /** A comment to bring into view (followed from the comment matrix). */
  focusCommentId: string | null;
  /** The text must be loaded afresh (an anchor was refused after it was made in this editor). */
  onReload: () => void;
}

export function ReviewLayer({ section, marginHost, focusCommentId, onReload }: ReviewLayerProps) {
  const { t } = useTranslation('review');
  const [editor] = useLexicalComposerContext();
  const text = useSectionText();
  const announce = useAnnounce();
  const { workspace } = useWorkspace();
  const me = workspace.me;
  const loaded = useComments(section.id);
  const comments = useMemo(() => loaded.comments ?? [], [loaded.comments]);
  const reload = loaded.reload;
  const [active, setActive] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const canComment = denyComment(me) === null;
  const live = useMemo(() => new Set(comments.filter((c) => c.state !== 'closed').map((c) => c.id)), [comments]);

  // Highlight marks of comments not yet closed, and the active one: now, and whenever marks are
  // made, changed or destroyed (not on every keystroke).
  useEffect(() => {
    paintMarks(editor, live, active);
    return editor.registerMutationListener(MarkNode, () => paintMarks(editor, live, active), { skipInitialization: true });
  }, [editor, live, active]);

  // A click on a marked passage makes its comment active.
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        if (!root) return;
        const onClick = (e: MouseEvent) => {
          const ids = idsAt(editor, e.target as Node).filter((id) => live.has(id));
          if (ids.length) setActive(ids[0]!);
        };
        root.addEventListener('click', onClick);
        return () => root.removeEventListener('click', onClick);
      }),
    [editor, live],
  );

  const startComment = useCallback(() => {
    if (!canComment) return;
    let passage: Draft['passage'] = null;
    editor.read(() => {
      const dom = window.getSelection();
      const root = editor.getRootElement();
      if (!dom || dom.isCollapsed || !root?.contains(dom.anchorNode) || !root.contains(dom.focusNode)) return;
      const sel = $createRangeSelectionFromDom(dom, editor);
      if (!sel || sel.isCollapsed()) return;
      const point = (p: PointType): Point => ({ key: p.key, offset: p.offset, type: p.type });
      const quoted = sel.getTextContent().trim();
      if (quoted) passage = { anchor: point(sel.anchor), focus: point(sel.focus), text: quoted };
    });
    setDraft({ passage });
  }, [editor, canComment]);

  // Ctrl+Alt+M, as in Word. Listened for on the editor's root, so it works in read-only text too.
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        if (!root) return;
        const onKey = (e: KeyboardEvent) => {
          if ((e.ctrlKey || e.metaKey) && e.altKey && e.code === 'KeyM') {
            e.preventDefault();
            startComment();
          }
        };
        root.addEventListener('keydown', onKey);
        return () => root.removeEventListener('keydown', onKey);
      }),
    [editor, startComment],
  );

  const submit = async (draftComment: Draft, input: NewComment) => {
    const id = crypto.randomUUID();
    let anchor: string | undefined;
    if (draftComment.passage) {
      const { anchor: a, focus: f } = draftComment.passage;
      await text.flush();
      let marked = false;
      const update = text.capture(() =>
        editor.update(
          () => {
            const sel = $createRangeSelection();
            sel.anchor.set(a.key, a.offset, a.type);
            sel.focus.set(f.key, f.offset, f.type);
            $wrapSelectionInMarkNode(sel, sel.isBackward(), id);
            marked = true;
          },
          { discrete: true },
        ),
      );
      if (!marked || !update) throw new Error(t('notMarked'));
      anchor = bytesToBase64(update);
    }
    try {
      const { typedPassage, ...fields } = input;
      const made = await call('comments.create', { id, sectionId: section.id, ...fields, anchor, passage: typedPassage || undefined });
      announce(t('commentAdded', { n: made.number }));
      setActive(made.id);
      await reload();
    } catch (e) {
      // The mark is in this editor but was not saved: load the text afresh so the two agree.
      if (anchor) onReload();
      throw e;
    }
  };

  // Followed from the matrix: make the comment active and bring its passage into view.
  useEffect(() => {
    if (!focusCommentId || !text.loaded || !comments.some((c) => c.id === focusCommentId)) return;
    setActive(focusCommentId);
    const mark = firstMarkElement(editor, focusCommentId);
    mark?.scrollIntoView({ block: 'center' });
    marginHost?.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(focusCommentId)}"]`)?.focus({ preventScroll: Boolean(mark) });
  }, [focusCommentId, text.loaded, comments, editor, marginHost]);

  return (
    <>
      {marginHost
        ? createPortal(
            <CommentMargin
              comments={comments}
              active={active}
              setActive={setActive}
              section={section}
              canComment={canComment}
              onAdd={startComment}
              onChanged={reload}
              host={marginHost}
            />,
            marginHost,
          )
        : null}
      {draft ? <CommentDialog passage={draft.passage?.text ?? null} onClose={() => setDraft(null)} onSubmit={(input) => submit(draft, input)} /> : null}
    </>
  );
}

interface CommentMarginProps {
  comments: ReviewComment[];
  active: string | null;
  setActive: (id: string) => void;
  section: Section;
  canComment: boolean;
  onAdd: () => void;
  onChanged: () => Promise<void>;
  host: HTMLElement;
}

const GAP = 8;

/**
 * The comments beside the page. Whole-section comments come first; a comment on a passage sits
 * level with its passage, pushed down only as far as the card above it needs; comments whose
 * passage was deleted, and closed ones, follow at the end.
 */
function CommentMargin({ comments, active, setActive, section, canComment, onAdd, onChanged, host }: CommentMarginProps) {
  const { t } = useTranslation('review');
  const [editor] = useLexicalComposerContext();
  const { workspace } = useWorkspace();
  const list = useRef<HTMLDivElement>(null);
  const order = useMemo(() => {
    const open = comments.filter((c) => c.state !== 'closed');
    return {
      whole: open.filter((c) => !c.anchored),
      placed: open.filter((c) => c.anchored && !c.detached),
      after: [...open.filter((c) => c.detached), ...comments.filter((c) => c.state === 'closed')],
    };
  }, [comments]);

  const layout = useCallback(() => {
    const box = list.current;
    if (!box) return;
    const tops = passageTops(editor, box);
    let bottom = 0;
    const cards = [...box.querySelectorAll<HTMLElement>('[data-comment-id]')];
    const placedIds = new Set(order.placed.map((c) => c.id));
    const sorted = [...cards].sort((a, b) => {
      const ta = placedIds.has(a.dataset.commentId!) ? (tops.get(a.dataset.commentId!) ?? Infinity) : -1;
      const tb = placedIds.has(b.dataset.commentId!) ? (tops.get(b.dataset.commentId!) ?? Infinity) : -1;
      return ta - tb;
    });
    const rest = sorted.filter((el) => !placedIds.has(el.dataset.commentId!) && order.after.some((c) => c.id === el.dataset.commentId));
    const head = sorted.filter((el) => !rest.includes(el));
    for (const el of [...head, ...rest]) {
      const id = el.dataset.commentId!;
      const want = placedIds.has(id) ? (tops.get(id) ?? bottom) : bottom;
      const top = Math.max(want, bottom);
      el.style.insetBlockStart = `${top}px`;
      bottom = top + el.offsetHeight + GAP;
    }
    box.style.minBlockSize = `${bottom}px`;
  }, [editor, order]);

  useLayoutEffect(() => {
    layout();
    // Typing moves passages; lay the cards out again once per frame at most.
    let frame = 0;
    const removeUpdate = editor.registerUpdateListener(() => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), layout()));
    });
    const observer = new ResizeObserver(() => layout());
    observer.observe(host);
    const root = editor.getRootElement();
    if (root) observer.observe(root);
    return () => {
      removeUpdate();
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  });

  const cards = [...order.whole, ...order.placed, ...order.after];
  return (
    <section className="cmt-margin" aria-label={t('margin')}>
      <div className="cmt-margin-head">
        <h2 className="cmt-margin-title">{t('marginCount', { count: comments.length })}</h2>
        {canComment ? (
          <Button
            className="button button-small"
            // Keep the text selection: pressing the button must not move focus out of the text first.
            onMouseDown={(e: ReactMouseEvent) => e.preventDefault()}
            onPress={onAdd}
            aria-keyshortcuts="Control+Alt+M"
          >
            {t('add')}
          </Button>
        ) : null}
      </div>
      {canComment ? <p className="cmt-hint">{t('addHint')}</p> : null}
      {comments.length === 0 ? <p className="cmt-hint">{t('none')}</p> : null}
      <div className="cmt-cards" ref={list}>
        {cards.map((c) => (
          <CommentCard
            key={c.id}
            comment={c}
            section={section}
            me={workspace.me}
            active={c.id === active}
            onActivate={() => setActive(c.id)}
            onChanged={onChanged}
          />
        ))}
      </div>
    </section>
  );
}
