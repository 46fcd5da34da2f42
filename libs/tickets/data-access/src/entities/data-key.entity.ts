import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The data key of one end user, wrapped under a key encryption key. Destroying it (wrapped and
 * kek_id emptied, destroyed_at set) leaves everything it encrypted unreadable, backups included.
 */
@Entity({ name: 'data_keys' })
@Index('idx_data_keys_kek', ['kekId'])
export class DataKeyEntity {
  /** The end user's profile id: one key per end user. */
  @PrimaryColumn('uuid', { name: 'subject_id' })
  subjectId!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('text', { name: 'kek_id', nullable: true })
  kekId!: string | null;

  @Column('bytea', { nullable: true })
  wrapped!: Buffer | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'destroyed_at', nullable: true })
  destroyedAt!: Date | null;
}
