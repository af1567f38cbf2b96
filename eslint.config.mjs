import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import compat from 'eslint-plugin-compat';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.tmp/**', 'test/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, Office: 'readonly', Excel: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // The ES5 check (and the pane's first-paint theme) run in Internet Explorer 11: parsed as ES5, a script, browser globals only.
  {
    files: ['src/compat/es5-check.js', 'src/ui/theme-boot.js'],
    languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: { ...globals.browser } },
    rules: { 'no-var': 'off', '@typescript-eslint/no-unused-vars': ['error', { caughtErrorsIgnorePattern: '^_' }] },
  },
  // Microsoft's Office Add-in rules (load before read, sync before read, isNullObject…), on the add-in's code.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  // React's rules of hooks, on the pane.
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}', 'src/page/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Every API the bundles call must exist in the oldest webview they run in (EdgeHTML 18: package.json's
  // browserslist) or be polyfilled (src/compat/polyfills.ts).
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/cli/**', 'src/bench/**', 'src/hosts/file/**', 'src/index.ts'],
    ...compat.configs['flat/recommended'],
  },
);
