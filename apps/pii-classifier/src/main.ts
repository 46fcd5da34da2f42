import './instrument';
import 'reflect-metadata';
import { Topics } from '@sieve/contracts';
import { loadConfigOrExit } from '@sieve/config';
import { EventPublisher, EventSubscription, kafkaReadiness, kafkaSettingsOf } from '@sieve/kafka';
import { openKeyVault } from '@sieve/key-vault';
import { classifyDatabaseError } from '@sieve/persistence';
import { ClassifySdkEventsUseCase } from '@sieve/pii-feature';
import { runMain, startWorkerService } from '@sieve/service-runtime';
import { createLogger } from '@sieve/telemetry';
import { classifierConfigSchema } from './config';

const SERVICE = 'pii-classifier';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, classifierConfigSchema);
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const kafka = kafkaSettingsOf(SERVICE, config);

  const publisher = new EventPublisher(kafka, logger);
  // Personal fields leave sealed under transit keys the classifier makes in the key vault.
  const vault = await openKeyVault(config, SERVICE);
  const classify = new ClassifySdkEventsUseCase(publisher, vault.sealing);
  const subscription = new EventSubscription(
    kafka,
    {
      groupId: SERVICE,
      topic: Topics.sdkRaw,
      handler: (events) => classify.execute(events),
      classifiers: [classifyDatabaseError],
      partitionsConsumedConcurrently: config.CONSUMER_CONCURRENCY,
    },
    publisher,
    logger,
  );

  await startWorkerService({
    name: SERVICE,
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    logger,
    readiness: [kafkaReadiness(kafka, logger), vault.readiness],
    workers: [subscription],
    resources: [
      { name: 'kafka-producer', close: () => publisher.disconnect() },
      { name: 'key-vault', close: () => vault.dataSource.destroy() },
    ],
  });
}

runMain(SERVICE, main);
