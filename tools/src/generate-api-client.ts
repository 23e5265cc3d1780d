import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateClientTypes } from '@engine/api-client/generate';
import { readEngineEnv } from '@engine/config';
import { projectRoot } from '@engine/local-services';

/**
 * Regenerates `libs/api-client/src/schema.d.ts` from a running API's OpenAPI document (by default
 * the dev stack's, `npm run stack:up`; or the URL given as the first argument).
 */
async function main(): Promise<void> {
  const url = process.argv[2] ?? `http://127.0.0.1:${readEngineEnv().API_PORT}/api/docs/openapi.json`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}: is the API up (npm run stack:up)?`);
  const target = join(projectRoot(), 'libs', 'api-client', 'src', 'schema.d.ts');
  writeFileSync(target, await generateClientTypes(await res.json()));
  console.log(`wrote ${target} from ${url}`);
}

main().catch((err: unknown) => {
  console.error(`api-client:generate: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
