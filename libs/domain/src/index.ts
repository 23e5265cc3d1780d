export * from './call-queue';
export * from './calling-window';
export * from './compliance';
export * from './health';
export * from './pacing';
export * from './phone';
export * from './sms';
export * from './compliance';
