export * from './profile';
export * from './provision';
