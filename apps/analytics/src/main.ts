import './instrument';
import 'reflect-metadata';
import { Topics } from '@sieve/contracts';
import { loadConfigOrExit } from '@sieve/config';
import { EventPublisher, EventSubscription, kafkaReadiness, kafkaSettingsOf } from '@sieve/kafka';
import { runMain, startWorkerService } from '@sieve/service-runtime';
import { createLogger } from '@sieve/telemetry';
import { analyticsConfigSchema } from './config';
import { handleSessionEvents } from './session-events.consumer';

const SERVICE = 'analytics';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, analyticsConfigSchema);
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const kafka = kafkaSettingsOf(SERVICE, config);

  const deadLetters = new EventPublisher(kafka, logger);
  const subscription = new EventSubscription(
    kafka,
    // A group of its own: exact counting (the analytics issue) will read the topic from the
    // beginning under its own group, not resume after events this one only acknowledged.
    { groupId: 'analytics.session-receipts', topic: Topics.usage, handler: handleSessionEvents, partitionsConsumedConcurrently: config.CONSUMER_CONCURRENCY },
    deadLetters,
    logger,
  );

  await startWorkerService({
    name: SERVICE,
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    logger,
    readiness: [kafkaReadiness(kafka, logger)],
    workers: [subscription],
    resources: [{ name: 'kafka-producer', close: () => deadLetters.disconnect() }],
  });
}

runMain(SERVICE, main);
