export * from './transit-key.entity';
export * from './key-vault-data-source';
export * from './transit-keys';
export * from './transit-sealing';
export * from './open-key-vault';
export * from './transit-key-expiry';
