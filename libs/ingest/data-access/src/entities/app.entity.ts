import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A brand's app, as the gateway needs to know it to admit SDK traffic. */
@Entity({ name: 'apps' })
export class AppEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('text')
  name!: string;

  /** The app's enableFullPrivacy setting: no custom data is accepted from any of its installs. */
  @Column('boolean', { name: 'full_privacy', default: false })
  fullPrivacy!: boolean;

  /**
   * The secret the brand's server signs end users' identities with (HMAC or an HS256 JWT); when
   * set, an unsigned identity is refused. A shared secret, so it is kept as given, not hashed.
   */
  @Column('text', { name: 'identity_secret', nullable: true })
  identitySecret!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
