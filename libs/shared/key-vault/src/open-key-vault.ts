import { DataSource } from 'typeorm';
import { LocalKeyFile } from '@sieve/crypto';
import { postgresReadiness } from '@sieve/persistence';
import { createKeyVaultDataSource } from './key-vault-data-source';
import { TransitKeys } from './transit-keys';
import { TransitSealing } from './transit-sealing';

export interface KeyVaultConfig {
  KEY_VAULT_DATABASE_URL: string;
  TRANSIT_KEY_ENCRYPTION_KEY_FILE: string;
  TRANSIT_KEY_ENCRYPTION_KEY_FILE_CREATE: boolean;
}

/** What an app gets from the key vault: its transit keys, sealing, a readiness check and the connection to close. */
export interface KeyVault {
  dataSource: DataSource;
  transitKeys: TransitKeys;
  sealing: TransitSealing;
  readiness: { name: string; check(): Promise<void> };
}

/** Connects an app to the key vault, as its `keyVaultConfigShape` variables say. */
export async function openKeyVault(config: KeyVaultConfig, applicationName: string, poolSize?: number): Promise<KeyVault> {
  const dataSource = createKeyVaultDataSource(config.KEY_VAULT_DATABASE_URL, applicationName, poolSize);
  await dataSource.initialize();
  const transitKeys = new TransitKeys(dataSource, await LocalKeyFile.open(config.TRANSIT_KEY_ENCRYPTION_KEY_FILE, { create: config.TRANSIT_KEY_ENCRYPTION_KEY_FILE_CREATE }));
  return { dataSource, transitKeys, sealing: new TransitSealing(transitKeys), readiness: { ...postgresReadiness(dataSource), name: 'key-vault' } };
}
