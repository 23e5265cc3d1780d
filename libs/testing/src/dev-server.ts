import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  devServerExtraArgs,
  findFreePort,
  readTemporalDevConfig,
  resolveTemporalCli,
} from '@engine/local-services';

/**
 * A Temporal dev server of the calling test file's own, set up like the shared one (namespace,
 * search attributes and dynamic config of temporal.dev.yaml) with `dynamicConfig` on top. For
 * tests that need other server settings (e.g. `limit.historyCount.suggestContinueAsNew`) or that
 * leave server-wide state behind (a worker process creates the `did-lifecycle` schedule).
 * Tear it down with `env.teardown()`.
 */
export async function createDevServerEnv(
  dynamicConfig: Record<string, unknown> = {},
): Promise<TestWorkflowEnvironment> {
  const devConfig = readTemporalDevConfig({});
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: resolveTemporalCli() },
      ip: '127.0.0.1',
      port: await findFreePort(),
      namespace: devConfig.namespace,
      log: { format: 'pretty', level: 'error' },
      extraArgs: devServerExtraArgs(devConfig, dynamicConfig),
    },
  });
}
