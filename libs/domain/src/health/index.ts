export * from './call-outcome';
export * from './health-policy';
export * from './health-score';
export * from './health-evidence';
export * from './health-verdict';
export * from './health-action';
export * from './calls-since';
export * from './did-health-assessment';
