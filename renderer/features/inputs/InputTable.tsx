// The consultation inputs as a table: tens to a few hundred a cycle, so they are all in the page and
// the browser's own table semantics serve screen readers. The title of a row is a button that shows
// the input in full in the detail panel; one of them is in the tab order (the selected row's), and
// the arrow keys, Home and End move between them.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationInput } from '../../../shared/domain.js';
import { useFormat } from '../../app/format.js';
import { useRowKeys } from '../../widgets/useRowKeys.js';
import { DispositionBadge } from './badges.js';

export interface InputTableProps {
  rows: readonly ConsultationInput[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  labelledBy: string;
  emptyText: string;
}

export function InputTable({ rows, selectedId, onSelect, labelledBy, emptyText }: InputTableProps) {
  const { t } = useTranslation('inputs');
  const { tabId, onKeyDown } = useRowKeys(rows, selectedId, onSelect);
  return (
    <div className="table-screen-scroller in-scroller">
      <table className="table-screen-table in-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('column.title')}</th>
            <th scope="col" className="in-col-source">
              {t('column.source')}
            </th>
            <th scope="col" className="in-col-date">
              {t('column.received')}
            </th>
            <th scope="col" className="in-col-channel">
              {t('column.channel')}
            </th>
            <th scope="col" className="in-col-disposition">
              {t('column.disposition')}
            </th>
            <th scope="col" className="in-col-links">
              {t('column.links')}
            </th>
            <th scope="col" className="in-col-files">
              {t('column.files')}
            </th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={7} className="table-screen-empty">
                {emptyText}
              </td>
            </tr>
          ) : (
            rows.map((r) => <InputRow key={r.id} input={r} selected={r.id === selectedId} tabbable={r.id === tabId} onSelect={onSelect} />)
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  input: ConsultationInput;
  selected: boolean;
  tabbable: boolean;
  onSelect: (id: string) => void;
}

const InputRow = memo(function InputRow({ input: r, selected, tabbable, onSelect }: RowProps) {
  const { t } = useTranslation('inputs');
  const { t: app } = useTranslation();
  const format = useFormat();
  const links = [
    r.sectionIds.length ? t('count.sections', { count: r.sectionIds.length }) : '',
    r.recommendationIds.length ? t('count.recommendations', { count: r.recommendationIds.length }) : '',
  ].filter(Boolean);
  return (
    <tr id={`input-row-${r.id}`} className={selected ? 'table-screen-selected' : undefined} onClick={() => onSelect(r.id)}>
      <th scope="row" className="in-title">
        <button
          type="button"
          className="table-screen-row-button in-title-button"
          data-row-id={r.id}
          tabIndex={tabbable ? 0 : -1}
          aria-pressed={selected}
          aria-label={t('select', { title: r.title })}
          onClick={() => onSelect(r.id)}
          dir="auto"
        >
          {r.title}
        </button>
        {r.themes.length ? (
          <div className="muted table-screen-line" dir="auto">
            {r.themes.join(', ')}
          </div>
        ) : null}
      </th>
      <td>
        {r.sourceOrganizationName ? (
          <>
            <div className="in-clamp" dir="auto">
              {r.sourceOrganizationName}
            </div>
            {r.sourceKind ? <div className="muted">{app(`orgKind.${r.sourceKind}`)}</div> : null}
          </>
        ) : (
          <span className="table-screen-none">{t('noSource')}</span>
        )}
      </td>
      <td className="in-date">{r.receivedOn ? format.date(r.receivedOn) : <span className="table-screen-none">{t('undated')}</span>}</td>
      <td>{t(`channel.${r.channel}`)}</td>
      <td>
        <DispositionBadge disposition={r.disposition} />
      </td>
      <td>{links.length ? links.join(', ') : <span className="table-screen-none">{t('nothingLinked')}</span>}</td>
      <td className="in-num">{format.number(r.attachments.length)}</td>
    </tr>
  );
});
