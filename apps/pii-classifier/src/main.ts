import './instrument';
import 'reflect-metadata';
import { Topics } from '@sieve/contracts';
import { loadConfigOrExit } from '@sieve/config';
import { EventPublisher, EventSubscription, kafkaReadiness } from '@sieve/kafka';
import { ClassifySdkEventsUseCase } from '@sieve/pii-feature';
import { startService } from '@sieve/service-runtime';
import { createLogger } from '@sieve/telemetry';
import { ClassifierModule } from './app.module';
import { classifierConfigSchema } from './config';

const SERVICE = 'pii-classifier';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, classifierConfigSchema);
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const kafka = { brokers: config.KAFKA_BROKERS, clientId: SERVICE, topicNamespace: config.KAFKA_TOPIC_NAMESPACE };

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
    module: ClassifierModule.forRoot([kafkaReadiness(kafka, logger)]),
    workers: [subscription],
    resources: [{ name: 'kafka-producer', close: () => publisher.disconnect() }],
  });
}

void main().catch((error: unknown) => {
  process.stderr.write(`${SERVICE} failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
