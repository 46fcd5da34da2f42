export * from './eventually';
export * from './test-stack';
