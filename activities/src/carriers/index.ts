export * from './default-carrier-account';
export * from './load-carrier-account';
export * from './credentials-key-ready';
