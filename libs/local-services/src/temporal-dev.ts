import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { dataDir, projectRoot } from './paths';

const devConfigSchema = z.object({
  namespace: z.string().min(1),
  ip: z.string().default('127.0.0.1'),
  port: z.number().int(),
  uiPort: z.number().int(),
  dbFile: z.string().min(1),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'never']).default('warn'),
  searchAttributes: z.record(
    z.string(),
    z.enum(['Keyword', 'Text', 'Int', 'Double', 'Bool', 'Datetime', 'KeywordList']),
  ),
  dynamicConfig: z.record(z.string(), z.unknown()).default({}),
});

/** The dev stack's Temporal settings, from temporal.dev.yaml. */
export type TemporalDevConfig = z.infer<typeof devConfigSchema>;

/**
 * Reads temporal.dev.yaml; TEMPORAL_PORT, TEMPORAL_UI_PORT and TEMPORAL_NAMESPACE override the file
 * so that a taken port can be moved without editing it.
 */
export function readTemporalDevConfig(
  env: NodeJS.ProcessEnv = process.env,
  file?: string,
): TemporalDevConfig {
  const path = file ?? join(projectRoot(), 'temporal.dev.yaml');
  const parsed = devConfigSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${path} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const config = parsed.data;
  if (env['TEMPORAL_PORT']) config.port = Number(env['TEMPORAL_PORT']);
  if (env['TEMPORAL_UI_PORT']) config.uiPort = Number(env['TEMPORAL_UI_PORT']);
  if (env['TEMPORAL_NAMESPACE']) config.namespace = env['TEMPORAL_NAMESPACE'];
  return config;
}

/** The dev server's SQLite file: absolute as written, else relative to DATA_DIR. */
export function temporalDbFile(config: TemporalDevConfig): string {
  return isAbsolute(config.dbFile) ? config.dbFile : join(dataDir(), config.dbFile);
}

/** `temporal server start-dev` arguments built from the config. */
export function startDevArgs(config: TemporalDevConfig, overrides: { dbFile?: string } = {}): string[] {
  const dbFile = overrides.dbFile ?? temporalDbFile(config);
  const args = [
    'server',
    'start-dev',
    '--ip',
    config.ip,
    '--port',
    String(config.port),
    '--ui-port',
    String(config.uiPort),
    '--namespace',
    config.namespace,
    '--db-filename',
    dbFile,
    '--log-level',
    config.logLevel,
    '--ui-disable-news-fetch',
  ];
  for (const [name, type] of Object.entries(config.searchAttributes))
    args.push('--search-attribute', `${name}=${type}`);
  for (const [key, value] of Object.entries(config.dynamicConfig)) {
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  }
  return args;
}

/** Only the search-attribute and dynamic-config flags: what a test dev server shares with the stack. */
export function devServerExtraArgs(
  config: TemporalDevConfig,
  dynamicConfigOverrides: Record<string, unknown> = {},
): string[] {
  const args: string[] = [];
  for (const [name, type] of Object.entries(config.searchAttributes))
    args.push('--search-attribute', `${name}=${type}`);
  for (const [key, value] of Object.entries({ ...config.dynamicConfig, ...dynamicConfigOverrides })) {
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  }
  return args;
}
