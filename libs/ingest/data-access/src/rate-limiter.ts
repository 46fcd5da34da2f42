import type Redis from 'ioredis';
import { Counter } from 'prom-client';
import { Logger, metricsRegistry } from '@sieve/telemetry';

const unavailable = new Counter({
  name: 'sieve_ingest_rate_limit_unavailable_total',
  help: 'Requests let through unmetered because Redis did not answer the rate limiter.',
  registers: [metricsRegistry],
});

export interface RateLimits {
  /** Events one app may send per second, all its installs together. */
  appEventsPerSecond: number;
  /** Events one install may send per minute: what keeps a single hot install from flooding its partition. */
  installEventsPerMinute: number;
}

export type Admission = { admitted: true } | { admitted: false; limit: 'app' | 'install'; retryAfterSeconds: number };

/**
 * Counts both windows and refuses if either is over; a refused request costs no quota (its counts
 * are taken back), so an SDK that waits as told gets in.
 */
const ADMIT = `
local n = tonumber(ARGV[1])
local app = redis.call('incrby', KEYS[1], n)
if app == n then redis.call('pexpire', KEYS[1], ARGV[4]) end
local install = redis.call('incrby', KEYS[2], n)
if install == n then redis.call('pexpire', KEYS[2], ARGV[5]) end
local over = 0
if app > tonumber(ARGV[2]) then over = 1 elseif install > tonumber(ARGV[3]) then over = 2 end
if over > 0 then
  redis.call('decrby', KEYS[1], n)
  redis.call('decrby', KEYS[2], n)
end
return over`;

const SECOND = 1_000;
const MINUTE = 60_000;

/**
 * Per-app and per-install event rate limits in Redis, in fixed windows (a second per app, a minute
 * per install), shared by every gateway instance. When Redis doesn't answer, requests go through
 * unmetered: the limits protect the platform, and refusing all traffic would hurt it more.
 */
export class RateLimiter {
  private readonly redis: Redis & { sieveAdmitEvents(...args: (string | number)[]): Promise<number> };

  constructor(
    redis: Redis,
    readonly limits: RateLimits,
    private readonly logger: Logger,
  ) {
    // A defined command runs by its hash (EVALSHA): the script is not sent with every request.
    redis.defineCommand('sieveAdmitEvents', { numberOfKeys: 2, lua: ADMIT });
    this.redis = redis as RateLimiter['redis'];
  }

  async admit(appId: string, installId: string, events: number, now = Date.now()): Promise<Admission> {
    const appWindow = Math.floor(now / SECOND);
    const installWindow = Math.floor(now / MINUTE);
    let over: number;
    try {
      over = await this.redis.sieveAdmitEvents(
        `ingest:rate:app:${appId}:${appWindow}`,
        `ingest:rate:install:${appId}:${installId}:${installWindow}`,
        events,
        this.limits.appEventsPerSecond,
        this.limits.installEventsPerMinute,
        2 * SECOND,
        2 * MINUTE,
      );
    } catch (error) {
      unavailable.inc();
      this.logger.warn({ err: error }, 'rate limiter unavailable; letting the request through unmetered');
      return { admitted: true };
    }
    if (over === 0) return { admitted: true };
    const windowEnd = over === 1 ? (appWindow + 1) * SECOND : (installWindow + 1) * MINUTE;
    return { admitted: false, limit: over === 1 ? 'app' : 'install', retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / SECOND)) };
  }
}
