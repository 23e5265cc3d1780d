export * from './call-priority';
export * from './call-state';
export * from './retry-backoff';
