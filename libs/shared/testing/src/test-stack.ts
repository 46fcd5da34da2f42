import { randomBytes } from 'node:crypto';
import { allTopicSpecs } from '@sieve/contracts';
import { LOCAL_KAFKA_BROKERS, LOCAL_REDIS_URL, localDatabaseUrl } from '@sieve/config';
import { ensureTopics, KafkaSettings } from '@sieve/kafka';
import { assertTestDatabase } from '@sieve/persistence';
import { createLogger } from '@sieve/telemetry';

/** The servers `npm test` brings up (tools/stack/stack.sh up test). */
export const testStack = {
  brokers: [LOCAL_KAFKA_BROKERS],
  redisUrl: LOCAL_REDIS_URL,
  databaseUrl(context: 'ingest' | 'tickets'): string {
    const url = localDatabaseUrl(context, 'test');
    assertTestDatabase(url);
    return url;
  },
};

export const quietLogger = createLogger({ service: 'test', level: 'silent' });

/**
 * Kafka settings under a namespace of this test's own, with every topic created (fewer
 * partitions than production: tests need order and a couple of partitions, not throughput).
 */
export async function isolatedKafka(clientId: string): Promise<KafkaSettings> {
  const settings: KafkaSettings = { brokers: testStack.brokers, clientId, topicNamespace: `t-${randomBytes(5).toString('hex')}` };
  await ensureTopics(
    settings,
    allTopicSpecs().map((spec) => ({ ...spec, partitions: Math.min(spec.partitions, 3) })),
    quietLogger,
  );
  return settings;
}
