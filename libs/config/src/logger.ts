import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/** One structured logger per process; `name` says which process wrote the line. */
export function createLogger(name: string, level: string = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({ name, level });
}
