import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An app's SDK API key. Only its SHA-256 is kept: keys are long random strings, not passwords. */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('idx_api_keys_app')
  @Column('uuid', { name: 'app_id' })
  appId!: string;

  @Index('uq_api_keys_key_hash', { unique: true })
  @Column('char', { name: 'key_hash', length: 64 })
  keyHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
