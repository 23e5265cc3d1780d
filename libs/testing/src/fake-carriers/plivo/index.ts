export { startFakePlivo, FakePlivo } from './fake-plivo';
export type { FakePlivoOptions, FakePlivoRequest } from './fake-plivo';
export { signPlivoV3, plivoNonce } from './plivo-v3-signature';
