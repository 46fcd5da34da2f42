// Creates the topics and runs every context's migrations. Called by stack.sh after the servers are
// up (and by docker-compose's stack-init); safe to run any number of times.
import 'reflect-metadata';
import { createAnalyticsDataSource } from '@sieve/analytics-data-access';
import { allTopicSpecs } from '@sieve/contracts';
import { parseConfig } from '@sieve/config';
import { createIngestDataSource } from '@sieve/ingest-data-access';
import { ensureTopics } from '@sieve/kafka';
import { createKeyVaultDataSource } from '@sieve/key-vault';
import { runMigrations } from '@sieve/persistence';
import { createLogger } from '@sieve/telemetry';
import { createTicketsDataSource } from '@sieve/tickets-data-access';
import { prepareConfigSchema } from './prepare-config';

async function main(): Promise<void> {
  const config = parseConfig('stack prepare', prepareConfigSchema);
  const logger = createLogger({ service: 'stack', level: 'warn' });
  const created = await ensureTopics({ brokers: config.brokers, clientId: 'sieve-stack' }, allTopicSpecs(), logger);
  process.stdout.write(`[stack] topics: ${created.length ? `created ${created.join(', ')}` : 'all present'}\n`);
  for (const [context, dataSource] of [
    ['ingest', createIngestDataSource(config.ingestDatabaseUrl, 'sieve-migrate')],
    ['tickets', createTicketsDataSource(config.ticketsDatabaseUrl, 'sieve-migrate')],
    ['analytics', createAnalyticsDataSource(config.analyticsDatabaseUrl, 'sieve-migrate')],
    ['key vault', createKeyVaultDataSource(config.keyVaultDatabaseUrl, 'sieve-migrate')],
  ] as const) {
    const applied = await runMigrations(dataSource);
    process.stdout.write(`[stack] ${context} migrations: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[stack] preparing topics and databases failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
