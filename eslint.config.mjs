// ESLint: the recommended JavaScript and TypeScript rules, a few of our own, and Prettier owning layout.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Globals that do not exist in Apps Script's V8 runtime (the sandbox test also trips on them). */
const notInAppsScript = [
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'queueMicrotask',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'atob',
  'btoa',
  'fetch',
  'process',
  'require',
  'Buffer',
  'window',
  'document',
].map((name) => ({ name, message: 'Apps Script has no such global: the bundle must run in bare V8.' }));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'coverage/', 'workbooks/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Japanese text is full of U+3000 (全角スペース): fine in strings, comments and patterns.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true },
      ],
      // Ambient declarations of google.script.run are referenced by path (they declare a global).
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always', types: 'never', lib: 'never' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // What is bundled into dist/Code.js: pure core, adapters, server, the RPC contract.
    files: ['src/core/**/*.ts', 'src/gas/**/*.ts', 'src/server/**/*.ts', 'src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...notInAppsScript],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'No Node API in the Apps Script bundle.' }] },
      ],
    },
  },
  {
    // The core imports nothing from the outside world (DESIGN.md).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'No Node API in the core.' },
            {
              group: ['**/gas/**', '**/server/**', '**/ui/**', '**/local/**'],
              message: 'The core imports nothing from gas/, server/, ui/ or local/.',
            },
          ],
        },
      ],
    },
  },
  {
    // `declare var` is how a .d.ts declares a global.
    files: ['**/*.d.ts'],
    rules: { 'no-var': 'off' },
  },
  {
    // The sidebar and the studio page run in the browser.
    files: ['src/ui/**/*.ts', 'src/local/studio/page/**/*.ts', 'src/local/studio/form-page/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
);
