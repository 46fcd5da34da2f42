import './instrument';
import 'reflect-metadata';
import { Topics } from '@sieve/contracts';
import { loadConfigOrExit } from '@sieve/config';
import { EventPublisher, EventSubscription, kafkaReadiness, kafkaSettingsOf } from '@sieve/kafka';
import { classifyDatabaseError, postgresReadiness } from '@sieve/persistence';
import { runMain, startService } from '@sieve/service-runtime';
import { createLogger } from '@sieve/telemetry';
import { createTicketsDataSource } from '@sieve/tickets-data-access';
import { ApplySupportEventsUseCase, TICKET_STORE_CONSUMER } from '@sieve/tickets-feature';
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
  const apply = new ApplySupportEventsUseCase(dataSource);
  const subscription = new EventSubscription(
    kafka,
    {
      groupId: TICKET_STORE_CONSUMER,
      topic: Topics.support,
      handler: (events) => apply.execute(events),
      classifiers: [classifyDatabaseError],
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
    module: TicketStoreModule.forRoot(dataSource, [kafkaReadiness(kafka, logger), postgresReadiness(dataSource)]),
    workers: [subscription],
    resources: [
      { name: 'kafka-producer', close: () => publisher.disconnect() },
      { name: 'postgresql', close: () => dataSource.destroy() },
    ],
  });
}

runMain(SERVICE, main);
