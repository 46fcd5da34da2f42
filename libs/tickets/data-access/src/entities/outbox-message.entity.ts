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

  /** The whole event envelope, as it goes to Kafka, when it holds no personal data. */
  @Column('jsonb', { nullable: true })
  event!: Record<string, unknown> | null;

  /** Otherwise the envelope's JSON sealed with its end user's data key, opened by the relay as it publishes. */
  @Column('bytea', { name: 'event_sealed', nullable: true })
  eventSealed!: Buffer | null;

  @Column('uuid', { name: 'tenant_id', nullable: true })
  tenantId!: string | null;

  @Column('uuid', { name: 'end_user_id', nullable: true })
  endUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
