import { describe, expect, it } from 'vitest';
import { readSimEnv } from '../src/sim-env';

describe('readSimEnv', () => {
  it('reads SIM_CONFIG_JSON and lets SIM_TIME_SCALE and SIM_SEED override it', () => {
    const env = readSimEnv({
      SIM_CONFIG_JSON: '{"timeScale":0.5,"byDid":{"+14155550100":"bad"}}',
      SIM_TIME_SCALE: '0.01',
      SIM_SEED: '42',
      SIM_LEDGER_CAPACITY: '1000',
    });
    expect(env.config.timeScale).toBe(0.01);
    expect(env.config.seed).toBe(42);
    expect(env.config.byDid?.['+14155550100']).toMatchObject({ spamFlagRate: 0.6 });
    expect(env.ledgerCapacity).toBe(1000);
    expect(readSimEnv({}).config).toEqual({});
  });

  it('names the variable and the field when something is wrong', () => {
    expect(() => readSimEnv({ SIM_TIME_SCALE: 'fast' })).toThrow(/SIM_TIME_SCALE/);
    expect(() => readSimEnv({ SIM_CONFIG_JSON: '{' })).toThrow('SIM_CONFIG_JSON: not valid JSON');
    expect(() => readSimEnv({ SIM_CONFIG_JSON: '{"faults":{"dropCallbackRate":-1}}' })).toThrow(
      /SIM_CONFIG_JSON\.faults\.dropCallbackRate/,
    );
  });
});
