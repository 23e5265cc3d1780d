export * from './env';
export * from './engine-config';
export * from './logger';
