// The Electron shell, tested without Electron (its binary cannot be downloaded here): window
// options, CSP, navigation guards, window state, the menu, the app:// protocol and the IPC binding,
// all as plain data and functions, with fakes for the few Electron objects they are handed.
import type { MenuItemConstructorOptions, Session, WebContents } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../shared/csp.js';
import { IPC_CALL, IPC_EVENT, type ApiEvent } from '../../shared/api.js';
import { bindIpc, clientIdFor, connectWindow } from '../../electron/hosts/ipc.js';
import { aboutDialog, menuTemplate, type MenuActions } from '../../electron/shell/menu.js';
import { APP_ORIGIN, appProtocolHandler, resolveAppAsset } from '../../electron/shell/protocol.js';
import { SAVE_KINDS, fileFromSecondInstance, reportPathFromArgv, withExtension, withReportExtension } from '../../electron/report-files.js';
import { cascade, clampToDisplays, readWindowState, writeWindowState, DEFAULT_WINDOW_STATE } from '../../electron/shell/window-state.js';
import {
  guardWebContents,
  handleWindowOpen,
  hardenSession,
  isAllowedNavigation,
  reportWindowOptions,
  withContentSecurityPolicy,
} from '../../electron/shell/window.js';
import { newHost, tempDir } from './helpers.js';
import { createDemoReport } from '../../electron/services/demo.js';

describe('report windows', () => {
  it('are isolated and sandboxed, with no Node, no webviews, and spell checking on', () => {
    const o = reportWindowOptions('/app/dist-electron/preload.cjs', { width: 1200, height: 800 });
    expect(o.webPreferences).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: true,
    });
    expect(o.webPreferences?.allowRunningInsecureContent).toBe(false);
    expect(o).toMatchObject({ width: 1200, height: 800, show: false });
  });

  it('send a Content-Security-Policy that allows only the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY_META).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY_META).not.toContain('unsafe-eval');
  });

  it('replace any CSP a response carries with ours', () => {
    const h = withContentSecurityPolicy({ 'content-security-policy': ["default-src *"], 'Content-Type': 'text/html' });
    expect(h).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('refuse every permission a page asks for, bar clipboard writes from our pages, and put the CSP on every response', () => {
    let request: Parameters<Session['setPermissionRequestHandler']>[0] = null;
    let check: Parameters<Session['setPermissionCheckHandler']>[0] = null;
    let headers: Parameters<Session['webRequest']['onHeadersReceived']>[0] = null;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      webRequest: { onHeadersReceived: (h: typeof headers) => (headers = h) },
    } as unknown as Session;
    hardenSession(session, APP_ORIGIN);
    const ours = { requestingUrl: 'app://workbench/index.html', isMainFrame: true };
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'] as const) {
      const callback = vi.fn();
      request!({} as WebContents, permission, callback, ours);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(check!(null, permission, APP_ORIGIN, {} as never), permission).toBe(false);
    }
    const write = vi.fn();
    request!({} as WebContents, 'clipboard-sanitized-write', write, ours);
    expect(write).toHaveBeenCalledWith(true);
    expect(check!(null, 'clipboard-sanitized-write', APP_ORIGIN, {} as never)).toBe(true);
    expect(check!(null, 'clipboard-sanitized-write', 'https://evil.example', {} as never)).toBe(false);
    const done = vi.fn();
    headers!({ responseHeaders: {} } as never, done);
    expect(done.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });
});

