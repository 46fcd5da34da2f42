import { endUserIdOf, Topics } from '@sieve/contracts';
import { PendingReplies, PendingReply } from '@sieve/ingest-data-access';
import { ConsumedEvent } from '@sieve/kafka';
import { KEY_GONE, TransitSealing } from '@sieve/key-vault';
import { AppPrincipal } from './app-authenticator';

/** How often a waiting fetch looks again: short enough to feel live, long enough to cost little. */
const POLL_MS = 250;

/**
 * Agent replies from the ticket store to the install that wrote: opened from their transit keys
 * and held as they arrive (the consumer commits only after Redis has them), fetched by the SDK
 * with a long poll, released when the SDK acknowledges them. A reply redacted before it got here
 * (its key destroyed) is not held at all.
 */
export class AgentReplies {
  private stopping = false;

  constructor(
    private readonly pending: PendingReplies,
    private readonly transit: TransitSealing,
  ) {}

  /** The service is stopping: waiting fetches answer with what there is now, so HTTP can close. */
  stopWaiting(): void {
    this.stopping = true;
  }

  /** The batch handler for the agent-replies topic. */
  async hold(events: ConsumedEvent<typeof Topics.agentReplies>[]): Promise<void> {
    for (const event of await this.transit.open<typeof Topics.agentReplies>(events.map(({ event }) => event))) {
      if (event === KEY_GONE) continue;
      const { appId, installId, conversationId, message, agentName } = event.payload;
      await this.pending.hold(endUserIdOf(event.tenantId, appId, installId), { id: message.id, conversationId, body: message.body, sentAt: message.sentAt, ...(agentName ? { agentName } : {}) });
    }
  }

  /** The install's pending replies; if there are none yet, waits up to `waitSeconds` for one. */
  async fetch(app: AppPrincipal, installId: string, waitSeconds: number): Promise<PendingReply[]> {
    const deadline = Date.now() + waitSeconds * 1000;
    for (;;) {
      const replies = await this.pending.of(endUserIdOf(app.tenantId, app.appId, installId));
      if (replies.length > 0 || this.stopping || Date.now() + POLL_MS > deadline) return replies;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  acknowledge(app: AppPrincipal, installId: string, replyIds: readonly string[]): Promise<number> {
    return this.pending.acknowledge(endUserIdOf(app.tenantId, app.appId, installId), replyIds);
  }
}
