import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  logLevel: 'error',
  build: { outDir: path.resolve(import.meta.dirname, '..', '..', '..', '.bench', 'keystroke-page'), emptyOutDir: true, target: 'chrome130' },
});
