export * from './profile';
export * from './provision';
export * from './prepare-config';
export * from './platform';
export * from './local-broker';
