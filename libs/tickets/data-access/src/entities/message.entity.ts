import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const MESSAGE_AUTHORS = ['end-user', 'agent', 'system'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

@Entity({ name: 'messages' })
@Index('idx_messages_conversation_position', ['conversationId', 'sentAt', 'position'])
export class MessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'conversation_id' })
  conversationId!: string;

  /** Whose the body is (its key belongs to them): the conversation's end user, whoever wrote it. */
  @Column('uuid', { name: 'end_user_id' })
  endUserId!: string;

  @Column('text')
  author!: MessageAuthor;

  /** The staff member who wrote an agent message. */
  @Column('uuid', { name: 'author_staff_id', nullable: true })
  authorStaffId!: string | null;

  /** The body sealed with the message's data key (named in the value); null once the message is redacted. */
  @Column('bytea', { name: 'body_sealed', nullable: true })
  bodySealed!: Buffer | null;

  /** The categories of personal data the classifier found in the body (disclosure category ids, never values). */
  @Column('text', { name: 'pii_tags', array: true, default: () => "'{}'" })
  piiTags!: string[];

  @Column('timestamptz', { name: 'redacted_at', nullable: true })
  redactedAt!: Date | null;

  /** The staff credential that asked for the redaction. */
  @Column('text', { name: 'redacted_by', nullable: true })
  redactedBy!: string | null;

  /** The redaction job that removed the body, or ranges of it (then the body holds markers where they were). */
  @Column('uuid', { name: 'redaction_job_id', nullable: true })
  redactionJobId!: string | null;

  @Column('timestamptz', { name: 'sent_at' })
  sentAt!: Date;

  /**
   * Where the message came in the order it was applied: the consumer applies a conversation's
   * events in their Kafka order, so messages sent within the same millisecond keep theirs.
   */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS', insert: false, update: false })
  position!: string;
}
