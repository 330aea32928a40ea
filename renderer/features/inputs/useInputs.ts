// The report's consultation inputs, kept fresh: loaded once, and again whenever they change here or
// in another window, or when what they name changes (an organization renamed, a section or a
// recommendation deleted drops its links).
import type { ConsultationInput } from '../../../shared/domain.js';
import { call } from '../../api/client.js';
import { changedAny, useLiveLoad } from '../../app/useLiveLoad.js';

const fetchInputs = () => call('inputs.list', {});
const whenChanged = changedAny(new Set(['inputs', 'organizations', 'sections', 'recommendations']));

export interface InputsState {
  /** null until the first load has answered; in the order the service gives (date received). */
  inputs: ConsultationInput[] | null;
  error: string | null;
  reload: () => Promise<void>;
}

export function useInputs(): InputsState {
  const { value, error, reload } = useLiveLoad(fetchInputs, whenChanged);
  return { inputs: value, error, reload };
}
