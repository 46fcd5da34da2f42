import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type RedactionTarget = { kind: 'message'; messageId: string } | { kind: 'conversation'; conversationId: string };

/** A redaction someone asked for: recorded here and announced to the redaction worker through the outbox. */
@Entity({ name: 'redaction_requests' })
@Index('idx_redaction_requests_tenant', ['tenantId', 'requestedAt'])
export class RedactionRequestEntity {
  @PrimaryColumn('uuid', { name: 'job_id' })
  jobId!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'conversation_id' })
  conversationId!: string;

  /** The staff credential that asked. */
  @Column('uuid', { name: 'requested_by' })
  requestedBy!: string;

  @Column('text')
  reason!: string;

  @Column('jsonb')
  target!: RedactionTarget;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;
}
