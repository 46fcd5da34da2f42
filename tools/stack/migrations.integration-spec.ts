import { DataSource } from 'typeorm';
import { createAnalyticsDataSource } from '@sieve/analytics-data-access';
import { createIngestDataSource } from '@sieve/ingest-data-access';
import { createKeyVaultDataSource } from '@sieve/key-vault';
import { testStack } from '@sieve/testing';
import { createTicketsDataSource } from '@sieve/tickets-data-access';
import { pendingSchemaChanges, runMigrations } from '@sieve/persistence';

// CI's migration drift check, for every database: each context's, and the key vault.
describe.each<[string, () => DataSource]>([
  ['ingest', () => createIngestDataSource(testStack.databaseUrl('ingest'), 'migration-drift-test', 1)],
  ['tickets', () => createTicketsDataSource(testStack.databaseUrl('tickets'), 'migration-drift-test', 1)],
  ['analytics', () => createAnalyticsDataSource(testStack.databaseUrl('analytics'), 'migration-drift-test', 1)],
  ['key vault', () => createKeyVaultDataSource(testStack.databaseUrl('keys'), 'migration-drift-test', 1)],
])('the %s context schema', (_context, create) => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = create();
    await dataSource.initialize();
  });

  afterAll(() => dataSource.destroy());

  it('is fully migrated: running the migrations again applies nothing', async () => {
    await runMigrations(dataSource);
    expect(await runMigrations(dataSource)).toEqual([]);
  });

  it('matches its entities: an entity changed without a migration fails here', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });
});
