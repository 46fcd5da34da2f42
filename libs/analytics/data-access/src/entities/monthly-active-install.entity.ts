import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One install active in a billing month, known only by its hash under the month's key: the days
 * it was active on across the brand's apps, and in each app. One row per install and month (not
 * per day, not per app) keeps the set small, its distinct counts exact, and a batch's work to one
 * index probe and one write per install.
 */
@Entity({ name: 'monthly_active_installs' })
export class MonthlyActiveInstallEntity {
  /** The billing month (billing_months.id): brand and month in four bytes. */
  @PrimaryColumn('integer', { name: 'billing_month_id' })
  billingMonthId!: number;

  /** HMAC-SHA256 of the install id under the month's key, first 16 bytes. */
  @PrimaryColumn('bytea', { name: 'install_hash' })
  installHash!: Buffer;

  /** Bit d-1 set: active on day d of the month (in the brand's time zone), in any app. */
  @Column('integer', { name: 'active_days' })
  activeDays!: number;

  /** The apps it was active in, and (same position) its active days in each. */
  @Column('uuid', { name: 'app_ids', array: true })
  appIds!: string[];

  @Column('integer', { name: 'app_days', array: true })
  appDays!: number[];
}
