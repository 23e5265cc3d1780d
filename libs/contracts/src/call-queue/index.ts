export * from './queued-call';
export * from './call-queue-start';
