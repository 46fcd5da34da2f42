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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
