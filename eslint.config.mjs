// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * Workflow code runs in Temporal's deterministic sandbox: no Node built-ins, no I/O libraries, no
 * SDK packages meant for workers, clients or tests. Shared libs the workflow bundle pulls in
 * (domain, contracts) follow the same rule.
 */
const workflowSandboxRule = [
  'error',
  {
    paths: [
      ...builtinModules.filter((m) => !m.startsWith('_')).flatMap((m) => [m, `node:${m}`]),
      'pg',
      'ioredis',
      'kysely',
      '@temporalio/activity',
      '@temporalio/client',
      '@temporalio/worker',
      '@temporalio/testing',
      '@engine/db',
      '@engine/redis',
      '@engine/activities',
      '@engine/config',
      '@engine/local-services',
      '@engine/testing',
    ].map((name) => ({
      name,
      message:
        'workflow code must stay deterministic: no Node built-ins, I/O libraries or worker/client SDK packages',
    })),
    patterns: [
      { group: ['node:*', 'pg/*', 'ioredis/*', 'kysely/*'], message: 'not allowed in workflow code' },
    ],
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '.data/**',
      '.tools/**',
      '.nx/**',
      'dist/**',
      'coverage/**',
      'deploy/**',
      'tools/bootstrap.cjs',
      'libs/api-client/src/schema.d.ts',
      '**/lint-fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            'eslint.config.mjs',
            'workflows/src/__lint_probe__.ts',
            'libs/testing/src/__lint_probe__.ts',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { import: importX, '@nx': nx },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import/no-cycle': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          // Test files of a lib import the test harness, which imports that lib: a cycle between
          // projects that exists only in tests.
          ignoredCircularDependencies: [
            'db',
            'redis',
            'workflows',
            'activities',
            'api',
            'carrier-sim',
            'local-services',
            'providers',
            'tools',
            'domain',
            'contracts',
            'config',
          ]
            .flatMap((p) => [
              ['testing', p],
              ['test-stack', p],
            ])
            .concat([['test-stack', 'testing']])
            // The domain's health tests draw calls with the carrier simulator's own mixes, which
            // imports the domain through providers: again a cycle that exists only in tests.
            .concat([['domain', 'carrier-sim']]),
          depConstraints: [
            { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:contracts', 'type:util'],
            },
            {
              sourceTag: 'type:activity',
              onlyDependOnLibsWithTags: [
                'type:data-access',
                'type:domain',
                'type:contracts',
                'type:util',
                'type:providers',
              ],
            },
            {
              sourceTag: 'type:providers',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util'],
            },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:activity',
                'type:workflow',
                'type:data-access',
                'type:domain',
                'type:contracts',
                'type:util',
                'type:providers',
              ],
            },
            // Test helpers that need no app (services, databases, fixtures); whatever needs the
            // API, the simulator or the worker lives above the apps, in test-stack.
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: [
                'type:testing',
                'type:activity',
                'type:workflow',
                'type:data-access',
                'type:domain',
                'type:contracts',
                'type:util',
                'type:providers',
                'type:infra',
              ],
            },
            { sourceTag: 'type:test-stack', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
  {
    files: ['workflows/src/**/*.ts', 'libs/domain/src/**/*.ts', 'libs/contracts/src/**/*.ts'],
    rules: { 'no-restricted-imports': workflowSandboxRule },
  },
  {
    // Tests, benchmarks and the stack harness start whole apps in-process (the API, the carrier
    // simulator), which Nx otherwise forbids a library to import. libs/testing is not among them:
    // it must not import an app (the rule above holds there).
    files: ['**/*.test.ts', '**/test/**/*.ts', 'bench/**/*.ts', 'test-stack/src/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  prettier,
);
