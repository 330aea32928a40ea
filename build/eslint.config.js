// Lint, and the rule that keeps the process boundaries: renderer/ and shared/ never import
// Electron, Node built-ins or main-process code; shared/ imports nothing from the renderer either.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeAndElectron = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'The renderer and shared/ never touch Electron; go through the API.' },
    { group: ['node:*'], message: 'The renderer and shared/ run without Node; go through the API.' },
    { group: ['fs', 'path', 'os', 'child_process', 'crypto', 'better-sqlite3'], message: 'No Node modules outside electron/.' },
    { group: ['**/electron/**', '../electron', '../../electron'], message: 'Main-process code stays in the main process; use the API.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'scratch/', '.bench/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', nodeAndElectron] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeAndElectron.patterns,
            { group: ['**/renderer/**', '../renderer'], message: 'shared/ imports nothing from the renderer.' },
            { group: ['react', 'react-dom', 'react/*'], message: 'shared/ stays free of UI code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'electron/**/*.ts', 'tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
