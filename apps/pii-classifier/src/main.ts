import './instrument';
import 'reflect-metadata';
import { Topics } from '@sieve/contracts';
import { loadConfigOrExit } from '@sieve/config';
import { EventPublisher, EventSubscription, kafkaReadiness, kafkaSettingsOf } from '@sieve/kafka';
import { ClassifySdkEventsUseCase } from '@sieve/pii-feature';
import { runMain, startService } from '@sieve/service-runtime';
import { createLogger, HealthModule } from '@sieve/telemetry';
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

  await startService({
    name: SERVICE,
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    logger,
    // Its HTTP edge is health and metrics only; its work arrives over Kafka.
    module: HealthModule.forRoot([kafkaReadiness(kafka, logger)]),
    workers: [subscription],
    resources: [{ name: 'kafka-producer', close: () => publisher.disconnect() }],
  });
}

runMain(SERVICE, main);
