import { z } from 'zod';
import { env, kafkaConfigShape, keyVaultConfigShape, serviceConfigShape } from '@sieve/config';

export const classifierConfigSchema = z.object({
  ...serviceConfigShape,
  ...kafkaConfigShape,
  ...keyVaultConfigShape,
  HTTP_PORT: env.port(3002),
  /** Partitions of the raw topic this instance works on at once (the topic has 12). */
  CONSUMER_CONCURRENCY: env.positiveInt(12),
});
