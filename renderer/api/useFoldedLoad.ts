// Loads that follow events: a load asked for while one runs is folded into one more load after it,
// so a burst of changes costs at most two loads and answers never arrive out of order.
import { useCallback, useRef } from 'react';

export function useFoldedLoad(loadOnce: () => Promise<void>): () => Promise<void> {
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  return useCallback((): Promise<void> => {
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const run = async () => {
      do {
        again.current = false;
        await loadOnce();
      } while (again.current);
    };
    running.current = run().finally(() => {
      running.current = null;
    });
    return running.current;
  }, [loadOnce]);
}
