import './instrument';
import 'reflect-metadata';
import multipart from '@fastify/multipart';
import Redis from 'ioredis';
import { LocalFileBlobStore } from '@sieve/blob-store';
import { loadConfigOrExit } from '@sieve/config';
import { Topics } from '@sieve/contracts';
import { createIngestDataSource, PendingReplies } from '@sieve/ingest-data-access';
import { BATCH_LIMITS } from '@sieve/ingest-domain';
import { AgentReplies, RedactionPurge } from '@sieve/ingest-feature';
import { EventPublisher, EventSubscription, kafkaReadiness, kafkaSettingsOf } from '@sieve/kafka';
import { openKeyVault } from '@sieve/key-vault';
import { postgresReadiness } from '@sieve/persistence';
import { runMain, StaffDirectory, startService } from '@sieve/service-runtime';
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

  // Agent replies come back over Kafka and wait in Redis until their install fetches them.
  const pendingReplies = new PendingReplies(redis, config.PENDING_REPLY_TTL_SECONDS);
  // Replies travel sealed under transit keys; the key vault opens them before they are held.
  const vault = await openKeyVault(config, SERVICE);
  const agentReplies = new AgentReplies(pendingReplies, vault.sealing);
  const replySubscription = new EventSubscription(
    kafka,
    { groupId: 'ingest-gateway.agent-replies', topic: Topics.agentReplies, handler: (events) => agentReplies.hold(events) },
    publisher,
    logger,
  );
  // A completed redaction: drop the waiting replies that hold removed content, and confirm.
  const redactionPurge = new RedactionPurge(pendingReplies, publisher, logger);
  const purgeSubscription = new EventSubscription(
    kafka,
    { groupId: 'ingest-gateway.redaction-purge', topic: Topics.redactionCompleted, handler: (events) => redactionPurge.purge(events) },
    publisher,
    logger,
  );

  await startService({
    name: SERVICE,
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    logger,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    bodyLimitsByRoute: { '/v1/batches': BATCH_LIMITS.bodyBytes },
    trustedProxies: config.TRUSTED_PROXIES,
    // One file a request. The upload is cut one byte past the largest attachment: the blob store
    // then sees a file too large (and keeps nothing), rather than a silently truncated one.
    fastifyPlugins: [{ plugin: multipart, options: { limits: { files: 1, fields: 10, fieldSize: 1024, fileSize: config.ATTACHMENT_MAX_BYTES + 1 } } }],
    module: GatewayModule.forRoot(
      config,
      {
        dataSource,
        redis,
        publisher,
        sealing: vault.sealing,
        logger,
        // A request holds an event it is writing for as long as a Kafka write may take, and then some.
        deduplication: { acceptedTtlSeconds: config.DEDUPLICATION_TTL_SECONDS, pendingTtlMs: config.PUBLISH_TIMEOUT_MS + 5_000 },
        rateLimits: { appEventsPerSecond: config.APP_EVENTS_PER_SECOND, installEventsPerMinute: config.INSTALL_EVENTS_PER_MINUTE },
        blobs: new LocalFileBlobStore(config.BLOB_STORE_DIR),
        attachments: { maxBytes: config.ATTACHMENT_MAX_BYTES, contentTypes: config.ATTACHMENT_CONTENT_TYPES },
        agentReplies,
        staffDirectory: new StaffDirectory(config.TICKET_STORE_URL),
      },
      [
        kafkaReadiness(kafka, logger),
        postgresReadiness(dataSource),
        vault.readiness,
        { name: 'redis', check: async () => void (await redis.ping()) },
      ],
    ),
    // Long polls end before HTTP closes, rather than holding the stop for up to 30 s.
    workers: [replySubscription, purgeSubscription, { start: async () => {}, stop: async () => agentReplies.stopWaiting() }],
    resources: [
      { name: 'kafka-producer', close: () => publisher.disconnect() },
      { name: 'redis', close: async () => void (await redis.quit()) },
      { name: 'postgresql', close: () => dataSource.destroy() },
      { name: 'key-vault', close: () => vault.dataSource.destroy() },
    ],
  });
}

runMain(SERVICE, main);
