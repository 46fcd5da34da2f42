import { z } from 'zod';
import { env, kafkaConfigShape, serviceConfigShape } from '@sieve/config';

export const redactionWorkerConfigSchema = z.object({
  ...serviceConfigShape,
  ...kafkaConfigShape,
  HTTP_PORT: env.port(3005),
  DATABASE_URL: env.postgresUrl(),
});
