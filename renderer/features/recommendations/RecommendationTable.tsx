// The recommendations as a table, with the browser's own table semantics for screen readers. A
// cycle's UPR list (150 to 400) is all in the page, so find-in-page and printing see every row; a
// report with a longer list (several mechanisms: thousands), filtered or not, keeps only the rows in
// view and a few around them in the page (virtualized with @tanstack/react-virtual, as the comment
// matrix is), with spacer rows for the rest, and says each row's place (aria-rowindex of
// aria-rowcount). The number of a row is a button that shows the recommendation in full in the
// detail panel; one of them is in the tab order (the selected row's), and the arrow keys, Home and
// End move between them, scrolling a row not in the page into it first. Those who follow
// recommendations up also get a check box a row to choose many (Shift chooses every row between the
// last one ticked and this one) and one in the header for every row shown, for the bulk actions
// above the table; the selected row's check box is in the tab order too, and the arrow keys go from
// check box to check box.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { Fragment, memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addressedIn, clusterOf, type Recommendation } from '../../../shared/domain.js';
import { useRowKeys } from '../../widgets/useRowKeys.js';
import { PositionBadge, StatusText } from './badges.js';

/** A report with up to this many recommendations has all its rows in the page; beyond, only those in view (and the selected one). */
export const ALL_ROWS_UP_TO = 600;
/** A row's height before it is measured: two clamped lines of text and a cluster line. */
const ROW_ESTIMATE = 72;

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
  /** The recommendations chosen for a bulk action; without it the table has no check boxes. */
  chosen?: ReadonlySet<string>;
  /** Chooses or unchooses these rows. */
  onChoose?: (ids: readonly string[], on: boolean) => void;
  /** The number of the recommendation with this id, for "Same as 121.3"; undefined when it is not in the report. */
  sameAsNumber?: (id: string) => string | undefined;
  /** How many recommendations the report has, filtered or not: a long list stays virtualized when a filter shortens it. */
  total?: number;
}

export function RecommendationTable({
  rows,
  selectedId,
  onSelect,
  organizationName,
  sectionName,
  labelledBy,
  emptyText,
  chosen,
  onChoose,
  sameAsNumber,
  total = rows.length,
}: RecommendationTableProps) {
  const { t } = useTranslation('recommendations');
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => {
    const el = head.current;
    if (!el) return;
    const measure = () => setHeadHeight(el.offsetHeight);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);
  const selectedIndex = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId);
  const tabIndex = Math.max(0, selectedIndex);
  const virtual = Math.max(total, rows.length) > ALL_ROWS_UP_TO;
  // The rows in view, and the one in the tab order, so focus is never lost to the page.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (tabIndex < range.count && !indexes.includes(tabIndex)) {
        indexes.push(tabIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [tabIndex],
  );
  const itemKey = useCallback((i: number) => rows[i]?.id ?? i, [rows]);
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: itemKey,
    overscan: 8,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    rangeExtractor,
    // Rows on the first frame, before the scroller is measured: a window's worth.
    initialRect: { width: 1000, height: 800 },
    // A row's height as the resize observer reports it once laid out: asking the page on mounting
    // would lay it out early, and again for the frame. A row not laid out (the view hidden) keeps
    // its estimate rather than fold to zero.
    measureElement: (_el, entry) => entry?.borderBoxSize?.[0]?.blockSize || ROW_ESTIMATE,
  });
  const reveal = useCallback((index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }), [virtualizer]);
  const { tabId, onKeyDown } = useRowKeys(rows, selectedId, onSelect, reveal);
  // Shown from elsewhere (the search box, an input): brought into view when it is not in the page.
  useEffect(() => {
    if (selectedIndex < 0 || !virtual) return;
    const inPage = scroller.current?.querySelector(`tr[data-index="${selectedIndex}"]`);
    if (!inPage) virtualizer.scrollToIndex(selectedIndex, { align: 'center' });
  }, [selectedId]);
  // The last row ticked or unticked, where a Shift-click's range starts.
  const anchor = useRef<string | null>(null);
  const choosing = chosen !== undefined && onChoose !== undefined;
  const shownChosen = choosing ? rows.filter((r) => chosen.has(r.id)).length : 0;
  const choose = useCallback(
    (id: string, on: boolean, range: boolean) => {
      if (!onChoose) return;
      const from = range && anchor.current ? rows.findIndex((r) => r.id === anchor.current) : -1;
      const to = rows.findIndex((r) => r.id === id);
      if (from >= 0 && to >= 0) onChoose(rows.slice(Math.min(from, to), Math.max(from, to) + 1).map((r) => r.id), on);
      else onChoose([id], on);
      anchor.current = id;
    },
    [onChoose, rows],
  );
  const columns = choosing ? 9 : 8;
  const items = virtual ? virtualizer.getVirtualItems() : [];
  // The rows in the page, each with the room the rows left out above it take (the row in the tab
  // order may be far from the others); and the room of those left out below the last.
  let at = headHeight;
  const shown = virtual
    ? items.map((item) => {
        const gap = item.start - at;
        at = item.end;
        return { index: item.index, gap };
      })
    : rows.map((_, index) => ({ index, gap: 0 }));
  const after = items.length ? virtualizer.getTotalSize() + headHeight - at : 0;
  return (
    <div ref={scroller} className="table-screen-scroller rc-scroller">
      <table className={`table-screen-table rc-table${virtual ? ' rc-table-virtual' : ''}`} aria-labelledby={labelledBy} aria-rowcount={rows.length + 1}>
        <thead ref={head}>
          <tr aria-rowindex={1}>
            {choosing ? (
              <th scope="col" className="rc-col-choose">
                <input
                  type="checkbox"
                  aria-label={t('bulk.chooseShown', { count: rows.length })}
                  checked={rows.length > 0 && shownChosen === rows.length}
                  ref={(el) => {
                    if (el) el.indeterminate = shownChosen > 0 && shownChosen < rows.length;
                  }}
                  disabled={rows.length === 0}
                  onChange={(e) => onChoose(rows.map((r) => r.id), e.currentTarget.checked)}
                />
              </th>
            ) : null}
            <th scope="col" className="rc-col-number">{t('column.number')}</th>
            <th scope="col">{t('column.recommendation')}</th>
            {/* A treaty body or special procedure recommends, not a State: with any among the rows, "Recommended by". */}
            <th scope="col" className="rc-col-states">{rows.some((r) => r.origin.mechanism !== 'upr') ? t('detail.states') : t('column.states')}</th>
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
              <td colSpan={columns} className="table-screen-empty">
                {emptyText}
              </td>
            </tr>
          ) : (
            <>
              {shown.map(({ index, gap }) => {
                const r = rows[index]!;
                return (
                  <Fragment key={r.id}>
                    {gap > 0 ? <tr aria-hidden="true" className="rc-spacer" style={{ blockSize: gap }} /> : null}
                    <RecommendationRow
                      r={r}
                      index={index}
                      measure={virtual ? virtualizer.measureElement : undefined}
                      selected={r.id === selectedId}
                      tabbable={r.id === tabId}
                      onSelect={onSelect}
                      organization={organizationName(r.responsibleOrganizationId)}
                      sectionName={sectionName}
                      chosen={choosing ? chosen.has(r.id) : null}
                      onChoose={choose}
                      sameAs={r.sameAs ? sameAsNumber?.(r.sameAs) : undefined}
                    />
                  </Fragment>
                );
              })}
              {after > 0 ? <tr aria-hidden="true" className="rc-spacer" style={{ blockSize: after }} /> : null}
            </>
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  r: Recommendation;
  /** Its place in the rows shown (0 for the first). */
  index: number;
  /** Measures the row's height, for the virtualizer (when the list is long enough to have one). */
  measure: ((el: HTMLTableRowElement | null) => void) | undefined;
  selected: boolean;
  tabbable: boolean;
  onSelect: (id: string) => void;
  organization: string;
  sectionName: (id: string) => SectionName | undefined;
  /** Whether the row is chosen for a bulk action; null when the table has no check boxes. */
  chosen: boolean | null;
  onChoose: (id: string, on: boolean, range: boolean) => void;
  /** The number of the recommendation it repeats. */
  sameAs: string | undefined;
}

