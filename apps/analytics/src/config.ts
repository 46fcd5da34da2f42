import { z } from 'zod';
import { AdmissionPolicy } from '@sieve/analytics-domain';
import { BillingScheduleSettings } from '@sieve/analytics-feature';
import { env, kafkaConfigShape, serviceConfigShape } from '@sieve/config';

const HOUR_MS = 3_600_000;

export const analyticsConfigSchema = z.object({
  ...serviceConfigShape,
  ...kafkaConfigShape,
  HTTP_PORT: env.port(3004),
  DATABASE_URL: env.postgresUrl(),
  DATABASE_POOL_SIZE: env.positiveInt(10),
  REDIS_URL: env.redisUrl(),
  /** Asked whose a staff token is (the ticket store owns staff). */
  TICKET_STORE_URL: z.url({ protocol: /^https?$/ }),
  /** The local key file holding the key encryption keys that wrap the months' install hashing keys. */
  KEY_ENCRYPTION_KEY_FILE: z.string().min(1),
  /** Make the key file if it is missing (the local stack only; see the ticket store's same setting). */
  KEY_ENCRYPTION_KEY_FILE_CREATE: env.flag(false),
  /** Partitions of the usage topic this instance counts at once. */
  CONSUMER_CONCURRENCY: env.positiveInt(2),
  /** Oldest a session event may be, from its receipt, and still count (the SDK queues offline up to 7 days). */
  LATE_EVENT_HORIZON_HOURS: env.positiveInt(8 * 24),
  /** How far ahead of its receipt an event time may be (device clocks drift). */
  FUTURE_SKEW_MINUTES: env.positiveInt(10),
  /** A billing month closes by itself this long after it ends in the brand's zone. */
  PERIOD_CLOSE_DELAY_HOURS: env.positiveInt(24),
  /** Beyond the late-event horizon, how long consumers may lag before a month is sealed (its key destroyed). */
  PERIOD_SEAL_GRACE_HOURS: env.positiveInt(72),
  PERIOD_SCHEDULE_INTERVAL_SECONDS: env.positiveInt(60),
});
export type AnalyticsConfig = z.infer<typeof analyticsConfigSchema>;

/** When session events count, and when months close and seal, from the configured hours. */
export function countingRules(config: AnalyticsConfig): { admission: AdmissionPolicy; schedule: BillingScheduleSettings } {
  return {
    admission: { lateHorizonMs: config.LATE_EVENT_HORIZON_HOURS * HOUR_MS, futureSkewMs: config.FUTURE_SKEW_MINUTES * 60_000 },
    // A month is sealed only once it is closed and no event within the horizon can still arrive.
    schedule: {
      closeDelayMs: config.PERIOD_CLOSE_DELAY_HOURS * HOUR_MS,
      sealDelayMs: (Math.max(config.PERIOD_CLOSE_DELAY_HOURS, config.LATE_EVENT_HORIZON_HOURS) + config.PERIOD_SEAL_GRACE_HOURS) * HOUR_MS,
    },
  };
}
