/** A provider name (from a campaign or a webhook route) that no registered provider answers to. */
export class UnknownProviderError extends Error {
  readonly code = 'PROVIDER_UNKNOWN' as const;
  readonly providerName: string;

  constructor(providerName: string, known: readonly string[]) {
    super(`unknown provider "${providerName}" (known: ${known.length > 0 ? known.join(', ') : 'none'})`);
    this.name = 'UnknownProviderError';
    this.providerName = providerName;
  }
}