const RecommendationRow = memo(function RecommendationRow({ r, index, measure, selected, tabbable, onSelect, organization, sectionName, chosen, onChoose, sameAs }: RowProps) {
  const { t } = useTranslation('recommendations');
  const sections = addressedIn(r)
    .map(sectionName)
    .filter((s): s is SectionName => s !== undefined);
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      className={[selected ? 'table-screen-selected' : '', chosen ? 'rc-chosen' : ''].filter(Boolean).join(' ') || undefined}
      onClick={() => onSelect(r.id)}
    >
      {chosen !== null ? (
        <td className="rc-choose" onClick={(e) => e.stopPropagation()}>
          <input
            type="checkbox"
            aria-label={t('bulk.choose', { number: r.number })}
            data-row-id={r.id}
            data-row-kind="choose"
            // One check box in the tab order, the selected row's, as with the numbers.
            tabIndex={tabbable ? 0 : -1}
            checked={chosen}
            onClick={(e) => onChoose(r.id, e.currentTarget.checked, e.shiftKey)}
            onKeyDown={(e) => {
              // Space with Shift chooses the range too, as a Shift-click does.
              if (e.key === ' ' && e.shiftKey) {
                e.preventDefault();
                onChoose(r.id, !chosen, true);
              }
            }}
            onChange={() => {}}
          />
        </td>
      ) : null}
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
        {clusterOf(r) ? (
          <div className="muted table-screen-line" dir="auto">
            {clusterOf(r)}
          </div>
        ) : null}
        {sameAs ? <div className="muted table-screen-line">{t('sameAsLine', { number: sameAs })}</div> : null}
      </td>
      <td>
        {r.origin.mechanism === 'upr' ? (
          <div className="rc-clamp" dir="auto">
            {r.states.join(', ')}
          </div>
        ) : (
          // A treaty body or special procedure recommends, not a State: its body, and which mechanism.
          <>
            <div className="rc-clamp" dir="auto">
              {r.origin.body}
            </div>
            <div className="muted table-screen-line">{t(`mechanismShort.${r.origin.mechanism}`)}</div>
          </>
        )}
      </td>
      <td>{r.origin.mechanism === 'upr' ? <PositionBadge position={r.position} /> : null}</td>
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
