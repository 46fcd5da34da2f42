import './instrument';
import 'reflect-metadata';
import { Topics } from '@sieve/contracts';
import { loadConfigOrExit } from '@sieve/config';
import { EventPublisher, EventSubscription, kafkaReadiness } from '@sieve/kafka';
import { postgresReadiness } from '@sieve/persistence';
import { startService } from '@sieve/service-runtime';
import { createLogger } from '@sieve/telemetry';
import { createTicketsDataSource } from '@sieve/tickets-data-access';
import { RedactionWorkerModule } from './app.module';
import { redactionWorkerConfigSchema } from './config';
import { redactionRequestsHandler } from './redaction-requests.consumer';

const SERVICE = 'redaction-worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, redactionWorkerConfigSchema);
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const kafka = { brokers: config.KAFKA_BROKERS, clientId: SERVICE, topicNamespace: config.KAFKA_TOPIC_NAMESPACE };

  // The redaction worker is the ticket context's second process and shares its database.
  const dataSource = createTicketsDataSource(config.DATABASE_URL, SERVICE, 4);
  await dataSource.initialize();
  const publisher = new EventPublisher(kafka, logger);
  const subscription = new EventSubscription(
    kafka,
    { groupId: SERVICE, topic: Topics.redactionRequests, handler: redactionRequestsHandler(logger) },
    publisher,
    logger,
  );

  await startService({
    name: SERVICE,
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    logger,
    module: RedactionWorkerModule.forRoot([kafkaReadiness(kafka, logger), postgresReadiness(dataSource)]),
    workers: [subscription],
    resources: [
      { name: 'kafka-producer', close: () => publisher.disconnect() },
      { name: 'postgresql', close: () => dataSource.destroy() },
    ],
  });
}

void main().catch((error: unknown) => {
  process.stderr.write(`${SERVICE} failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
