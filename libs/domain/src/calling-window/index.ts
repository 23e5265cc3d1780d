export type { CallingChannel, ChannelWindows, ClockWindow, HourWindow, WindowSpec } from './window-config';
export { CallingChannels, CallingWindows } from './window-config';
export type { NextWindowOpenOptions } from './calling-window';
export {
  DEFAULT_SPREAD_SECONDS,
  MAX_WINDOW_SEARCH_DAYS,
  isCallable,
  nextWindowOpen,
  windowCloseAfter,
} from './calling-window';
export type { RecipientZoneInput, RecipientZones, RecipientZoneSource } from './recipient-zone';
export {
  ALL_NANP_ZONES,
  DEFAULT_CAMPAIGN_TIME_ZONE,
  RecipientZoneSources,
  isValidTimeZone,
  resolveRecipientZones,
} from './recipient-zone';
export { NANP_AREA_CODE_ZONES, areaCodeOf, isNanpNumber, zonesForAreaCode } from './nanp-area-codes';
export { fnv1a32 } from './fnv1a';
