export * from './jurisdiction-rule';
export {
  JURISDICTION_RULES,
  STRICTEST_CONTACTS_PER_24H,
  ruleEffectiveFrom,
  rulesFor,
} from './jurisdiction-rules';
export { AREA_CODE_REGIONS, regionsForAreaCode } from './area-code-regions';
export { regionsForPostalCode } from './postal-code-regions';
export { CANADIAN_REGIONS, REGION_NAMES, regionForStateName } from './region-names';
export * from './holiday-calendar';
export * from './day-window';
export * from './contact-window';
export * from './recipient-window';
export * from './contact-caps';
