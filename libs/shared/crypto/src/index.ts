export * from './key-encryption-keys';
export * from './local-key-file';
export * from './sealed-box';
