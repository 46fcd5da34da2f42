import { DataSource } from 'typeorm';
import { ActiveDays, BillingMonth } from '@sieve/analytics-domain';

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
      `SELECT count(*) AS installs FROM monthly_active_installs WHERE tenant_id = $1 AND month = $2 AND app_id = $3 AND active_days & $4 <> 0`,
      [tenantId, `${month}-01`, appId, days],
    );
    return Number(row.installs);
  }

  /** The apps of a brand with any count. */
  async appsOf(tenantId: string): Promise<string[]> {
    const rows: { app_id: string }[] = await this.dataSource.query(`SELECT DISTINCT app_id FROM active_install_counts WHERE tenant_id = $1`, [tenantId]);
    return rows.map((row) => row.app_id);
  }
}
