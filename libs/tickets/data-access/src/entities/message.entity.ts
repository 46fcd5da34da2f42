import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const MESSAGE_AUTHORS = ['end-user', 'agent', 'system'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

@Entity({ name: 'messages' })
@Index('idx_messages_conversation_sent', ['conversationId', 'sentAt'])
export class MessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'conversation_id' })
  conversationId!: string;

  @Column('text')
  author!: MessageAuthor;

  @Column('text')
  body!: string;

  @Column('timestamptz', { name: 'sent_at' })
  sentAt!: Date;
}
