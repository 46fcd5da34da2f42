import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The person behind an app install, as far as Sieve knows them: a Sieve-made profile id, and a
 * name and email only where the app collects them, sealed with the end user's data key.
 */
@Entity({ name: 'end_users' })
@Index('uq_end_users_app_install', ['appId', 'installId'], { unique: true })
export class EndUserEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('text', { name: 'app_id' })
  appId!: string;

  @Column('text', { name: 'install_id' })
  installId!: string;

  @Column('bytea', { name: 'name_sealed', nullable: true })
  nameSealed!: Buffer | null;

  @Column('bytea', { name: 'email_sealed', nullable: true })
  emailSealed!: Buffer | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
