import './instrument';
import 'reflect-metadata';
import Redis from 'ioredis';
import { BillingMonths, BillingPeriodsRepository, createAnalyticsDataSource } from '@sieve/analytics-data-access';
import { ACTIVE_INSTALLS_CONSUMER, BillingSchedule, CountSessionEventsUseCase, LiveUsage, PeriodScheduler } from '@sieve/analytics-feature';
import { loadConfigOrExit } from '@sieve/config';
import { Topics } from '@sieve/contracts';
import { LocalKeyFile } from '@sieve/crypto';
import { EventPublisher, EventSubscription, kafkaReadiness, kafkaSettingsOf } from '@sieve/kafka';
import { classifyDatabaseError, postgresReadiness } from '@sieve/persistence';
import { runMain, StaffDirectory, startService } from '@sieve/service-runtime';
import { createLogger } from '@sieve/telemetry';
import { AnalyticsAppModule } from './app.module';
import { analyticsConfigSchema, countingRules } from './config';

const SERVICE = 'analytics';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, analyticsConfigSchema);
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const kafka = kafkaSettingsOf(SERVICE, config);
  const rules = countingRules(config);

  const dataSource = createAnalyticsDataSource(config.DATABASE_URL, SERVICE, config.DATABASE_POOL_SIZE);
  await dataSource.initialize();
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  const keyEncryptionKeys = await LocalKeyFile.open(config.KEY_ENCRYPTION_KEY_FILE, { create: config.KEY_ENCRYPTION_KEY_FILE_CREATE });
  const billingMonths = new BillingMonths(keyEncryptionKeys);
  const schedule = new BillingSchedule(rules.schedule);
  const live = new LiveUsage(redis, logger);
  const countSessionEvents = new CountSessionEventsUseCase(dataSource, billingMonths, schedule, rules.admission, live);

  const deadLetters = new EventPublisher(kafka, logger);
  const subscription = new EventSubscription(
    kafka,
    {
      groupId: ACTIVE_INSTALLS_CONSUMER,
      topic: Topics.usage,
      handler: (events) => countSessionEvents.execute(events),
      classifiers: [classifyDatabaseError],
      partitionsConsumedConcurrently: config.CONSUMER_CONCURRENCY,
    },
    deadLetters,
    logger,
  );
  const scheduler = new PeriodScheduler(new BillingPeriodsRepository(dataSource), schedule, logger, config.PERIOD_SCHEDULE_INTERVAL_SECONDS * 1_000);

  await startService({
    name: SERVICE,
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    logger,
    module: AnalyticsAppModule.forRoot(
      { dataSource, billingMonths, schedule, staffDirectory: new StaffDirectory(config.TICKET_STORE_URL), live },
      [kafkaReadiness(kafka, logger), postgresReadiness(dataSource)],
    ),
    workers: [subscription, scheduler],
    resources: [
      { name: 'kafka-producer', close: () => deadLetters.disconnect() },
      { name: 'redis', close: async () => void (await redis.quit()) },
      { name: 'postgresql', close: () => dataSource.destroy() },
    ],
  });
}

runMain(SERVICE, main);
