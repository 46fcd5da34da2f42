import './instrument';
import 'reflect-metadata';
import { Topics } from '@sieve/contracts';
import { loadConfigOrExit } from '@sieve/config';
import { EventPublisher, EventSubscription, kafkaReadiness } from '@sieve/kafka';
import { startService } from '@sieve/service-runtime';
import { createLogger } from '@sieve/telemetry';
import { AnalyticsModule } from './app.module';
import { analyticsConfigSchema } from './config';
import { handleSessionEvents } from './session-events.consumer';

const SERVICE = 'analytics';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, analyticsConfigSchema);
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const kafka = { brokers: config.KAFKA_BROKERS, clientId: SERVICE, topicNamespace: config.KAFKA_TOPIC_NAMESPACE };

  const deadLetters = new EventPublisher(kafka, logger);
  const subscription = new EventSubscription(
    kafka,
    { groupId: SERVICE, topic: Topics.usage, handler: handleSessionEvents, partitionsConsumedConcurrently: config.CONSUMER_CONCURRENCY },
    deadLetters,
    logger,
  );

  await startService({
    name: SERVICE,
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    logger,
    module: AnalyticsModule.forRoot([kafkaReadiness(kafka, logger)]),
    workers: [subscription],
    resources: [{ name: 'kafka-producer', close: () => deadLetters.disconnect() }],
  });
}

void main().catch((error: unknown) => {
  process.stderr.write(`${SERVICE} failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
