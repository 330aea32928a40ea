// Keyboard moves through a table whose rows each have one button that selects the row (an input's
// title, a recommendation's number). Only one of those buttons is in the tab order: the selected
// row's, or the first row's while the selected one is filtered out. The arrow keys, Home and End
// select another row, focus its button and scroll it into view; at either end the key is left to
// the browser. The buttons carry `data-row-id`; `onKeyDown` goes on the table's tbody. A row may
// have a second control the keys move along (a check box): it carries `data-row-id` too and a
// `data-row-kind`, and from it the keys go to the same kind of control in the next row. A table
// that keeps only the rows in view in the page (virtualized) passes `reveal`: a row not in the page
// is scrolled to first, and focused once it is rendered.
import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface RowKeys {
  /** The row whose button is in the tab order (tabIndex 0; the others -1). */
  tabId: string | null;
  onKeyDown: (e: KeyboardEvent<HTMLTableSectionElement>) => void;
}

const controlOf = (body: HTMLElement, id: string, kind: string) =>
  [...body.querySelectorAll<HTMLElement>(`[data-row-id="${CSS.escape(id)}"]`)].find((el) => (el.dataset.rowKind ?? '') === kind);

export function useRowKeys(
  rows: readonly { id: string }[],
  selectedId: string | null,
  onSelect: (id: string) => void,
  reveal?: (index: number) => void,
): RowKeys {
  const tabId = rows.some((r) => r.id === selectedId) ? selectedId : (rows[0]?.id ?? null);
  // A control to focus once its row is rendered (after `reveal` scrolled to it).
  const pending = useRef<{ body: HTMLElement; id: string; kind: string } | null>(null);
  useEffect(() => {
    const want = pending.current;
    if (!want) return;
    const target = controlOf(want.body, want.id, want.kind);
    if (!target) return;
    pending.current = null;
    target.focus({ preventScroll: true });
  });
  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const button = (e.target as HTMLElement).closest<HTMLElement>('[data-row-id]');
    if (!button) return;
    const index = rows.findIndex((r) => r.id === button.dataset.rowId);
    const next =
      e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? rows.length - 1 : null;
    if (next === null || index < 0 || next < 0 || next >= rows.length) return;
    e.preventDefault();
    const id = rows[next]!.id;
    onSelect(id);
    const kind = button.dataset.rowKind ?? '';
    const target = controlOf(e.currentTarget, id, kind);
    if (target) {
      target.focus();
      target.scrollIntoView({ block: 'nearest' });
    } else if (reveal) {
      pending.current = { body: e.currentTarget, id, kind };
      reveal(next);
    }
  };
  return { tabId, onKeyDown };
}
