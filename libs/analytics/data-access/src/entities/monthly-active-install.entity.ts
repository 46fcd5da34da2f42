import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One install active in a billing month, per app and once more for the whole brand (app_id is
 * BRAND_WIDE), known only by its hash under the month's key, with the days it was active on.
 * A row per install and month (not per day) keeps the set small and the month's distinct count exact.
 */
@Entity({ name: 'monthly_active_installs' })
export class MonthlyActiveInstallEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn('date')
  month!: string;

  @PrimaryColumn('uuid', { name: 'app_id' })
  appId!: string;

  /** HMAC-SHA256 of the install id under the month's key, first 16 bytes. */
  @PrimaryColumn('bytea', { name: 'install_hash' })
  installHash!: Buffer;

  /** Bit d-1 set: active on day d of the month (in the brand's time zone). */
  @Column('integer', { name: 'active_days' })
  activeDays!: number;
}
