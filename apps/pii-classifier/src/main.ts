import './instrument';
import 'reflect-metadata';
import { Topics } from '@sieve/contracts';
import { loadConfigOrExit } from '@sieve/config';
import { EventPublisher, EventSubscription, kafkaReadiness, kafkaSettingsOf } from '@sieve/kafka';
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
  const classify = new ClassifySdkEventsUseCase(publisher);
  const subscription = new EventSubscription(
    kafka,
    {
      groupId: SERVICE,
      topic: Topics.sdkRaw,
      handler: (events) => classify.execute(events),
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
    readiness: [kafkaReadiness(kafka, logger)],
    workers: [subscription],
    resources: [{ name: 'kafka-producer', close: () => publisher.disconnect() }],
  });
}

runMain(SERVICE, main);
