import { DataSource } from 'typeorm';
import { z } from 'zod';
import { CONVERSATION_STATUSES, ConversationEntity, ConversationStatus } from '@sieve/tickets-data-access';
import { requireConversation } from './conversation-lookup';
import { parseRequest } from './parse-request';
import { StaffPrincipal } from './staff-authenticator';

export const changeStatusRequestSchema = z.object({ status: z.enum(CONVERSATION_STATUSES) }).strict();

/** Moves a conversation between open, pending, resolved and closed (any to any: agents reopen cases). */
export class ChangeStatusUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(staff: StaffPrincipal, conversationId: string, body: unknown): Promise<{ id: string; status: ConversationStatus }> {
    const { status } = parseRequest(changeStatusRequestSchema, body);
    await this.dataSource.transaction(async (manager) => {
      await requireConversation(manager, staff.tenantId, conversationId, { forUpdate: true });
      await manager.update(ConversationEntity, { tenantId: staff.tenantId, id: conversationId }, { status });
    });
    return { id: conversationId, status };
  }
}
