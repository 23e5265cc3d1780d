/** What a provider call was doing when it failed; part of the error message and of logs. */
export type ProviderOperation = 'originate' | 'lookupCall' | 'sendSms' | 'lookupMessage';

/** Constructor options of {@link ProviderRequestError}. */
export interface ProviderRequestErrorOptions {
  provider: string;
  operation: ProviderOperation;
  /**
   * True when the request may have reached the carrier or may succeed if repeated (5xx, 408, 429,
   * timeouts, network errors, an unreadable 2xx answer). A caller must then treat the attempt's
   * state as unknown and resolve it with `lookupCall` / `lookupMessage` before sending it again.
   */
  retryable: boolean;
  /** HTTP status of the carrier's answer, when there was one. */
  status?: number;
  cause?: unknown;
}

/**
 * A request to the carrier failed. `retryable: false` means the carrier definitely refused it
 * (a 4xx validation error): repeating it cannot help and nothing was originated or sent.
 */
export class ProviderRequestError extends Error {
  readonly code = 'PROVIDER_REQUEST_FAILED' as const;
  readonly provider: string;
  readonly operation: ProviderOperation;
  readonly retryable: boolean;
  readonly status: number | undefined;

  constructor(message: string, options: ProviderRequestErrorOptions) {
    super(message, { cause: options.cause });
    this.name = 'ProviderRequestError';
    this.provider = options.provider;
    this.operation = options.operation;
    this.retryable = options.retryable;
    this.status = options.status;
  }
}
