// The one search box of the report, in the header: section text, recommendations, consultation
// inputs and comments, found by the main process's full-text index as the person types, shown in
// groups by kind. A combobox in the ARIA sense, like the citing dialog's: focus stays in the box,
// arrows move through the hits (aria-activedescendant), Enter goes to the hit's place, Escape
// closes. Ctrl+Shift+F reaches the box from anywhere.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchResults } from '../../shared/api.js';
import { call } from '../api/client.js';
import { messageOf } from './errors.js';
import './search.css';

/** Hits per kind; the group says when there are more. */
const PER_KIND = 5;
/** Wait this long after a key before asking, so a burst of typing makes one query. */
const TYPING_PAUSE_MS = 120;

export interface SearchBoxProps {
  /** Takes the person to the hit: a section, a comment on its passage, a recommendation, an input. */
  onGo: (hit: SearchHit) => void;
}

export function SearchBox({ onGo }: SearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const box = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const asked = useRef(0);

  // Ask as the person types; only the answer to the latest question is shown.
  useEffect(() => {
    const q = query.trim();
    const ticket = ++asked.current;
    if (!q) {
      setResults(null);
      setError(null);
      return;
    }
    const timer = setTimeout(() => {
      call('search.query', { q, limit: PER_KIND }).then(
        (r) => {
          if (ticket !== asked.current) return;
          setResults(r);
          setError(null);
          setActive(0);
        },
        (e: unknown) => ticket === asked.current && setError(messageOf(e)),
      );
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  // Ctrl+Shift+F (Cmd+Shift+F): to the search box from anywhere, the editor included.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.code === 'KeyF') {
        e.preventDefault();
        box.current?.focus();
        box.current?.select();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const groups = useMemo(() => (results?.groups ?? []).filter((g) => g.hits.length > 0), [results]);
  const hits = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const total = hits.length;
  const current = total ? hits[Math.min(active, total - 1)] : undefined;
  const shown = open && query.trim() !== '' && (results !== null || error !== null);
  const optionId = (i: number) => `${id}-hit-${i}`;

  const go = useCallback(
    (hit: SearchHit | undefined) => {
      if (!hit) return;
      setOpen(false);
      onGo(hit);
    },
    [onGo],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      if (open && query) {
        e.preventDefault();
        setOpen(false);
      } else if (query) {
        e.preventDefault();
        setQuery('');
      }
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      go(current);
      return;
    }
    const last = total - 1;
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = open ? Math.min(active + 1, last) : active;
    else if (e.key === 'ArrowUp') next = Math.max(active - 1, 0);
    else if (e.key === 'PageDown') next = Math.min(active + PER_KIND, last);
    else if (e.key === 'PageUp') next = Math.max(active - PER_KIND, 0);
    if (next === null || last < 0) return;
    e.preventDefault();
    setOpen(true);
    setActive(next);
    document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
  };

  const status = !query.trim()
    ? ''
    : error
      ? error
      : results === null
        ? ''
        : total === 0
          ? t('search.none', { query: results.query })
          : t('search.found', { count: total });

  let index = -1;
  return (
    <div className="search" role="search">
      <label htmlFor={`${id}-box`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        ref={box}
        id={`${id}-box`}
        type="search"
        className="search-box"
        placeholder={t('search.placeholder')}
        role="combobox"
        aria-expanded={shown && total > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={shown && current ? optionId(hits.indexOf(current)) : undefined}
        aria-describedby={`${id}-status`}
        aria-keyshortcuts="Control+Shift+F"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-status`} className="visually-hidden" role="status">
        {status}
      </p>
      <div className="search-panel" hidden={!shown}>
        {error ? (
          <p className="search-note search-error">{error}</p>
        ) : total === 0 ? (
          <p className="search-note">{status}</p>
        ) : null}
        <div id={`${id}-list`} role="listbox" aria-label={t('search.results')} className="search-list" data-query={results?.query}>
          {groups.map((g) => (
            <div key={g.kind} role="group" aria-labelledby={`${id}-${g.kind}`} className="search-group">
              <div role="presentation" id={`${id}-${g.kind}`} className="search-group-title">
                {t(`search.kind.${g.kind}`)}
                <span className="search-group-count">{g.more ? t('search.more', { count: g.hits.length }) : g.hits.length}</span>
              </div>
              {g.hits.map((hit) => {
                index++;
                const i = index;
                const isActive = hit === current;
                return (
                  <div
                    key={`${hit.kind}-${hit.id}`}
                    id={optionId(i)}
                    role="option"
                    aria-selected={isActive}
                    className={`search-hit${isActive ? ' search-hit-active' : ''}`}
                    // Keep the focus in the box, so the click is not lost to the box's blur.
                    onMouseDown={(e) => e.preventDefault()}
                    onMouseMove={() => setActive(i)}
                    onClick={() => go(hit)}
                  >
                    <span className="search-hit-title" dir="auto">
                      {hit.title}
                    </span>
                    {hit.detail ? (
                      <span className="search-hit-detail" dir="auto">
                        {hit.detail}
                      </span>
                    ) : null}
                    <span className="search-hit-snippet" dir="auto">
                      {hit.snippet.map((part, k) => (part.hit ? <mark key={k}>{part.text}</mark> : <span key={k}>{part.text}</span>))}
                    </span>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
