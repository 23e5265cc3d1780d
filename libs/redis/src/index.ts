export * from './create-redis';
export * from './events';
export * from './semaphore';
export * from './carrier-rate';
export * from './api-rate';
