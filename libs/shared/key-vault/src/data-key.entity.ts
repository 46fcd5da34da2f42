import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A key personal data is sealed with at rest, wrapped under a key encryption key. It belongs to an
 * end user (the owner) and seals one unit of their data: the end user itself (identity, searches,
 * waiting replies), or a message, attachment or conversation, so redacting that unit destroys its
 * key and every copy of it (backups included) is unreadable. Destroying it empties wrapped and
 * kek_id and sets destroyed_at; the row stays, so a destroyed key is never made again.
 */
@Entity({ name: 'data_keys' })
@Index('idx_data_keys_owner', ['tenantId', 'ownerId'])
@Index('idx_data_keys_unit', ['unitId'])
@Index('idx_data_keys_kek', ['kekId'])
export class DataKeyEntity {
  /** A unit's first key has the unit's id; a replacement (after a part of it was redacted) a random one. */
  @PrimaryColumn('uuid', { name: 'key_id' })
  keyId!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  /** The end user whose data it seals: an erasure destroys all of their keys. */
  @Column('uuid', { name: 'owner_id' })
  ownerId!: string;

  /** What it seals: the owner's id, or a message, attachment or conversation id. */
  @Column('uuid', { name: 'unit_id' })
  unitId!: string;

  @Column('text', { name: 'kek_id', nullable: true })
  kekId!: string | null;

  @Column('bytea', { nullable: true })
  wrapped!: Buffer | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'destroyed_at', nullable: true })
  destroyedAt!: Date | null;
}
