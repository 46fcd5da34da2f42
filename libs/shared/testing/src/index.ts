export * from './eventually';
export * from './test-stack';
export * from './topic-reader';
