// Coverage: whether the report answers every recommendation the State supported. The count first
// ("212 of 230 supported recommendations are addressed"), then the supported ones no section
// addresses yet, then each addressed one with the sections that do (followed with one press).
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { addressedIn, type Recommendation } from '../../../shared/domain.js';
import { useFormat } from '../../app/format.js';
import { coverageOf } from './recommendationRows.js';
import type { SectionName } from './RecommendationTable.js';

export interface CoverageViewProps {
  recommendations: readonly Recommendation[];
  sectionName: (id: string) => SectionName | undefined;
  onOpenSection: (id: string) => void;
  /** Shows a recommendation in full, in the list. */
  onShow: (id: string) => void;
}

export function CoverageView({ recommendations, sectionName, onOpenSection, onShow }: CoverageViewProps) {
  const { t } = useTranslation('recommendations');
  const format = useFormat();
  const { supported, addressed, missing } = coverageOf(recommendations);
  if (supported === 0) return <p className="muted rc-coverage-empty">{t('coverage.noSupported')}</p>;
  const share = Math.round((addressed.length / supported) * 100);
  return (
    <div className="rc-coverage">
      <div className="rc-coverage-summary">
        <p className="rc-coverage-count" data-testid="coverage-summary">
          {t('coverage.summary', { count: supported, addressed: format.number(addressed.length), total: format.number(supported) })}
        </p>
        <span className="rc-coverage-bar" aria-hidden="true">
          <span className="rc-coverage-fill" style={{ inlineSize: `${share}%` }} />
        </span>
      </div>
      <section className="rc-coverage-part" aria-labelledby="rc-missing-title">
        <h3 id="rc-missing-title" className="rc-subtitle">
          {missing.length ? t('coverage.missing', { count: missing.length }) : t('coverage.allAddressed')}
        </h3>
        {missing.length ? (
          <ul className="plain-list rc-coverage-list">
            {missing.map((r) => (
              <CoverageItem key={r.id} r={r} onShow={onShow}>
                {r.cluster ? (
                  <span className="muted rc-coverage-cluster" dir="auto">
                    {r.cluster}
                  </span>
                ) : null}
              </CoverageItem>
            ))}
          </ul>
        ) : null}
      </section>
      {addressed.length ? (
        <section className="rc-coverage-part" aria-labelledby="rc-covered-title">
          <h3 id="rc-covered-title" className="rc-subtitle">
            {t('coverage.covered', { count: addressed.length })}
          </h3>
          <ul className="plain-list rc-coverage-list">
            {addressed.map((r) => (
              <CoverageItem key={r.id} r={r} onShow={onShow}>
                <span className="rc-coverage-sections">
                  {addressedIn(r).map((id) => {
                    const s = sectionName(id);
                    if (!s) return null;
                    const name = `${s.label ? `${s.label}. ` : ''}${s.title}`;
                    return (
                      <Button key={id} className="button button-small button-quiet rc-section-link" aria-label={t('detail.goTo', { section: name })} onPress={() => onOpenSection(id)}>
                        {s.label || s.title}
                      </Button>
                    );
                  })}
                </span>
              </CoverageItem>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** One recommendation in a coverage list: its number (which shows it in full, in the list), its
 *  text, and what follows (its cluster, or the sections addressing it). */
function CoverageItem({ r, onShow, children }: { r: Recommendation; onShow: (id: string) => void; children: ReactNode }) {
  const { t } = useTranslation('recommendations');
  return (
    <li className="rc-coverage-item">
      <span className="rc-number">
        <button type="button" className="table-screen-row-button rc-number-button" aria-label={t('select', { number: r.number })} onClick={() => onShow(r.id)}>
          {r.number}
        </button>
      </span>
      <span className="rc-coverage-text" dir="auto">
        {r.text}
      </span>
      {children}
    </li>
  );
}
