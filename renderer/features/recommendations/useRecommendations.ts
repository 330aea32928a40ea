// The report's recommendations, kept fresh: loaded once, and again whenever they change here or in
// another window. The sections addressing one derive from the text, so the view also reloads when
// text changes (`withText`): the list call reads the text afresh, so one load once the typing
// settles is enough (a "words" event may never come when another load already brought the text
// cache up to date). The editor's citing dialog needs only numbers and texts. The list carries no
// plans or notes: those of the one shown come with `useFollowUp`.
import type { ApiEvent } from '../../../shared/api.js';
import { useCallback, useMemo } from 'react';
import type { Recommendation, RecommendationFollowUp } from '../../../shared/domain.js';
import { call } from '../../api/client.js';
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

export function useRecommendations({ withText = false }: { withText?: boolean } = {}): RecommendationsState {
  const { value, error, reload } = useLiveLoad(fetchSorted, withText ? withTextToo : listOnly);
  return { recommendations: value, error, reload };
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
