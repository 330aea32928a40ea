// Type only: tells the renderer that `window.upr` may be there (the Electron app) or not (browser mode).
import type { UprBridge } from './api.js';

declare global {
  interface Window {
    upr?: UprBridge;
  }
}

export type { UprBridge };
