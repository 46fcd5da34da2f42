import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who read which personal data, and when: one row per read, never the data itself. */
@Entity({ name: 'access_log' })
@Index('idx_access_log_tenant_at', ['tenantId', 'at'])
export class AccessLogEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  /** The staff credential that read. */
  @Column('uuid', { name: 'staff_credential_id' })
  staffCredentialId!: string;

  /** What was read, e.g. "conversation.read". */
  @Column('text')
  action!: string;

  @Column('uuid', { name: 'conversation_id' })
  conversationId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
