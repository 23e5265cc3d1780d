export * from './provided';
export * from './resources';
export * from './time-skipping';
export * from './dev-server';
export * from './fixtures';
