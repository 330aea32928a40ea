// The application menu as plain data: the shell passes in what each item does, and the template
// can be tested without Electron. macOS gets its app menu (About, Services, Hide, Quit) and Window
// menu; Windows and Linux keep Quit in the File menu.
import type { MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { RecentFile } from '../../shared/api.js';
import { APP_NAME } from '../paths.js';

/** What "Learn more" opens: OHCHR's page on the Universal Periodic Review. */
export const LEARN_MORE_URL = 'https://www.ohchr.org/en/hr-bodies/upr/upr-main';

export interface MenuActions {
  /** Shows the new-report form (on the start screen). */
  newReport: () => void;
  /** Asks for a .upr file and opens it. */
  openReport: () => void;
  openRecent: (file: string) => void;
  clearRecent: () => void;
  showAbout: () => void;
  learnMore: () => void;
  /**
   * File ▸ Send a copy…, Merge a copy… and Office Network Server…: the focused report window goes to its Sharing view. The
   * items are left out where this is not given (the template's tests that predate them).
   */
  reportCommand?: (command: 'sendCopy' | 'mergeCopy' | 'officeServer') => void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and developer tools are there only when running from source. */
  isDev: boolean;
  recent: readonly RecentFile[];
  actions: MenuActions;
}

type Item = MenuItemConstructorOptions;
const separator: Item = { type: 'separator' };

function sharingItems({ reportCommand }: MenuActions): Item[] {
  if (!reportCommand) return [];
  return [
    separator,
    { label: 'Send a Copy…', click: () => reportCommand('sendCopy') },
    { label: 'Merge a Copy…', click: () => reportCommand('mergeCopy') },
    // Serving the report to the offices (the secretariat), or connecting to the secretariat's server.
    { label: 'Office Network Server…', click: () => reportCommand('officeServer') },
  ];
}

export function menuTemplate(opts: MenuOptions): Item[] {
  const mac = opts.platform === 'darwin';
  const { actions } = opts;
  const appMenu: Item = {
    label: APP_NAME,
    submenu: [
      { label: `About ${APP_NAME}`, click: () => actions.showAbout() },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit', label: `Quit ${APP_NAME}`, accelerator: 'Cmd+Q' },
    ],
  };
  const fileMenu: Item = {
    label: 'File',
    submenu: [
      { label: 'New Report…', accelerator: 'CmdOrCtrl+N', click: () => actions.newReport() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openReport() },
      { label: 'Open Recent', submenu: recentSubmenu(opts) },
      ...sharingItems(actions),
      separator,
      { role: 'close', label: 'Close Window', accelerator: 'CmdOrCtrl+W' },
      ...(mac ? [] : [separator, quitItem(opts.platform)]),
    ],
  };
  const editMenu: Item = {
    label: 'Edit',
    submenu: [
      { role: 'undo', accelerator: 'CmdOrCtrl+Z' },
      { role: 'redo', accelerator: opts.platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z' },
      separator,
      { role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
    ],
  };
  const viewMenu: Item = {
    label: 'View',
    submenu: [
      ...(opts.isDev
        ? [
            { role: 'reload', accelerator: 'CmdOrCtrl+R' } as Item,
            { role: 'toggleDevTools', accelerator: mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' } as Item,
            separator,
          ]
        : []),
      { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
      { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      separator,
      { role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
    ],
  };
  const helpMenu: Item = {
    role: 'help',
    label: 'Help',
    submenu: [
      { label: 'Learn More about the UPR', click: () => actions.learnMore() },
      ...(mac ? [] : [separator, { label: `About ${APP_NAME}`, click: () => actions.showAbout() } as Item]),
    ],
  };
  return mac
    ? [appMenu, fileMenu, editMenu, viewMenu, { role: 'windowMenu' }, helpMenu]
    : [fileMenu, editMenu, viewMenu, helpMenu];
}

function quitItem(platform: NodeJS.Platform): Item {
  // Windows calls it Exit and closes with Alt+F4; Linux desktops expect Quit on Ctrl+Q.
  return platform === 'win32' ? { role: 'quit', label: 'Exit' } : { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' };
}

function recentSubmenu(opts: MenuOptions): Item[] {
  if (opts.recent.length === 0) return [{ label: 'No Recent Reports', enabled: false }];
  return [
    ...opts.recent.map((r) => ({ label: recentLabel(r, opts.platform), click: () => opts.actions.openRecent(r.path) })),
    separator,
    { label: 'Clear Menu', click: () => opts.actions.clearRecent() },
  ];
}

/** "Kenya national report (kenya-2026.upr)"; on Windows and Linux '&' marks a mnemonic, so it is doubled. */
export function recentLabel(r: RecentFile, platform: NodeJS.Platform): string {
  const label = `${r.title} (${path.basename(r.path)})`;
  return platform === 'darwin' ? label : label.replaceAll('&', '&&');
}

/** What the About box says: the app's version first, then the versions a support person asks for. */
export function aboutDialog(version: string, versions: { electron?: string; chrome?: string; node?: string }) {
  return {
    title: `About ${APP_NAME}`,
    message: `${APP_NAME} ${version}`,
    detail: [
      'Prepare a national report to the UN Universal Periodic Review and follow up its recommendations.',
      '',
      `Electron ${versions.electron ?? '?'} · Chromium ${versions.chrome ?? '?'} · Node ${versions.node ?? '?'}`,
    ].join('\n'),
    buttons: ['OK'],
  };
}
