// Creates the topics and runs every context's migrations. Called by stack.sh after the servers are
// up (and by docker-compose's stack-init); safe to run any number of times.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createAnalyticsDataSource } from '@sieve/analytics-data-access';
import { allTopicSpecs } from '@sieve/contracts';
import { parseConfig } from '@sieve/config';
import { createIngestDataSource } from '@sieve/ingest-data-access';
import { ensureTopics } from '@sieve/kafka';
import { createKeyVaultDataSource, moveDataKeysToVault } from '@sieve/key-vault';
import { runMigrations } from '@sieve/persistence';
import { createLogger } from '@sieve/telemetry';
import { createTicketsDataSource } from '@sieve/tickets-data-access';
import { prepareConfigSchema } from './prepare-config';

async function main(): Promise<void> {
  const config = parseConfig('stack prepare', prepareConfigSchema);
  const logger = createLogger({ service: 'stack', level: 'warn' });
  const created = await ensureTopics({ brokers: config.brokers, clientId: 'sieve-stack' }, allTopicSpecs(), logger);
  process.stdout.write(`[stack] topics: ${created.length ? `created ${created.join(', ')}` : 'all present'}\n`);
  const vault = createKeyVaultDataSource(config.keyVaultDatabaseUrl, 'sieve-migrate');
  const tickets = createTicketsDataSource(config.ticketsDatabaseUrl, 'sieve-migrate');
  const migrate = async (context: string, dataSource: DataSource) => {
    const applied = await runMigrations(dataSource);
    process.stdout.write(`[stack] ${context} migrations: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`);
  };
  await migrate('ingest', createIngestDataSource(config.ingestDatabaseUrl, 'sieve-migrate'));
  await Promise.all([vault.initialize(), tickets.initialize()]);
  try {
    // The key vault first: data keys the ticket database still holds move there before its migrations drop their table.
    await migrate('key vault', vault);
    const moved = await moveDataKeysToVault(tickets, vault);
    if (moved > 0) process.stdout.write(`[stack] moved ${moved} data keys from the ticket database to the key vault\n`);
    await migrate('tickets', tickets);
  } finally {
    await Promise.all([vault.destroy(), tickets.destroy()]);
  }
  await migrate('analytics', createAnalyticsDataSource(config.analyticsDatabaseUrl, 'sieve-migrate'));
}

main().catch((error: unknown) => {
  process.stderr.write(`[stack] preparing topics and databases failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
