import { EntityManager } from 'typeorm';
import { ConversationEntity } from '@sieve/tickets-data-access';
import { requirePathUuid } from './parse-request';
import { TicketsError } from './tickets.error';

/** A conversation of the staff member's brand, for update if asked; "not found" for another brand's too. */
export async function requireConversation(manager: EntityManager, tenantId: string, conversationId: string, options: { forUpdate?: boolean } = {}): Promise<ConversationEntity> {
  requirePathUuid(conversationId, 'conversation');
  const conversation = await manager.getRepository(ConversationEntity).findOne({
    where: { tenantId, id: conversationId },
    ...(options.forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  // Another brand's conversation is "not found" too: the answer must not confirm it exists.
  if (!conversation) throw new TicketsError('not-found', `No conversation ${conversationId} in this brand.`);
  return conversation;
}
