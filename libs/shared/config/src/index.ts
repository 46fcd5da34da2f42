export * from './config';
export * from './local-stack';
