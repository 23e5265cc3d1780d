export * from './create-redis';
export * from './events';
export * from './semaphore';
export * from './carrier-rate';
export * from './idempotency';
export * from './api-rate';
