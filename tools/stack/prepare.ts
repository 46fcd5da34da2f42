// Creates the topics and runs every context's migrations against the profile's databases.
// Called by stack.sh after the servers are up; safe to run any number of times.
import 'reflect-metadata';
import { z } from 'zod';
import { allTopicSpecs } from '@sieve/contracts';
import { LOCAL_KAFKA_BROKERS, localDatabaseUrl, parseConfig } from '@sieve/config';
import { createIngestDataSource } from '@sieve/ingest-data-access';
import { ensureTopics } from '@sieve/kafka';
import { runMigrations } from '@sieve/persistence';
import { createTicketsDataSource } from '@sieve/tickets-data-access';
import { createLogger } from '@sieve/telemetry';


async function main(): Promise<void> {
  const { SIEVE_PROFILE: profile } = parseConfig('stack', z.object({ SIEVE_PROFILE: z.enum(['dev', 'test']).default('dev') }));
  const logger = createLogger({ service: "stack", level: "warn" });
  const created = await ensureTopics({ brokers: [LOCAL_KAFKA_BROKERS], clientId: 'sieve-stack' }, allTopicSpecs(), logger);
  process.stdout.write(`[stack] topics: ${created.length ? `created ${created.join(', ')}` : 'all present'}\n`);
  for (const [context, dataSource] of [
    ['ingest', createIngestDataSource(localDatabaseUrl('ingest', profile), 'sieve-migrate')],
    ['tickets', createTicketsDataSource(localDatabaseUrl('tickets', profile), 'sieve-migrate')],
  ] as const) {
    const applied = await runMigrations(dataSource);
    process.stdout.write(`[stack] ${context} migrations: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[stack] preparing topics and databases failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
