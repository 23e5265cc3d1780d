import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, toolsDir } from '@engine/local-services';
import type { ApiStack } from './support/api-stack';
import { startApiStack } from './support/api-stack';

/**
 * The contract fuzz: schemathesis generates requests from /api/docs/openapi.json (valid and
 * invalid ones, examples, boundary values, chains of calls along the document's links) and checks
 * every answer against the document with all of its checks on: no 5xx, only declared status codes,
 * bodies and headers matching their schemas, valid requests accepted, invalid ones rejected,
 * unsupported methods answered 405, deleted resources gone, authentication enforced.
 *
 * The seed is fixed so that CI is reproducible; run it with another seed (README, "API contract")
 * to explore further.
 */
const SEED = '20261201';

// The fuzz checks answers, not throughput: a rate limit it keeps meeting would only turn its
// requests into 429s (rate-limit.int.test.ts covers those). Set before the API reads its env.
process.env['API_RATE_LIMIT_PER_SECOND'] = '10000';
process.env['API_RATE_LIMIT_BURST'] = '10000';
const MAX_EXAMPLES = '25';

function runSchemathesis(args: string[]): Promise<{ code: number | null; output: string }> {
  const binary = join(toolsDir(), 'venv', 'bin', 'schemathesis');
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      cwd: projectRoot(),
      env: {
        ...process.env,
        PYTHONPATH: join(projectRoot(), 'tools', 'contract'),
        SCHEMATHESIS_HOOKS: 'schemathesis_hooks',
        NO_COLOR: '1',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** The failures section of schemathesis' report, which is what a reader needs when this fails. */
function failures(output: string): string {
  const start = output.indexOf('FAILURES');
  return (start >= 0 ? output.slice(start) : output).slice(0, 20_000);
}

describe('the API contract (schemathesis over the OpenAPI document, every check)', () => {
  let s: ApiStack;

  beforeAll(async () => {
    s = await startApiStack();
  });
  afterAll(() => s?.close());

  it('finds no failure in any operation', async () => {
    const binary = join(toolsDir(), 'venv', 'bin', 'schemathesis');
    if (!existsSync(binary)) {
      throw new Error(`${binary} is missing: npm test installs it (node tools/bootstrap.cjs --test)`);
    }
    const { apiKey } = await s.tenant('Contract fuzz');
    const { code, output } = await runSchemathesis([
      '--config-file',
      join(projectRoot(), 'tools', 'contract', 'schemathesis.toml'),
      'run',
      `${s.url}/api/docs/openapi.json`,
      '--url',
      s.url,
      '--header',
      `Authorization: Bearer ${apiKey}`,
      '--checks',
      'all',
      '--max-examples',
      MAX_EXAMPLES,
      '--seed',
      SEED,
      '--workers',
      '1',
      '--no-color',
    ]);
    expect(code, failures(output)).toBe(0);
    expect(output).toMatch(/API Operations:\s+Selected: (\d+)\/\1\s+Tested: \1/);
  }, 900_000);
});
