export * from './event-bus';
export * from './event-subscription';
