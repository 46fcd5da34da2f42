import { DataSource } from 'typeorm';
import { BillingMonth } from '@sieve/analytics-domain';
import { DEFAULT_BILLING_TIME_ZONE } from './billing-months';

export interface BillingMonthState {
  tenantId: string;
  month: BillingMonth;
  timeZone: string;
  closedAt: Date | null;
  closedBy: string | null;
  sealedAt: Date | null;
}

export interface AdjustmentRow {
  month: BillingMonth;
  appId: string;
  day: number;
  installs: number;
  recordedAt: Date;
}

const STATE_COLUMNS = `tenant_id AS "tenantId", to_char(month, 'YYYY-MM') AS month, time_zone AS "timeZone", closed_at AS "closedAt", closed_by AS "closedBy", sealed_at AS "sealedAt"`;

/** Billing months as billing staff and the period schedule see them: closing, sealing, settings. */
export class BillingPeriodsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async timeZoneOf(tenantId: string): Promise<string> {
    const rows: { time_zone: string }[] = await this.dataSource.query(`SELECT time_zone FROM billing_accounts WHERE tenant_id = $1`, [tenantId]);
    return rows[0]?.time_zone ?? DEFAULT_BILLING_TIME_ZONE;
  }

  /**
   * Sets a brand's billing time zone, unless it already has a billing month in another zone: a
   * month's days and bounds must not move once counting began. Locks the brand's row, so no batch
   * starts counting in the old zone meanwhile.
   */
  async setTimeZone(tenantId: string, timeZone: string): Promise<'set' | { fixedBy: BillingMonth }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO billing_accounts (tenant_id, time_zone) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [tenantId, DEFAULT_BILLING_TIME_ZONE]);
      await manager.query(`SELECT 1 FROM billing_accounts WHERE tenant_id = $1 FOR UPDATE`, [tenantId]);
      const counted: { month: string }[] = await manager.query(
        `SELECT to_char(month, 'YYYY-MM') AS month FROM billing_months WHERE tenant_id = $1 AND time_zone <> $2 ORDER BY month LIMIT 1`,
        [tenantId, timeZone],
      );
      if (counted.length > 0) return { fixedBy: counted[0].month };
      await manager.query(`UPDATE billing_accounts SET time_zone = $2, updated_at = now() WHERE tenant_id = $1`, [tenantId, timeZone]);
      return 'set';
    });
  }

  async months(tenantId: string): Promise<BillingMonthState[]> {
    return this.dataSource.query(`SELECT ${STATE_COLUMNS} FROM billing_months WHERE tenant_id = $1 ORDER BY month`, [tenantId]);
  }

  async month(tenantId: string, month: BillingMonth): Promise<BillingMonthState | null> {
    const rows: BillingMonthState[] = await this.dataSource.query(`SELECT ${STATE_COLUMNS} FROM billing_months WHERE tenant_id = $1 AND month = $2`, [tenantId, `${month}-01`]);
    return rows[0] ?? null;
  }

  /** Months that may be due to close or to seal: every open or unsealed month that has begun. */
  async unfinishedMonths(): Promise<BillingMonthState[]> {
    return this.dataSource.query(`SELECT ${STATE_COLUMNS} FROM billing_months WHERE (closed_at IS NULL OR sealed_at IS NULL) AND month <= now()::date ORDER BY tenant_id, month`);
  }

  /**
   * Freezes a month's figures. Waits for the batches counting in the month to commit (they hold
   * its row share-locked); every batch after sees it closed. False if it was closed already.
   */
  async close(tenantId: string, month: BillingMonth, closedBy: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [{ closed }]: { closed: number }[] = await manager.query(
        `WITH closing AS (UPDATE billing_months SET closed_at = now(), closed_by = $3 WHERE tenant_id = $1 AND month = $2 AND closed_at IS NULL RETURNING 1)
         SELECT count(*)::int AS closed FROM closing`,
        [tenantId, `${month}-01`, closedBy],
      );
      if (closed === 0) return false;
      await manager.query(`UPDATE active_install_counts SET closed_installs = installs WHERE tenant_id = $1 AND month = $2`, [tenantId, `${month}-01`]);
      return true;
    });
  }

  /**
   * Destroys a closed month's hashing key. The month's hashes can then never be computed again for
   * any install id, and no further event can count in it.
   */
  async seal(tenantId: string, month: BillingMonth): Promise<boolean> {
    const [{ sealed }]: { sealed: number }[] = await this.dataSource.query(
      `WITH sealing AS (
         UPDATE billing_months SET hash_key = NULL, hash_key_kek_id = NULL, sealed_at = now()
          WHERE tenant_id = $1 AND month = $2 AND closed_at IS NOT NULL AND sealed_at IS NULL RETURNING 1
       )
       SELECT count(*)::int AS sealed FROM sealing`,
      [tenantId, `${month}-01`],
    );
    return sealed > 0;
  }

  async adjustments(tenantId: string, month?: BillingMonth): Promise<AdjustmentRow[]> {
    return this.dataSource.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, app_id AS "appId", day, installs, recorded_at AS "recordedAt"
         FROM usage_adjustments WHERE tenant_id = $1 AND ($2::date IS NULL OR month = $2::date) ORDER BY id`,
      [tenantId, month ? `${month}-01` : null],
    );
  }
}
