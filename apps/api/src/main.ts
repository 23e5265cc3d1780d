import { readEngineEnv } from '@engine/config';
import { createApiApp } from './create-app';

async function main(): Promise<void> {
  const env = readEngineEnv();
  const app = await createApiApp();
  await app.listen(env.API_PORT, '0.0.0.0');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
