import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Distinct active installs of a day or a whole month, per app and for the whole brand (BRAND_WIDE),
 * kept up to date as installs first appear in the period: what billing queries read.
 */
@Entity({ name: 'active_install_counts' })
export class ActiveInstallCountEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn('date')
  month!: string;

  @PrimaryColumn('uuid', { name: 'app_id' })
  appId!: string;

  /** The day of the month, or 0 for the whole month. */
  @PrimaryColumn('smallint')
  day!: number;

  /** Every install counted, late ones included. */
  @Column('integer')
  installs!: number;

  /** The figure when the month was closed; null while it is open. installs − this = the adjustments. */
  @Column('integer', { name: 'closed_installs', nullable: true })
  closedInstalls!: number | null;
}
