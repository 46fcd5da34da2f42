import { DataSource } from 'typeorm';
import { createContextDataSource } from '@sieve/persistence';
import { DataKeyEntity } from './data-key.entity';
import { CreateTransitKeys1796000800000 } from './migrations/1796000800000-create-transit-keys';
import { CreateDataKeys1796000900000 } from './migrations/1796000900000-create-data-keys';
import { TransitKeyEntity } from './transit-key.entity';

/**
 * The key vault's database: the keys that seal personal data, apart from the data they seal.
 * Transit keys (the classifier makes them, the ticket store and the gateway open with them) and
 * data keys (the ticket store seals at rest with them); the redaction worker destroys both. It
 * stands where a KMS with per-key deletion would; it is backed up apart from the data, for days, not
 * a month, so a destroyed key is gone from every backup soon after (README, "Backups").
 */
export function createKeyVaultDataSource(url: string, applicationName: string, poolSize = 4): DataSource {
  return createContextDataSource({ url, applicationName, poolSize, entities: [TransitKeyEntity, DataKeyEntity], migrations: [CreateTransitKeys1796000800000, CreateDataKeys1796000900000] });
}
