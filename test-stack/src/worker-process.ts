import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dataDir, findFreePort, projectRoot } from '@engine/local-services';
import type { CampaignStack } from './campaign-stack';
import { TEST_CARRIER_CREDENTIALS_KEY, TEST_WEBHOOK_SECRET } from './campaign-stack';

/** A campaign worker running as a process of its own (`apps/worker/src/main.ts`), as in production. */
export interface WorkerProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** The port of its `GET /health` endpoint. */
  readonly healthPort: number;
  /** Settles when the process has exited, however it ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once `/health` answers 200 (the worker is RUNNING: bundled, connected, polling). */
  waitUntilRunning(timeoutMs?: number): Promise<void>;
  /** Sends `signal` (default SIGKILL) and waits for the process to be gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface WorkerProcessOptions {
  /** Appended to across restarts; default `<DATA_DIR>/logs/test/worker-<taskQueue>.log`. */
  logFile?: string;
  /** Extra environment (e.g. `WORKER_MAX_CONCURRENT_ACTIVITIES`, `DID_DAILY_CAP`). */
  env?: Record<string, string>;
}

/** The log file a stack's worker processes append to unless told otherwise. */
export function workerLogFile(stack: CampaignStack): string {
  return join(dataDir(), 'logs', 'test', `worker-${stack.temporal.taskQueue}.log`);
}

/**
 * Starts `node -r @swc-node/register apps/worker/src/main.ts` against the stack's database, Redis
 * key prefix, Temporal server and task queue, carrier simulator and API (for the webhook URL).
 * Chaos tests SIGKILL it and start another: nothing of the worker survives in the test process.
 */
export async function spawnWorkerProcess(
  stack: CampaignStack,
  options: WorkerProcessOptions = {},
): Promise<WorkerProcess> {
  const healthPort = await findFreePort();
  const logFile = options.logFile ?? workerLogFile(stack);
  mkdirSync(dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: projectRoot(),
      stdio: ['ignore', fd, fd],
      env: {
        ...process.env,
        DATABASE_URL: stack.database.url,
        REDIS_URL: stack.redis.url,
        REDIS_KEY_PREFIX: stack.redis.keyPrefix,
        TEMPORAL_ADDRESS: stack.temporalAddress,
        TEMPORAL_NAMESPACE: stack.temporalNamespace,
        TEMPORAL_TASK_QUEUE: stack.temporal.taskQueue,
        CARRIER_SIM_URL: stack.sim.url,
        PUBLIC_API_URL: stack.apiUrl,
        WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
        CARRIER_CREDENTIALS_KEY: TEST_CARRIER_CREDENTIALS_KEY,
        WORKER_HEALTH_PORT: String(healthPort),
        WORKER_METRICS_PORT: '0',
        LOG_LEVEL: 'warn',
        ...options.env,
      },
    });
  } finally {
    closeSync(fd);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error('the worker process did not start');

  let gone = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      gone = true;
      resolve({ code, signal });
    });
  });

  return {
    pid,
    child,
    healthPort,
    exited,
    async waitUntilRunning(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (gone) throw new Error(`the worker process ${pid} exited before it was running (see ${logFile})`);
        const ok = await fetch(`http://127.0.0.1:${healthPort}/health`, { signal: AbortSignal.timeout(1000) })
          .then((res) => res.ok)
          .catch(() => false);
        if (ok) return;
        if (Date.now() > deadline)
          throw new Error(`the worker process ${pid} was not running after ${timeoutMs} ms (see ${logFile})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (!gone) child.kill(signal);
      await exited;
    },
  };
}
