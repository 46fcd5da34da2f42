import { EntityManager } from 'typeorm';
import { ActiveDays, BillingMonth, daysIn } from '@sieve/analytics-domain';

/** An install seen active in a billing month, per app or brand-wide, on the days in `days`. */
export interface ActiveInstallMark {
  tenantId: string;
  month: BillingMonth;
  appId: string;
  installHash: Buffer;
  days: ActiveDays;
}

/** A count that grew: `installs` more distinct installs in a day (1–31) or the whole month (day 0). */
export interface CountIncrease {
  tenantId: string;
  month: BillingMonth;
  appId: string;
  day: number;
  installs: number;
}

/**
 * The hashed sets of active installs and the counts kept from them. A count grows only by the
 * installs (or install-days) a write actually added to the set, inside the same transaction: a
 * duplicate or redelivered event adds nothing, so it can never change a count.
 */
export class ActiveInstallLedger {
  /** Adds the marks to the sets; says which counts grow by how much. */
  async mark(manager: EntityManager, marks: ActiveInstallMark[]): Promise<CountIncrease[]> {
    if (marks.length === 0) return [];
    const increases = new CountIncreases();
    const sorted = [...marks].sort(compareMarks);
    const columns = (list: ActiveInstallMark[]) => [
      list.map((mark) => mark.tenantId),
      list.map((mark) => `${mark.month}-01`),
      list.map((mark) => mark.appId),
      list.map((mark) => mark.installHash),
      list.map((mark) => mark.days),
    ];

    // Installs new to their month: the month and each of their days count one more.
    const inserted: { tenant_id: string; month: string; app_id: string; install_hash: Buffer; active_days: number }[] = await manager.query(
      `INSERT INTO monthly_active_installs (tenant_id, month, app_id, install_hash, active_days)
       SELECT * FROM unnest($1::uuid[], $2::date[], $3::uuid[], $4::bytea[], $5::int[])
       ON CONFLICT DO NOTHING
       RETURNING tenant_id, to_char(month, 'YYYY-MM') AS month, app_id, install_hash, active_days`,
      columns(sorted),
    );
    const insertedKeys = new Set<string>();
    for (const row of inserted) {
      insertedKeys.add(markKey(row.tenant_id, row.month, row.app_id, row.install_hash));
      increases.add(row.tenant_id, row.month, row.app_id, 0);
      for (const day of daysIn(row.active_days)) increases.add(row.tenant_id, row.month, row.app_id, day);
    }

    // Installs the month knew: only days they had not been active on yet count. The rows are
    // locked before they are read, so two writers of one install (a rebalance's overlap) cannot
    // both count the same new day.
    const known = sorted.filter((mark) => !insertedKeys.has(markKey(mark.tenantId, mark.month, mark.appId, mark.installHash)));
    if (known.length > 0) {
      const grown: { tenant_id: string; month: string; app_id: string; new_days: number }[] = await manager.query(
        `WITH marks AS (
           SELECT * FROM unnest($1::uuid[], $2::date[], $3::uuid[], $4::bytea[], $5::int[]) AS m(tenant_id, month, app_id, install_hash, days)
         ), before AS (
           SELECT i.tenant_id, i.month, i.app_id, i.install_hash, i.active_days AS old_days, m.days
             FROM monthly_active_installs i JOIN marks m USING (tenant_id, month, app_id, install_hash)
            WHERE m.days & ~i.active_days <> 0
              FOR UPDATE OF i
         ), updated AS (
           UPDATE monthly_active_installs i SET active_days = b.old_days | b.days
             FROM before b
            WHERE (i.tenant_id, i.month, i.app_id, i.install_hash) = (b.tenant_id, b.month, b.app_id, b.install_hash)
         )
         SELECT tenant_id, to_char(month, 'YYYY-MM') AS month, app_id, days & ~old_days AS new_days FROM before`,
        columns(known),
      );
      for (const row of grown) for (const day of daysIn(row.new_days)) increases.add(row.tenant_id, row.month, row.app_id, day);
    }
    return increases.list();
  }

  /**
   * Adds the increases to the counts. In a closed month a count's frozen figure stays as it was
   * and the increase is recorded as an adjustment.
   */
  async count(manager: EntityManager, increases: CountIncrease[], isClosed: (increase: CountIncrease) => boolean): Promise<void> {
    if (increases.length === 0) return;
    // One order for every writer, so two batches updating the same counts never deadlock.
    const sorted = [...increases].sort(compareIncreases);
    const closed = sorted.map(isClosed);
    await manager.query(
      `INSERT INTO active_install_counts (tenant_id, month, app_id, day, installs, closed_installs)
       SELECT t, m, a, d, n, CASE WHEN c THEN 0 END
         FROM unnest($1::uuid[], $2::date[], $3::uuid[], $4::smallint[], $5::int[], $6::boolean[]) AS x(t, m, a, d, n, c)
       ON CONFLICT (tenant_id, month, app_id, day) DO UPDATE SET installs = active_install_counts.installs + excluded.installs`,
      [...increaseColumns(sorted), closed],
    );
    const adjustments = sorted.filter((_, index) => closed[index]);
    if (adjustments.length > 0) {
      await manager.query(
        `INSERT INTO usage_adjustments (tenant_id, month, app_id, day, installs)
         SELECT * FROM unnest($1::uuid[], $2::date[], $3::uuid[], $4::smallint[], $5::int[])`,
        increaseColumns(adjustments),
      );
    }
  }
}

class CountIncreases {
  private readonly byKey = new Map<string, CountIncrease>();

  add(tenantId: string, month: BillingMonth, appId: string, day: number): void {
    const key = `${tenantId}/${month}/${appId}/${day}`;
    const increase = this.byKey.get(key);
    if (increase) increase.installs++;
    else this.byKey.set(key, { tenantId, month, appId, day, installs: 1 });
  }

  list(): CountIncrease[] {
    return [...this.byKey.values()];
  }
}

const markKey = (tenantId: string, month: string, appId: string, installHash: Buffer) => `${tenantId}/${month}/${appId}/${installHash.toString('hex')}`;

const increaseColumns = (list: CountIncrease[]) => [
  list.map((increase) => increase.tenantId),
  list.map((increase) => `${increase.month}-01`),
  list.map((increase) => increase.appId),
  list.map((increase) => increase.day),
  list.map((increase) => increase.installs),
];

function compareMarks(a: ActiveInstallMark, b: ActiveInstallMark): number {
  return a.tenantId.localeCompare(b.tenantId) || a.month.localeCompare(b.month) || a.appId.localeCompare(b.appId) || Buffer.compare(a.installHash, b.installHash);
}

function compareIncreases(a: CountIncrease, b: CountIncrease): number {
  return a.tenantId.localeCompare(b.tenantId) || a.month.localeCompare(b.month) || a.appId.localeCompare(b.appId) || a.day - b.day;
}
