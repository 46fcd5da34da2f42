import './instrument';
import 'reflect-metadata';
import { LocalFileBlobStore } from '@sieve/blob-store';
import { loadConfigOrExit } from '@sieve/config';
import { Topics } from '@sieve/contracts';
import { LocalKeyFile } from '@sieve/crypto';
import { EventPublisher, EventSubscription, kafkaReadiness, kafkaSettingsOf } from '@sieve/kafka';
import { DataKeys, openKeyVault } from '@sieve/key-vault';
import { classifyDatabaseError, postgresReadiness } from '@sieve/persistence';
import { runMain, startService } from '@sieve/service-runtime';
import { createLogger } from '@sieve/telemetry';
import { createTicketsDataSource, PersonalData } from '@sieve/tickets-data-access';
import { ApplyDiagnosticsUseCase, ApplySupportEventsUseCase, DIAGNOSTICS_CONSUMER, DownloadLinks, OutboxRelay, TICKET_STORE_CONSUMER } from '@sieve/tickets-feature';
import { TicketStoreModule } from './app.module';
import { ticketStoreConfigSchema } from './config';

const SERVICE = 'ticket-store';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, ticketStoreConfigSchema);
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const kafka = kafkaSettingsOf(SERVICE, config);

  const dataSource = createTicketsDataSource(config.DATABASE_URL, SERVICE, config.DATABASE_POOL_SIZE);
  await dataSource.initialize();
  const publisher = new EventPublisher(kafka, logger);
  // The key vault holds the data keys personal data is sealed with at rest (apart from the data:
  // a backup of the ticket database can't open itself), and the transit keys clean events are sealed with.
  // Each consumed batch holds a vault connection for its live-key locks.
  const vault = await openKeyVault(config, SERVICE, 4 + config.CONSUMER_CONCURRENCY * 2);
  const keyEncryptionKeys = await LocalKeyFile.open(config.KEY_ENCRYPTION_KEY_FILE, { create: config.KEY_ENCRYPTION_KEY_FILE_CREATE });
  const personalData = new PersonalData(new DataKeys(vault.dataSource, keyEncryptionKeys));
  const blobs = new LocalFileBlobStore(config.BLOB_STORE_DIR);
  const applySupport = new ApplySupportEventsUseCase(dataSource, personalData, blobs, vault.sealing);
  const applyDiagnostics = new ApplyDiagnosticsUseCase(dataSource);
  const consuming = { classifiers: [classifyDatabaseError], partitionsConsumedConcurrently: config.CONSUMER_CONCURRENCY };
  // Agent replies and redaction requests leave through the outbox.
  const outboxRelay = new OutboxRelay(dataSource, publisher, personalData, logger);
  const subscriptions = [
    new EventSubscription(kafka, { ...consuming, groupId: TICKET_STORE_CONSUMER, topic: Topics.support, handler: (events) => applySupport.execute(events) }, publisher, logger),
    new EventSubscription(kafka, { ...consuming, groupId: DIAGNOSTICS_CONSUMER, topic: Topics.diagnostics, handler: (events) => applyDiagnostics.execute(events) }, publisher, logger),
  ];

  await startService({
    name: SERVICE,
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    logger,
    module: TicketStoreModule.forRoot(
      { dataSource, personalData, blobs, downloadLinks: new DownloadLinks(config.DOWNLOAD_LINK_SECRET), outboxWritten: () => outboxRelay.nudge(), redactionRules: { approvalThreshold: config.REDACTION_APPROVAL_THRESHOLD }, transit: vault.sealing },
      [kafkaReadiness(kafka, logger), postgresReadiness(dataSource), vault.readiness],
    ),
    workers: [...subscriptions, outboxRelay],
    resources: [
      { name: 'kafka-producer', close: () => publisher.disconnect() },
      { name: 'postgresql', close: () => dataSource.destroy() },
      { name: 'key-vault', close: () => vault.dataSource.destroy() },
    ],
  });
}

runMain(SERVICE, main);
