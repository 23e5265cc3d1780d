import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineEnvSchema } from '@engine/config';
import { simEnvSchema } from '@engine/carrier-sim';

/** The variable names in the first column of the README's configuration table. */
function documentedVariables(): Set<string> {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.split('## Configuration')[1]?.split('\n### ')[0] ?? '';
  const names = [...section.matchAll(/^\| `([A-Z0-9_]+)`/gm)].map((m) => m[1] ?? '');
  return new Set(names);
}

describe('README configuration table', () => {
  it('documents every environment variable the engine and the simulator read', () => {
    const documented = documentedVariables();
    const read = [...Object.keys(engineEnvSchema.shape), ...Object.keys(simEnvSchema.shape)];
    expect(read.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('documents no variable that nothing reads', () => {
    // Paths of binaries are read by the service launchers, outside the schemas.
    const launchers = ['TEMPORAL_CLI_PATH', 'TEMPORAL_TEST_SERVER_PATH'];
    const read = new Set([
      ...Object.keys(engineEnvSchema.shape),
      ...Object.keys(simEnvSchema.shape),
      ...launchers,
    ]);
    expect([...documentedVariables()].filter((name) => !read.has(name))).toEqual([]);
  });
});
