// One comment in the margin: who said what about which passage, the proposed wording, the thread,
// and what the person signed in may do with it (reply, apply the wording, record a disposition,
// close or reopen). The card shows its whole thread and controls when it is the active one.
import { useRef, useState, type KeyboardEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DISPOSITIONS, type Disposition, type Member, type ReviewComment } from '../../../shared/domain.js';
import { denyAnswer, denyCloseComment, denyReply, denySectionText, type SectionLead } from '../../../shared/permissions.js';
import { call } from '../../api/client.js';
import { messageOf } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { RadioChoice, TextAreaInput } from '../../widgets/fields.js';

export interface CommentCardProps {
  comment: ReviewComment;
  /** As the rules see it: its status and the report's lock at review decide whether a wording may be applied. */
  section: SectionLead;
  me: Member | null;
  active: boolean;
  onActivate: () => void;
  /** After a change: reload the comments. */
  onChanged: () => Promise<void>;
}

const day = (iso: string) => iso.slice(0, 10);

export function CommentCard({ comment: c, section, me, active, onActivate, onChanged }: CommentCardProps) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const [reply, setReply] = useState('');
  const [choosing, setChoosing] = useState(false);
  const [disposition, setDisposition] = useState<Disposition | null>(c.disposition);
  const [rationale, setRationale] = useState(c.rationale);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rationaleError, setRationaleError] = useState<string | null>(null);
  const rationaleBox = useRef<HTMLDivElement>(null);

  const closed = c.state === 'closed';
  const canAnswer = !closed && denyAnswer(me, section) === null;
  const canApply = canAnswer && c.proposed !== '' && c.anchored && !c.detached && !c.appliedAt && denySectionText(me, section) === null;
  const canReply = !closed && denyReply(me, section, c) === null;
  const canClose = denyCloseComment(me, c) === null;
  const headingId = `cmt-h-${c.id}`;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await onChanged();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const record = async () => {
    if (!disposition) return;
    if (disposition === 'not_accepted' && !rationale.trim()) {
      // Said under the field it is about, which takes the focus and comes into view.
      setRationaleError(t('rationaleRequired'));
      const field = rationaleBox.current?.querySelector('textarea');
      field?.focus();
      field?.scrollIntoView({ block: 'nearest' });
      return;
    }
    setRationaleError(null);
    if (await run(() => call('comments.decide', { commentId: c.id, disposition, rationale: rationale.trim() }))) setChoosing(false);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onActivate();
    }
  };

  return (
    <article
      className={`cmt-card cmt-type-${c.type} cmt-state-${c.state}${active ? ' active' : ''}${c.detached ? ' detached' : ''}`}
      aria-labelledby={headingId}
      aria-current={active ? 'true' : undefined}
      data-comment-id={c.id}
      tabIndex={0}
      onClick={onActivate}
      onKeyDown={onKeyDown}
    >
      <header className="cmt-head">
        <h3 id={headingId} className="cmt-number">
          {t('number', { n: c.number })}
        </h3>
        <span className={`cmt-badge cmt-badge-${c.type}`}>{t(`type.${c.type}`)}</span>
        <span className={`cmt-badge cmt-badge-state-${c.state}`}>{t(`state.${c.state}`)}</span>
      </header>
      <p className="cmt-byline">
        {t('byline', { name: c.authorName, organization: c.organizationName })} · {format.date(day(c.createdAt))}
      </p>
      {!c.anchored ? <p className="cmt-scope">{t('wholeSection')}</p> : null}
      {c.detached ? (
        <>
          <p className="cmt-scope cmt-detached-note">{t('detached')}</p>
          <blockquote className="cmt-quote">{c.quote}</blockquote>
        </>
      ) : null}
      <p className="cmt-body">{c.body}</p>
      {c.proposed ? (
        <div className="cmt-proposed">
          <p className="cmt-small-label">{t('proposedLabel')}</p>
          <p className="cmt-proposed-text">{c.proposed}</p>
          {c.appliedAt ? <p className="cmt-note">{t('applied', { name: c.appliedByName, date: format.date(day(c.appliedAt)) })}</p> : null}
          {canApply && active ? (
            <Button className="button button-small" isPending={busy} onPress={() => void run(() => call('comments.applyProposal', { commentId: c.id }))}>
              {t('apply')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {c.disposition && !choosing ? (
        <div className={`cmt-decision cmt-decision-${c.disposition}`}>
          <p>{t('decided', { disposition: t(`disposition.${c.disposition}`), name: c.decidedByName, date: format.date(day(c.decidedAt)) })}</p>
          {c.rationale ? <p className="cmt-rationale">{c.rationale}</p> : null}
        </div>
      ) : null}
      {closed ? <p className="cmt-note">{t('closed', { name: c.closedByName, date: format.date(day(c.closedAt)) })}</p> : null}

      {active ? (
        <div className="cmt-thread">
          {c.replies.length > 0 ? (
            <ol className="cmt-replies">
              {c.replies.map((r) => (
                <li key={r.id}>
                  <p className="cmt-byline">
                    {r.authorName} · {format.date(day(r.createdAt))}
                  </p>
                  <p className="cmt-body">{r.body}</p>
                </li>
              ))}
            </ol>
          ) : null}
          {canAnswer && (choosing || !c.disposition) ? (
            <div className="cmt-form">
              <RadioChoice<Disposition>
                label={t('dispositionLabel')}
                value={disposition}
                onChange={setDisposition}
                orientation="vertical"
                options={DISPOSITIONS.map((id) => ({ id, label: t(`disposition.${id}`) }))}
              />
              {disposition ? (
                <div ref={rationaleBox}>
                  <TextAreaInput
                    label={t('rationale')}
                    value={rationale}
                    onChange={(v) => {
                      setRationale(v);
                      if (v.trim()) setRationaleError(null);
                    }}
                    rows={2}
                    isRequired={disposition === 'not_accepted'}
                    errorMessage={disposition === 'not_accepted' ? rationaleError : null}
                  />
                </div>
              ) : null}
              <Button className="button button-small button-primary" isDisabled={!disposition} isPending={busy} onPress={() => void record()}>
                {t('record')}
              </Button>
            </div>
          ) : null}
          {canAnswer && c.disposition && !choosing ? (
            <Button className="button button-small" onPress={() => setChoosing(true)}>
              {t('change')}
            </Button>
          ) : null}
          {canReply ? (
            <div className="cmt-form">
              <TextAreaInput label={t('replyLabel')} value={reply} onChange={setReply} rows={2} />
              <Button
                className="button button-small"
                isDisabled={!reply.trim()}
                isPending={busy}
                onPress={() =>
                  void run(() => call('comments.reply', { commentId: c.id, body: reply.trim() })).then((ok) => ok && setReply(''))
                }
              >
                {t('send')}
              </Button>
            </div>
          ) : null}
          {canClose ? (
            <Button
              className="button button-small"
              isPending={busy}
              onPress={() => void run(() => call('comments.setStatus', { commentId: c.id, status: closed ? 'open' : 'closed' }))}
            >
              {closed ? t('reopen') : t('close')}
            </Button>
          ) : null}
        </div>
      ) : c.replies.length > 0 ? (
        <p className="cmt-note">{t('replies', { count: c.replies.length })}</p>
      ) : null}
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
    </article>
  );
}
