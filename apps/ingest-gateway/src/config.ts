import { z } from 'zod';
import { env, kafkaConfigShape, keyVaultConfigShape, serviceConfigShape } from '@sieve/config';

export const gatewayConfigSchema = z.object({
  ...serviceConfigShape,
  ...kafkaConfigShape,
  ...keyVaultConfigShape,
  HTTP_PORT: env.port(3001),
  DATABASE_URL: env.postgresUrl(),
  REDIS_URL: env.redisUrl(),
  /**
   * Load balancers in front of the gateway (addresses or CIDR ranges, comma-separated): the client
   * address, which only decides the country, is read from their X-Forwarded-For. None by default.
   */
  TRUSTED_PROXIES: env.cidrList(),
  /** Largest JSON body accepted; larger ones get 413 before they are parsed. */
  BODY_LIMIT_BYTES: env.positiveInt(64 * 1024),
  /** How long a request waits for Kafka's acknowledgement before answering 503. */
  PUBLISH_TIMEOUT_MS: env.positiveInt(5_000),
  /** Seconds a 503 asks the SDK to wait before retrying. */
  RETRY_AFTER_SECONDS: env.positiveInt(5),
  /** How long an accepted client event id is remembered: longer than SDKs queue events offline (7 days). */
  DEDUPLICATION_TTL_SECONDS: env.positiveInt(8 * 24 * 3600),
  /** How long an agent reply waits for its install to fetch it (7 days: as long as SDKs stay offline). */
  PENDING_REPLY_TTL_SECONDS: env.positiveInt(7 * 24 * 3600),
  /** The ticket store, which says whose a staff token is (for the app key admin API). */
  TICKET_STORE_URL: z.url({ protocol: /^https?$/ }),
  /** The directory attachment bytes are stored under (the local blob store). */
  BLOB_STORE_DIR: z.string().min(1),
  /** Largest attachment accepted. */
  ATTACHMENT_MAX_BYTES: env.positiveInt(25 * 1024 * 1024),
  /** Content types an attachment may have (comma-separated); others get 415. */
  ATTACHMENT_CONTENT_TYPES: z
    .string()
    .default('image/jpeg,image/png,image/gif,image/webp,image/heic,application/pdf,text/plain,video/mp4,video/quicktime')
    .transform((value) => value.split(',').map((type) => type.trim().toLowerCase()).filter(Boolean)),
  /** Events one app may send per second, all installs together; more get 429 with Retry-After. */
  APP_EVENTS_PER_SECOND: env.positiveInt(20_000),
  /** Events one install may send per minute (a full batch of 500 fits); more get 429 with Retry-After. */
  INSTALL_EVENTS_PER_MINUTE: env.positiveInt(1_200),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
