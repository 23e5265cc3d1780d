export * from './simulator-provider';
export * from './sim-wire';
export { DEFAULT_SIM_TIMEOUT_MS } from './sim-http-client';
