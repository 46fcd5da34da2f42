export * from './errors';
export * from './settings';
export * from './publisher';
export * from './consumer';
export * from './admin';
export * from './trace-headers';
export * from './testing';
