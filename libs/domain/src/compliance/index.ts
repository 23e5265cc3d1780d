export * from './jurisdiction-rule';
export * from './holiday-calendar';
export * from './day-window';
export * from './contact-window';
export * from './recipient-window';
