export * from './activities';
export * from './call-outcome';
export * from './campaign-settings';
export * from './campaign-state';
export * from './signals';
