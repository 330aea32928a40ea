// How a report window is made and kept safe, as plain data and small functions so they can be tested
// without Electron: the window's web preferences, which pages it may show, what happens to links,
// and the session rules (Content-Security-Policy header, every permission refused).
// Only types come from 'electron' here; the shell passes the real objects in.
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.js';
import { APP_NAME } from '../paths.js';

export interface WindowBounds {
  /** Absent: let the OS place the window (centred on the main display). */
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;

export function reportWindowOptions(preloadPath: string, bounds: WindowBounds): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: APP_NAME,
    // Shown on 'ready-to-show', so a person never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      // The page gets only what the preload hands over through contextBridge: no Node, no Electron.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Drafters write long prose: the OS spell checker is worth having.
      spellcheck: true,
    },
  };
}

/**
 * Whether a window may go to `url`: only the app's own pages, i.e. the same scheme and host as
 * `appOrigin` (e.g. "app://workbench", or a file: folder) and, for a folder, a path inside it.
 * Custom schemes have no WHATWG origin ("null"), so scheme and host are compared one by one.
 */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  let target: URL;
  let base: URL;
  try {
    target = new URL(url);
    base = new URL(appOrigin);
  } catch {
    return false;
  }
  if (target.protocol !== base.protocol || target.host !== base.host) return false;
  if (target.username || target.password) return false;
  const folder = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  return target.pathname === base.pathname || target.pathname.startsWith(folder);
}

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The address to hand to the OS browser or mail program, or null for anything else (file:, javascript:, smb:...). */
export function externalLink(url: string): string | null {
  try {
    const parsed = new URL(url);
    return EXTERNAL_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * What a window does when its page asks for a new window (target=_blank, window.open): never opens
 * one; a web or mail link goes to the OS instead, so the report's links still work.
 */
export function handleWindowOpen(url: string, openExternal: (url: string) => void): { action: 'deny' } {
  const link = externalLink(url);
  if (link) openExternal(link);
  return { action: 'deny' };
}

/** Keeps a window on the app's own pages: other navigations are stopped (links go to the OS), no webviews. */
export function guardWebContents(contents: WebContents, appOrigin: string, openExternal: (url: string) => void): void {
  const stopForeign = (event: { url: string; preventDefault(): void }) => {
    if (isAllowedNavigation(event.url, appOrigin)) return;
    event.preventDefault();
    const link = externalLink(event.url);
    if (link) openExternal(link);
  };
  contents.on('will-navigate', stopForeign);
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => handleWindowOpen(url, openExternal));
}

/**
 * The session rules: the CSP goes on every response (the renderer's meta tag says the same, but a
 * header also covers pages without one), and the app asks for no camera, location, notifications or
 * anything else, so every permission request and check is refused, except that our own pages may
 * write plain text to the clipboard (a "copy" button), which exposes nothing.
 */
export function hardenSession(session: Session, appOrigin: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, appOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, appOrigin),
  );
}

export function isPermissionAllowed(permission: string, requestingUrl: string, appOrigin: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAllowedNavigation(requestingUrl, appOrigin);
}

/** Response headers with our CSP in place of any other (header names are case-insensitive). */
export function withContentSecurityPolicy(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/** "Kenya national report — UPR Workbench", or the app's name alone on the start screen. */
export function windowTitle(reportTitle: string | null): string {
  return reportTitle ? `${reportTitle} — ${APP_NAME}` : APP_NAME;
}
