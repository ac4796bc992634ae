// Lint for every package: typescript-eslint's recommended rules with type information off (fast, no
// project service), react-hooks for the admin. Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.tools/**', 'data/**', 'test/bench/results/**', 'schema/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Resolvers and test helpers read loosely typed GraphQL results; `any` is allowed where it is written out.
      '@typescript-eslint/no-explicit-any': 'off',
      // type-graphql's decorators and MikroORM entities declare classes that only carry metadata.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  // Arrows point one way: feature modules use the shared machinery and auth/, never the reverse, and
  // a module takes its settings from the server's configuration instead of reading the environment.
  {
    files: ['server/src/auth/**/*.ts', 'server/src/common/**/*.ts', 'server/src/read/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/modules/**'], message: 'shared machinery and auth/ must not import from feature modules' }] },
      ],
    },
  },
  {
    files: ['server/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/env.js', '**/env'], message: 'a module takes its settings from the configuration passed in (app.ts), not the environment' }],
        },
      ],
    },
  },
  // No AsyncLocalStorage in the server: on Node 20 one entered storage keeps promise hooks on for every
  // promise of the process (ADR 0011). MikroORM enters its own in transactional(), RequestContext and
  // findAndCount; transactions go through common/transaction.ts, the actor through the EntityManager.
  {
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportDeclaration[source.value=/^(node:)?async_hooks$/]', message: 'no AsyncLocalStorage or async hooks in the server (ADR 0011)' },
        { selector: "Identifier[name='AsyncLocalStorage']", message: 'no AsyncLocalStorage in the server (ADR 0011)' },
        {
          selector: 'ImportSpecifier[imported.name=/^(RequestContext|TransactionContext|Transactional)$/]',
          message: "MikroORM's RequestContext, TransactionContext and @Transactional enter an AsyncLocalStorage (ADR 0011)",
        },
        {
          selector: "CallExpression[callee.property.name='transactional']",
          message: 'use inTransaction (common/transaction.ts): em.transactional enters an AsyncLocalStorage',
        },
        { selector: "CallExpression[callee.property.name='findAndCount']", message: 'findAndCount enters an AsyncLocalStorage; use find and count' },
      ],
    },
  },
  {
    files: ['admin/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
