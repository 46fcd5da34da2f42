import { z } from 'zod';
import { env, LOCAL_KAFKA_BROKERS, localDatabaseUrl } from '@sieve/config';

/** The stack only ever migrates databases of its own. */
const sieveDatabaseUrl = env
  .postgresUrl()
  .refine((url) => /^sieve_\w+$/.test(new URL(url).pathname.slice(1)), 'the stack only migrates databases named sieve_*');

/**
 * Where `prepare` creates topics and runs migrations. Defaults are the local stack of the chosen
 * profile; a container deployment (docker-compose's stack-init) sets the addresses explicitly.
 */
export const prepareConfigSchema = z
  .object({
    SIEVE_PROFILE: z.enum(['dev', 'test']).default('dev'),
    KAFKA_BROKERS: env.brokers().optional(),
    INGEST_DATABASE_URL: sieveDatabaseUrl.optional(),
    TICKETS_DATABASE_URL: sieveDatabaseUrl.optional(),
    ANALYTICS_DATABASE_URL: sieveDatabaseUrl.optional(),
    KEY_VAULT_DATABASE_URL: sieveDatabaseUrl.optional(),
  })
  .transform((config) => ({
    brokers: config.KAFKA_BROKERS ?? [LOCAL_KAFKA_BROKERS],
    ingestDatabaseUrl: config.INGEST_DATABASE_URL ?? localDatabaseUrl('ingest', config.SIEVE_PROFILE),
    ticketsDatabaseUrl: config.TICKETS_DATABASE_URL ?? localDatabaseUrl('tickets', config.SIEVE_PROFILE),
    analyticsDatabaseUrl: config.ANALYTICS_DATABASE_URL ?? localDatabaseUrl('analytics', config.SIEVE_PROFILE),
    keyVaultDatabaseUrl: config.KEY_VAULT_DATABASE_URL ?? localDatabaseUrl('keys', config.SIEVE_PROFILE),
  }));
