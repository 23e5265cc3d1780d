export * from './paths';
export * from './ports';
export * from './processes';
export * from './postgres';
export * from './redis-server';
export * from './temporal-binaries';
export * from './temporal-dev';
