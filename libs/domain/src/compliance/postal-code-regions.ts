import type { RegionCode } from './jurisdiction-rule';

// Placeholder until the postal-code table lands (replaced whole by it).
export function regionsForPostalCode(_code: string): readonly RegionCode[] | undefined {
  return undefined;
}
