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

/*
 * One script call per request, whatever its number of events: a Redis command costs the gateway
 * more CPU than the work it asks of Redis. Keys are hash-tagged by app, so a request's keys share a
 * cluster slot.
 */

/** Per key: 1 claimed (pending mark set, ARGV[1] is the token), 0 accepted before, 2 pending for another request. */
const CLAIM = `
local result = {}
for i, key in ipairs(KEYS) do
  if redis.call('set', key, ARGV[1], 'PX', ARGV[2], 'NX') then
    result[i] = 1
  elseif redis.call('get', key) == '${ACCEPTED}' then
    result[i] = 0
  else
    result[i] = 2
  end
end
return result`;

const CONFIRM = `
for _, key in ipairs(KEYS) do redis.call('set', key, '${ACCEPTED}', 'EX', ARGV[1]) end
return #KEYS`;

/** Deletes a pending mark only if it is still this request's (a later request may own it by now). */
const RELEASE_IF_OURS = `
local released = 0
for _, key in ipairs(KEYS) do
  if redis.call('get', key) == ARGV[1] then released = released + redis.call('del', key) end
end
return released`;

type ScriptedRedis = Redis & {
  sieveClaimEvents(keyCount: number, ...keysAndArgs: (string | number)[]): Promise<number[]>;
  sieveConfirmEvents(keyCount: number, ...keysAndArgs: (string | number)[]): Promise<number>;
  sieveReleaseEvents(keyCount: number, ...keysAndArgs: (string | number)[]): Promise<number>;
};

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
  private readonly redis: ScriptedRedis;

  constructor(
    redis: Redis,
    private readonly options: DeduplicationOptions,
    private readonly logger: Logger,
  ) {
    // Defined commands run by their hash (EVALSHA); their key count varies, so it is given per call.
    redis.defineCommand('sieveClaimEvents', { lua: CLAIM });
    redis.defineCommand('sieveConfirmEvents', { lua: CONFIRM });
    redis.defineCommand('sieveReleaseEvents', { lua: RELEASE_IF_OURS });
    this.redis = redis as ScriptedRedis;
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
        const outcomes = await this.redis.sieveClaimEvents(keys.length, ...keys, token, this.options.pendingTtlMs);
        let waiting = false;
        open.forEach((index, position) => {
          if (outcomes[position] === 1) claims[index] = { status: 'claimed', key: keys[position], token };
          else if (outcomes[position] === 0) claims[index] = { status: 'duplicate' };
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
      await this.redis.sieveConfirmEvents(held.length, ...held.map(({ key }) => key), this.options.acceptedTtlSeconds);
    } catch (error) {
      this.degraded('confirm', error);
    }
  }

  /** The write failed: let the next request for these events write them. */
  async release(claims: readonly Claim[]): Promise<void> {
    const held = claims.filter((claim) => claim.status === 'claimed');
    if (held.length === 0) return;
    try {
      const keysByToken = new Map<string, string[]>();
      for (const { key, token } of held) keysByToken.set(token, [...(keysByToken.get(token) ?? []), key]);
      await Promise.all([...keysByToken].map(([token, keys]) => this.redis.sieveReleaseEvents(keys.length, ...keys, token)));
    } catch (error) {
      this.degraded('release', error);
    }
  }

  private degraded(operation: 'claim' | 'confirm' | 'release', error: unknown): void {
    unavailable.inc({ operation });
    this.logger.warn({ err: error, operation }, 'deduplication store unavailable; relying on downstream idempotency');
  }

  private key(appId: string, clientEventId: string): string {
    return `ingest:accepted:{${appId}}:${clientEventId}`;
  }
}

function indexesOf(claims: readonly (Claim | undefined)[]): number[] {
  return claims.flatMap((claim, index) => (claim === undefined ? [index] : []));
}
