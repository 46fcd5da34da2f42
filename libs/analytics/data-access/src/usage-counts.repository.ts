import { DataSource } from 'typeorm';
import { ActiveDays, BillingMonth } from '@sieve/analytics-domain';
import { BRAND_WIDE } from './analytics-data-source';

export interface CountRow {
  month: BillingMonth;
  /** 1–31, or 0 for the whole month. */
  day: number;
  installs: number;
  closedInstalls: number | null;
}

/** What billing queries read: the kept counts, and the hashed sets for ranges that are neither a day nor a month. */
export class UsageCountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The counts of the months from..to (inclusive) of one app or brand-wide: whole months (day 0) or days. */
  async counts(tenantId: string, appId: string, from: BillingMonth, to: BillingMonth, granularity: 'month' | 'day'): Promise<CountRow[]> {
    return this.dataSource.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, day, installs, closed_installs AS "closedInstalls"
         FROM active_install_counts
        WHERE tenant_id = $1 AND app_id = $2 AND month BETWEEN $3 AND $4 AND ${granularity === 'month' ? 'day = 0' : 'day > 0'}
        ORDER BY month, day`,
      [tenantId, appId, `${from}-01`, `${to}-01`],
    );
  }

  /** Distinct installs of one month active on any of `days`: exact, from the month's set. */
  async distinctOnDays(tenantId: string, appId: string, month: BillingMonth, days: ActiveDays): Promise<number> {
    const [row]: { installs: string }[] = await this.dataSource.query(
      `SELECT count(*) AS installs
         FROM monthly_active_installs i JOIN billing_months b ON b.id = i.billing_month_id
        WHERE b.tenant_id = $1 AND b.month = $2
          AND CASE WHEN $3::uuid = '${BRAND_WIDE}' THEN i.active_days ELSE coalesce(i.app_days[array_position(i.app_ids, $3::uuid)], 0) END & $4 <> 0`,
      [tenantId, `${month}-01`, appId, days],
    );
    return Number(row.installs);
  }
}
