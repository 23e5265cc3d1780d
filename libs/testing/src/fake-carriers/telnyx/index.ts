export { startFakeTelnyx } from './fake-telnyx';
export type { FakeTelnyx, FakeTelnyxOptions } from './fake-telnyx';
export type { FakeTelnyxRequest } from './fake-telnyx-http';
