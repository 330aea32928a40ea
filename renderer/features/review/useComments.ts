// The comments of the open report (or of one section), kept fresh: loaded once, and again whenever
// comments (or the sections, people and organizations whose names they show) change, here or in
// another window. Loads asked for while one runs fold into one more, so a burst of changes costs at
// most two. The matrix shows them all; a section's margin shows its own.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiEvent } from '../../../shared/api.js';
import type { ReviewComment } from '../../../shared/domain.js';
import { call, onEvent } from '../../api/client.js';
import { useFoldedLoad } from '../../api/useFoldedLoad.js';
import { messageOf } from '../../app/errors.js';

const SHOWN_WITH_COMMENTS = new Set(['comments', 'sections', 'members', 'organizations']);

export interface CommentsState {
  /** null until the first load has answered. */
  comments: ReviewComment[] | null;
  error: string | null;
  reload: () => Promise<void>;
}

export function useComments(sectionId?: string): CommentsState {
  const [comments, setComments] = useState<ReviewComment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);

  const loadOnce = useCallback(async () => {
    try {
      const list = await call('comments.list', sectionId ? { sectionId } : {});
      if (mounted.current) {
        setComments(list);
        setError(null);
      }
    } catch (e) {
      if (mounted.current) setError(messageOf(e));
    }
  }, [sectionId]);
  const reload = useFoldedLoad(loadOnce);

  useEffect(() => {
    mounted.current = true;
    void reload();
    const stop = onEvent((event: ApiEvent) => {
      if (event.kind === 'changed' && event.what.some((w) => SHOWN_WITH_COMMENTS.has(w))) void reload();
    });
    return () => {
      mounted.current = false;
      stop();
    };
  }, [reload]);

  return { comments, error, reload };
}
