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
