// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'src/server/db/migrations/**', 'e2e/artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', module: 'writable', require: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', 'drizzle-orm*', 'fastify*', 'node:*'], message: 'The web imports only src/shared.' }] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'react*', 'drizzle-orm*', 'fastify*', '**/server/**', '**/web/**'], message: 'src/shared imports neither node, react nor the ORM.' }] }],
    },
  },
  {
    files: ['src/server/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['drizzle-orm*', '**/db/**'], message: 'Routes never touch the database: call a service.' }] }],
    },
  },
  {
    files: ['src/server/**/*.service.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['fastify*', '@fastify/*'], message: 'Services know nothing of HTTP.' }] }],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'bench/**/*.{ts,mjs,js}', 'bin/**/*.js', 'e2e/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
