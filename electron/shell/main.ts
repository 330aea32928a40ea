// The Electron main process: app lifecycle and nothing more. One instance per person (a second
// launch hands its .upr file to the first), the app:// protocol and session rules, the IPC binding,
// the menu, and the windows (app-windows.ts). Everything it decides is in small tested modules.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { AppWindows } from './app-windows.js';
import { Host } from '../hosts/host.js';
import { bindIpc, sendShellEvent } from '../hosts/ipc.js';
import { aboutDialog, LEARN_MORE_URL, menuTemplate } from './menu.js';
import { setPdfPrinter } from '../export/pdf.js';
import { defaultDataDir } from '../paths.js';
import { printPdfWithElectron } from './pdf-electron.js';
import { APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './protocol.js';
import { fileFromSecondInstance, reportPathFromArgv, type SecondInstanceData } from '../report-files.js';
import { externalLink, guardWebContents, hardenSession } from './window.js';

// The same folder browser mode and the CLI use, set before anything reads it: the single-instance
// lock, the recent list and the window state all live there.
app.setPath('userData', defaultDataDir());
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const openExternal = (url: string) => {
  const link = externalLink(url);
  if (link) void shell.openExternal(link);
};

const initialFile = reportPathFromArgv(process.argv, process.cwd());

if (!app.requestSingleInstanceLock({ file: initialFile } satisfies SecondInstanceData)) {
  app.quit();
} else {
  run();
}

function run(): void {
  // The report's PDF is printed by Electron's own Chromium, not by a system browser.
  setPdfPrinter(printPdfWithElectron);
  const dataDir = app.getPath('userData');
  const appDir = app.getAppPath();
  const windows = new AppWindows({
    dataDir,
    preloadPath: path.join(appDir, 'dist-electron', 'preload.cjs'),
    onRecentChanged: () => rebuildMenu(),
  });
  const host = new Host({
    dataDir,
    chooseFile: (client, mode, kind) => windows.chooseFile(client, mode, kind),
    onReportChanged: (client) => windows.reportChanged(client),
    focusOtherWindowWith: (client, file) => windows.focusOtherWindowWith(client, file),
    pathsFromDialogs: true,
    // The people's private signing keys, encrypted for this login by the operating system where it can.
    protectKeys: { available: () => safeStorage.isEncryptionAvailable(), encrypt: (plain) => safeStorage.encryptString(plain), decrypt: (sealed) => safeStorage.decryptString(sealed) },
  });
  windows.attachHost(host);

  // macOS sends files (Finder, Dock) as events, possibly before the app is ready.
  const waiting: string[] = initialFile ? [initialFile] : [];
  let ready = false;
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (ready) windows.openReport(file);
    else waiting.push(file);
  });
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const file = fileFromSecondInstance(additionalData, argv, workingDirectory);
    if (!ready) {
      if (file) waiting.push(file);
    } else if (file) windows.openReport(file);
    else windows.focusAny();
  });
  // Every web contents, whatever made it, stays on our pages and opens links in the OS browser.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, APP_ORIGIN, openExternal));

  function rebuildMenu(): void {
    const template = menuTemplate({
      platform: process.platform,
      isDev: !app.isPackaged,
      recent: host.recent.list(),
      actions: {
        newReport: () => windows.newReport(),
        openReport: () => void windows.askAndOpen(),
        openRecent: (file) => windows.openReport(file),
        clearRecent: () => {
          host.recent.clear();
          app.clearRecentDocuments();
          rebuildMenu();
        },
        showAbout: () => {
          const about = aboutDialog(app.getVersion(), process.versions);
          const parent = BrowserWindow.getFocusedWindow();
          void (parent ? dialog.showMessageBox(parent, about) : dialog.showMessageBox(about));
        },
        learnMore: () => openExternal(LEARN_MORE_URL),
        reportCommand: (command) => {
          const win = BrowserWindow.getFocusedWindow();
          if (win) sendShellEvent(win.webContents, { kind: 'command', command });
        },
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  void app.whenReady().then(() => {
    const rendererDir = path.join(appDir, 'dist', 'renderer');
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
      dialog.showErrorBox('UPR Workbench', `The app's pages are not built (${rendererDir}). Run "npm run build" first.`);
      app.exit(1);
      return;
    }
    if (process.platform === 'win32') app.setAppUserModelId('org.upr.workbench');
    hardenSession(session.defaultSession, APP_ORIGIN);
    session.defaultSession.protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
    bindIpc(ipcMain, host, APP_ORIGIN);
    rebuildMenu();
    ready = true;
    if (waiting.length === 0) windows.openStart();
    for (const file of waiting.splice(0)) windows.openReport(file);
  });

  // macOS: clicking the Dock icon with no window open brings back the start screen.
  app.on('activate', () => {
    if (ready && BrowserWindow.getAllWindows().length === 0) windows.openStart();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => host.closeAll());
}
