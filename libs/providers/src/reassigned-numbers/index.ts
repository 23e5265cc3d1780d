export * from './reassigned-numbers';
export * from './stub-reassigned-numbers';
