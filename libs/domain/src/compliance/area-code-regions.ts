import type { RegionCode } from './jurisdiction-rule';

// Placeholder until the regions table lands (replaced whole by it).
export function regionsForAreaCode(_areaCode: string): readonly RegionCode[] | undefined {
  return undefined;
}
