import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An event the ticket store has decided to publish, written in the same transaction as the change
 * it announces, and deleted once Kafka acknowledged it (the outbox relay).
 */
@Entity({ name: 'outbox' })
@Index('idx_outbox_created', ['createdAt'])
export class OutboxMessageEntity {
  /** The event's id. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  topic!: string;

  @Column('text', { name: 'message_key' })
  messageKey!: string;

  /** The whole event envelope, as it goes to Kafka. */
  @Column('jsonb')
  event!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
