export * from './contact-caps';
