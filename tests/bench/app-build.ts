// The app as the Chromium figures (6, 16, 16b) measure it: built fresh from renderer/ once per
// bench process, into .bench/app, and shared by them.
import path from 'node:path';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const APP_DIR = path.join(ROOT, '.bench', 'app');

let built: Promise<string> | null = null;

export function builtApp(): Promise<string> {
  built ??= build({
    configFile: path.join(ROOT, 'renderer', 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: APP_DIR, emptyOutDir: true, sourcemap: false },
  }).then(() => APP_DIR);
  return built;
}
