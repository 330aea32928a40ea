// The parts of a screen built around one table that the recommendations and the consultation inputs
// share: the tabs that switch between the list and another view of the same rows, with the list's
// count at their end, and the bar of filters with the button that clears them.
import type { ReactNode } from 'react';
import { Button, Tab, TabList, Tabs, type Key } from 'react-aria-components';
import './table-screen.css';

export interface TableModesProps<M extends string> {
  /** Names the tab list ("Show"). */
  label: string;
  modes: readonly { id: M; label: string }[];
  mode: M;
  onChange: (mode: M) => void;
  /** "Showing 12 of 215 recommendations", or '' while another mode is shown. */
  count: string;
  /** One TabPanel a mode, with the mode's id. */
  children: ReactNode;
}

export function TableModes<M extends string>({ label, modes, mode, onChange, count, children }: TableModesProps<M>) {
  return (
    <Tabs selectedKey={mode} onSelectionChange={(key: Key) => onChange(key as M)} className="table-screen-modes">
      <div className="table-screen-mode-bar">
        <TabList aria-label={label} className="table-screen-mode-tabs">
          {modes.map((m) => (
            <Tab key={m.id} id={m.id} className="table-screen-mode-tab">
              {m.label}
            </Tab>
          ))}
        </TabList>
        {/* The count of the list, said when the filters change it. */}
        <p className="table-screen-count" role="status">
          {count}
        </p>
      </div>
      {children}
    </Tabs>
  );
}

export interface TableFiltersProps {
  /** Names the group ("Filters"). */
  label: string;
  clearLabel: string;
  /** Whether any filter is set, so that there is something to clear. */
  canClear: boolean;
  onClear: () => void;
  className?: string;
  /** The fields, each with the class table-screen-filter. */
  children: ReactNode;
}

export function TableFilters({ label, clearLabel, canClear, onClear, className, children }: TableFiltersProps) {
  return (
    <div className={`table-screen-filters${className ? ` ${className}` : ''}`} role="group" aria-label={label}>
      {children}
      <Button className="button button-small button-quiet table-screen-clear" isDisabled={!canClear} onPress={onClear}>
        {clearLabel}
      </Button>
    </div>
  );
}

export interface LoadedProps {
  /** null until the first load has answered. */
  loaded: boolean;
  error: string | null;
  loadingText: string;
  /** Said instead of the content when nothing is there yet; the content is shown when absent. */
  emptyText?: string | null;
  children: ReactNode;
}

/** A screen's data in its three states: the load's error (above whatever is shown), loading, empty, or the content. */
export function Loaded({ loaded, error, loadingText, emptyText = null, children }: LoadedProps) {
  return (
    <>
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      {!loaded ? error ? null : <p className="loading">{loadingText}</p> : emptyText ? <p className="empty-note">{emptyText}</p> : children}
    </>
  );
}
