// The small labels the matrix and its detail panel share: a comment's type, its state, its
// disposition, and where its passage is.
import { useTranslation } from 'react-i18next';
import type { CommentState, CommentType, Disposition, ReviewComment } from '../../../shared/domain.js';

export function TypeBadge({ type }: { type: CommentType }) {
  const { t } = useTranslation('review');
  return <span className={`mx-badge mx-type-${type}`}>{t(`type.${type}`)}</span>;
}

export function StateBadge({ state }: { state: CommentState }) {
  const { t } = useTranslation('review');
  return <span className={`mx-badge mx-state-${state}`}>{t(`state.${state}`)}</span>;
}

export function DispositionText({ disposition }: { disposition: Disposition | null }) {
  const { t } = useTranslation('review');
  if (!disposition) return <span className="mx-none">{t('disposition.none')}</span>;
  return <span className={`mx-disposition mx-disposition-${disposition}`}>{t(`disposition.${disposition}`)}</span>;
}

/** The passage a comment marks, "Whole section" for one on the section, and a deleted passage marked as such. */
export function Passage({ comment }: { comment: Pick<ReviewComment, 'anchored' | 'detached' | 'quote'> }) {
  const { t } = useTranslation('review');
  if (!comment.anchored) return <span className="mx-none">{t('wholeSection')}</span>;
  const quote = <q className={`mx-quote${comment.detached ? ' mx-quote-detached' : ''}`}>{comment.quote}</q>;
  if (!comment.detached) return quote;
  return (
    <>
      <span className="mx-badge mx-detached">{t('detached')}</span> {quote}
    </>
  );
}
