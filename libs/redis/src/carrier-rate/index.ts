export * from './carrier-rate-limiter';
