// The comments of the open report (or of one section), kept fresh (useLiveLoad): loaded once, and
// again whenever comments (or the sections, people and organizations whose names they show) change,
// here or in another window. The matrix shows them all; a section's margin shows its own.
import { useCallback } from 'react';
import type { ReviewComment } from '../../../shared/domain.js';
import { call } from '../../api/client.js';
import { changedAny, useLiveLoad } from '../../app/useLiveLoad.js';

const whenChanged = changedAny(new Set(['comments', 'sections', 'members', 'organizations']));

export interface CommentsState {
  /** null until the first load has answered. */
  comments: ReviewComment[] | null;
  error: string | null;
  reload: () => Promise<void>;
}

export function useComments(sectionId?: string): CommentsState {
  const fetch = useCallback(() => call('comments.list', sectionId ? { sectionId } : {}), [sectionId]);
  const { value, error, reload } = useLiveLoad(fetch, whenChanged);
  return { comments: value, error, reload };
}
