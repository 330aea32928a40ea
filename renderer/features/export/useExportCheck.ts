// What the Export screen checks, kept fresh: loaded when the screen opens, and again whenever
// sections, their words, comments or the report settings change here or in another window. The
// check reads the text afresh, so text typed elsewhere asks for one load once the typing settles (a
// "words" event may never come when this load already brought the text cache up to date).
import type { ApiEvent, ExportCheck } from '../../../shared/api.js';
import { call } from '../../api/client.js';
import { useLiveLoad, type Freshness } from '../../app/useLiveLoad.js';

const SHOWN = new Set(['report', 'sections', 'words', 'comments']);

const fetchCheck = () => call('export.check', {});
const freshness = (event: ApiEvent): Freshness =>
  event.kind === 'changed' && event.what.some((w) => SHOWN.has(w)) ? 'now' : event.kind === 'text' ? 'settle' : null;

export function useExportCheck(): { check: ExportCheck | null; error: string | null } {
  const { value, error } = useLiveLoad(fetchCheck, freshness);
  return { check: value, error };
}
