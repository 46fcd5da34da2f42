import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { buildClearEvent, deterministicUuid, EventOn, Topics } from '@sieve/contracts';
import { DataKeyDestroyedError, KEY_GONE, TransitSealing } from '@sieve/key-vault';
import { MessageEntity, OutboxRepository, PersonalData } from '@sieve/tickets-data-access';
import { requireConversation } from './conversation-lookup';
import { parseRequest } from './parse-request';
import { StaffPrincipal } from './staff-authenticator';
import { TicketsError } from './tickets.error';

export const TICKET_STORE_PRODUCER = 'ticket-store';

export const replyRequestSchema = z
  .object({
    body: z.string().trim().min(1).max(10_000),
    /** Makes a retried request one reply: the same id (per conversation) answers with the reply already stored. */
    clientMessageId: z.uuid().optional(),
  })
  .strict();

export interface ReplyResult {
  status: 'created' | 'duplicate';
  messageId: string;
  sentAt: string;
}

/**
 * An agent answers a conversation: the reply is stored sealed with the end user's key and, in the
 * same transaction, put in the outbox (sealed too) for the gateway, which hands it to the install
 * that wrote. On the topic its body is sealed under the reply's own transit key.
 */
export class ReplyToConversationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly personalData: PersonalData,
    private readonly transit: TransitSealing,
    private readonly outboxWritten: () => void,
  ) {}

  async execute(staff: StaffPrincipal, conversationId: string, body: unknown, correlationId: string): Promise<ReplyResult> {
    const request = parseRequest(replyRequestSchema, body);
    const messageId = request.clientMessageId ? deterministicUuid(staff.tenantId, staff.credentialId, conversationId, request.clientMessageId) : randomUUID();
    // Everything the key vault does for the reply, before the transaction (which holds a vault connection for its live-key lock, and must not wait for another).
    const found = await requireConversation(this.dataSource.manager, staff.tenantId, conversationId);
    const owner = { tenantId: staff.tenantId, endUserId: found.endUserId };
    await this.personalData.prepare([
      { owner, field: 'messages.body', rowId: messageId },
      { owner, field: 'outbox.event', rowId: messageId },
    ]);
    const sentAt = new Date();
    const reply = buildClearEvent(
      'tickets.agent-replied',
      { appId: found.appId, installId: found.installId, conversationId, message: { id: messageId, body: request.body, sentAt: sentAt.toISOString() } },
      { tenantId: staff.tenantId, producer: TICKET_STORE_PRODUCER, correlationId, causationId: null, occurredAt: sentAt },
    );
    const [sealed] = await this.transit.seal([reply]);
    const result = await this.personalData.whileLive((assertLive) => this.dataSource.transaction(async (manager) => {
      // Locked: two tries of one reply at once are one after the other, and the second finds the first.
      const conversation = await requireConversation(manager, staff.tenantId, conversationId, { forUpdate: true });
      await assertLive([owner]);
      const existing = await manager.getRepository(MessageEntity).findOneBy({ tenantId: staff.tenantId, id: messageId });
      if (existing) return { status: 'duplicate' as const, messageId, sentAt: existing.sentAt.toISOString() };
      // Its transit key destroyed and no message: a retry of a reply redacted since.
      if (sealed === KEY_GONE) throw new TicketsError('gone', 'This reply was redacted; it is not sent again.');
      await manager.insert(MessageEntity, {
        id: messageId,
        tenantId: staff.tenantId,
        conversationId,
        endUserId: conversation.endUserId,
        author: 'agent',
        authorStaffId: staff.credentialId,
        bodySealed: await this.personalData.seal(owner, 'messages.body', messageId, request.body),
        sentAt,
      });
      await new OutboxRepository(manager, this.personalData).add({ topic: Topics.agentReplies, key: conversationId, event: { ...reply, payload: sealed } as EventOn<typeof Topics.agentReplies>, sealedFor: owner });
      return { status: 'created' as const, messageId, sentAt: sentAt.toISOString() };
    })).catch((error: unknown) => {
      if (error instanceof DataKeyDestroyedError) throw new TicketsError('gone', 'The end user of this conversation was erased; it can’t be answered.');
      throw error;
    });
    if (result.status === 'created') this.outboxWritten();
    return result;
  }
}
