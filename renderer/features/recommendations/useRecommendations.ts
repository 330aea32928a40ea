// The report's recommendations, kept fresh: loaded once, and again whenever they change here or in
// another window. The sections addressing one derive from the text, so the view also reloads when
// text changes (`withText`): the list call reads the text afresh, so one load once the typing
// settles is enough (a "words" event may never come when another load already brought the text
// cache up to date). The editor's citing dialog needs only numbers and texts. The list carries no
// plans or notes: those of the one shown come with `useFollowUp`.
import type { ApiEvent } from '../../../shared/api.js';
import { useCallback, useMemo } from 'react';
import type { Recommendation, RecommendationFollowUp } from '../../../shared/domain.js';
import { call, onEvent, transportGeneration } from '../../api/client.js';
import { useLiveLoad, type Freshness } from '../../app/useLiveLoad.js';
import { sortByNumber } from './recommendationRows.js';

const LIST_ONLY = new Set(['recommendations']);
const WITH_TEXT = new Set(['recommendations', 'sections', 'words', 'organizations']);

export interface RecommendationsState {
  /** null until the first load has answered; in number order. */
  recommendations: Recommendation[] | null;
  error: string | null;
  reload: () => Promise<void>;
}

const fetchSorted = async () => sortByNumber(await call('recommendations.list', {}));
const listOnly = (event: ApiEvent): Freshness => (event.kind === 'changed' && event.what.some((w) => LIST_ONLY.has(w)) ? 'now' : null);
const withTextToo = (event: ApiEvent): Freshness =>
  event.kind === 'changed' && event.what.some((w) => WITH_TEXT.has(w)) ? 'now' : event.kind === 'text' ? 'settle' : null;

/**
 * The list the Recommendations view last loaded, for one report through one connection: when the
 * view is opened again and no change it depends on was announced meanwhile (the report closed, a
 * recommendation, a section, its text, an organization), it is shown as it is rather than fetched
 * again. Thousands of recommendations fetched at every opening cost the time of the fetch and,
 * after it, the page's pauses to collect the list it replaced. It is first loaded once the
 * report's first screen is drawn (`warmRecommendations`), so the view's first opening finds it too; a load
 * still under way is waited for, not started twice. A change announced while it loads, or a failed
 * load, leaves nothing kept.
 */
let kept: { key: string; list: Promise<Recommendation[]>; fresh: boolean; stop: () => void } | null = null;

const keyOf = (reportId: string) => `${transportGeneration()} ${reportId}`;

function keptList(key: string): Promise<Recommendation[]> {
  if (kept?.key === key && kept.fresh) return kept.list;
  kept?.stop();
  const entry = { key, list: fetchSorted(), fresh: true, stop: () => {} };
  entry.stop = onEvent((event) => {
    if (event.kind === 'closed' || withTextToo(event) !== null) entry.fresh = false;
  });
  entry.list.catch(() => {
    entry.fresh = false;
  });
  kept = entry;
  return entry.list;
}

/**
 * Loads the report's recommendations for the Recommendations view as soon as the report's first
 * screen is drawn (the server answers while the person looks at it); returns what cancels it.
 */
export function warmRecommendations(reportId: string): () => void {
  const key = keyOf(reportId);
  const handle = setTimeout(() => void keptList(key).catch(() => {}), 0);
  return () => clearTimeout(handle);
}

export function useRecommendations({ withText = false, keepFor }: { withText?: boolean; keepFor?: string } = {}): RecommendationsState {
  const key = keepFor === undefined ? null : keyOf(keepFor);
  const fetch = useCallback(() => (key === null ? fetchSorted() : keptList(key)), [key]);
  // An announced change makes the kept list stale before this view's own load asks for it.
  const freshness = useCallback(
    (event: ApiEvent): Freshness => {
      const when = withText ? withTextToo(event) : listOnly(event);
      if (when !== null && kept?.key === key) kept.fresh = false;
      return when;
    },
    [withText, key],
  );
  const { value, error, reload } = useLiveLoad(fetch, freshness);
  // Asked for after a change made here: fetched, never the kept one.
  const reloadNow = useCallback(() => {
    if (kept?.key === key) kept.fresh = false;
    return reload();
  }, [key, reload]);
  return { recommendations: value, error, reload: reloadNow };
}

/**
 * The plan and progress notes of the recommendation shown, kept fresh as the list is. Null while
 * they load, and for another recommendation than `id` (the last one's answer is never shown as this one's).
 */
export function useFollowUp(id: string | null): { followUp: RecommendationFollowUp | null; reload: () => Promise<void> } {
  const fetchOne = useCallback(async () => (id === null ? null : call('recommendations.get', { id })), [id]);
  const { value, reload } = useLiveLoad(fetchOne, listOnly);
  const followUp = useMemo(() => (value && value.id === id ? { actions: value.actions, indicators: value.indicators, notes: value.notes } : null), [value, id]);
  return { followUp, reload };
}
