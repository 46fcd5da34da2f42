import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The key a clean event's personal fields are sealed under while Kafka retains it: one per message,
 * attachment or FAQ search, wrapped under a key encryption key. Destroying it (redaction, erasure)
 * leaves the retained copy unreadable; once no topic can hold the event any more the row is deleted.
 */
@Entity({ name: 'transit_keys' })
@Index('idx_transit_keys_subject', ['tenantId', 'subjectId'])
@Index('idx_transit_keys_conversation', ['tenantId', 'conversationId'])
@Index('idx_transit_keys_created', ['createdAt'])
export class TransitKeyEntity {
  /** The id of what the key seals (a message, attachment or search id). */
  @PrimaryColumn('uuid', { name: 'key_id' })
  keyId!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  /** The end user whose data it seals. */
  @Column('uuid', { name: 'subject_id' })
  subjectId!: string;

  @Column('uuid', { name: 'conversation_id', nullable: true })
  conversationId!: string | null;

  @Column('text', { name: 'kek_id', nullable: true })
  kekId!: string | null;

  @Column('bytea', { nullable: true })
  wrapped!: Buffer | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'destroyed_at', nullable: true })
  destroyedAt!: Date | null;
}
