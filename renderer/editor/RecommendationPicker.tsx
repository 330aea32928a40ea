// The "cite a recommendation" dialog: a search box over the report's recommendations (a number or
// words), a list that follows it, arrow keys to choose and Enter to insert. A combobox in the ARIA
// sense: focus stays in the box and the chosen option is pointed at with aria-activedescendant.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Dialog, Heading, Modal } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Recommendation } from '../../shared/domain.js';
import { matchesSearch } from '../features/recommendations/recommendationRows.js';
import './recommendation-ref.css';

/** How many matches the list shows; typing more narrows it. */
const SHOWN = 50;

export interface RecommendationPickerProps {
  recommendations: readonly Recommendation[] | null;
  onPick: (number: string) => void;
  onClose: () => void;
}

export function RecommendationPicker({ recommendations, onPick, onClose }: RecommendationPickerProps) {
  const { t } = useTranslation('recommendations');
  const { t: editor } = useTranslation('editor');
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const box = useRef<HTMLInputElement>(null);
  // After the dialog's own focus handling (its effects run before this one): the search box has it.
  useEffect(() => box.current?.focus(), []);
  const matches = useMemo(() => (recommendations ?? []).filter((r) => matchesSearch(r, query)), [recommendations, query]);
  const shown = matches.slice(0, SHOWN);
  const current = shown[Math.min(active, shown.length - 1)];

  const pick = (r: Recommendation | undefined) => {
    if (!r) return;
    onPick(r.number);
    onClose();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1;
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = Math.min(active + 1, last);
    else if (e.key === 'ArrowUp') next = Math.max(active - 1, 0);
    else if (e.key === 'PageDown') next = Math.min(active + 8, last);
    else if (e.key === 'PageUp') next = Math.max(active - 8, 0);
    else if (e.key === 'Enter') {
      e.preventDefault();
      pick(current);
      return;
    }
    if (next === null || last < 0) return;
    e.preventDefault();
    setActive(next);
    document.getElementById(`${id}-${next}`)?.scrollIntoView({ block: 'nearest' });
  };

  const empty = recommendations !== null && recommendations.length === 0;
  return (
    <Modal isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="ed-modal">
      <Dialog className="ed-dialog rec-picker">
        <Heading slot="title">{t('cite.title')}</Heading>
        <label htmlFor={`${id}-search`}>{t('cite.search')}</label>
        <input
          ref={box}
          id={`${id}-search`}
          className="rec-picker-search"
          role="combobox"
          aria-expanded={shown.length > 0}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={current ? `${id}-${shown.indexOf(current)}` : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <p id={`${id}-hint`} className="rec-picker-hint">
          {t('cite.searchHint')}
        </p>
        <ul id={`${id}-list`} role="listbox" aria-label={t('cite.results')} className="rec-picker-list">
          {shown.map((r, i) => (
            <li
              key={r.id}
              id={`${id}-${i}`}
              role="option"
              aria-selected={r === current}
              className={`rec-picker-option${r === current ? ' rec-picker-active' : ''}`}
              onMouseMove={() => setActive(i)}
              onClick={() => pick(r)}
            >
              <span className="rec-picker-number">{r.number}</span>
              <span className="rec-picker-text" dir="auto">
                {r.text}
              </span>
            </li>
          ))}
        </ul>
        <p className="rec-picker-note" role="status">
          {empty
            ? t('cite.noneImported')
            : recommendations !== null && shown.length === 0
              ? t('cite.noMatch')
              : matches.length > SHOWN
                ? t('cite.more', { count: matches.length - SHOWN })
                : ''}
        </p>
        <div className="ed-dialog-actions">
          <Button onPress={onClose}>{editor('cancel')}</Button>
          <Button className="primary" isDisabled={!current} onPress={() => pick(current)}>
            {t('cite.insert')}
          </Button>
        </div>
      </Dialog>
    </Modal>
  );
}
