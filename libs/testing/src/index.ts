export * from './provided';
export * from './resources';
export * from './time-skipping';
export * from './dev-server';
export * from './fixtures';
export * from './campaign-stack';
export * from './worker-process';
export * from './did-health-simulation';
