import type { SmsProvider } from './sms-provider';
import type { VoiceProvider } from './voice-provider';
import { UnknownProviderError } from './errors/unknown-provider-error';

/** Looks providers up by the `name` stored with an attempt or carried by a webhook route. */
export interface ProviderRegistry {
  /** @throws UnknownProviderError */
  providerFor(name: string): VoiceProvider;
  /** @throws UnknownProviderError */
  smsProviderFor(name: string): SmsProvider;
  readonly voiceProviderNames: readonly string[];
  readonly smsProviderNames: readonly string[];
}

function indexByName<P extends { readonly name: string }>(
  providers: readonly P[],
  kind: string,
): Map<string, P> {
  const byName = new Map<string, P>();
  for (const provider of providers) {
    if (byName.has(provider.name)) throw new Error(`two ${kind} providers are named "${provider.name}"`);
    byName.set(provider.name, provider);
  }
  return byName;
}

/**
 * Builds a registry from provider instances. Names must be unique per kind; one object may be
 * registered as both a voice and an SMS provider (the simulator is).
 */
export function createProviderRegistry(providers: {
  voice?: readonly VoiceProvider[];
  sms?: readonly SmsProvider[];
}): ProviderRegistry {
  const voice = indexByName(providers.voice ?? [], 'voice');
  const sms = indexByName(providers.sms ?? [], 'sms');
  return {
    voiceProviderNames: [...voice.keys()],
    smsProviderNames: [...sms.keys()],
    providerFor(name) {
      const provider = voice.get(name);
      if (!provider) throw new UnknownProviderError(name, [...voice.keys()]);
      return provider;
    },
    smsProviderFor(name) {
      const provider = sms.get(name);
      if (!provider) throw new UnknownProviderError(name, [...sms.keys()]);
      return provider;
    },
  };
}
