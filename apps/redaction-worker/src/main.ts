import './instrument';
import 'reflect-metadata';
import { LocalFileBlobStore } from '@sieve/blob-store';
import { loadConfigOrExit } from '@sieve/config';
import { Topics } from '@sieve/contracts';
import { LocalKeyFile } from '@sieve/crypto';
import { EventPublisher, EventSubscription, kafkaReadiness, kafkaSettingsOf } from '@sieve/kafka';
import { DataKeys, openKeyVault, TransitKeyExpiry } from '@sieve/key-vault';
import { classifyDatabaseError, postgresReadiness } from '@sieve/persistence';
import { runMain, startWorkerService } from '@sieve/service-runtime';
import { createLogger } from '@sieve/telemetry';
import { createTicketsDataSource, PersonalData } from '@sieve/tickets-data-access';
import { OutboxRelay, RecordPurgeConfirmationsUseCase, RedactionRunner } from '@sieve/tickets-feature';
import { redactionWorkerConfigSchema } from './config';
import { redactionRequestsHandler } from './redaction-requests.consumer';

const SERVICE = 'redaction-worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, redactionWorkerConfigSchema);
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const kafka = kafkaSettingsOf(SERVICE, config);

  // The redaction worker is the ticket context's second process and shares its database.
  const dataSource = createTicketsDataSource(config.DATABASE_URL, SERVICE, 4);
  await dataSource.initialize();
  const publisher = new EventPublisher(kafka, logger);
  // The key vault: the worker destroys the data keys and transit keys of redacted content, and deletes expired transit keys.
  const vault = await openKeyVault(config, SERVICE);
  const keyEncryptionKeys = await LocalKeyFile.open(config.KEY_ENCRYPTION_KEY_FILE, { create: config.KEY_ENCRYPTION_KEY_FILE_CREATE });
  const dataKeys = new DataKeys(vault.dataSource, keyEncryptionKeys);
  const personalData = new PersonalData(dataKeys);
  // Completion events leave through the ticket context's outbox; this relay and the ticket store's take turns.
  const outboxRelay = new OutboxRelay(dataSource, publisher, personalData, logger);
  const expiry = new TransitKeyExpiry(vault.transitKeys, logger, { retentionHours: config.TRANSIT_KEY_RETENTION_HOURS, intervalMs: 3_600_000 });
  const runner = new RedactionRunner(dataSource, personalData, dataKeys, vault.transitKeys, new LocalFileBlobStore(config.BLOB_STORE_DIR), logger, () => outboxRelay.nudge(), {
    chunkSize: config.REDACTION_CHUNK_SIZE,
    idleMs: 1_000,
    maxAttempts: 3,
    // A holder silent this long (its event lost, or dead-lettered and since fixed) is told again.
    reannounceAfterMs: 300_000,
  });
  const confirmations = new RecordPurgeConfirmationsUseCase(dataSource, logger);
  const consuming = { classifiers: [classifyDatabaseError] };
  const subscriptions = [
    // Requests are a nudge: the jobs themselves are read from the database, where approvals and progress are.
    new EventSubscription(kafka, { ...consuming, groupId: 'redaction-worker.jobs', topic: Topics.redactionRequests, handler: redactionRequestsHandler(logger, () => runner.nudge()) }, publisher, logger),
    new EventSubscription(kafka, { ...consuming, groupId: 'redaction-worker.confirmations', topic: Topics.redactionConfirmations, handler: (events) => confirmations.execute(events) }, publisher, logger),
  ];

  await startWorkerService({
    name: SERVICE,
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    logger,
    readiness: [kafkaReadiness(kafka, logger), postgresReadiness(dataSource), vault.readiness],
    workers: [...subscriptions, runner, outboxRelay, expiry],
    resources: [
      { name: 'kafka-producer', close: () => publisher.disconnect() },
      { name: 'postgresql', close: () => dataSource.destroy() },
      { name: 'key-vault', close: () => vault.dataSource.destroy() },
    ],
  });
}

runMain(SERVICE, main);
