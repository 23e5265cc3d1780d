import type { CallControl, NumberInventory } from './call-control';
import type { SmsProvider } from './sms-provider';
import type { VoiceProvider } from './voice-provider';

/** The carriers the engine speaks to. `sim` is the bundled simulator (demo, tests). */
export const CarrierProviders = ['sim', 'twilio', 'telnyx', 'plivo'] as const;
export type CarrierProvider = (typeof CarrierProviders)[number];

/** Everything the engine asks of one carrier account: calls, texts, live call control, numbers. */
export interface Carrier extends VoiceProvider, SmsProvider, CallControl, NumberInventory {
  readonly name: CarrierProvider;
}

/**
 * One carrier account as an adapter needs it: decrypted credentials (validated by the provider's
 * credentials schema) and an optional API base URL (regional endpoint, proxy, test fake).
 */
export interface CarrierAccountSettings {
  /** The account's id (`default` for the one configured from the environment). */
  id: string;
  provider: CarrierProvider;
  credentials: Record<string, string>;
  /** The carrier's API base URL; its public one when absent. */
  apiBaseUrl?: string;
  /** Per-request timeout; default 10 s. A timeout is a retryable (state unknown) failure. */
  timeoutMs?: number;
  /** Webhook signature timestamp tolerance where the scheme has one; default 300 s. */
  webhookToleranceSeconds?: number;
}

/** Builds the adapter of one account. */
export type CarrierFactory = (account: CarrierAccountSettings) => Carrier;

/** A stored (or environment-configured) account with what the engine needs beyond the adapter. */
export interface CarrierAccountRecord extends CarrierAccountSettings {
  /** The owning customer; null for the environment's account (it serves DIDs of no account). */
  customerId: string | null;
  /** Calls per second the carrier allows the account, shared by every campaign and worker. */
  cpsLimit: number;
}
