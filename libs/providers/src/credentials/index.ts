export * from './credentials-key';
export * from './credentials-cipher';
