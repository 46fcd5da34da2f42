import type Redis from 'ioredis';
import { z } from 'zod';
import { ActiveInstallMark, brandWideDays, BRAND_WIDE } from '@sieve/analytics-data-access';
import { daysIn, localDateOf } from '@sieve/analytics-domain';
import { Logger } from '@sieve/telemetry';
import { parseRequest } from './parse-request';

/** HyperLogLog's standard error with Redis's 16,384 registers: 1.04 / √16384. */
export const LIVE_STANDARD_ERROR = 0.0081;

/** Day sketches outlive their day by a little; month sketches their month. */
const DAY_TTL_SECONDS = 3 * 24 * 3600;
const MONTH_TTL_SECONDS = 35 * 24 * 3600;

export const liveUsageQuerySchema = z.object({ appId: z.uuid().optional().describe('One app of the brand; without it, the whole brand.') }).strict();

export interface LiveUsageView {
  approximate: true;
  /** Relative standard error of each figure (HyperLogLog): about 99% of figures are within 3 of these. */
  standardError: number;
  timeZone: string;
  appId: string | null;
  today: { period: string; activeInstalls: number };
  thisMonth: { period: string; activeInstalls: number };
}

/**
 * Approximate active installs for live dashboards: a Redis HyperLogLog per app (and brand-wide)
 * and day or month, fed the same hashed ids as the exact sets after they commit. Never billed from.
 */
export class LiveUsage {
  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
  ) {}

  /** Adds committed marks to the sketches. A Redis failure is logged, not thrown: the exact figures are already safe. */
  async observe(marks: ActiveInstallMark[]): Promise<void> {
    try {
      await this.add(marks);
    } catch (error) {
      this.logger.warn({ err: error }, 'the live (approximate) usage sketches missed a batch; exact figures are not affected');
    }
  }

  async view(tenantId: string, query: unknown, timeZone: string, now = Date.now()): Promise<LiveUsageView> {
    const { appId } = parseRequest(liveUsageQuerySchema, query);
    const today = localDateOf(now, timeZone);
    const scope = appId ?? BRAND_WIDE;
    const [day, month] = await Promise.all([this.redis.pfcount(sketchKey(tenantId, scope, today)), this.redis.pfcount(sketchKey(tenantId, scope, today.slice(0, 7)))]);
    return {
      approximate: true,
      standardError: LIVE_STANDARD_ERROR,
      timeZone,
      appId: appId ?? null,
      today: { period: today, activeInstalls: day },
      thisMonth: { period: today.slice(0, 7), activeInstalls: month },
    };
  }

  private async add(marks: ActiveInstallMark[]): Promise<void> {
    const members = new Map<string, { ttl: number; hashes: string[] }>();
    const add = (key: string, ttl: number, hash: string) => {
      const entry = members.get(key) ?? { ttl, hashes: [] };
      entry.hashes.push(hash);
      members.set(key, entry);
    };
    for (const mark of marks) {
      const hash = mark.installHash.toString('base64');
      for (const [appId, days] of [...mark.appDays, [BRAND_WIDE, brandWideDays(mark.appDays)] as const]) {
        add(sketchKey(mark.tenantId, appId, mark.month), MONTH_TTL_SECONDS, hash);
        for (const day of daysIn(days)) add(sketchKey(mark.tenantId, appId, `${mark.month}-${String(day).padStart(2, '0')}`), DAY_TTL_SECONDS, hash);
      }
    }
    if (members.size === 0) return;
    const pipeline = this.redis.pipeline();
    for (const [key, { ttl, hashes }] of members) pipeline.pfadd(key, ...hashes).expire(key, ttl);
    // A pipeline resolves even when commands in it failed; their errors are in the results.
    const failed = (await pipeline.exec())?.find(([error]) => error)?.[0];
    if (failed) throw failed;
  }
}

const sketchKey = (tenantId: string, appId: string, period: string) => `analytics:live:{${tenantId}}:${appId}:${period}`;
