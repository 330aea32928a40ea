// A value read from the main process and kept fresh: loaded once, and again whenever an event says
// it changed, here or in another window. Loads asked for while one runs fold into one more (see
// useFoldedLoad), so a burst of changes costs at most two and answers never arrive out of order.
// Text typed elsewhere can ask for a load once the typing settles instead of at every keystroke.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiEvent } from '../../shared/api.js';
import { onEvent } from '../api/client.js';
import { useFoldedLoad } from '../api/useFoldedLoad.js';
import { messageOf } from './errors.js';

/** What an event means for the value: load it again now, once events settle, or not at all. */
export type Freshness = 'now' | 'settle' | null;

export interface LiveLoad<T> {
  /** null until the first load has answered. */
  value: T | null;
  error: string | null;
  reload: () => Promise<void>;
}

/** Reloads on `changed` events naming any of `what`. */
export function changedAny(what: ReadonlySet<string>): (event: ApiEvent) => Freshness {
  return (event) => (event.kind === 'changed' && event.what.some((w) => what.has(w)) ? 'now' : null);
}

/**
 * `fetch` and `freshness` must keep their identity between renders (useCallback, or defined outside
 * the component): a new `fetch` starts over.
 */
export function useLiveLoad<T>(fetch: () => Promise<T>, freshness: (event: ApiEvent) => Freshness, settleMs = 1200): LiveLoad<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);

  const loadOnce = useCallback(async () => {
    try {
      const next = await fetch();
      if (mounted.current) {
        setValue(next);
        setError(null);
      }
    } catch (e) {
      if (mounted.current) setError(messageOf(e));
    }
  }, [fetch]);
  const reload = useFoldedLoad(loadOnce);

  useEffect(() => {
    mounted.current = true;
    void reload();
    let settle: ReturnType<typeof setTimeout> | null = null;
    const stop = onEvent((event: ApiEvent) => {
      const when = freshness(event);
      if (when === 'now') void reload();
      else if (when === 'settle') {
        if (settle) clearTimeout(settle);
        settle = setTimeout(() => void reload(), settleMs);
      }
    });
    return () => {
      mounted.current = false;
      if (settle) clearTimeout(settle);
      stop();
    };
  }, [reload, freshness, settleMs]);

  return { value, error, reload };
}
