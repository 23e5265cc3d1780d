export * from './call-outcome';
export * from './errors';
export * from './voice-provider';
export * from './sms-provider';
export * from './webhook-input';
export * from './webhook-signature';
export * from './registry';
export * from './simulator';
