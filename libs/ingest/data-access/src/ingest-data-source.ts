import { DataSource } from 'typeorm';
import { createContextDataSource } from '@sieve/persistence';
import { ApiKeyEntity } from './entities/api-key.entity';
import { AppEntity } from './entities/app.entity';
import { CustomFieldEntity } from './entities/custom-field.entity';
import { INGEST_MIGRATIONS } from './migrations';

export const INGEST_ENTITIES = [AppEntity, ApiKeyEntity, CustomFieldEntity];

/** The gateway's own database: apps, their key hashes and custom field definitions. */
export function createIngestDataSource(url: string, applicationName: string, poolSize?: number): DataSource {
  return createContextDataSource({ url, applicationName, poolSize, entities: INGEST_ENTITIES, migrations: INGEST_MIGRATIONS });
}
