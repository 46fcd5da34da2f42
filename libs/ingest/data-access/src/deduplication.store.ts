import type Redis from 'ioredis';
import { Counter } from 'prom-client';
import { Logger, metricsRegistry } from '@sieve/telemetry';

const unavailable = new Counter({
  name: 'sieve_ingest_deduplication_unavailable_total',
  help: 'Duplicate checks or marks skipped because Redis did not answer.',
  labelNames: ['operation'],
  registers: [metricsRegistry],
});

/**
 * Remembers client event ids the gateway has already written to Kafka, per app. A mark is set only
 * after Kafka acknowledged the write, and outlives the SDK's offline retry window; the ticket
 * store's unique keys stay the final guard for a retry that races its own first attempt.
 *
 * Redis is an optimisation here, not the guarantee: when it doesn't answer, an event counts as not
 * seen (republishing it is harmless, its ids are deterministic) and a lost mark only costs that.
 */
export class DeduplicationStore {
  constructor(
    private readonly redis: Redis,
    /** How long a mark lives: longer than an SDK keeps unsent events queued offline. */
    private readonly ttlSeconds: number,
    private readonly logger: Logger,
  ) {}

  async wasAccepted(appId: string, clientEventId: string): Promise<boolean> {
    try {
      return (await this.redis.exists(this.key(appId, clientEventId))) === 1;
    } catch (error) {
      this.degraded('check', error);
      return false;
    }
  }

  async markAccepted(appId: string, clientEventId: string): Promise<void> {
    try {
      await this.redis.set(this.key(appId, clientEventId), '1', 'EX', this.ttlSeconds);
    } catch (error) {
      this.degraded('mark', error);
    }
  }

  private degraded(operation: 'check' | 'mark', error: unknown): void {
    unavailable.inc({ operation });
    this.logger.warn({ err: error, operation }, 'deduplication store unavailable; relying on downstream idempotency');
  }

  private key(appId: string, clientEventId: string): string {
    return `ingest:accepted:${appId}:${clientEventId}`;
  }
}
