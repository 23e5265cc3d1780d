import type { Logger } from '@engine/config';
import { createLogger } from '@engine/config';
import { DEFAULT_WEBHOOK_SECRET } from '@engine/providers';
import { parseSimConfigPatch } from '../config/config-schema';
import { DEFAULT_SIM_CONFIG } from '../config/default-config';
import { applyConfigPatch } from '../config/merge-config';
import type { SimConfig, SimConfigPatch } from '../config/sim-config';
import { CarrierLedger, DEFAULT_LEDGER_CAPACITY } from '../ledger/carrier-ledger';
import { CallEngine } from './call-engine';
import type { RandomSource } from './random';
import { createRandomSource } from './random';
import { SmsEngine } from './sms-engine';
import { TimerRegistry } from './timer-registry';
import { WebhookSender } from './webhook-sender';

/** Options of {@link CarrierSimulator}. */
export interface CarrierSimulatorOptions {
  /** Secret webhooks are signed with; default `dev-webhook-secret` (as the API's default). */
  webhookSecret?: string;
  /** Applied over the defaults at start; `DELETE /sim/config` returns to this configuration. */
  config?: SimConfigPatch;
  /** Entries kept per ledger log and attempts remembered; default 1,000,000. */
  ledgerCapacity?: number;
  logger?: Logger;
}

/**
 * The simulated carrier without its HTTP surface: configuration, ledger, calls, messages,
 * webhooks and the timers behind them. `createSimApp` exposes it over HTTP.
 */
export class CarrierSimulator {
  readonly ledger: CarrierLedger;
  readonly calls: CallEngine;
  readonly sms: SmsEngine;
  readonly timers = new TimerRegistry();
  private readonly startupConfig: SimConfig;
  private current: SimConfig;
  private randomSource: RandomSource;

  constructor(options: CarrierSimulatorOptions = {}) {
    const capacity = options.ledgerCapacity ?? DEFAULT_LEDGER_CAPACITY;
    const log = options.logger ?? createLogger('carrier-sim');
    this.startupConfig = applyConfigPatch(
      DEFAULT_SIM_CONFIG,
      parseSimConfigPatch(options.config ?? {}, 'config'),
    );
    this.current = this.startupConfig;
    this.randomSource = createRandomSource(this.current.seed);
    this.ledger = new CarrierLedger(capacity);
    const webhooks = new WebhookSender({
      secret: options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET,
      timers: this.timers,
      ledger: this.ledger,
      config: () => this.current.webhooks,
      log,
    });
    const shared = {
      ledger: this.ledger,
      timers: this.timers,
      webhooks,
      config: () => this.current,
      random: () => this.randomSource,
      capacity,
    };
    this.calls = new CallEngine(shared);
    this.sms = new SmsEngine(shared);
  }

  /** The effective configuration. */
  get config(): Readonly<SimConfig> {
    return this.current;
  }

  /**
   * Validates (it may come straight from an HTTP body) and applies a configuration patch; it
   * governs calls placed from now on (and webhooks not yet sent). Returns the new configuration.
   *
   * @throws SimConfigError naming the offending field.
   */
  configure(patch: SimConfigPatch): Readonly<SimConfig> {
    this.current = applyConfigPatch(this.current, parseSimConfigPatch(patch));
    this.randomSource = createRandomSource(this.current.seed);
    return this.current;
  }

  /** Returns to the configuration the simulator started with. */
  restoreConfig(): Readonly<SimConfig> {
    this.current = this.startupConfig;
    this.randomSource = createRandomSource(this.current.seed);
    return this.current;
  }

  /**
   * Clears the ledger and forgets every call and message; calls in progress are abandoned and
   * their webhooks never sent, so nothing from before the reset reaches the next test. The
   * configuration is kept.
   */
  reset(): void {
    this.timers.cancelAll();
    this.calls.clear();
    this.sms.clear();
    this.ledger.clear();
  }

  /** Stops every timer and in-flight webhook; the simulator does nothing afterwards. */
  close(): void {
    this.timers.close();
  }
}
