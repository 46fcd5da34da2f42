export * from './data-source';
export * from './errors';
export * from './test-database';
