/** No carrier account has this id (or it was deleted): nothing can be dialed or verified with it. */
export class UnknownCarrierAccountError extends Error {
  readonly code = 'CARRIER_ACCOUNT_UNKNOWN' as const;

  constructor(readonly accountId: string) {
    super(`no carrier account ${accountId}`);
    this.name = 'UnknownCarrierAccountError';
  }
}
