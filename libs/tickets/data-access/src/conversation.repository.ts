import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ConversationEntity } from './entities/conversation.entity';
import { MessageEntity } from './entities/message.entity';

export type NewConversation = Omit<ConversationEntity, 'createdAt' | 'status'>;
export type NewMessage = MessageEntity;

export interface ConversationWithMessages {
  conversation: ConversationEntity;
  messages: MessageEntity[];
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

  async belongsTo(tenantId: string, conversationId: string): Promise<boolean> {
    return this.manager.getRepository(ConversationEntity).exists({ where: { tenantId, id: conversationId } });
  }

  async insertMessageIfAbsent(message: NewMessage): Promise<void> {
    await this.manager.createQueryBuilder().insert().into(MessageEntity).values(message).orIgnore().execute();
  }

  async findWithMessages(tenantId: string, conversationId: string): Promise<ConversationWithMessages | null> {
    const conversation = await this.manager.getRepository(ConversationEntity).findOne({ where: { tenantId, id: conversationId } });
    if (!conversation) return null;
    const messages = await this.manager.getRepository(MessageEntity).find({
      where: { tenantId, conversationId },
      order: { sentAt: 'ASC', id: 'ASC' },
    });
    return { conversation, messages };
  }
}
