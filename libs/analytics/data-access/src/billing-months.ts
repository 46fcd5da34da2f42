import { createHmac, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { KeyEncryptionKeys } from '@sieve/crypto';
import { BillingMonth } from '@sieve/analytics-domain';

/** Who closed a month that closed by time (else the id of the billing staff member who closed it). */
export const CLOSED_BY_SCHEDULE = 'schedule';

/** The zone a brand bills in when it never chose one. */
export const DEFAULT_BILLING_TIME_ZONE = 'UTC';

/** A billing month as a batch of session events sees it, locked against closing until the batch commits. */
export interface OpenedBillingMonth {
  /** What the month's active-install set is keyed by. */
  id: number;
  tenantId: string;
  month: BillingMonth;
  /** Closed: what it adds is an adjustment of the frozen figures. */
  closed: boolean;
  /** Hashes install ids under the month's key; null once the month is sealed (its key destroyed). */
  hashInstall: ((installId: string) => Buffer) | null;
}

export interface MonthToOpen {
  tenantId: string;
  month: BillingMonth;
  timeZone: string;
  /** Whether the month is already past its closing time: it is then created closed. */
  pastClosing: boolean;
}

interface BillingMonthRow {
  id: number;
  tenant_id: string;
  month: string;
  hash_key: Buffer | null;
  hash_key_kek_id: string | null;
  closed: boolean;
}

/** Bytes of the HMAC kept: 128 bits make a collision among a brand's installs of a month as good as impossible. */
const INSTALL_HASH_BYTES = 16;

/**
 * Brands' billing time zones and billing months: the per-month keys install ids are hashed with
 * (made on first use, stored only wrapped under a key encryption key) and the months' state.
 */
export class BillingMonths {
  constructor(private readonly keyEncryptionKeys: KeyEncryptionKeys) {}

  /**
   * The billing time zone of each brand, each brand's row share-locked until the transaction
   * ends: the zone cannot change under a batch that is counting with it.
   */
  async lockTimeZones(manager: EntityManager, tenantIds: string[]): Promise<Map<string, string>> {
    const zones = await this.lockAccounts(manager, tenantIds);
    const missing = tenantIds.filter((tenantId) => !zones.has(tenantId));
    if (missing.length === 0) return zones;
    // A brand's first batch gives it a row, so setting its zone and counting in it can lock each other out.
    await manager.query(`INSERT INTO billing_accounts (tenant_id, time_zone) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING`, [missing, DEFAULT_BILLING_TIME_ZONE]);
    for (const [tenantId, zone] of await this.lockAccounts(manager, missing)) zones.set(tenantId, zone);
    return zones;
  }

  private async lockAccounts(manager: EntityManager, tenantIds: string[]): Promise<Map<string, string>> {
    const rows: { tenant_id: string; time_zone: string }[] = await manager.query(
      `SELECT tenant_id, time_zone FROM billing_accounts WHERE tenant_id = ANY($1::uuid[]) ORDER BY tenant_id FOR SHARE`,
      [tenantIds],
    );
    return new Map(rows.map((row) => [row.tenant_id, row.time_zone]));
  }

  /**
   * The months, made if new (with a fresh key), share-locked until the transaction ends so that
   * closing one waits for the batches counting in it, and a batch after the close sees it closed.
   */
  async open(manager: EntityManager, months: MonthToOpen[]): Promise<Map<string, OpenedBillingMonth>> {
    const sorted = [...months].sort((a, b) => monthId(a).localeCompare(monthId(b)));
    const opened = await this.lock(manager, sorted);
    const missing = sorted.filter((month) => !opened.has(monthId(month)));
    if (missing.length === 0) return opened;
    // Only months not there yet are inserted: an insert that conflicts would still use up an id.
    const keys = await Promise.all(missing.map((month) => this.newKey(month.tenantId, month.month)));
    await manager.query(
      `INSERT INTO billing_months (tenant_id, month, time_zone, hash_key, hash_key_kek_id, closed_at, closed_by)
       SELECT t, m, z, k, kek, CASE WHEN past THEN now() END, CASE WHEN past THEN $7 END
         FROM unnest($1::uuid[], $2::date[], $3::text[], $4::bytea[], $5::text[], $6::boolean[]) AS x(t, m, z, k, kek, past)
       ON CONFLICT DO NOTHING`,
      [
        missing.map((month) => month.tenantId),
        missing.map((month) => `${month.month}-01`),
        missing.map((month) => month.timeZone),
        keys.map((key) => key.wrapped),
        keys.map((key) => key.kekId),
        missing.map((month) => month.pastClosing),
        CLOSED_BY_SCHEDULE,
      ],
    );
    for (const [id, month] of await this.lock(manager, missing)) opened.set(id, month);
    return opened;
  }

  private async lock(manager: EntityManager, months: MonthToOpen[]): Promise<Map<string, OpenedBillingMonth>> {
    const rows: BillingMonthRow[] = await manager.query(
      `SELECT b.id, b.tenant_id, to_char(b.month, 'YYYY-MM') AS month, b.hash_key, b.hash_key_kek_id, b.closed_at IS NOT NULL AS closed
         FROM billing_months b JOIN unnest($1::uuid[], $2::date[]) AS x(t, m) ON b.tenant_id = x.t AND b.month = x.m
        ORDER BY b.tenant_id, b.month
          FOR SHARE OF b`,
      [months.map((month) => month.tenantId), months.map((month) => `${month.month}-01`)],
    );
    const opened = await Promise.all(rows.map((row) => this.opened(row)));
    return new Map(opened.map((month) => [monthId(month), month]));
  }

  private async newKey(tenantId: string, month: BillingMonth) {
    const key = randomBytes(32);
    try {
      return await this.keyEncryptionKeys.wrap(key, keyContext(tenantId, month));
    } finally {
      key.fill(0);
    }
  }

  private async opened(row: BillingMonthRow): Promise<OpenedBillingMonth> {
    const month = { id: row.id, tenantId: row.tenant_id, month: row.month, closed: row.closed };
    if (!row.hash_key || !row.hash_key_kek_id) return { ...month, hashInstall: null };
    const key = await this.keyEncryptionKeys.unwrap({ kekId: row.hash_key_kek_id, wrapped: row.hash_key }, keyContext(row.tenant_id, row.month));
    return { ...month, hashInstall: (installId) => createHmac('sha256', key).update(installId, 'utf8').digest().subarray(0, INSTALL_HASH_BYTES) };
  }
}

/** A brand's billing month, as one string: map keys, lock order. */
export function monthId({ tenantId, month }: { tenantId: string; month: BillingMonth }): string {
  return `${tenantId}/${month}`;
}

const keyContext = (tenantId: string, month: BillingMonth) => `analytics.billing_months.hash_key:${tenantId}:${month}`;
