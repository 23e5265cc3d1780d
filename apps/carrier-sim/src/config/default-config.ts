import { DEFAULT_PROFILE } from './profiles';
import type { SimConfig } from './sim-config';

/** The configuration a simulator starts from before `options.config` / `SIM_CONFIG_JSON`. */
export const DEFAULT_SIM_CONFIG: Readonly<SimConfig> = Object.freeze({
  timeScale: 1,
  ringMs: 2_000,
  defaults: DEFAULT_PROFILE,
  byDid: {},
  byAreaCode: {},
  faults: {
    originateErrorRate: 0,
    originateLostAnswerRate: 0,
    originateDelayMs: 0,
    dropCallbackRate: 0,
    duplicateCallbackRate: 0,
    callbackDelayMs: 0,
  },
  sms: {
    deliveredRate: 0.95,
    sentDelayMs: 500,
    deliveryDelayMs: { min: 1_000, max: 5_000 },
    sendErrorRate: 0,
    dropReceiptRate: 0,
    duplicateReceiptRate: 0,
    outOfOrderRate: 0,
  },
  // 5 attempts, 250 ms doubling: a webhook keeps trying for about 4 s before it is given up.
  webhooks: { maxAttempts: 5, retryBaseDelayMs: 250, timeoutMs: 5_000 },
});
