export { FakeTwilio, startFakeTwilio } from './fake-twilio';
export type { FakeTwilioOptions } from './fake-twilio';
export type { FakeTwilioRequest } from './twilio-fake-http';
