import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, isPidAlive, projectRoot } from '@engine/local-services';

const run = promisify(execFile);
const root = projectRoot();

/**
 * The stack script as a new user gets it: no DATABASE_URL, REDIS_URL or TEMPORAL_ADDRESS, so it
 * starts embedded PostgreSQL, redis-server and the Temporal dev server itself. Every port is
 * moved to a free one and DATA_DIR to a temporary folder, so it cannot collide with a running stack.
 */
describe('stack:up / stack:down on embedded defaults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ce-stack-test-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env['DATABASE_URL'];
  delete env['REDIS_URL'];
  delete env['TEMPORAL_ADDRESS'];
  const stack = (command: string) =>
    run(process.execPath, ['-r', '@swc-node/register', 'tools/src/stack-cli.ts', command], {
      cwd: root,
      env,
      timeout: 300_000,
    });

  beforeAll(async () => {
    const names = [
      'TEMPORAL_PORT',
      'TEMPORAL_UI_PORT',
      'POSTGRES_PORT',
      'REDIS_PORT',
      'API_PORT',
      'CARRIER_SIM_PORT',
      'WORKER_HEALTH_PORT',
      'WORKER_METRICS_PORT',
    ];
    for (const name of names) env[name] = String(await findFreePort());
  });
  afterAll(async () => {
    await stack('down').catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts every part, answers health checks, reuses them on a second up, and stops them all', async () => {
    const first = await stack('up');
    expect(first.stdout).toMatch(/stack is up/);
    const state = JSON.parse(readFileSync(join(dataDir, 'stack.json'), 'utf8')) as {
      services: Record<string, { pid?: number }>;
    };
    const pids = Object.fromEntries(Object.entries(state.services).map(([k, v]) => [k, v.pid]));
    expect(Object.keys(pids).sort()).toEqual([
      'api',
      'carrier-sim',
      'postgres',
      'redis',
      'temporal',
      'worker',
    ]);

    const health = await fetch(`http://127.0.0.1:${env['API_PORT']}/api/health`).then((r) => r.json());
    expect(health).toMatchObject({ status: 'ok' });
    expect((await fetch(`http://127.0.0.1:${env['TEMPORAL_UI_PORT']}/`)).ok).toBe(true);
    expect((await fetch(`http://127.0.0.1:${env['WORKER_HEALTH_PORT']}/health`)).ok).toBe(true);
    const metrics = await fetch(`http://127.0.0.1:${env['WORKER_METRICS_PORT']}/metrics`);
    expect(await metrics.text()).toMatch(/^temporal_num_pollers\{/m);
    expect((await fetch(`http://127.0.0.1:${env['API_PORT']}/api/docs`)).ok).toBe(true);

    const second = await stack('up');
    expect(second.stdout.match(/reused/g)).toHaveLength(6);

    await stack('down');
    for (const [name, pid] of Object.entries(pids))
      expect(isPidAlive(pid), `${name} still running`).toBe(false);
  }, 300_000);

  it.each([
    ['CARRIER_SIM_PORT', 'carrier-sim'],
    ['WORKER_METRICS_PORT', 'worker'],
  ])(
    'names the taken port and the variable that moves it (%s)',
    async (variable, service) => {
      const { createServer } = await import('node:net');
      const blocker = createServer();
      const port = Number(env[variable]);
      await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
      try {
        await expect(stack('up')).rejects.toMatchObject({
          stderr: expect.stringContaining(
            `port ${port} (${service}) is already in use by another process; set ${variable}`,
          ),
        });
      } finally {
        blocker.close();
        await stack('down');
      }
    },
    300_000,
  );
});
