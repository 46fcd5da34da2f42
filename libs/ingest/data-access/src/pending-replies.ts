import type Redis from 'ioredis';
import type { RedactionCompletedV1 } from '@sieve/contracts';

export interface PendingReply {
  id: string;
  conversationId: string;
  body: string;
  sentAt: string;
  agentName?: string;
}

/** What a completed redaction named, as far as held replies are concerned. */
export type RedactedContent = Pick<RedactionCompletedV1, 'kind' | 'conversationIds' | 'messageIds'>;

/*
 * Read and delete in one script: a reply held meanwhile is either seen (and deleted if it matches)
 * or held after the purge; nothing unmatched is deleted. Values are only ever written by `hold`, so
 * one that doesn't parse is a bug and fails the purge rather than surviving it.
 */
const PURGE_CONVERSATIONS = `
local wanted = {}
for _, id in ipairs(ARGV) do wanted[id] = true end
local entries = redis.call('hgetall', KEYS[1])
local purged = 0
for i = 1, #entries, 2 do
  if wanted[cjson.decode(entries[i + 1]).conversationId] then purged = purged + redis.call('hdel', KEYS[1], entries[i]) end
end
return purged`;

const PURGE_ALL = `
local held = redis.call('hlen', KEYS[1])
redis.call('del', KEYS[1])
return held`;

type ScriptedRedis = Redis & {
  sievePurgeConversationReplies(key: string, ...conversationIds: string[]): Promise<number>;
  sievePurgeAllReplies(key: string): Promise<number>;
};

/**
 * Agent replies waiting for the install they answer to fetch them, in Redis, per install. Holding
 * one twice is harmless (a replayed event overwrites itself); a reply stays until the SDK
 * acknowledges it or it has waited `ttlSeconds` since the install's last reply.
 */
export class PendingReplies {
  private readonly redis: ScriptedRedis;

  constructor(
    redis: Redis,
    private readonly ttlSeconds: number,
  ) {
    redis.defineCommand('sievePurgeConversationReplies', { numberOfKeys: 1, lua: PURGE_CONVERSATIONS });
    redis.defineCommand('sievePurgeAllReplies', { numberOfKeys: 1, lua: PURGE_ALL });
    this.redis = redis as ScriptedRedis;
  }

  async hold(endUserId: string, reply: PendingReply): Promise<void> {
    const key = this.key(endUserId);
    await this.redis.multi().hset(key, reply.id, JSON.stringify(reply)).expire(key, this.ttlSeconds).exec();
  }

  /** The install's replies, oldest first. */
  async of(endUserId: string): Promise<PendingReply[]> {
    const values = await this.redis.hvals(this.key(endUserId));
    return values.map((value) => JSON.parse(value) as PendingReply).sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id));
  }

  /** The SDK has these: hold them no longer. Returns how many were still held. */
  async acknowledge(endUserId: string, replyIds: readonly string[]): Promise<number> {
    return replyIds.length === 0 ? 0 : this.redis.hdel(this.key(endUserId), ...replyIds);
  }

  /**
   * A redaction completed: hold no copy of what it removed. An erasure drops all of the install's
   * replies, a conversation's redaction that conversation's; any other kind the named messages (agent
   * replies are messages; an end user's message ids match nothing here). Returns how many were held.
   */
  async purge(endUserId: string, redacted: RedactedContent): Promise<number> {
    const key = this.key(endUserId);
    switch (redacted.kind) {
      case 'end-user':
        return this.redis.sievePurgeAllReplies(key);
      case 'conversation':
        return redacted.conversationIds.length === 0 ? 0 : this.redis.sievePurgeConversationReplies(key, ...redacted.conversationIds);
      case 'message':
      case 'messages':
      case 'messages-sent-between':
      case 'attachments':
        // One command: atomic by itself.
        return redacted.messageIds.length === 0 ? 0 : this.redis.hdel(key, ...redacted.messageIds);
    }
  }

  /** Keyed by Sieve's end user id of the install (`endUserIdOf`): the install id itself is not in Redis, nor in what asks for a purge. */
  private key(endUserId: string): string {
    return `ingest:replies:${endUserId}`;
  }
}
