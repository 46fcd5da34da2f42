export * from './active-days';
export * from './billing-calendar';
export * from './session-admission';
