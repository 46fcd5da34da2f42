import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AttachmentEntity } from './entities/attachment.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { MessageEntity } from './entities/message.entity';
import { insertOnce } from './insert-once';

export type NewConversation = Omit<ConversationEntity, 'createdAt' | 'status'>;
export type NewMessage = Omit<MessageEntity, 'authorStaffId' | 'redactedAt' | 'redactedBy'> & Partial<Pick<MessageEntity, 'authorStaffId'>>;

export interface ConversationWithMessages {
  conversation: ConversationEntity;
  messages: MessageEntity[];
  attachments: AttachmentEntity[];
}

/** Conversations and their messages. Every read names the tenant: there is no unscoped query. */
export class ConversationRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Inserts unless a conversation with this id exists; returns the tenant that owns the id. */
  async insertIfAbsent(conversation: NewConversation): Promise<{ ownerTenantId: string }> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(ConversationEntity)
      // TypeORM's deep-partial type can't express a jsonb record; the driver serializes it.
      .values({ ...conversation, status: 'open' } as QueryDeepPartialEntity<ConversationEntity>)
      .orIgnore()
      .execute();
    const owner = await this.manager.getRepository(ConversationEntity).findOneOrFail({
      select: { tenantId: true },
      where: { id: conversation.id },
    });
    return { ownerTenantId: owner.tenantId };
  }

  /** The end user of a conversation of this tenant; null if there is no such conversation in it. */
  async endUserOf(tenantId: string, conversationId: string): Promise<string | null> {
    const found = await this.manager.getRepository(ConversationEntity).findOne({ select: { endUserId: true }, where: { tenantId, id: conversationId } });
    return found?.endUserId ?? null;
  }

  async insertMessageIfAbsent(message: NewMessage): Promise<void> {
    await insertOnce(this.manager, MessageEntity, message);
  }

  async findWithMessages(tenantId: string, conversationId: string): Promise<ConversationWithMessages | null> {
    const conversation = await this.manager.getRepository(ConversationEntity).findOne({ where: { tenantId, id: conversationId } });
    if (!conversation) return null;
    const [messages, attachments] = await Promise.all([
      this.manager.getRepository(MessageEntity).find({ where: { tenantId, conversationId }, order: { sentAt: 'ASC', id: 'ASC' } }),
      this.manager.getRepository(AttachmentEntity).find({ where: { tenantId, conversationId }, order: { addedAt: 'ASC', id: 'ASC' } }),
    ]);
    return { conversation, messages, attachments };
  }
}
