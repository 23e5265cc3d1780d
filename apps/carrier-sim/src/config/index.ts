export * from './sim-config';
export * from './sim-config-error';
export * from './default-config';
export * from './profiles';
export * from './config-schema';
export * from './merge-config';
export * from './resolve-profile';
