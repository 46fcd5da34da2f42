import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A file an end user attached: its bytes sealed in the blob store under `blob_key`, its name sealed here. */
@Entity({ name: 'attachments' })
@Index('idx_attachments_conversation', ['conversationId', 'addedAt'])
export class AttachmentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'conversation_id' })
  conversationId!: string;

  /** Whose attachment it is (an erasure destroys the key that seals its name and bytes). */
  @Column('uuid', { name: 'end_user_id' })
  endUserId!: string;

  @Column('text', { name: 'blob_key' })
  blobKey!: string;

  /** Null once redacted. */
  @Column('bytea', { name: 'file_name_sealed', nullable: true })
  fileNameSealed!: Buffer | null;

  @Column('text', { name: 'content_type' })
  contentType!: string;

  @Column('bigint', { name: 'size_bytes', transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  sizeBytes!: number;

  @Column('timestamptz', { name: 'added_at' })
  addedAt!: Date;

  /** When it was redacted (name and bytes removed), by whose request, in which job. */
  @Column('timestamptz', { name: 'redacted_at', nullable: true })
  redactedAt!: Date | null;

  @Column('uuid', { name: 'redacted_by', nullable: true })
  redactedBy!: string | null;

  @Column('uuid', { name: 'redaction_job_id', nullable: true })
  redactionJobId!: string | null;
}
