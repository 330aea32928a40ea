// What merging a copy brought: whose changes, how many of each kind of row, how many sections'
// text, the backup made first, and the sections whose text both copies edited, each with a way
// to compare the two texts with the merged one.
import i18next from 'i18next';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { HeldBack as Held, MergeSummary } from '../../../shared/api.js';
import { messageText } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { CompareTexts } from './CompareTexts.js';
import { fieldLabel, localTime, localTimeLong, subjectText, useTranslate, valueText, type Translate } from './fieldNames.js';

/** 'other' is the report's settings, organizations and members (electron/sync/merge.ts KINDS). */
const COUNTED = ['sections', 'comments', 'recommendations', 'inputs', 'other'] as const;

/** `mergedAt` (ISO, UTC) is null for a merge that brought nothing: none is recorded. */
export function MergeReport({ summary, mergedAt }: { summary: MergeSummary; mergedAt: string | null }) {
  const { t, i18n } = useTranslation('sharing');
  const format = useFormat();
  const { workspace } = useWorkspace();
  const [comparing, setComparing] = useState<string | null>(null);
  const titleOf = (id: string) => {
    const s = workspace.sections.find((x) => x.id === id);
    return s ? s.title : t('report.sectionGone');
  };

  if (summary.rows === 0 && summary.texts === 0 && !summary.attachments) {
    return (
      <section className="sh-card sh-report" aria-labelledby="sh-report-title" data-testid="merge-report">
        <h3 id="sh-report-title" className="block-title">
          {t('report.title')}
        </h3>
        <p>{t('report.nothing')}</p>
      </section>
    );
  }

  const when = mergedAt ? (
    <p className="sh-when">
      <time dateTime={mergedAt} title={mergedAt}>
        {t('report.lastMerge', { when: localTimeLong(mergedAt, i18n.language) })}
      </time>
    </p>
  ) : null;
  const counts: string[] = COUNTED.filter((k) => summary.changed[k] > 0).map((k) => t(`report.${k}`, { count: summary.changed[k], n: format.number(summary.changed[k]) }));
  if (summary.texts > 0) counts.push(t('report.texts', { count: summary.texts, n: format.number(summary.texts) }));
  if (summary.attachments) counts.push(t('report.attachments', { count: summary.attachments, n: format.number(summary.attachments) }));
  if (summary.released) counts.push(t('report.released', { count: summary.released, n: format.number(summary.released) }));
  if (summary.keysConfirmed) counts.push(t('report.keysConfirmed', { count: summary.keysConfirmed, n: format.number(summary.keysConfirmed) }));
  if (summary.unsigned) counts.push(t('report.unsigned', { count: summary.unsigned, n: format.number(summary.unsigned) }));
  return (
    <section className="sh-card sh-report" aria-labelledby="sh-report-title" data-testid="merge-report">
      <h3 id="sh-report-title" className="block-title">
        {t('report.title')}
      </h3>
      {when}
      <p className="sh-note sh-path-text">
        <bdi>{t('report.file', { file: summary.file })}</bdi>
      </p>
      {summary.offices.length ? (
        <p>
          <span className="sh-label">{t('report.offices')}</span>{' '}
          {summary.offices.map((o, i) => (
            <span key={o}>
              {i ? ', ' : ''}
              <bdi className="sh-office">{o}</bdi>
            </span>
          ))}
        </p>
      ) : null}
      <ul className="sh-counts">
        {counts.map((c) => (
          <li key={c}>{c}</li>
        ))}
        {summary.conflicts.length ? (
          <li className="sh-warn">{t('report.conflicts', { count: summary.conflicts.length, n: format.number(summary.conflicts.length) })}</li>
        ) : null}
      </ul>
      {summary.backup ? (
        <p className="sh-note sh-path-text">
          <bdi>{t('report.backup', { path: summary.backup })}</bdi>
        </p>
      ) : null}
      {summary.bothEdited.length ? (
        <div className="sh-both" role="group" aria-labelledby="sh-both-title">
          <h4 id="sh-both-title" className="sh-subtitle">
            {t('report.bothEdited')}
          </h4>
          <p className="sh-note">{t('report.bothEditedLead')}</p>
          <ul className="sh-both-list">
            {summary.bothEdited.map((id) => (
              <li key={id}>
                <bdi>{titleOf(id)}</bdi>
                <Button className="button button-small" aria-label={t('report.compareLabel', { section: titleOf(id) })} onPress={() => setComparing(id)}>
                  {t('report.compare')}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {summary.held.length ? <HeldBack held={summary.held} /> : null}
      {comparing ? <CompareTexts sectionId={comparing} title={titleOf(comparing)} onClose={() => setComparing(null)} /> : null}
    </section>
  );
}

/**
 * What the copy held that was not applied: each change or text update with what it would change,
 * whom it claims to be from and when, and why it was held back. Nothing of it is thrown away; a
 * later copy that brings what makes it legitimate applies it.
 */
function HeldBack({ held }: { held: readonly Held[] }) {
  const { t } = useTranslation('sharing');
  const { say, language } = useTranslate();
  const { workspace } = useWorkspace();
  const names = { organizations: workspace.organizations, members: workspace.members, sections: workspace.sections };
  return (
    <div className="sh-held" role="group" aria-labelledby="sh-held-title">
      <h4 id="sh-held-title" className="sh-subtitle">
        {t('report.held', { count: held.length, n: held.length })}
      </h4>
      <p className="sh-note">{t('report.heldLead')}</p>
      <ul className="sh-held-list">
        {held.map((h) => {
          const subject = h.subject ? subjectText(say, h.subject) : h.row;
          const what =
            h.kind === 'text'
              ? t('report.heldText', { section: h.subject?.label ?? h.row })
              : t('report.heldChange', { subject, field: fieldLabel(say, h.table, h.column), value: valueText(say, language, names, h.table, h.column, h.value) });
          return (
            <li key={`${h.kind}:${h.at}:${h.table}:${h.row}:${h.column}`}>
              <span className="sh-held-what">
                <bdi>{what}</bdi>
              </span>
              <span className="sh-held-who">
                {t('report.heldBy', { name: h.authorName })}{' '}
                <time dateTime={h.at} title={h.at}>
                  {localTime(h.at, language)}
                </time>
              </span>
              <span className="sh-held-why">{heldWhy(say, h) ?? messageText(h.reason, h.params) ?? h.reason}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * Why a change was held back, said of its claimed author to the person reading the report (the
 * write path's own messages speak to the one making the change); null where those serve as they are.
 */
function heldWhy(t: Translate, h: Held): string | null {
  const key = `sharing:report.why.${h.reason}`;
  if (!i18next.exists(key)) return null;
  return t(key, { ...h.params, name: h.authorName, role: typeof h.params.role === 'string' ? t(`translation:role.${h.params.role}`) : '' });
}
