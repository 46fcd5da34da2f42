import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { Counter } from 'prom-client';
import { Logger, metricsRegistry } from '@sieve/telemetry';

const unavailable = new Counter({
  name: 'sieve_ingest_deduplication_unavailable_total',
  help: 'Duplicate checks or marks skipped because Redis did not answer.',
  labelNames: ['operation'],
  registers: [metricsRegistry],
});

const ACCEPTED = 'accepted';
/** Deletes a pending mark only if it is still this request's (a later request may own it by now). */
const RELEASE_IF_OURS = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export interface DeduplicationOptions {
  /** How long an accepted mark lives: longer than an SDK keeps unsent events queued offline. */
  acceptedTtlSeconds: number;
  /** How long a request may hold an event it is writing: longer than a Kafka write may take. */
  pendingTtlMs: number;
}

/** What the store says of one client event id a request wants to write. */
export type Claim = { status: 'claimed'; key: string; token: string } | { status: 'duplicate' };

/**
 * Remembers, per app, the client event ids the gateway has written to Kafka, so that a retry is
 * answered "duplicate" and written once. A request first claims an id (a pending mark only it can
 * lift); a concurrent request for the same id waits until the first one's write is acknowledged
 * (then it is a duplicate) or has failed (then it claims the id itself). The accepted mark is set
 * only after Kafka acknowledged the write, and outlives the SDK's offline retry window; the ticket
 * store's unique keys stay the final guard.
 *
 * Redis is an optimisation here, not the guarantee: when it doesn't answer, an event counts as not
 * seen (republishing it is harmless, its ids are deterministic) and a lost mark only costs that.
 */
export class DeduplicationStore {
  private readonly redis: Redis & { sieveReleaseIfOurs(key: string, token: string): Promise<number> };

  constructor(
    redis: Redis,
    private readonly options: DeduplicationOptions,
    private readonly logger: Logger,
  ) {
    redis.defineCommand('sieveReleaseIfOurs', { numberOfKeys: 1, lua: RELEASE_IF_OURS });
    this.redis = redis as DeduplicationStore['redis'];
  }

  /** Claims each id for this request, in order; an id repeated within the list is a duplicate of its first. */
  async claim(appId: string, clientEventIds: readonly string[]): Promise<Claim[]> {
    const token = randomUUID();
    const seen = new Set<string>();
    const claims: (Claim | undefined)[] = clientEventIds.map((id) => (seen.has(id) ? { status: 'duplicate' } : void seen.add(id)));
    const deadline = Date.now() + this.options.pendingTtlMs;
    try {
      for (let open = indexesOf(claims); open.length > 0; open = indexesOf(claims)) {
        const keys = open.map((index) => this.key(appId, clientEventIds[index]));
        const pipeline = this.redis.pipeline();
        for (const key of keys) pipeline.set(key, token, 'PX', this.options.pendingTtlMs, 'NX');
        for (const key of keys) pipeline.get(key);
        const replies = await execute(pipeline);
        let waiting = false;
        open.forEach((index, position) => {
          const [, set] = replies[position];
          const [, value] = replies[keys.length + position];
          if (set === 'OK') claims[index] = { status: 'claimed', key: keys[position], token };
          else if (value === ACCEPTED) claims[index] = { status: 'duplicate' };
          else waiting = true; // another request is writing it right now
        });
        if (!waiting) break;
        if (Date.now() > deadline) {
          // The other writer outlived its pending mark: write anyway (ids are deterministic).
          for (const index of indexesOf(claims)) claims[index] = { status: 'claimed', key: this.key(appId, clientEventIds[index]), token };
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } catch (error) {
      this.degraded('claim', error);
      return clientEventIds.map((id, index) => claims[index] ?? { status: 'claimed', key: this.key(appId, id), token });
    }
    return claims as Claim[];
  }

  /** Kafka acknowledged these events: later requests for them are duplicates. */
  async confirm(claims: readonly Claim[]): Promise<void> {
    const held = claims.filter((claim) => claim.status === 'claimed');
    if (held.length === 0) return;
    try {
      const pipeline = this.redis.pipeline();
      for (const { key } of held) pipeline.set(key, ACCEPTED, 'EX', this.options.acceptedTtlSeconds);
      await execute(pipeline);
    } catch (error) {
      this.degraded('confirm', error);
    }
  }

  /** The write failed: let the next request for these events write them. */
  async release(claims: readonly Claim[]): Promise<void> {
    const held = claims.filter((claim) => claim.status === 'claimed');
    if (held.length === 0) return;
    try {
      await Promise.all(held.map(({ key, token }) => this.redis.sieveReleaseIfOurs(key, token)));
    } catch (error) {
      this.degraded('release', error);
    }
  }

  private degraded(operation: 'claim' | 'confirm' | 'release', error: unknown): void {
    unavailable.inc({ operation });
    this.logger.warn({ err: error, operation }, 'deduplication store unavailable; relying on downstream idempotency');
  }

  private key(appId: string, clientEventId: string): string {
    return `ingest:accepted:${appId}:${clientEventId}`;
  }
}

/** A pipeline's replies; a failed command fails the whole (each step here degrades as a unit). */
async function execute(pipeline: ReturnType<Redis['pipeline']>): Promise<[Error | null, unknown][]> {
  const replies = (await pipeline.exec()) ?? [];
  const failed = replies.find(([error]) => error);
  if (failed) throw failed[0];
  return replies;
}

function indexesOf(claims: readonly (Claim | undefined)[]): number[] {
  return claims.flatMap((claim, index) => (claim === undefined ? [index] : []));
}
