// What should be settled before the report is submitted: sections whose text cannot be read,
// sections not approved and open Critical comments, each a way to the place to settle it. Warnings only: the report can still be written.
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ExportCheck } from '../../../shared/api.js';
import { useFormat } from '../../app/format.js';
import { StatusBadge } from '../section/StatusBadge.js';
import { asStatus, SectionName, sectionText } from './sectionName.js';

type Blocker = ExportCheck['blockers'][number];

export interface BlockersProps {
  blockers: ExportCheck['blockers'];
  onOpenSection: (id: string, commentId?: string | null) => void;
}

export function Blockers({ blockers, onOpenSection }: BlockersProps) {
  const { t } = useTranslation('export');
  const notApproved = blockers.filter((b): b is Extract<Blocker, { kind: 'notApproved' }> => b.kind === 'notApproved');
  const critical = blockers.filter((b): b is Extract<Blocker, { kind: 'openCritical' }> => b.kind === 'openCritical');
  const damaged = blockers.filter((b): b is Extract<Blocker, { kind: 'damaged' }> => b.kind === 'damaged');
  const overLimit = blockers.find((b): b is Extract<Blocker, { kind: 'overLimit' }> => b.kind === 'overLimit');
  const toSettle = blockers.filter((b): b is Extract<Blocker, { kind: 'mergeReview' }> => b.kind === 'mergeReview');
  const format = useFormat();
  return (
    <section className={`ex-card ex-blockers${blockers.length ? ' blocked' : ' clear'}`} aria-labelledby="ex-blockers-title">
      <h3 id="ex-blockers-title" className="block-title">
        {t('blockers.title')}
      </h3>
      {blockers.length === 0 ? (
        <p className="ex-clear">
          <span aria-hidden="true">✓ </span>
          {t('blockers.none')}
        </p>
      ) : (
        <>
          <p className="ex-note">{t('blockers.lead')}</p>
          {overLimit ? (
            <>
              <h4 className="ex-subtitle" data-testid="over-limit">
                {t('blockers.overLimit', { over: format.number(overLimit.over), words: format.number(overLimit.words), limit: format.number(overLimit.limit) })}
              </h4>
              <SectionBlockers
                id="ex-over-budget"
                title={t('blockers.overBudget')}
                blockers={overLimit.sections}
                onOpenSection={onOpenSection}
                badge={(s) => <span className="ex-over-budget">{t('blockers.sectionWords', { words: format.number(s.words), budget: format.number(s.budget) })}</span>}
                minor
              />
            </>
          ) : null}
          <SectionBlockers id="ex-damaged" title={t('blockers.damaged', { count: damaged.length })} blockers={damaged} onOpenSection={onOpenSection} />
          <SectionBlockers
            id="ex-merge-review"
            title={t('blockers.mergeReview', { count: toSettle.length })}
            blockers={toSettle}
            onOpenSection={onOpenSection}
            badge={(b) => <span className="ex-over-budget">{t('blockers.paragraphsToSettle', { count: b.paragraphs, n: format.number(b.paragraphs) })}</span>}
          />
          <SectionBlockers
            id="ex-not-approved"
            title={t('blockers.notApproved', { count: notApproved.length })}
            blockers={notApproved}
            onOpenSection={onOpenSection}
            badge={(b) => <StatusBadge status={asStatus(b.status)} />}
          />
          {critical.length ? (
            <>
              <h4 id="ex-open-critical" className="ex-subtitle">
                {t('blockers.openCritical', { count: critical.length })}
              </h4>
              <ul className="plain-list ex-blocker-list" aria-labelledby="ex-open-critical">
                {critical.map((b) => (
                  <li key={b.commentId}>
                    {/* One phrase, read in its own direction as a whole. */}
                    <Button className="link-button" onPress={() => onOpenSection(b.sectionId, b.commentId)}>
                      <span className="ex-comment-number">{t('blockers.comment', { number: b.number })}</span>{' '}
                      <span>{t('blockers.inSection', { section: sectionText(b.label, b.title) })}</span>
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

/** One kind of section to settle, under its heading, each a way to its section; nothing when none. */
function SectionBlockers<B extends { sectionId: string; label: string; title: string }>({
  id,
  title,
  blockers,
  onOpenSection,
  badge,
  minor = false,
}: {
  id: string;
  title: string;
  blockers: B[];
  onOpenSection: (id: string) => void;
  badge?: (b: B) => ReactNode;
  /** Under another heading (the sections that make the report too long). */
  minor?: boolean;
}) {
  if (!blockers.length) return null;
  const Heading = minor ? 'h5' : 'h4';
  return (
    <>
      <Heading id={id} className={minor ? 'ex-subtitle ex-minor' : 'ex-subtitle'}>
        {title}
      </Heading>
      <ul className="plain-list ex-blocker-list" aria-labelledby={id}>
        {blockers.map((b) => (
          <li key={b.sectionId}>
            <Button className="link-button bidi-keep" onPress={() => onOpenSection(b.sectionId)}>
              <SectionName label={b.label} title={b.title} />
            </Button>
            {badge ? <> {badge(b)}</> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
