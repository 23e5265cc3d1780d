export * from './channel-semaphore';
export * from './errors';
export * from './pools';