describe('navigation guards', () => {
  it("allow only the app's own pages", () => {
    expect(isAllowedNavigation('app://workbench/index.html', APP_ORIGIN)).toBe(true);
    expect(isAllowedNavigation('app://workbench/index.html#/sections/a1', APP_ORIGIN)).toBe(true);
    for (const url of [
      'https://example.org/',
      'http://workbench/index.html',
      'app://elsewhere/index.html',
      'app://user:secret@workbench/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(isAllowedNavigation(url, APP_ORIGIN), url).toBe(false);
    }
  });

  it('keep a file: app inside its own folder', () => {
    const origin = 'file:///opt/upr/dist/renderer/';
    expect(isAllowedNavigation('file:///opt/upr/dist/renderer/index.html', origin)).toBe(true);
    expect(isAllowedNavigation('file:///opt/upr/dist/renderer-evil/index.html', origin)).toBe(false);
    expect(isAllowedNavigation('file:///home/someone/secret.html', origin)).toBe(false);
  });

  it('never open a new window, and send only web and mail links to the OS', () => {
    const opened: string[] = [];
    for (const url of ['https://www.ohchr.org/en/hr-bodies/upr', 'http://example.org/', 'mailto:upr@example.org']) {
      expect(handleWindowOpen(url, (u) => opened.push(u))).toEqual({ action: 'deny' });
    }
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://server/share', 'app://workbench/index.html']) {
      expect(handleWindowOpen(url, (u) => opened.push(u))).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://www.ohchr.org/en/hr-bodies/upr', 'http://example.org/', 'mailto:upr@example.org']);
  });

  it('stop a window from leaving the app or attaching a webview', () => {
    const handlers: Record<string, (e: { url?: string; preventDefault(): void }) => void> = {};
    let windowOpen: ((d: { url: string }) => unknown) | null = null;
    const contents = {
      on: (name: string, h: (e: { url?: string; preventDefault(): void }) => void) => (handlers[name] = h),
      setWindowOpenHandler: (h: typeof windowOpen) => (windowOpen = h),
    } as unknown as WebContents;
    const opened: string[] = [];
    guardWebContents(contents, APP_ORIGIN, (u) => opened.push(u));
    const navigate = (name: string, url: string) => {
      const e = { url, preventDefault: vi.fn() };
      handlers[name]!(e);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('will-navigate', 'app://workbench/index.html')).toBe(false);
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate('will-attach-webview', 'app://workbench/index.html')).toBe(true);
    expect(opened).toEqual(['https://evil.example/']);
    expect(windowOpen!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });
});

describe('window state', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1040 };
  const right = { x: 1920, y: 0, width: 1280, height: 1000 };

  it('is remembered in the data folder, and a broken file gives the default', () => {
    const dir = tempDir();
    expect(readWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    writeWindowState(dir, { x: 40, y: 50, width: 1000, height: 700, maximized: true });
    expect(readWindowState(dir)).toEqual({ x: 40, y: 50, width: 1000, height: 700, maximized: true });
    fs.writeFileSync(path.join(dir, 'window-state.json'), '{"width": "wide"');
    expect(readWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('brings a window saved on an unplugged monitor back onto the screen', () => {
    const s = clampToDisplays({ x: 3000, y: 200, width: 1000, height: 700, maximized: false }, [screen]);
    expect(s).toEqual({ x: 460, y: 170, width: 1000, height: 700, maximized: false });
  });

  it('moves a window that hangs over the edge wholly onto its display, and shrinks one too large', () => {
    expect(clampToDisplays({ x: 1500, y: -20, width: 1000, height: 700, maximized: false }, [screen])).toMatchObject({ x: 920, y: 0 });
    expect(clampToDisplays({ x: 0, y: 0, width: 4000, height: 3000, maximized: true }, [screen])).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
      maximized: true,
    });
  });

  it('keeps a window on the second display where it was', () => {
    const s = { x: 2000, y: 100, width: 1000, height: 700, maximized: false };
    expect(clampToDisplays(s, [screen, right])).toEqual(s);
  });

  it('centres a window with no saved place, and moves a second window off the first', () => {
    expect(clampToDisplays(DEFAULT_WINDOW_STATE, [screen])).toMatchObject({ x: 320, y: 90 });
    const first = { x: 100, y: 100, width: 1000, height: 700 };
    expect(cascade({ ...first, maximized: false }, [first])).toMatchObject({ x: 128, y: 128 });
  });
});

describe('the menu', () => {
  const actions = (): MenuActions => ({
    newReport: vi.fn(),
    openReport: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    showAbout: vi.fn(),
    learnMore: vi.fn(),
  });
  const recent = [{ path: '/reports/kenya.upr', title: 'Kenya & partners', openedAt: '2026-01-01T00:00:00Z' }];
  const sub = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
  const find = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);
  const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

  it('has File, Edit, View and Help on Windows and Linux, with Quit in File', () => {
    const a = actions();
    const menu = menuTemplate({ platform: 'linux', isDev: false, recent, actions: a });
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const file = sub(menu[0]);
    expect(find(file, 'New Report…')?.accelerator).toBe('CmdOrCtrl+N');
    expect(find(file, 'Open…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(file.find((i) => i.role === 'close')?.accelerator).toBe('CmdOrCtrl+W');
    expect(file.find((i) => i.role === 'quit')).toMatchObject({ label: 'Quit', accelerator: 'Ctrl+Q' });
    click(find(file, 'New Report…'));
    click(find(file, 'Open…'));
    expect(a.newReport).toHaveBeenCalledOnce();
    expect(a.openReport).toHaveBeenCalledOnce();
  });

  it('sends the sharing commands, the office network server among them, to the focused report', () => {
    const reportCommand = vi.fn();
    const file = sub(menuTemplate({ platform: 'linux', isDev: false, recent, actions: { ...actions(), reportCommand } })[0]);
    click(find(file, 'Send a Copy…'));
    click(find(file, 'Merge a Copy…'));
    click(find(file, 'Office Network Server…'));
    expect(reportCommand.mock.calls).toEqual([['sendCopy'], ['mergeCopy'], ['officeServer']]);
  });

  it('lists recent reports, opens one, and can be cleared', () => {
    const a = actions();
    const menu = menuTemplate({ platform: 'win32', isDev: false, recent, actions: a });
    const openRecent = sub(find(sub(menu[0]), 'Open Recent'));
    expect(openRecent[0]!.label).toBe('Kenya && partners (kenya.upr)');
    click(openRecent[0]);
    expect(a.openRecent).toHaveBeenCalledWith('/reports/kenya.upr');
    click(find(openRecent, 'Clear Menu'));
    expect(a.clearRecent).toHaveBeenCalledOnce();
    const empty = sub(find(sub(menuTemplate({ platform: 'win32', isDev: false, recent: [], actions: a })[0]), 'Open Recent'));
    expect(empty).toEqual([{ label: 'No Recent Reports', enabled: false }]);
  });

  it('keeps Quit and About in the app menu on macOS', () => {
    const menu = menuTemplate({ platform: 'darwin', isDev: false, recent: [], actions: actions() });
    expect(menu[0]!.label).toBe('UPR Workbench');
    expect(sub(menu[0]).find((i) => i.role === 'quit')?.accelerator).toBe('Cmd+Q');
    expect(sub(menu[1]).some((i) => i.role === 'quit')).toBe(false);
    expect(menu.some((m) => m.role === 'windowMenu')).toBe(true);
  });

  it('has the editing roles, zoom and full screen, and reload and developer tools only in development', () => {
    const roles = (isDev: boolean) =>
      menuTemplate({ platform: 'linux', isDev, recent: [], actions: actions() }).flatMap((m) => sub(m).map((i) => i.role));
    expect(roles(false)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    expect(roles(false)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has About (with the version) and Learn more in Help', () => {
    const a = actions();
    const help = sub(menuTemplate({ platform: 'linux', isDev: false, recent: [], actions: a }).at(-1));
    click(find(help, 'About UPR Workbench'));
    click(help.find((i) => i.label?.startsWith('Learn More')));
    expect(a.showAbout).toHaveBeenCalledOnce();
    expect(a.learnMore).toHaveBeenCalledOnce();
    expect(aboutDialog('0.1.0', { electron: '45.4.1' }).message).toBe('UPR Workbench 0.1.0');
  });
});

describe('the app:// protocol', () => {
  function renderer(): string {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>UPR</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'main.js'), 'console.log(1)');
    return dir;
  }

  it('serves the built renderer with its type and the CSP header', async () => {
    const serve = appProtocolHandler(renderer());
    const res = await serve(new Request('app://workbench/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toContain('<title>UPR</title>');
    expect((await serve(new Request('app://workbench/assets/main.js'))).headers.get('content-type')).toMatch(/javascript/);
    expect((await serve(new Request('app://workbench/sections/a1'))).status).toBe(200);
    expect((await serve(new Request('app://workbench/assets/missing.js'))).status).toBe(404);
    expect((await serve(new Request('app://workbench/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('never serves a file outside the renderer folder', () => {
    const dir = renderer();
    expect(resolveAppAsset(dir, 'app://workbench/')).toBe(path.join(dir, 'index.html'));
    for (const url of ['app://workbench/..%2F..%2Fetc%2Fpasswd', 'app://workbench/%2e%2e/%2e%2e/etc/passwd', 'app://other/index.html']) {
      const file = resolveAppAsset(dir, url);
      expect(file === null || file.startsWith(dir + path.sep), url).toBe(true);
    }
    expect(resolveAppAsset(dir, 'app://workbench/..%2F..%2Fetc%2Fpasswd')).toBeNull();
    expect(resolveAppAsset(dir, 'app://workbench/a%00.html')).toBeNull();
  });
});

describe('the IPC transport', () => {
  type Handler = (event: unknown, name: unknown, input: unknown) => Promise<unknown> | unknown;
  function fakeIpc() {
    const handlers = new Map<string, Handler>();
    return { handlers, ipcMain: { handle: (c: string, h: Handler) => handlers.set(c, h), removeHandler: (c: string) => handlers.delete(c) } };
  }
  function fakeContents(id: number) {
    const sent: Array<[string, unknown]> = [];
    const once = new Map<string, () => void>();
    const contents = {
      id,
      isDestroyed: () => false,
      send: (channel: string, payload: unknown) => sent.push([channel, payload]),
      once: (name: string, h: () => void) => once.set(name, h),
    } as unknown as WebContents;
    return { contents, sent, destroy: () => once.get('destroyed')?.() };
  }

  it("answers calls from the app's own window through the Host, and refuses other frames", async () => {
    const host = newHost();
    const { handlers, ipcMain } = fakeIpc();
    const unbind = bindIpc(ipcMain as never, host, APP_ORIGIN);
    const { contents } = fakeContents(7);
    connectWindow(host, contents);
    const call = handlers.get(IPC_CALL)!;
    const from = (url: string, parent: unknown = null) => ({ sender: { id: 7 }, senderFrame: { url, parent } });
    expect(await call(from('app://workbench/index.html'), 'app.current', {})).toEqual({ ok: true, result: { path: null } });
    expect(await call(from('app://workbench/index.html'), 'no.such', {})).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await call(from('https://evil.example/'), 'app.current', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(from('app://workbench/index.html', {}), 'app.current', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call({ sender: { id: 7 }, senderFrame: null }, 'app.current', {})).toMatchObject({ ok: false });
    unbind();
    expect(handlers.has(IPC_CALL)).toBe(false);
  });

  it("sends the Host's events to the window, not its own text edits, and lets go when it closes", () => {
    const host = newHost();
    const { contents, sent, destroy } = fakeContents(3);
    const client = connectWindow(host, contents);
    expect(client.id).toBe(clientIdFor(3));
    const file = path.join(tempDir(), 'r.upr');
    createDemoReport(file).close();
    const report = host.attach(client, file);
    const changed: ApiEvent = { kind: 'changed', what: ['sections'] };
    report.emit(changed);
    report.emit({ kind: 'text', sectionId: 's1', update: 'AA==', origin: client.id });
    report.emit({ kind: 'text', sectionId: 's1', update: 'AA==', origin: 'window-9' });
    expect(sent.map(([channel]) => channel)).toEqual([IPC_EVENT, IPC_EVENT]);
    expect(sent[0]![1]).toEqual(changed);
    // Another window's edit comes without that window's id: the id acts as the window.
    expect(sent[1]![1]).toEqual({ kind: 'text', sectionId: 's1', update: 'AA==', origin: '' });
    destroy();
    expect(host.client(client.id)).toBeUndefined();
  });
});

describe('report files named at launch', () => {
  it('takes the first .upr argument, skipping switches and the app folder', () => {
    expect(reportPathFromArgv(['/usr/bin/electron', '/src/app', '--inspect', 'Kenya.UPR'], '/home/me')).toBe('/home/me/Kenya.UPR');
    expect(reportPathFromArgv(['UPR Workbench.exe', '-psn_0_123'], '/')).toBeNull();
    expect(fileFromSecondInstance({ file: '/r/a.upr' }, ['x', 'b.upr'], '/r')).toBe('/r/a.upr');
    expect(fileFromSecondInstance(null, ['x', 'b.upr'], '/r')).toBe('/r/b.upr');
  });

  it('adds .upr to a name typed in a save dialog without it', () => {
    expect(withReportExtension('/r/Kenya 2026')).toBe('/r/Kenya 2026.upr');
    expect(withReportExtension('/r/k.upr')).toBe('/r/k.upr');
    // A matrix export gets its own extension, whatever the person typed.
    expect(withExtension('/r/matrix', SAVE_KINDS.xlsx.extension)).toBe('/r/matrix.xlsx');
    expect(withExtension('/r/MATRIX.CSV', SAVE_KINDS.csv.extension)).toBe('/r/MATRIX.CSV');
  });
});
