export * from './start-carrier-sim';
export * from './sim-app';
export * from './core/carrier-simulator';
export type { CallStatusView, OriginateDecision } from './core/call-engine';
export * from './config';
export * from './ledger';
export { simEnvSchema } from './sim-env';
