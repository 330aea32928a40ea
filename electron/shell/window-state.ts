// Where the report window was, so it comes back there: bounds and maximized, in
// <dataDir>/window-state.json. Pure functions decide where a window may go given the displays'
// work areas, so a window saved on a monitor that is since unplugged still opens where it can be seen.
import fs from 'node:fs';
import path from 'node:path';
import { MIN_WINDOW_SIZE, type WindowBounds } from './window.js';

export interface WindowState extends WindowBounds {
  maximized: boolean;
}

/** A display's usable rectangle (without taskbar or menu bar), as Electron's screen module gives it. */
export interface WorkArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false };

/** How much of a window must lie on a display for a person to grab its title bar. */
const MIN_VISIBLE = { width: 120, height: 40 };
/** How far a second window is moved so it does not hide the first exactly. */
const CASCADE_STEP = 28;

export function windowStateFile(dataDir: string): string {
  return path.join(dataDir, 'window-state.json');
}

/** The saved state, or the default when there is none or it is not ours to read. */
export function readWindowState(dataDir: string): WindowState {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(windowStateFile(dataDir), 'utf8'))) ?? { ...DEFAULT_WINDOW_STATE };
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!finite(r.width) || !finite(r.height) || r.width <= 0 || r.height <= 0) return null;
  const state: WindowState = { width: Math.round(r.width), height: Math.round(r.height), maximized: r.maximized === true };
  if (finite(r.x) && finite(r.y)) {
    state.x = Math.round(r.x);
    state.y = Math.round(r.y);
  }
  return state;
}

/** Written through a temporary file, so a crash mid-write leaves the old state, not half a file. */
export function writeWindowState(dataDir: string, state: WindowState): void {
  const file = windowStateFile(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
  fs.renameSync(tmp, file);
}

function overlap(a: WorkArea, b: WindowBounds & { x: number; y: number }): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function centred(state: WindowState, area: WorkArea): WindowState {
  const width = Math.min(state.width, area.width);
  const height = Math.min(state.height, area.height);
  return {
    ...state,
    width,
    height,
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
  };
}

/**
 * Puts a window wholly on the display it mostly lies on, no larger than that display; a window with
 * no position, or too little of it on any display, is centred on the first (primary) display.
 */
export function clampToDisplays(state: WindowState, workAreas: readonly WorkArea[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  // No smaller than the app can be used at, no larger than the largest display.
  const width = Math.min(Math.max(state.width, MIN_WINDOW_SIZE.width), Math.max(...workAreas.map((a) => a.width)));
  const height = Math.min(Math.max(state.height, MIN_WINDOW_SIZE.height), Math.max(...workAreas.map((a) => a.height)));
  const sized = { ...state, width, height };
  if (sized.x === undefined || sized.y === undefined) return centred(sized, primary);
  const placed = { ...sized, x: sized.x, y: sized.y };

  let best: WorkArea | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(area, placed);
    if (o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height && o.width * o.height > bestArea) {
      best = area;
      bestArea = o.width * o.height;
    }
  }
  if (!best) return centred(sized, primary);

  const w = Math.min(placed.width, best.width);
  const h = Math.min(placed.height, best.height);
  return {
    ...placed,
    width: w,
    height: h,
    x: Math.min(Math.max(placed.x, best.x), best.x + best.width - w),
    y: Math.min(Math.max(placed.y, best.y), best.y + best.height - h),
  };
}

/** Moves a new window down and right while another window already sits at its place. */
export function cascade(state: WindowState, openWindows: readonly WindowBounds[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  let { x, y } = state;
  for (let i = 0; i < 20 && openWindows.some((w) => w.x !== undefined && Math.abs(w.x - x) < 4 && Math.abs((w.y ?? 0) - y) < 4); i++) {
    x += CASCADE_STEP;
    y += CASCADE_STEP;
  }
  return { ...state, x, y };
}
