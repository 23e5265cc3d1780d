export * from './api-rate-limiter';
