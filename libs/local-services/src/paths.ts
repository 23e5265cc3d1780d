import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root: the nearest folder up from here whose package.json declares workspaces. */
export function projectRoot(start: string = __dirname): string {
  let dir = resolve(start);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (parsed.workspaces) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no workspace root found above ${start}`);
    dir = parent;
  }
}

/** `.data/` (or DATA_DIR): databases, logs and the stack's state file; ignored by git. */
export function dataDir(): string {
  return resolve(projectRoot(), process.env['DATA_DIR'] ?? '.data');
}

/** `.tools/`: the project-local Python venv holding the Temporal CLI and test server. */
export function toolsDir(): string {
  return join(projectRoot(), '.tools');
}
