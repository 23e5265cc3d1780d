export * from './phone-number';
export * from './phone-number-problem';
export * from './invalid-phone-number-error';
export * from './nanp';
