import { LOCAL_KAFKA_BROKERS, LOCAL_REDIS_URL, LocalDatabase, localDatabaseUrl, localKeyFile } from '@sieve/config';
import { assertTestDatabase } from '@sieve/persistence';
import { createLogger } from '@sieve/telemetry';

/** The servers `npm test` brings up (tools/stack/stack.sh up test). */
export const testStack = {
  brokers: [LOCAL_KAFKA_BROKERS],
  redisUrl: LOCAL_REDIS_URL,
  databaseUrl(context: LocalDatabase): string {
    const url = localDatabaseUrl(context, 'test');
    assertTestDatabase(url);
    return url;
  },
  /** The key vault as the test stack's services use it (`openKeyVault(testStack.keyVault(), …)`): tests seal what services open. */
  keyVault() {
    return { KEY_VAULT_DATABASE_URL: this.databaseUrl('keys'), TRANSIT_KEY_ENCRYPTION_KEY_FILE: localKeyFile('test', 'transit'), TRANSIT_KEY_ENCRYPTION_KEY_FILE_CREATE: true };
  },
};

export const quietLogger = createLogger({ service: 'test', level: 'silent' });
