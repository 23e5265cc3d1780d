export * from './task-queues';
export * from './search-attributes';
export * from './system-check';
export * from './events';
export * from './campaign';
export * from './did-lifecycle';
export * from './call-queue';
