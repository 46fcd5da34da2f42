import './instrument';
import 'reflect-metadata';
import Redis from 'ioredis';
import { loadConfigOrExit } from '@sieve/config';
import { createIngestDataSource } from '@sieve/ingest-data-access';
import { EventPublisher, kafkaReadiness, kafkaSettingsOf } from '@sieve/kafka';
import { postgresReadiness } from '@sieve/persistence';
import { runMain, startService } from '@sieve/service-runtime';
import { createLogger } from '@sieve/telemetry';
import { GatewayModule } from './app.module';
import { gatewayConfigSchema } from './config';

const SERVICE = 'ingest-gateway';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, gatewayConfigSchema);
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const kafka = kafkaSettingsOf(SERVICE, config);

  const dataSource = createIngestDataSource(config.DATABASE_URL, SERVICE);
  await dataSource.initialize();
  const redis = new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const publisher = new EventPublisher(kafka, logger, { timeoutMs: config.PUBLISH_TIMEOUT_MS, retries: 2 });
  // Connect eagerly but don't wait: the gateway answers 503 until Kafka is reachable.
  publisher.connect().catch((error: unknown) => logger.warn({ err: error }, 'Kafka not reachable yet; requests get 503 until it is'));

  await startService({
    name: SERVICE,
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    logger,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    module: GatewayModule.forRoot(
      config,
      { dataSource, redis, publisher, logger, deduplicationTtlSeconds: config.DEDUPLICATION_TTL_SECONDS },
      [
        kafkaReadiness(kafka, logger),
        postgresReadiness(dataSource),
        { name: 'redis', check: async () => void (await redis.ping()) },
      ],
    ),
    resources: [
      { name: 'kafka-producer', close: () => publisher.disconnect() },
      { name: 'redis', close: async () => void (await redis.quit()) },
      { name: 'postgresql', close: () => dataSource.destroy() },
    ],
  });
}

runMain(SERVICE, main);
