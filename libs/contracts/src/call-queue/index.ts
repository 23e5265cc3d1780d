export * from './queued-call';
