export * from './billing-calendar';
