// Where the app keeps its own files (recent reports, window state, the demo report, backups):
// the same folder Electron's app.getPath('userData') gives, so the app, browser mode and the CLI
// agree. UPR_DATA_DIR overrides it (tests, portable installs).
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'UPR Workbench';

export function defaultDataDir(): string {
  if (process.env.UPR_DATA_DIR) return path.resolve(process.env.UPR_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}
