import { DataSource } from 'typeorm';
import { createContextDataSource } from '@sieve/persistence';
import { CreateTransitKeys1796000800000 } from './migrations/1796000800000-create-transit-keys';
import { TransitKeyEntity } from './transit-key.entity';

/**
 * The key vault's database: keys that several services share (the classifier makes transit keys,
 * the ticket store and the gateway open with them, the redaction worker destroys them). It stands
 * where a KMS with per-key deletion would; it is backed up apart from the data, for days, not a month.
 */
export function createKeyVaultDataSource(url: string, applicationName: string, poolSize = 4): DataSource {
  return createContextDataSource({ url, applicationName, poolSize, entities: [TransitKeyEntity], migrations: [CreateTransitKeys1796000800000] });
}
