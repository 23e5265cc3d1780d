import { createLogger } from '@engine/config';
import { SimulatorProvider } from '@engine/providers';
import type { OriginateRequest, SimOriginateRequest } from '@engine/providers';
import type { RunningCarrierSim, SimConfigPatch } from '../../src';
import { startCarrierSim } from '../../src';
import type { WebhookReceiver } from './webhook-receiver';
import { startWebhookReceiver } from './webhook-receiver';

export const SECRET = 'carrier-sim-test-secret';

/** A simulator, a provider pointing at it and a webhook receiver, all on free local ports. */
export interface SimHarness {
  sim: RunningCarrierSim;
  provider: SimulatorProvider;
  receiver: WebhookReceiver;
  /** An originate request with sensible defaults and the receiver as callback. */
  request(
    attemptId: string,
    overrides?: Partial<SimOriginateRequest>,
  ): OriginateRequest & SimOriginateRequest;
  /** Raw HTTP against the simulator. */
  http(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

export async function startHarness(
  config: SimConfigPatch = {},
  providerTimeoutMs?: number,
): Promise<SimHarness> {
  const sim = await startCarrierSim({
    webhookSecret: SECRET,
    config: { timeScale: 0.001, ...config },
    // Given-up webhooks are logged as warnings; the tests check the ledger instead.
    logger: createLogger('carrier-sim', 'silent'),
  });
  const receiver = await startWebhookReceiver();
  const provider = new SimulatorProvider({
    baseUrl: sim.url,
    webhookSecret: SECRET,
    ...(providerTimeoutMs === undefined ? {} : { timeoutMs: providerTimeoutMs }),
  });
  return {
    sim,
    provider,
    receiver,
    request: (attemptId, overrides = {}) => {
      const wire: SimOriginateRequest = {
        attemptId,
        to: '+14155550100',
        from: '+12125550111',
        callbackUrl: `${receiver.url}/api/webhooks/sim/call-status`,
        agent: 'ai',
        amd: true,
        ...overrides,
      };
      const plan = {
        agent: wire.agent,
        attemptId,
        ...(wire.voicemailDropUrl ? { voicemailDropUrl: wire.voicemailDropUrl } : {}),
      };
      return { ...wire, plan };
    },
    async http(path, init = {}) {
      const res = await fetch(`${sim.url}${path}`, {
        method: init.method ?? 'GET',
        ...(init.body === undefined
          ? {}
          : {
              headers: { 'content-type': 'application/json' },
              body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
            }),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await sim.close();
      await receiver.close();
    },
  };
}

/** Polls `probe` until it returns a value other than undefined. */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
