import { rmSync } from 'node:fs';
import { isPidAlive, stopPid } from '@engine/local-services';
import type { Report } from './managed-service';
import { readStackState, stackStatePath } from './state';

/** Apps first, together (they drain and close their connections), then the services they use. */
const STOP_WAVES: Array<Array<[string, NodeJS.Signals]>> = [
  [
    ['api', 'SIGTERM'],
    ['worker', 'SIGTERM'],
    ['carrier-sim', 'SIGTERM'],
  ],
  [
    ['redis', 'SIGTERM'],
    // SIGINT is PostgreSQL's "fast" shutdown: it does not wait for idle clients to disconnect.
    ['postgres', 'SIGINT'],
    ['temporal', 'SIGTERM'],
  ],
];

/** `npm run stack:down`: stops every process `stack:up` started; external services are left alone. */
export async function stackDown(report: Report = console.log): Promise<void> {
  const state = readStackState();
  if (!state) {
    report('stack: nothing to stop (no .data/stack.json)');
    return;
  }
  for (const wave of STOP_WAVES) {
    await Promise.all(
      wave.map(async ([name, signal]) => {
        const pid = state.services[name]?.pid;
        if (!pid) return;
        if (!isPidAlive(pid)) {
          report(`${name}: was not running`);
          return;
        }
        await stopPid(pid, signal, 30_000);
        report(`${name}: stopped (pid ${pid})`);
      }),
    );
  }
  rmSync(stackStatePath(), { force: true });
}
