import { LOCAL_KAFKA_BROKERS, LOCAL_REDIS_URL, localDatabaseUrl } from '@sieve/config';
import { assertTestDatabase } from '@sieve/persistence';
import { createLogger } from '@sieve/telemetry';

/** The servers `npm test` brings up (tools/stack/stack.sh up test). */
export const testStack = {
  brokers: [LOCAL_KAFKA_BROKERS],
  redisUrl: LOCAL_REDIS_URL,
  databaseUrl(context: 'ingest' | 'tickets' | 'analytics'): string {
    const url = localDatabaseUrl(context, 'test');
    assertTestDatabase(url);
    return url;
  },
};

export const quietLogger = createLogger({ service: 'test', level: 'silent' });
