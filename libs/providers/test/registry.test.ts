import { describe, expect, it } from 'vitest';
import { createProviderRegistry, SimulatorProvider, UnknownProviderError } from '../src';

describe('createProviderRegistry', () => {
  const sim = new SimulatorProvider({ baseUrl: 'http://127.0.0.1:4010', webhookSecret: 'secret' });

  it('finds providers by name, per kind', () => {
    const registry = createProviderRegistry({ voice: [sim], sms: [sim] });
    expect(registry.providerFor('sim')).toBe(sim);
    expect(registry.smsProviderFor('sim')).toBe(sim);
    expect(registry.voiceProviderNames).toEqual(['sim']);
  });

  it('throws UnknownProviderError naming the known ones', () => {
    const registry = createProviderRegistry({ voice: [sim] });
    expect(() => registry.providerFor('twilio')).toThrow(UnknownProviderError);
    expect(() => registry.providerFor('twilio')).toThrow(/known: sim/);
    expect(() => registry.smsProviderFor('sim')).toThrow(
      expect.objectContaining({ code: 'PROVIDER_UNKNOWN' }),
    );
  });

  it('refuses two providers with the same name', () => {
    expect(() => createProviderRegistry({ voice: [sim, sim] })).toThrow(/two voice providers/);
  });
});
