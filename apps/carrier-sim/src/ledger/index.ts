export * from './bounded-log';
export * from './ledger-entries';
export * from './carrier-ledger';
