// The open report as every screen of the workspace sees it, and the one way screens change it:
// run the call, say in the status bar that it worked or why it did not, then reload.
import { createContext, useCallback, useContext } from 'react';
import type { Workspace } from '../../shared/domain.js';
import { useAnnounce } from './Announcer.js';
import { messageOf } from './errors.js';

export interface WorkspaceValue {
  workspace: Workspace;
  refresh: () => Promise<void>;
}

export const WorkspaceContext = createContext<WorkspaceValue | null>(null);

export function useWorkspace(): WorkspaceValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace is used outside a workspace');
  return value;
}

/** Runs a change; resolves to its result, or undefined when it failed (the reason is announced). */
export function useChange() {
  const { refresh } = useWorkspace();
  const announce = useAnnounce();
  return useCallback(
    async <T,>(action: () => Promise<T>, done?: string): Promise<T | undefined> => {
      try {
        const result = await action();
        if (done) announce(done);
        return result;
      } catch (e) {
        announce(messageOf(e), 'error');
        return undefined;
      } finally {
        await refresh();
      }
    },
    [announce, refresh],
  );
}

/** After a change made in a dialog (which shows its own errors): say that it worked, and reload. */
export function useChanged() {
  const { refresh } = useWorkspace();
  const announce = useAnnounce();
  return useCallback(
    async (done: string) => {
      announce(done);
      await refresh();
    },
    [announce, refresh],
  );
}
