// ESLint: typescript-eslint's type-checked rules, plus the house layering rules
// (docs/architecture.md): domain folders never import HTTP, CLI or DuckDB packages.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const DOMAIN = ['src/ledger/**', 'src/cost/**', 'src/measure/**', 'src/detect/**', 'src/registry/**', 'src/geo/**', 'src/op/**', 'src/shared/**'];

export default tseslint.config(
  // test/fixtures holds data (the DEG series are .js files), not code.
  { ignores: ['dist/**', 'web/dist/**', 'node_modules/**', 'bench/corpus/**', 'tmp/**', 'test-results/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: DOMAIN,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['hono', 'hono/*', '@hono/*', 'commander', '@commander-js/*', 'cli-progress', '@duckdb/*'],
              message: 'domain code stays free of HTTP, CLI and DuckDB (docs/architecture.md)',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'Buffer',
          'URL',
          'URLSearchParams',
          'performance',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'fetch',
          'TextDecoder',
          'TextEncoder',
          'structuredClone',
          'queueMicrotask',
        ].map((g) => [g, 'readonly']),
      ),
    },
  },
);
