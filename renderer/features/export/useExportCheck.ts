// What the Export screen checks, kept fresh: loaded when the screen opens, and again whenever
// sections, their words, comments or the report settings change here or in another window.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiEvent, ExportCheck } from '../../../shared/api.js';
import { call, onEvent } from '../../api/client.js';
import { useFoldedLoad } from '../../api/useFoldedLoad.js';
import { messageOf } from '../../app/errors.js';

const SHOWN = new Set(['report', 'sections', 'words', 'comments']);

export function useExportCheck(): { check: ExportCheck | null; error: string | null } {
  const [check, setCheck] = useState<ExportCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);

  const loadOnce = useCallback(async () => {
    try {
      const answer = await call('export.check', {});
      if (mounted.current) {
        setCheck(answer);
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
    const stop = onEvent((event: ApiEvent) => {
      if (event.kind === 'changed' && event.what.some((w) => SHOWN.has(w))) void reload();
    });
    return () => {
      mounted.current = false;
      stop();
    };
  }, [reload]);

  return { check, error };
}
