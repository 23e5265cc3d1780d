import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC instead of esbuild: NestJS dependency injection needs emitted decorator metadata.
const swcPlugin = () =>
  swc.vite({
    tsconfigFile: './tsconfig.base.json',
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { decoratorMetadata: true, legacyDecorator: true },
    },
  });

const roots = ['apps/*', 'libs/*', 'workflows', 'activities', 'tools'];

export default defineConfig({
  test: {
    // Two cores: more parallel files than this only adds contention with the servers.
    maxWorkers: 2,
    projects: [
      {
        plugins: [swcPlugin()],
        test: {
          name: 'unit',
          include: roots.map((r) => `${r}/test/**/*.test.ts`),
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        plugins: [swcPlugin()],
        test: {
          name: 'integration',
          include: roots.map((r) => `${r}/test/**/*.int.test.ts`),
          exclude: ['**/node_modules/**'],
          globalSetup: ['libs/testing/src/global-setup.ts'],
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
