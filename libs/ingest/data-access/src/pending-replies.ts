import type Redis from 'ioredis';

export interface PendingReply {
  id: string;
  conversationId: string;
  body: string;
  sentAt: string;
  agentName?: string;
}

/**
 * Agent replies waiting for the install they answer to fetch them, in Redis, per install. Holding
 * one twice is harmless (a replayed event overwrites itself); a reply stays until the SDK
 * acknowledges it or it has waited `ttlSeconds` since the install's last reply.
 */
export class PendingReplies {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
  ) {}

  async hold(appId: string, installId: string, reply: PendingReply): Promise<void> {
    const key = this.key(appId, installId);
    await this.redis.multi().hset(key, reply.id, JSON.stringify(reply)).expire(key, this.ttlSeconds).exec();
  }

  /** The install's replies, oldest first. */
  async of(appId: string, installId: string): Promise<PendingReply[]> {
    const values = await this.redis.hvals(this.key(appId, installId));
    return values.map((value) => JSON.parse(value) as PendingReply).sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id));
  }

  /** The SDK has these: hold them no longer. Returns how many were still held. */
  async acknowledge(appId: string, installId: string, replyIds: readonly string[]): Promise<number> {
    return replyIds.length === 0 ? 0 : this.redis.hdel(this.key(appId, installId), ...replyIds);
  }

  private key(appId: string, installId: string): string {
    return `ingest:replies:${appId}:${installId}`;
  }
}
