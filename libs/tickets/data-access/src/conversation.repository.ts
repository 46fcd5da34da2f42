import { EntityManager, In } from 'typeorm';
import { AttachmentEntity } from './entities/attachment.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { MessageEntity } from './entities/message.entity';
import { insertOnce } from './insert-once';

type RedactionMarker = 'redactedAt' | 'redactedBy' | 'redactionJobId';
export type NewConversation = Omit<ConversationEntity, 'createdAt' | 'status' | RedactionMarker>;
export type NewMessage = Omit<MessageEntity, 'authorStaffId' | RedactionMarker | 'position' | 'piiTags'> & Partial<Pick<MessageEntity, 'authorStaffId' | 'piiTags'>>;

export type ConversationOwner = Pick<ConversationEntity, 'tenantId' | 'appId' | 'installId' | 'endUserId'>;

export interface ConversationWithMessages {
  conversation: ConversationEntity;
  messages: MessageEntity[];
  attachments: AttachmentEntity[];
}

/** Conversations and their messages. Every read names the tenant: there is no unscoped query. */
export class ConversationRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Inserts the conversations whose ids are not taken yet. */
  async insertIfAbsent(conversations: readonly NewConversation[]): Promise<void> {
    await insertOnce(this.manager, ConversationEntity, conversations.map((conversation) => ({ ...conversation, status: 'open' as const })));
  }

  /** Who owns each of these conversation ids (brand, app, install, end user); ids of no conversation are missing. */
  async ownersOf(conversationIds: readonly string[]): Promise<Map<string, ConversationOwner>> {
    if (conversationIds.length === 0) return new Map();
    const rows = await this.manager
      .getRepository(ConversationEntity)
      .find({ select: { id: true, tenantId: true, appId: true, installId: true, endUserId: true }, where: { id: In([...new Set(conversationIds)]) } });
    return new Map(rows.map(({ id, tenantId, appId, installId, endUserId }) => [id, { tenantId, appId, installId, endUserId }]));
  }

  async insertMessagesIfAbsent(messages: readonly NewMessage[]): Promise<void> {
    await insertOnce(this.manager, MessageEntity, [...messages]);
  }

  async findWithMessages(tenantId: string, conversationId: string): Promise<ConversationWithMessages | null> {
    const conversation = await this.manager.getRepository(ConversationEntity).findOne({ where: { tenantId, id: conversationId } });
    if (!conversation) return null;
    const [messages, attachments] = await Promise.all([
      this.manager.getRepository(MessageEntity).find({ where: { tenantId, conversationId }, order: { sentAt: 'ASC', position: 'ASC' } }),
      this.manager.getRepository(AttachmentEntity).find({ where: { tenantId, conversationId }, order: { addedAt: 'ASC', id: 'ASC' } }),
    ]);
    return { conversation, messages, attachments };
  }
}
