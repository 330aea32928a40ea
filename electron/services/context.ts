import type { Member } from '../../shared/domain.js';
import type { OpenReport } from '../store/open-report.js';

/** What every service call gets: the open report and the member making the call (if any). */
export interface ServiceContext {
  report: OpenReport;
  me: Member | null;
  /** The window or tab making the call, so it can tell its own changes from others' when echoed. */
  origin?: string;
  /** The app's own folder (backups go in its `backups`); the user's data folder when not given. */
  dataDir?: string;
}
