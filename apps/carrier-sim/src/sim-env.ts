import { ConfigError } from '@engine/config';
import { z } from 'zod';
import { parseSimConfigPatch } from './config/config-schema';
import type { SimConfigPatch } from './config/sim-config';
import { SimConfigError } from './config/sim-config-error';

/** The simulator's own environment variables (the README's configuration table lists them). */
export const simEnvSchema = z.object({
  SIM_TIME_SCALE: z.coerce.number().positive().max(1_000).optional(),
  SIM_SEED: z.string().min(1).optional(),
  SIM_LEDGER_CAPACITY: z.coerce.number().int().positive().optional(),
  SIM_CONFIG_JSON: z.string().optional(),
});

/** The simulator's own environment variables, resolved. */
export interface SimEnv {
  /** SIM_CONFIG_JSON, with SIM_TIME_SCALE and SIM_SEED applied over it. */
  config: SimConfigPatch;
  ledgerCapacity: number | undefined;
}

function parseConfigJson(text: string | undefined): SimConfigPatch {
  if (text === undefined || text.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError('SIM_CONFIG_JSON: not valid JSON');
  }
  try {
    return parseSimConfigPatch(json, 'SIM_CONFIG_JSON');
  } catch (err) {
    if (err instanceof SimConfigError) throw new ConfigError(err.message);
    throw err;
  }
}

/**
 * Reads SIM_TIME_SCALE (e.g. 0.01 runs calls 100x faster), SIM_SEED (reproducible outcomes; a
 * number or any string), SIM_LEDGER_CAPACITY (default 1,000,000) and SIM_CONFIG_JSON (a
 * `SimConfigPatch`, e.g. `{"byDid":{"+14155550100":"bad"}}`).
 *
 * @throws ConfigError naming the variable.
 */
export function readSimEnv(env: NodeJS.ProcessEnv = process.env): SimEnv {
  const parsed = simEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid environment: ${problems}`);
  }
  const { SIM_TIME_SCALE, SIM_SEED, SIM_LEDGER_CAPACITY, SIM_CONFIG_JSON } = parsed.data;
  const config = parseConfigJson(SIM_CONFIG_JSON);
  if (SIM_TIME_SCALE !== undefined) config.timeScale = SIM_TIME_SCALE;
  if (SIM_SEED !== undefined) config.seed = /^-?\d+$/.test(SIM_SEED) ? Number(SIM_SEED) : SIM_SEED;
  return { config, ledgerCapacity: SIM_LEDGER_CAPACITY };
}
