export * from './dial-pacing';
