// Every section's words against its budget, with a warning on each section over it.
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ExportCheck } from '../../../shared/api.js';
import { useFormat } from '../../app/format.js';
import { StatusBadge } from '../section/StatusBadge.js';
import { asStatus, SectionName, sectionText } from './sectionName.js';

export interface SectionWordsProps {
  sections: ExportCheck['sections'];
  onOpenSection: (id: string) => void;
}

export function SectionWords({ sections, onOpenSection }: SectionWordsProps) {
  const { t } = useTranslation('export');
  const format = useFormat();
  const overBudget = sections.filter((s) => s.budget !== null && s.words > s.budget);
  return (
    <section className="ex-block" aria-labelledby="ex-sections-title">
      <h3 id="ex-sections-title" className="block-title">
        {t('sections.title')}
      </h3>
      <p className="ex-note">{t('sections.note')}</p>
      {sections.length === 0 ? (
        <p className="muted">{t('sections.none')}</p>
      ) : (
        <>
          <p className={overBudget.length ? 'ex-warning' : 'muted'}>
            {overBudget.length ? t('sections.summaryOver', { count: overBudget.length }) : t('sections.summaryWithin')}
          </p>
          <table className="data-table ex-table" aria-labelledby="ex-sections-title">
            <thead>
              <tr>
                <th scope="col">{t('sections.section')}</th>
                <th scope="col">{t('sections.status')}</th>
                <th scope="col" className="num">
                  {t('sections.words')}
                </th>
                <th scope="col" className="num">
                  {t('sections.budget')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sections.map((s) => {
                const over = s.budget !== null && s.words > s.budget;
                const depth = s.label ? s.label.split('.').length - 1 : 0;
                return (
                  <tr key={s.id} className={over ? 'ex-row-over' : undefined}>
                    <th scope="row" className={`ex-depth-${Math.min(depth, 3)}`}>
                      <Button
                        className="link-button bidi-keep"
                        aria-label={t('sections.open', { section: sectionText(s.label, s.title) })}
                        onPress={() => onOpenSection(s.id)}
                      >
                        <SectionName label={s.label} title={s.title} />
                      </Button>
                    </th>
                    <td>
                      <StatusBadge status={asStatus(s.status)} />
                    </td>
                    <td className={`num${over ? ' over' : ''}`}>{format.number(s.words)}</td>
                    <td className="num">
                      {s.budget === null ? <span className="muted">{t('sections.noBudget')}</span> : format.number(s.budget)}
                      {over ? (
                        <span className="ex-over-budget">
                          <span aria-hidden="true">⚠ </span>
                          {t('sections.overBudget', { count: s.words - s.budget!, n: format.number(s.words - s.budget!) })}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
