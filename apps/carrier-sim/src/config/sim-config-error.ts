/** A simulator configuration (HTTP body, `configure()` argument, `SIM_CONFIG_JSON`) that is invalid. */
export class SimConfigError extends Error {
  readonly code = 'SIM_CONFIG_INVALID' as const;
  /** Dotted path of the first offending field. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'SimConfigError';
    this.field = field;
  }
}
