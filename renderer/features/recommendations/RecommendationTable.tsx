// The recommendations as a table: a few hundred rows at most (one list per review cycle), so they
// are all in the page and the browser's own table semantics serve screen readers. The number of a
// row is a button that shows the recommendation in full in the detail panel; one of them is in the
// tab order (the selected row's), and the arrow keys, Home and End move between them.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { addressedIn, type Recommendation } from '../../../shared/domain.js';
import { useRowKeys } from '../../widgets/useRowKeys.js';
import { PositionBadge, StatusText } from './badges.js';

export interface SectionName {
  label: string;
  title: string;
}

export interface RecommendationTableProps {
  rows: readonly Recommendation[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  organizationName: (id: string | null) => string;
  sectionName: (id: string) => SectionName | undefined;
  labelledBy: string;
  emptyText: string;
}

export function RecommendationTable({ rows, selectedId, onSelect, organizationName, sectionName, labelledBy, emptyText }: RecommendationTableProps) {
  const { t } = useTranslation('recommendations');
  const { tabId, onKeyDown } = useRowKeys(rows, selectedId, onSelect);
  return (
    <div className="table-screen-scroller rc-scroller">
      <table className="table-screen-table rc-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col" className="rc-col-number">{t('column.number')}</th>
            <th scope="col">{t('column.recommendation')}</th>
            <th scope="col" className="rc-col-states">{t('column.states')}</th>
            <th scope="col" className="rc-col-position">{t('column.position')}</th>
            <th scope="col" className="rc-col-themes">{t('column.themes')}</th>
            <th scope="col" className="rc-col-org">{t('column.responsible')}</th>
            <th scope="col" className="rc-col-status">{t('column.status')}</th>
            <th scope="col" className="rc-col-addressed">{t('column.addressed')}</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={8} className="table-screen-empty">
                {emptyText}
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <RecommendationRow
                key={r.id}
                r={r}
                selected={r.id === selectedId}
                tabbable={r.id === tabId}
                onSelect={onSelect}
                organization={organizationName(r.responsibleOrganizationId)}
                sectionName={sectionName}
              />
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  r: Recommendation;
  selected: boolean;
  tabbable: boolean;
  onSelect: (id: string) => void;
  organization: string;
  sectionName: (id: string) => SectionName | undefined;
}

const RecommendationRow = memo(function RecommendationRow({ r, selected, tabbable, onSelect, organization, sectionName }: RowProps) {
  const { t } = useTranslation('recommendations');
  const sections = addressedIn(r)
    .map(sectionName)
    .filter((s): s is SectionName => s !== undefined);
  return (
    <tr className={selected ? 'table-screen-selected' : undefined} onClick={() => onSelect(r.id)}>
      <th scope="row" className="rc-number">
        <button
          type="button"
          className="table-screen-row-button rc-number-button"
          data-row-id={r.id}
          tabIndex={tabbable ? 0 : -1}
          aria-pressed={selected}
          aria-label={t('select', { number: r.number })}
          onClick={() => onSelect(r.id)}
        >
          {r.number}
        </button>
      </th>
      <td>
        <div className="rc-clamp" dir="auto">
          {r.text}
        </div>
        {r.cluster ? (
          <div className="muted table-screen-line" dir="auto">
            {r.cluster}
          </div>
        ) : null}
      </td>
      <td>
        <div className="rc-clamp" dir="auto">
          {r.states.join(', ')}
        </div>
      </td>
      <td>
        <PositionBadge position={r.position} />
      </td>
      <td>
        <div className="rc-clamp" dir="auto">
          {r.themes.join('; ')}
          {r.sdgs.length ? <span className="muted"> {r.sdgs.map((n) => t('sdg', { n })).join(', ')}</span> : null}
        </div>
      </td>
      <td>{organization ? <div className="rc-clamp">{organization}</div> : <span className="table-screen-none">{t('nobody')}</span>}</td>
      <td>
        <StatusText status={r.implementationStatus} />
      </td>
      <td>
        {sections.length ? (
          <div className="rc-clamp">{sections.map((s) => s.label || s.title).join(', ')}</div>
        ) : (
          <span className="table-screen-none">{t('notAddressed')}</span>
        )}
      </td>
    </tr>
  );
});
