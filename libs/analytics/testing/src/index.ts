export * from './usage-stream';
