import './instrument';
import 'reflect-metadata';
import { Topics } from '@sieve/contracts';
import { loadConfigOrExit } from '@sieve/config';
import { EventPublisher, EventSubscription, kafkaReadiness, kafkaSettingsOf } from '@sieve/kafka';
import { postgresReadiness } from '@sieve/persistence';
import { runMain, startWorkerService } from '@sieve/service-runtime';
import { createLogger } from '@sieve/telemetry';
import { createTicketsDataSource } from '@sieve/tickets-data-access';
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
  const subscription = new EventSubscription(
    kafka,
    // A group of its own: the job runner (the redaction issue) will read the topic from the
    // beginning under its own group, not resume after requests this one only logged.
    { groupId: 'redaction-worker.request-receipts', topic: Topics.redactionRequests, handler: redactionRequestsHandler(logger) },
    publisher,
    logger,
  );

  await startWorkerService({
    name: SERVICE,
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    logger,
    readiness: [kafkaReadiness(kafka, logger), postgresReadiness(dataSource)],
    workers: [subscription],
    resources: [
      { name: 'kafka-producer', close: () => publisher.disconnect() },
      { name: 'postgresql', close: () => dataSource.destroy() },
    ],
  });
}

runMain(SERVICE, main);
