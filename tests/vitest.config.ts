import { defineConfig } from 'vitest/config';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  test: {
    // Two files at a time on CI's two cores. Vitest's default (cores - 1) leaves one core idle while
    // tests wait on Chromium, LibreOffice and the CLI's child processes: the whole run took 790 s
    // that way and 647 s with two workers, all green. End-to-end files still run one at a time.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'ui', include: ['tests/ui/**/*.test.tsx'], environment: 'happy-dom', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
