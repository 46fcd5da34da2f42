import { z } from 'zod';
import { env, kafkaConfigShape, keyVaultConfigShape, serviceConfigShape } from '@sieve/config';

export const ticketStoreConfigSchema = z.object({
  ...serviceConfigShape,
  ...kafkaConfigShape,
  ...keyVaultConfigShape,
  HTTP_PORT: env.port(3003),
  DATABASE_URL: env.postgresUrl(),
  DATABASE_POOL_SIZE: env.positiveInt(10),
  /** Where attachment bytes are: the gateway's uploads, and their sealed copies. */
  BLOB_STORE_DIR: z.string().min(1),
  /** The local key file holding the key encryption keys that wrap every end user's data key. */
  KEY_ENCRYPTION_KEY_FILE: z.string().min(1),
  /**
   * Make the key file if it is missing (the local stack). Off in production: a missing key file
   * there means a lost mount, and new keys would leave the data sealed before unreadable.
   */
  KEY_ENCRYPTION_KEY_FILE_CREATE: env.flag(false),
  /** Signs the short-lived attachment download links the agent API hands out. */
  DOWNLOAD_LINK_SECRET: z
    .string()
    .min(32, 'at least 32 characters of a random secret')
    .refine((secret) => !/CHANGE_ME/i.test(secret), 'still the placeholder of the deploy files: set a random secret'),
  /** A redaction or erasure covering more messages and attachments than this waits for a second admin's approval. */
  REDACTION_APPROVAL_THRESHOLD: env.positiveInt(100),
  /** Partitions of the support topic this instance applies at once; order holds per conversation. */
  CONSUMER_CONCURRENCY: env.positiveInt(2),
});
