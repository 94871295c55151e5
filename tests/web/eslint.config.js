'use strict';
// ESLint (flat config) for the web page's scripts, src/serve/web/*.js, and
// for this directory's own Node scripts. Run from the source root:
//   tests/web/node_modules/.bin/eslint --config tests/web/eslint.config.js src/serve/web tests/web
// (ctest: web_script_lints, through tests/web/run-script-tests lint).
const js = require('@eslint/js');
const globals = require('globals');

module.exports = [
  { ignores: ['**/node_modules/'] },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-implicit-globals': 'error',
      'no-shadow': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // The page builds its DOM with textContent only (see src/serve/web_page.h).
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Build nodes with textContent (web_page.h).' },
        { property: 'outerHTML', message: 'Build nodes with textContent (web_page.h).' },
        { property: 'insertAdjacentHTML', message: 'Build nodes with textContent (web_page.h).' }],
    },
  },
  {
    // The page's scripts: classic browser scripts (no modules), strict mode.
    files: ['src/serve/web/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'script',
      globals: { ...globals.browser },
    },
  },
  {
    // helpers.js is also require()d by the unit tests, so exports itself when
    // there is a module (never in the page).
    files: ['src/serve/web/helpers.js'],
    languageOptions: { globals: { module: 'readonly' } },
  },
  {
    files: ['tests/web/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'commonjs',
      globals: { ...globals.node },
    },
  },
];
