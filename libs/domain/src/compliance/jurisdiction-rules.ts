import type { JurisdictionRule } from './jurisdiction-rule';

// Placeholder until the rules table lands (replaced whole by it).
export const JURISDICTION_RULES: readonly JurisdictionRule[] = [];
