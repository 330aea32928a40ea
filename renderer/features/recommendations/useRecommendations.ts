// The report's recommendations, kept fresh: loaded once, and again whenever they change here or in
// another window. The sections addressing one derive from the text, so the view also reloads when
// text changes (`withText`); the editor's citing dialog needs only numbers and texts. Loads asked
// for while one runs fold into one more.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiEvent } from '../../../shared/api.js';
import type { Recommendation } from '../../../shared/domain.js';
import { call, onEvent } from '../../api/client.js';
import { useFoldedLoad } from '../../api/useFoldedLoad.js';
import { messageOf } from '../../app/errors.js';
import { sortByNumber } from './recommendationRows.js';

const LIST_ONLY = new Set(['recommendations']);
const WITH_TEXT = new Set(['recommendations', 'sections', 'words', 'organizations']);
const TEXT_SETTLE_MS = 1200;

export interface RecommendationsState {
  /** null until the first load has answered; in number order. */
  recommendations: Recommendation[] | null;
  error: string | null;
  reload: () => Promise<void>;
}

export function useRecommendations({ withText = false }: { withText?: boolean } = {}): RecommendationsState {
  const [recommendations, setRecommendations] = useState<Recommendation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);

  const loadOnce = useCallback(async () => {
    try {
      const list = await call('recommendations.list', {});
      if (mounted.current) {
        setRecommendations(sortByNumber(list));
        setError(null);
      }
    } catch (e) {
      if (mounted.current) setError(messageOf(e));
    }
  }, []);
  const reload = useFoldedLoad(loadOnce);

  useEffect(() => {
    mounted.current = true;
    void reload();
    const shown = withText ? WITH_TEXT : LIST_ONLY;
    let settle: ReturnType<typeof setTimeout> | null = null;
    const stop = onEvent((event: ApiEvent) => {
      if (event.kind === 'changed' && event.what.some((w) => shown.has(w))) void reload();
      // Text typed in another window may cite or drop a reference; the list call reads the text
      // afresh, so one load once the typing settles is enough (a "words" event may never come
      // when another load already brought the text cache up to date).
      else if (withText && event.kind === 'text') {
        if (settle) clearTimeout(settle);
        settle = setTimeout(() => void reload(), TEXT_SETTLE_MS);
      }
    });
    return () => {
      mounted.current = false;
      if (settle) clearTimeout(settle);
      stop();
    };
  }, [reload, withText]);

  return { recommendations, error, reload };
}
