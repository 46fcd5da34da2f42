import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { buildEvent, Topics } from '@sieve/contracts';
import { MessageEntity, OutboxRepository, RedactionRequestEntity, RedactionTarget } from '@sieve/tickets-data-access';
import { requireConversation } from './conversation-lookup';
import { parseRequest } from './parse-request';
import { TICKET_STORE_PRODUCER } from './reply-to-conversation.usecase';
import { StaffPrincipal } from './staff-authenticator';
import { TicketsError } from './tickets.error';

export const redactionRequestSchema = z
  .object({
    /** One message of the conversation; without it, the whole conversation. */
    messageId: z.uuid().optional(),
    reason: z.string().trim().min(1).max(500),
    /** Makes a retried request one job. */
    jobId: z.uuid().optional(),
  })
  .strict();

/**
 * Records a redaction an agent or admin asks for and, in the same transaction, announces it to the
 * redaction worker through the outbox. The worker carries it out; this only asks.
 */
export class RequestRedactionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outboxWritten: () => void,
  ) {}

  async execute(staff: StaffPrincipal, conversationId: string, body: unknown, correlationId: string): Promise<{ jobId: string; status: 'pending' }> {
    const request = parseRequest(redactionRequestSchema, body);
    const jobId = request.jobId ?? randomUUID();
    const created = await this.dataSource.transaction(async (manager) => {
      // Locked: two tries of one request at once are one after the other, and the second finds the first.
      await requireConversation(manager, staff.tenantId, conversationId, { forUpdate: true });
      const existing = await manager.getRepository(RedactionRequestEntity).findOneBy({ jobId });
      if (existing) {
        if (existing.tenantId !== staff.tenantId || existing.conversationId !== conversationId) throw new TicketsError('invalid-request', `Job id ${jobId} is taken; leave it out to get a new one.`);
        return false;
      }
      if (request.messageId && !(await manager.getRepository(MessageEntity).existsBy({ tenantId: staff.tenantId, conversationId, id: request.messageId }))) {
        throw new TicketsError('not-found', `No message ${request.messageId} in conversation ${conversationId}.`);
      }
      const target: RedactionTarget = request.messageId ? { kind: 'message', messageId: request.messageId } : { kind: 'conversation', conversationId };
      await manager.insert(RedactionRequestEntity, { jobId, tenantId: staff.tenantId, conversationId, requestedBy: staff.credentialId, reason: request.reason, target });
      const event = buildEvent(
        'tickets.redaction-requested',
        { jobId, requestedBy: staff.credentialId, reason: request.reason, target },
        { tenantId: staff.tenantId, producer: TICKET_STORE_PRODUCER, correlationId, causationId: null },
      );
      await new OutboxRepository(manager).add({ topic: Topics.redactionRequests, key: conversationId, event });
      return true;
    });
    if (created) this.outboxWritten();
    return { jobId, status: 'pending' };
  }
}
