import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built to dist/renderer and loaded from there by the Electron shell (app://)
// and by the browser-mode server, so asset URLs are relative. (outDir is relative to root, which
// keeps node:path out of renderer/, where lint forbids Node modules.)
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
  },
});
