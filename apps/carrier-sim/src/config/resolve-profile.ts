import { nanpAreaCode } from '../phone';
import { overlayProfile } from './merge-config';
import type { ResolvedProfile, SimConfig } from './sim-config';

/**
 * The profile a call is drawn from: the defaults, overlaid by the callee's area-code profile,
 * overlaid by the caller ID's profile. The DID wins because a caller ID's reputation (spam labels,
 * people ignoring it) follows it to every destination.
 */
export function resolveProfile(config: Readonly<SimConfig>, from: string, to: string): ResolvedProfile {
  const areaCode = nanpAreaCode(to);
  const byArea = areaCode === undefined ? undefined : config.byAreaCode[areaCode];
  return overlayProfile(overlayProfile(config.defaults, byArea), config.byDid[from]);
}
