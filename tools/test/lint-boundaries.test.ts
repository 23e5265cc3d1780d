import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '@engine/local-services';

const root = projectRoot();
const fixture = (name: string) => readFileSync(join(root, 'workflows', 'lint-fixtures', name), 'utf8');

/** Lints `code` with the project's real ESLint config as if it were a file in workflows/src. */
async function lintAsWorkflowCode(code: string) {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, {
    filePath: join(root, 'workflows', 'src', '__lint_probe__.ts'),
  });
  return result?.messages ?? [];
}

describe('workflow sandbox lint rule', () => {
  it('rejects pg, Node built-ins, ioredis, kysely and worker/client/activity SDK imports in workflows/', async () => {
    const messages = await lintAsWorkflowCode(fixture('forbidden-imports.fixture.ts'));
    const restricted = messages.filter((m) => m.ruleId === 'no-restricted-imports');
    const rejectedLines = [...new Set(restricted.map((m) => m.line))].sort((a, b) => a - b);
    // One rejection per import line of the fixture (lines 3 to 10).
    expect(rejectedLines).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(restricted.find((m) => m.line === 3)?.message).toMatch(/'pg' import is restricted/);
  }, 60_000);

  it('accepts @temporalio/workflow and the shared contracts', async () => {
    const messages = await lintAsWorkflowCode(fixture('allowed-imports.fixture.ts'));
    expect(messages.filter((m) => m.severity === 2)).toEqual([]);
  }, 60_000);
});

describe('layer boundaries (Nx module boundaries)', () => {
  /** Lints `code` as if it were a file of libs/testing (the graph must be built: `nx show projects`). */
  async function lintAsTestingLib(code: string) {
    execFileSync(join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects'], {
      cwd: root,
      stdio: 'ignore',
    });
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText(code, {
      filePath: join(root, 'libs', 'testing', 'src', '__lint_probe__.ts'),
    });
    return (result?.messages ?? []).filter((m) => m.ruleId === '@nx/enforce-module-boundaries');
  }

  it('rejects an app imported by libs/testing (stack wiring lives above the apps, in test-stack)', async () => {
    const messages = await lintAsTestingLib(
      "import { createApiApp } from '@engine/api';\nimport { startCarrierSim } from '@engine/carrier-sim';\nexport { createApiApp, startCarrierSim };\n",
    );
    expect(messages.map((m) => m.line)).toEqual([1, 2]);
    expect(messages[0]?.message).toMatch(/Imports of apps are forbidden/);
  }, 120_000);

  it('accepts the libraries libs/testing is meant to use', async () => {
    const messages = await lintAsTestingLib(
      "import { createDb } from '@engine/db';\nimport { findFreePort } from '@engine/local-services';\nexport { createDb, findFreePort };\n",
    );
    expect(messages).toEqual([]);
  }, 120_000);
});
