// What the window shows: the start screen, or the open report's workspace, kept fresh. Every
// 'changed' event reloads the workspace (coalesced, so a burst of changes costs one or two loads);
// 'closed' goes back to the start screen. The app menu's File ▸ New Report… arrives as a shell
// command on the same channel and is passed on to the start screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiEvent, ShellEvent } from '../../shared/api.js';
import type { Workspace } from '../../shared/domain.js';
import { call, onEvent } from '../api/client.js';
import { useFoldedLoad } from '../api/useFoldedLoad.js';
import { messageOf } from './errors.js';

export type Screen = { kind: 'loading' } | { kind: 'start' } | { kind: 'open'; workspace: Workspace };

// A reload must not lose the report this tab or window had open, nor make the person say again
// who they are: both are kept for the tab's lifetime and restored once, on the first load.
const TAB_KEY = 'upr.tab';
interface TabMemory {
  path?: string;
  memberId?: string;
}
function recall(): TabMemory {
  try {
    return JSON.parse(sessionStorage.getItem(TAB_KEY) ?? '{}') as TabMemory;
  } catch {
    return {};
  }
}
function remember(memory: TabMemory): void {
  sessionStorage.setItem(TAB_KEY, JSON.stringify(memory));
}

async function restoreTab(): Promise<void> {
  const memory = recall();
  if (!memory.path) return;
  try {
    const { path } = await call('app.current', {});
    if (path !== memory.path) await call('app.openReport', { path: memory.path });
    if (memory.memberId) await call('session.signIn', { memberId: memory.memberId });
  } catch {
    // The file moved or the member left: the start screen or the "who are you" list takes over.
  }
}

export function useReportSession() {
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [loadError, setLoadError] = useState<string | null>(null);
  /** Counts File ▸ New Report… commands, so the start screen can answer each one. */
  const [newReportRequests, setNewReportRequests] = useState(0);
  const restored = useRef(false);

  const loadOnce = useCallback(async () => {
    try {
      if (!restored.current) {
        restored.current = true;
        await restoreTab();
      }
      const { path } = await call('app.current', {});
      if (path === null) {
        remember({});
        setScreen({ kind: 'start' });
      } else {
        const workspace = await call('workspace.load', {});
        remember({ path: workspace.path, ...(workspace.me ? { memberId: workspace.me.id } : {}) });
        setScreen({ kind: 'open', workspace });
      }
      setLoadError(null);
    } catch (e) {
      setLoadError(messageOf(e));
      setScreen((s) => (s.kind === 'loading' ? { kind: 'start' } : s));
    }
  }, []);

  /** Reloads; calls made while a load runs are folded into one more load after it. */
  const refresh = useFoldedLoad(loadOnce);

  useEffect(() => {
    void refresh();
    return onEvent((received) => {
      // The Electron bridge also carries shell commands, which the API's event type leaves out.
      const event = received as ApiEvent | ShellEvent;
      if (event.kind === 'changed') void refresh();
      else if (event.kind === 'closed') setScreen({ kind: 'start' });
      else if (event.kind === 'command' && event.command === 'newReport') setNewReportRequests((n) => n + 1);
    });
  }, [refresh]);

  return { screen, refresh, loadError, newReportRequests };
}
