export * from './idempotency-key';
export * from './idempotency-options';
export * from './idempotency.interceptor';
export * from './idempotency.module';
export * from './idempotent.decorator';
