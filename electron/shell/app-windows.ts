// The app's windows: one per open report, plus a start window when no report is open. Each window
// is one Host client (see ipc.ts); this class decides which window a report goes to, keeps titles
// and the OS's recent documents in step, remembers where windows were, and runs the file dialogs.
// The decisions it leans on are plain functions in window.ts, window-state.ts and report-files.ts.
import { app, BrowserWindow, dialog, screen, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import path from 'node:path';
import { asUserError } from '../hosts/failures.js';
import type { Client, Host } from '../hosts/host.js';
import { connectWindow, sendShellEvent } from '../hosts/ipc.js';
import { APP_START_URL } from './protocol.js';
import { LIST_FILE_FILTERS, REPORT_FILE_FILTERS, SAVE_KINDS, withExtension, type SaveKind } from '../report-files.js';
import { getReport } from '../store/queries.js';
import { cascade, clampToDisplays, readWindowState, writeWindowState } from './window-state.js';
import { reportWindowOptions, windowTitle } from './window.js';

export interface AppWindowsOptions {
  dataDir: string;
  preloadPath: string;
  /** Told when the recent list may have changed, to rebuild the menu. */
  onRecentChanged: () => void;
}

export class AppWindows {
  private readonly windows = new Map<string, BrowserWindow>();
  private host: Host | null = null;

  constructor(private readonly options: AppWindowsOptions) {}

  /** Set once the Host exists (the Host's options call back into this class). */
  attachHost(host: Host): void {
    this.host = host;
  }

  /** A window on the start screen: the renderer shows it while `app.current` has no path. */
  openStart(): BrowserWindow {
    const { win } = this.create();
    void win.loadURL(APP_START_URL);
    return win;
  }

  /** Focuses the window that has `file` open, or opens it in a start window or a new window. */
  openReport(file: string): void {
    const host = this.requireHost();
    const key = path.resolve(file);
    const already = this.entries().find(([id]) => host.client(id)?.report?.path === key);
    if (already) return focus(already[1]);

    const start = this.startWindow();
    if (start) {
      const client = host.client(start[0])!;
      if (!this.tryAttach(client, key, start[1])) return;
      // The start screen learns it has a report by asking `app.current` again.
      start[1].webContents.reload();
      return focus(start[1]);
    }
    const { win, client } = this.create();
    // A file that cannot be opened leaves a start window behind when it would otherwise be the
    // only window: destroying it would quit the app before the error is read.
    if (!this.tryAttach(client, key, undefined) && this.entries().length > 1) return win.destroy();
    void win.loadURL(APP_START_URL);
  }

  /** Host option: one window per report, so a second open of it brings the first to the front. */
  focusOtherWindowWith(client: Client, file: string): boolean {
    const host = this.requireHost();
    const other = this.entries().find(([id]) => id !== client.id && host.client(id)?.report?.path === file);
    if (other) focus(other[1]);
    return other !== undefined;
  }

  /** File ▸ New Report…: the start screen's new-report form, in a start window. */
  newReport(): void {
    const start = this.startWindow();
    const win = start ? start[1] : this.openStart();
    focus(win);
    sendShellEvent(win.webContents, { kind: 'command', command: 'newReport' });
  }

  async askAndOpen(): Promise<void> {
    const file = await this.chooseFile(null, 'open');
    if (file) this.openReport(file);
  }

  /** Host option `chooseFile`: the native dialog over the asking window, filtered to the kind of file. */
  async chooseFile(client: Client | null, mode: 'open' | 'save', kind: SaveKind | 'list' | 'attachment' | 'folder' = 'report'): Promise<string | null> {
    const parent = (client && this.windows.get(client.id)) ?? BrowserWindow.getFocusedWindow() ?? undefined;
    // The public tracker's folder: an empty one (made in the dialog) or a tracker written before.
    if (kind === 'folder') {
      const options: OpenDialogOptions = {
        title: 'Choose an empty folder for the public tracker',
        buttonLabel: 'Write the tracker here',
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      };
      const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    }
    if (mode === 'open') {
      const options: OpenDialogOptions =
        kind === 'list'
          ? { title: 'Import a list of recommendations', filters: LIST_FILE_FILTERS, properties: ['openFile'] }
          : kind === 'attachment'
            ? { title: 'Attach a file', properties: ['openFile'] }
            : { title: 'Open a report', filters: REPORT_FILE_FILTERS, properties: ['openFile'] };
      const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    }
    // Lists and attachments are only ever opened; a save names a report, a matrix or an export.
    const what = SAVE_KINDS[kind === 'list' || kind === 'attachment' ? 'report' : kind];
    const options: SaveDialogOptions = {
      title: what.title,
      defaultPath: path.join(app.getPath('documents'), `${what.defaultName}.${what.extension}`),
      filters: [{ name: what.filter, extensions: [what.extension] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : withExtension(r.filePath, what.extension);
  }

  /** Host option `onReportChanged`: title, the OS's recent documents, the Open Recent menu. */
  reportChanged(client: Client): void {
    const win = this.windows.get(client.id);
    if (win && !win.isDestroyed()) this.refreshTitle(win, client);
    if (client.report) app.addRecentDocument(client.report.path);
    this.options.onRecentChanged();
  }

  focusAny(): void {
    const win = BrowserWindow.getFocusedWindow() ?? [...this.windows.values()].at(-1);
    if (win) focus(win);
    else this.openStart();
  }

  private create(): { win: BrowserWindow; client: Client } {
    const host = this.requireHost();
    const saved = readWindowState(this.options.dataDir);
    const others = [...this.windows.values()].map((w) => w.getBounds());
    const state = clampToDisplays(
      cascade(saved, others),
      screen.getAllDisplays().map((d) => d.workArea),
    );
    const win = new BrowserWindow(
      reportWindowOptions(this.options.preloadPath, { x: state.x, y: state.y, width: state.width, height: state.height }),
    );
    const client = connectWindow(host, win.webContents, (event) => {
      if (event.kind === 'changed' && event.what.includes('report')) this.refreshTitle(win, client);
    });
    this.windows.set(client.id, win);
    // The title is the report's, set here, not the page's <title>.
    win.on('page-title-updated', (event) => event.preventDefault());
    win.once('ready-to-show', () => {
      if (state.maximized) win.maximize();
      win.show();
    });
    win.on('close', () => writeWindowState(this.options.dataDir, { ...win.getNormalBounds(), maximized: win.isMaximized() }));
    win.on('closed', () => this.windows.delete(client.id));
    return { win, client };
  }

  private tryAttach(client: Client, file: string, parent: BrowserWindow | undefined): boolean {
    try {
      this.requireHost().attach(client, file);
      return true;
    } catch (e) {
      const detail = asUserError(e, this.options.dataDir).message;
      const options = { type: 'error' as const, message: `${path.basename(file)} could not be opened.`, detail };
      void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
      return false;
    }
  }

  private refreshTitle(win: BrowserWindow, client: Client): void {
    if (win.isDestroyed()) return;
    let title: string | null = null;
    if (client.report && !client.report.isClosed) {
      try {
        title = getReport(client.report.db).title;
      } catch {
        title = path.basename(client.report.path);
      }
    }
    win.setTitle(windowTitle(title));
    // macOS shows the file's icon in the title bar and lets a person reveal it from there.
    if (process.platform === 'darwin') win.setRepresentedFilename(client.report?.path ?? '');
  }

  /** A window with no report, the focused one first. */
  private startWindow(): [string, BrowserWindow] | undefined {
    const host = this.requireHost();
    const starts = this.entries().filter(([id]) => !host.client(id)?.report);
    const focused = BrowserWindow.getFocusedWindow();
    return starts.find(([, w]) => w === focused) ?? starts[0];
  }

  private entries(): Array<[string, BrowserWindow]> {
    return [...this.windows.entries()].filter(([, w]) => !w.isDestroyed());
  }

  private requireHost(): Host {
    if (!this.host) throw new Error('AppWindows used before the Host was attached');
    return this.host;
  }
}

function focus(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
