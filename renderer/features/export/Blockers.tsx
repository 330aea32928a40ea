// What should be settled before the report is submitted: sections whose text cannot be read,
// sections not approved and open Critical comments, each a way to the place to settle it. Warnings only: the report can still be written.
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ExportCheck } from '../../../shared/api.js';
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
          {damaged.length ? (
            <>
              <h4 id="ex-damaged" className="ex-subtitle">
                {t('blockers.damaged', { count: damaged.length })}
              </h4>
              <ul className="plain-list ex-blocker-list" aria-labelledby="ex-damaged">
                {damaged.map((b) => (
                  <li key={b.sectionId}>
                    <Button className="link-button bidi-keep" onPress={() => onOpenSection(b.sectionId)}>
                      <SectionName label={b.label} title={b.title} />
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {notApproved.length ? (
            <>
              <h4 id="ex-not-approved" className="ex-subtitle">
                {t('blockers.notApproved', { count: notApproved.length })}
              </h4>
              <ul className="plain-list ex-blocker-list" aria-labelledby="ex-not-approved">
                {notApproved.map((b) => (
                  <li key={b.sectionId}>
                    <Button className="link-button bidi-keep" onPress={() => onOpenSection(b.sectionId)}>
                      <SectionName label={b.label} title={b.title} />
                    </Button>{' '}
                    <StatusBadge status={asStatus(b.status)} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
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
