import { z } from 'zod';
import { env, kafkaConfigShape, serviceConfigShape } from '@sieve/config';

export const ticketStoreConfigSchema = z.object({
  ...serviceConfigShape,
  ...kafkaConfigShape,
  HTTP_PORT: env.port(3003),
  DATABASE_URL: env.postgresUrl(),
  DATABASE_POOL_SIZE: env.positiveInt(10),
  /** Partitions of the support topic this instance applies at once; order holds per conversation. */
  CONSUMER_CONCURRENCY: env.positiveInt(2),
});
