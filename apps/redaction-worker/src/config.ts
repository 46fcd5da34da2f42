import { z } from 'zod';
import { env, kafkaConfigShape, keyVaultConfigShape, serviceConfigShape } from '@sieve/config';

export const redactionWorkerConfigSchema = z.object({
  ...serviceConfigShape,
  ...kafkaConfigShape,
  ...keyVaultConfigShape,
  HTTP_PORT: env.port(3005),
  DATABASE_URL: env.postgresUrl(),
  /** The ticket context's blob store: the worker deletes redacted attachments' bytes there. */
  BLOB_STORE_DIR: z.string().min(1),
  /** The ticket context's key file: a message redacted in ranges is opened and sealed again. */
  KEY_ENCRYPTION_KEY_FILE: z.string().min(1),
  /** Make the key file if it is missing (the local stack only, as for the ticket store). */
  KEY_ENCRYPTION_KEY_FILE_CREATE: env.flag(false),
  /** Items a job removes per transaction: larger is faster, smaller holds row locks more briefly. */
  REDACTION_CHUNK_SIZE: env.positiveInt(500),
  /** How long a transit key is kept: longer than the clean topics retain events (Kafka's 7 days), so no retained event loses its key. */
  TRANSIT_KEY_RETENTION_HOURS: env.positiveInt(192),
});
