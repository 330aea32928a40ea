// The report's consultation inputs, kept fresh: loaded once, and again whenever they change here or
// in another window, or when what they name changes (an organization renamed, a section or a
// recommendation deleted drops its links). Loads asked for while one runs fold into one more.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiEvent } from '../../../shared/api.js';
import type { ConsultationInput } from '../../../shared/domain.js';
import { call, onEvent } from '../../api/client.js';
import { useFoldedLoad } from '../../api/useFoldedLoad.js';
import { messageOf } from '../../app/errors.js';

const SHOWN = new Set(['inputs', 'organizations', 'sections', 'recommendations']);

export interface InputsState {
  /** null until the first load has answered; in the order the service gives (date received). */
  inputs: ConsultationInput[] | null;
  error: string | null;
  reload: () => Promise<void>;
}

export function useInputs(): InputsState {
  const [inputs, setInputs] = useState<ConsultationInput[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);

  const loadOnce = useCallback(async () => {
    try {
      const list = await call('inputs.list', {});
      if (mounted.current) {
        setInputs(list);
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

  return { inputs, error, reload };
}
