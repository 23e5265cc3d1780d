/** Thrown when a pool name is not one of `CHANNEL_POOLS`; names the pool it was given. */
export class UnknownChannelPoolError extends Error {
  readonly code = 'UNKNOWN_CHANNEL_POOL';
  constructor(
    readonly pool: string,
    readonly known: readonly string[],
  ) {
    super(`unknown channel pool "${pool}" (known pools: ${known.join(', ')})`);
    this.name = 'UnknownChannelPoolError';
  }
}

/** Thrown when a limit, TTL or lease id given to the semaphore is unusable; names the argument. */
export class InvalidSemaphoreArgumentError extends Error {
  readonly code = 'INVALID_SEMAPHORE_ARGUMENT';
  constructor(
    readonly argument: string,
    readonly value: unknown,
    expected: string,
  ) {
    super(`${argument} must be ${expected}, got ${describe(value)}`);
    this.name = 'InvalidSemaphoreArgumentError';
  }
}

/**
 * Thrown when a semaphore script answers in a shape this code does not know: a sign that the key
 * holds something else or that a script and its caller are out of step.
 */
export class UnexpectedSemaphoreReplyError extends Error {
  readonly code = 'UNEXPECTED_SEMAPHORE_REPLY';
  constructor(
    readonly script: string,
    readonly reply: unknown,
  ) {
    super(`semaphore script ${script} answered ${describe(reply)}`);
    this.name = 'UnexpectedSemaphoreReplyError';
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
