// The matrix's table: a grid (for screen readers: row n of N, sorted columns) whose rows are
// virtualized, so only the rows in view (and the one holding focus) are in the page. One row at a
// time is in the tab order; arrow keys, Page Up/Down, Home and End move between rows, Enter follows
// the comment to its passage, and the focused row is the one the detail panel shows.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ReviewComment } from '../../../shared/domain.js';
import { movedIndex, type MatrixSort, type SortKey } from './matrixRows.js';
import { COLUMN_TEMPLATE, COLUMNS, MatrixRow, ROW_HEIGHT } from './MatrixRow.js';

export interface MatrixGridProps {
  rows: readonly ReviewComment[];
  /** The focused (selected) comment's id, or null before any row was focused. */
  activeId: string | null;
  onActivate: (id: string) => void;
  onFollow: (comment: ReviewComment) => void;
  sort: MatrixSort;
  onSort: (key: SortKey) => void;
  formatDate: (iso: string) => string;
  labelledBy: string;
  describedBy: string;
  emptyText: string;
  /** Changes when the person changes the filters or the order (not when comments reload). */
  viewKey: string;
}

export function MatrixGrid({
  rows,
  activeId,
  onActivate,
  onFollow,
  sort,
  onSort,
  formatDate,
  labelledBy,
  describedBy,
  emptyText,
  viewKey,
}: MatrixGridProps) {
  const { t } = useTranslation('matrix');
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const [headHeight, setHeadHeight] = useState(0);
  const found = activeId === null ? -1 : rows.findIndex((r) => r.id === activeId);
  // The row in the tab order: the selected one, else the first.
  const tabIndex = Math.max(0, found);
  /** A row to focus once it is rendered (after a key press moved to it). */
  const focusNext = useRef<number | null>(null);

  useLayoutEffect(() => {
    const el = head.current;
    if (!el) return;
    const measure = () => setHeadHeight(el.offsetHeight);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  // The focused row stays rendered when it scrolls out of view, so focus is never lost to the page.
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

  // Stable while the rows are: the virtualizer lays out all 10,000 again when it changes.
  const itemKey = useCallback((i: number) => rows[i]?.id ?? i, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: itemKey,
    overscan: 6,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    rangeExtractor,
  });

  // A new filter or order: the selected comment stays in view if it is still listed, else the top.
  const shownView = useRef(viewKey);
  useEffect(() => {
    if (shownView.current === viewKey) return;
    shownView.current = viewKey;
    if (found >= 0) virtualizer.scrollToIndex(found, { align: 'center' });
    else virtualizer.scrollToOffset(0);
  }, [viewKey, found, virtualizer]);

  useEffect(() => {
    const index = focusNext.current;
    if (index === null) return;
    focusNext.current = null;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus({ preventScroll: true });
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row || row !== e.target) return;
    const index = Number(row.dataset.index);
    if (e.key === 'Enter') {
      e.preventDefault();
      const comment = rows[index];
      if (comment) onFollow(comment);
      return;
    }
    const page = Math.floor(((scroller.current?.clientHeight ?? 0) - headHeight) / ROW_HEIGHT) - 1;
    const next = movedIndex(e.key, index, rows.length, page);
    if (next === null) return;
    e.preventDefault();
    focusNext.current = next;
    onActivate(rows[next]!.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const style = { '--mx-columns': COLUMN_TEMPLATE } as CSSProperties;
  return (
    <div
      ref={scroller}
      role="grid"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-rowcount={Math.max(rows.length, 1) + 1}
      aria-colcount={COLUMNS.length}
      className="mx-grid"
      style={style}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="mx-head" ref={head}>
        <div role="row" aria-rowindex={1} className="mx-row mx-head-row">
          {COLUMNS.map((col) => {
            const sorted = col.sort !== undefined && sort.key === col.sort;
            return (
              <div key={col.id} role="columnheader" aria-sort={sorted ? sort.direction : undefined} className="mx-cell mx-header">
                {col.sort ? (
                  <Button className={`mx-sort${sorted ? ' mx-sorted' : ''}`} onPress={() => onSort(col.sort!)}>
                    <span>{t(`column.${col.id}`)}</span>
                    <span aria-hidden="true" className="mx-sort-mark">
                      {sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </Button>
                ) : (
                  t(`column.${col.id}`)
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="mx-body" style={{ blockSize: Math.max(virtualizer.getTotalSize(), ROW_HEIGHT) }}>
        {rows.length === 0 ? (
          <div role="row" aria-rowindex={2} className="mx-row mx-empty-row">
            <div role="gridcell" aria-colspan={COLUMNS.length} className="mx-cell mx-empty">
              {emptyText}
            </div>
          </div>
        ) : (
          virtualizer.getVirtualItems().map((item) => {
            const comment = rows[item.index]!;
            return (
              <MatrixRow
                key={comment.id}
                comment={comment}
                index={item.index}
                top={item.start - headHeight}
                active={item.index === tabIndex}
                selected={item.index === found}
                formatDate={formatDate}
                onFocusRow={onActivate}
                onFollow={onFollow}
              />
            );
          })
        )}
      </div>
    </div>
  );
}
