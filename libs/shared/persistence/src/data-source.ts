import { DataSource, DataSourceOptions } from 'typeorm';

export interface ContextDataSourceOptions {
  /** postgres:// URL of the database this bounded context owns. */
  url: string;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
  /** Connections kept per process. */
  poolSize?: number;
  /** Shown in pg_stat_activity, so a DBA can tell which service holds a connection. */
  applicationName: string;
}

/**
 * A TypeORM data source for one bounded context. The schema only ever changes through migrations,
 * run as an explicit step (`npm run migrate`, the stack script), never at app start.
 */
export function createContextDataSource(options: ContextDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: options.applicationName,
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 },
  });
}

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const initialized = dataSource.isInitialized;
  if (!initialized) await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    if (!initialized) await dataSource.destroy();
  }
}

/**
 * SQL that would bring the schema in line with the entities; empty when migrations and entities
 * agree. CI fails on a non-empty answer (an entity changed without a migration).
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}

export function postgresReadiness(dataSource: DataSource): { name: string; check(): Promise<void> } {
  return {
    name: 'postgresql',
    async check() {
      await dataSource.query('select 1');
    },
  };
}
