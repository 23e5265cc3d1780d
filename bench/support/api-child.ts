import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findFreePort } from '@engine/local-services';

const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** An API process started by {@link startApiChild}. */
export interface ApiChild {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/**
 * The API as its own process (apps/api/src/main.ts, as in production), configured by this
 * process's environment plus `env`, so that a load generator here does not share its event loop.
 * Returns once `/api/health` answers with a status `up` accepts (default: below 500; a bench
 * without Temporal accepts its 503). `nodeArgs` go after swc's preload and before the script
 * (e.g. `-r bench/support/worker-probe.ts`: a preloaded .ts file is compiled).
 */
export async function startApiChild(
  logFile: string,
  env: NodeJS.ProcessEnv = {},
  up: (healthStatus: number) => boolean = (status) => status < 500,
  nodeArgs: readonly string[] = [],
): Promise<ApiChild> {
  const port = await findFreePort();
  const out = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', ...nodeArgs, join(PROJECT_ROOT, 'apps/api/src/main.ts')],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', out, out],
      env: { ...process.env, LOG_LEVEL: 'warn', ...env, API_PORT: String(port) },
    },
  );
  closeSync(out);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the API exited (${child.exitCode}): ${readFileSync(logFile, 'utf8')}`);
    const answered = await fetch(`${url}/api/health`)
      .then((r) => up(r.status))
      .catch(() => false);
    if (answered) break;
    if (Date.now() > deadline) throw new Error(`the API did not come up: ${readFileSync(logFile, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killed);
    },
  };
}
