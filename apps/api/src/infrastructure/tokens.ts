/** Injection tokens for the API's backing services. */
export const DB = Symbol('DB');
export const REDIS = Symbol('REDIS');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const ENGINE_CONFIG = Symbol('ENGINE_CONFIG');
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
/** The carrier accounts' adapters (`CarrierDirectory`). */
export const CARRIERS = Symbol('CARRIERS');
/** The event bus (store + Redis publish) for events the API itself emits. */
export const EVENT_BUS = Symbol('EVENT_BUS');
/** Prefix of Redis pub/sub channel names (`EVENTS_CHANNEL_PREFIX`; empty in production). */
export const EVENTS_CHANNEL_PREFIX = Symbol('EVENTS_CHANNEL_PREFIX');
/** The SIP channel pools' semaphore, read-only here: the health answer reports its usage. */
export const CHANNEL_SEMAPHORE = Symbol('CHANNEL_SEMAPHORE');
