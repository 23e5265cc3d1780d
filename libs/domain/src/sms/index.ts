export * from './template';
export * from './template-syntax-error';
export * from './gsm7';
export * from './transliteration';
export * from './sms-analysis';
export * from './message-too-long-error';
export * from './encoding';
export * from './keywords';
