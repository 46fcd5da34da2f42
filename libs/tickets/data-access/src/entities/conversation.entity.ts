import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const CONVERSATION_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

@Entity({ name: 'conversations' })
@Index('idx_conversations_tenant_opened', ['tenantId', 'openedAt'])
@Index('idx_conversations_end_user', ['endUserId'])
export class ConversationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('text', { name: 'app_id' })
  appId!: string;

  /** The end user who opened it: their data key seals its messages and attachments. */
  @Column('uuid', { name: 'end_user_id' })
  endUserId!: string;

  /** The IDFV of the app instance that wrote, so replies reach it. Not linked to a person. */
  @Column('text', { name: 'install_id' })
  installId!: string;

  @Column('text', { default: 'open' })
  status!: ConversationStatus;

  /** ISO 3166 country the case was submitted from; differs per case, never more precise. */
  @Column('char', { name: 'country_code', length: 2, nullable: true })
  countryCode!: string | null;

  @Column('text', { nullable: true })
  platform!: string | null;

  @Column('text', { name: 'sdk_version' })
  sdkVersion!: string;

  @Column('text', { name: 'app_version', nullable: true })
  appVersion!: string | null;

  /**
   * The custom issue fields after classification, as JSON sealed with the end user's data key
   * (values may be personal); null on conversations stored before custom fields were sealed.
   */
  @Column('bytea', { name: 'custom_fields_sealed', nullable: true })
  customFieldsSealed!: Buffer | null;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt!: Date;

  /** When the whole conversation was redacted (custom fields, every message and attachment), by whose request, in which job. */
  @Column('timestamptz', { name: 'redacted_at', nullable: true })
  redactedAt!: Date | null;

  @Column('uuid', { name: 'redacted_by', nullable: true })
  redactedBy!: string | null;

  @Column('uuid', { name: 'redaction_job_id', nullable: true })
  redactionJobId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
