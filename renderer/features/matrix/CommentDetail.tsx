// The selected comment in full, below the matrix: its passage, text, proposed wording, the
// drafters' answer, the thread of replies, and what the person may do with it (go to the passage;
// close or reopen it, for the secretariat and the comment's author).
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Member, ReviewComment } from '../../../shared/domain.js';
import { denyCloseComment } from '../../../shared/permissions.js';
import { DispositionText, Passage, StateBadge, TypeBadge } from './badges.js';

export interface CommentDetailProps {
  comment: ReviewComment | null;
  me: Member | null;
  formatDate: (iso: string) => string;
  busy: boolean;
  onFollow: (comment: ReviewComment) => void;
  onSetStatus: (comment: ReviewComment, status: 'open' | 'closed') => void;
}

export function CommentDetail({ comment: c, me, formatDate, busy, onFollow, onSetStatus }: CommentDetailProps) {
  const { t } = useTranslation('matrix');
  if (!c) {
    return (
      <section className="mx-detail mx-detail-empty" aria-label={t('detail.label')}>
        <div>
          <p className="muted">{t('detail.none')}</p>
          <p className="muted mx-hint" aria-hidden="true">
            {t('hint')}
          </p>
        </div>
      </section>
    );
  }
  const mayClose = denyCloseComment(me, c) === null;
  const closed = c.state === 'closed';
  return (
    <section className="mx-detail" aria-labelledby="mx-detail-title">
      <div className="mx-detail-head">
        <h3 id="mx-detail-title" className="mx-detail-title">
          {t('detail.title', { number: c.number })}
        </h3>
        <TypeBadge type={c.type} />
        <StateBadge state={c.state} />
        <span className="mx-detail-section bidi-keep">
          {c.sectionLabel ? `${c.sectionLabel}. ` : ''}
          {c.sectionTitle}
        </span>
        <div className="mx-detail-actions">
          <Button className="button button-small button-primary" onPress={() => onFollow(c)}>
            {c.anchored && !c.detached ? t('detail.goToPassage') : t('detail.goToSection')}
          </Button>
          {mayClose ? (
            <Button className="button button-small" isPending={busy} onPress={() => onSetStatus(c, closed ? 'open' : 'closed')}>
              {closed ? t('detail.reopen') : t('detail.close')}
            </Button>
          ) : null}
        </div>
      </div>
      <div className="mx-detail-body">
        <dl className="mx-facts">
          <dt>{t('column.passage')}</dt>
          <dd>
            <Passage comment={c} />
          </dd>
          <dt>{t('column.comment')}</dt>
          <dd className="mx-prose">{c.body}</dd>
          {c.proposed ? (
            <>
              <dt>{t('column.proposed')}</dt>
              <dd className="mx-prose">{c.proposed}</dd>
            </>
          ) : null}
          <dt>{t('detail.from')}</dt>
          <dd>{t('detail.byOn', { name: c.authorName, organization: c.organizationName, date: formatDate(c.createdAt) })}</dd>
          <dt>{t('column.disposition')}</dt>
          <dd>
            <DispositionText disposition={c.disposition} />
            {c.decidedAt ? <span className="mx-faint"> — {t('detail.decidedBy', { name: c.decidedByName, date: formatDate(c.decidedAt) })}</span> : null}
            {c.rationale ? <p className="mx-prose mx-rationale">{c.rationale}</p> : null}
            {c.appliedAt ? <p className="mx-faint">{t('detail.appliedBy', { name: c.appliedByName, date: formatDate(c.appliedAt) })}</p> : null}
          </dd>
          {closed && c.closedAt ? (
            <>
              <dt>{t('column.status')}</dt>
              <dd>{t('detail.closedBy', { name: c.closedByName, date: formatDate(c.closedAt) })}</dd>
            </>
          ) : null}
        </dl>
        <div className="mx-thread">
          <h4 className="mx-thread-title">{t('detail.replies', { count: c.replies.length })}</h4>
          {c.replies.length ? (
            <ol className="plain-list mx-replies-list">
              {c.replies.map((r) => (
                <li key={r.id} className="mx-reply">
                  <p className="mx-reply-meta">
                    <span className="mx-reply-author">{r.authorName}</span> <span className="mx-faint">{formatDate(r.createdAt)}</span>
                  </p>
                  <p className="mx-prose">{r.body}</p>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">{t('detail.noReplies')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
