import { z } from 'zod';
import { env, kafkaConfigShape, serviceConfigShape } from '@sieve/config';

export const analyticsConfigSchema = z.object({
  ...serviceConfigShape,
  ...kafkaConfigShape,
  HTTP_PORT: env.port(3004),
  CONSUMER_CONCURRENCY: env.positiveInt(2),
});
