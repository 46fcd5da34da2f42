import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const STAFF_ROLES = ['agent', 'billing', 'admin', 'sre'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A per-brand API token of a staff member. Only the SHA-256 of the token is kept. */
@Entity({ name: 'staff_credentials' })
export class StaffCredentialEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('idx_staff_credentials_tenant')
  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('text')
  role!: StaffRole;

  @Column('text')
  label!: string;

  @Index('uq_staff_credentials_token_hash', { unique: true })
  @Column('char', { name: 'token_hash', length: 64 })
  tokenHash!: string;

  /** The admin's token that made this one, for the audit trail (null for tokens provisioned outside the API). */
  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
