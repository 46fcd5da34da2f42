import type Redis from 'ioredis';

/**
 * Remembers client event ids the gateway has already written to Kafka, per app. A mark is set only
 * after Kafka acknowledged the write, and outlives the SDK's offline retry window; the ticket
 * store's unique keys stay the final guard for a retry that races its own first attempt.
 */
export class DeduplicationStore {
  constructor(
    private readonly redis: Redis,
    /** How long a mark lives: longer than an SDK keeps unsent events queued offline. */
    private readonly ttlSeconds: number,
  ) {}

  async wasAccepted(appId: string, clientEventId: string): Promise<boolean> {
    return (await this.redis.exists(this.key(appId, clientEventId))) === 1;
  }

  async markAccepted(appId: string, clientEventId: string): Promise<void> {
    await this.redis.set(this.key(appId, clientEventId), '1', 'EX', this.ttlSeconds);
  }

  private key(appId: string, clientEventId: string): string {
    return `ingest:accepted:${appId}:${clientEventId}`;
  }
}
