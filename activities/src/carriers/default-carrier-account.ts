import type { EngineEnv } from '@engine/config';
import { ConfigError } from '@engine/config';
import type { CarrierAccountRecord, CarrierProvider } from '@engine/providers';
import { carrierCredentialsSchemas, DEFAULT_CARRIER_ACCOUNT_ID } from '@engine/providers';

/** The simulator's default rate: it stands in for a carrier of any size in the demo and tests. */
const SIM_DEFAULT_CPS_LIMIT = 1000;

type EnvName = keyof EngineEnv & string;

/** Each carrier's credential fields and the variables they come from (required ones first). */
const CREDENTIAL_VARIABLES: Record<
  Exclude<CarrierProvider, 'sim'>,
  Array<{ field: string; variable: EnvName; optional?: boolean }>
> = {
  twilio: [
    { field: 'accountSid', variable: 'TWILIO_ACCOUNT_SID' },
    { field: 'authToken', variable: 'TWILIO_AUTH_TOKEN' },
  ],
  telnyx: [
    { field: 'apiKey', variable: 'TELNYX_API_KEY' },
    { field: 'publicKey', variable: 'TELNYX_PUBLIC_KEY' },
    { field: 'connectionId', variable: 'TELNYX_CONNECTION_ID' },
    { field: 'messagingProfileId', variable: 'TELNYX_MESSAGING_PROFILE_ID', optional: true },
  ],
  plivo: [
    { field: 'authId', variable: 'PLIVO_AUTH_ID' },
    { field: 'authToken', variable: 'PLIVO_AUTH_TOKEN' },
  ],
};

/**
 * The carrier account configured from the environment (single-tenant setups): `CARRIER_PROVIDER`
 * with that carrier's variables, `CARRIER_API_BASE_URL` and `CARRIER_CPS_LIMIT`. It serves every
 * DID that belongs to no stored account. For `sim` it is the simulator at `CARRIER_SIM_URL`
 * signing with `WEBHOOK_SECRET`, at 1000 calls per second unless `CARRIER_CPS_LIMIT` is set.
 *
 * A missing or invalid variable fails with a {@link ConfigError} naming every such variable.
 */
export function defaultCarrierAccount(env: EngineEnv): CarrierAccountRecord {
  if (env.CARRIER_PROVIDER === 'sim') {
    return {
      id: DEFAULT_CARRIER_ACCOUNT_ID,
      customerId: null,
      provider: 'sim',
      credentials: { webhookSecret: env.WEBHOOK_SECRET },
      apiBaseUrl: env.CARRIER_SIM_URL ?? `http://127.0.0.1:${env.CARRIER_SIM_PORT}`,
      cpsLimit: env.CARRIER_CPS_LIMIT ?? SIM_DEFAULT_CPS_LIMIT,
    };
  }
  return {
    id: DEFAULT_CARRIER_ACCOUNT_ID,
    customerId: null,
    provider: env.CARRIER_PROVIDER,
    credentials: credentialsFromEnv(env, env.CARRIER_PROVIDER),
    ...(env.CARRIER_API_BASE_URL ? { apiBaseUrl: env.CARRIER_API_BASE_URL } : {}),
    cpsLimit: env.CARRIER_CPS_LIMIT ?? 1,
  };
}

/** The carrier's credentials from its variables, validated by its credentials schema. */
function credentialsFromEnv(
  env: EngineEnv,
  provider: Exclude<CarrierProvider, 'sim'>,
): Record<string, string> {
  const variables = CREDENTIAL_VARIABLES[provider];
  const credentials: Record<string, string> = {};
  const missing: string[] = [];
  for (const { field, variable, optional } of variables) {
    const value = env[variable];
    if (typeof value === 'string' && value.trim() !== '') credentials[field] = value.trim();
    else if (!optional) missing.push(variable);
  }
  if (missing.length > 0) {
    throw new ConfigError(`CARRIER_PROVIDER=${provider} needs ${missing.join(', ')} to be set`);
  }
  const parsed = carrierCredentialsSchemas[provider].safeParse(credentials);
  if (!parsed.success) {
    // Names the variable and what is wrong, never its value (it may be a secret).
    const problems = parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      const variable = variables.find((v) => v.field === field)?.variable ?? field;
      return `${variable}: ${issue.message}`;
    });
    throw new ConfigError(
      `invalid ${provider} credentials for CARRIER_PROVIDER=${provider}: ${problems.join('; ')}`,
    );
  }
  return credentials;
}
