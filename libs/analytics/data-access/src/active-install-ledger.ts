import { EntityManager } from 'typeorm';
import { ActiveDays, BillingMonth, daysIn } from '@sieve/analytics-domain';
import { BRAND_WIDE } from './analytics-data-source';

/** An install seen active in a billing month: on which days, in which of the brand's apps. */
export interface ActiveInstallMark {
  billingMonthId: number;
  tenantId: string;
  month: BillingMonth;
  installHash: Buffer;
  /** Its active days in each app it was seen in. */
  appDays: Map<string, ActiveDays>;
}

/** A count that grew: `installs` more distinct installs in a day (1–31) or the whole month (day 0). */
export interface CountIncrease {
  tenantId: string;
  month: BillingMonth;
  /** An app, or BRAND_WIDE. */
  appId: string;
  day: number;
  installs: number;
}

interface KnownRow {
  n: number;
  row_id: string;
  row_version: string;
  app_ids: string[];
  app_days: number[];
}

/**
 * The hashed sets of active installs and the counts kept from them. A count grows only by the
 * installs (or install-days) a write actually added to the set, inside the same transaction: a
 * duplicate or redelivered event adds nothing, so it can never change a count.
 */
export class ActiveInstallLedger {
  /** Adds the marks to the sets; says which counts grow by how much. */
  async mark(manager: EntityManager, marks: ActiveInstallMark[]): Promise<CountIncrease[]> {
    const increases = new CountIncreases();
    let pending = [...marks].sort(compareMarks);
    // A pass loses a mark only to a concurrent writer of the same install (a rebalance's overlap);
    // the next pass reads what that writer left.
    for (let pass = 1; pending.length > 0; pass++) {
      if (pass > MAX_PASSES) throw new ConcurrentMarkingError(pending.length);
      pending = await this.markOnce(manager, pending, increases);
    }
    return increases.list();
  }

  /**
   * One pass: reads the month's row of each install (one index probe each), then rewrites the
   * rows that gain a day or an app — only if unchanged since read — and inserts the new installs.
   * Returns the marks a concurrent writer got to first.
   */
  private async markOnce(manager: EntityManager, marks: ActiveInstallMark[], increases: CountIncreases): Promise<ActiveInstallMark[]> {
    const known: KnownRow[] = await manager.query(
      `SELECT m.n, i.ctid AS row_id, i.xmin AS row_version, i.app_ids, i.app_days
         FROM unnest($1::int[], $2::bytea[]) WITH ORDINALITY AS m(billing_month_id, install_hash, n)
         JOIN monthly_active_installs i USING (billing_month_id, install_hash)`,
      [marks.map((mark) => mark.billingMonthId), marks.map((mark) => mark.installHash)],
    );
    const knownRows = new Map(known.map((row) => [Number(row.n) - 1, row]));
    const growing: { mark: ActiveInstallMark; row: KnownRow; before: Map<string, ActiveDays>; after: Map<string, ActiveDays> }[] = [];
    const unknown: ActiveInstallMark[] = [];
    marks.forEach((mark, index) => {
      const row = knownRows.get(index);
      if (!row) return unknown.push(mark);
      const before = new Map(row.app_ids.map((appId, i) => [appId, row.app_days[i]]));
      const after = new Map(before);
      for (const [appId, days] of mark.appDays) after.set(appId, (after.get(appId) ?? 0) | days);
      if ([...after].some(([appId, days]) => before.get(appId) !== days)) growing.push({ mark, row, before, after });
    });
    const lost: ActiveInstallMark[] = [];

    if (growing.length > 0) {
      // By the row's address and version just read (no second index probe): a row another writer
      // changed since is not found so, and goes round again.
      const grown: { n: number }[] = await manager.query(
        `WITH grown AS (
           UPDATE monthly_active_installs i SET active_days = m.active_days, app_ids = m.app_ids::uuid[], app_days = m.app_days::int[]
             FROM unnest($1::tid[], $2::xid[], $3::int[], $4::text[], $5::text[]) WITH ORDINALITY AS m(row_id, row_version, active_days, app_ids, app_days, n)
            WHERE i.ctid = m.row_id AND i.xmin = m.row_version
           RETURNING m.n
         )
         SELECT n FROM grown`,
        [
          growing.map((g) => g.row.row_id),
          growing.map((g) => g.row.row_version),
          growing.map((g) => brandWideDays(g.after)),
          growing.map((g) => pgArray([...g.after.keys()])),
          growing.map((g) => pgArray([...g.after.values()])),
        ],
      );
      const done = new Set(grown.map((row) => Number(row.n) - 1));
      growing.forEach(({ mark, before, after }, index) => {
        if (!done.has(index)) return lost.push(mark);
        increases.grow(mark, BRAND_WIDE, brandWideDays(before), brandWideDays(after));
        for (const [appId, days] of after) increases.grow(mark, appId, before.get(appId), days);
      });
    }

    if (unknown.length > 0) {
      const inserted: { install_hash: Buffer }[] = await manager.query(
        `INSERT INTO monthly_active_installs (billing_month_id, install_hash, active_days, app_ids, app_days)
         SELECT m.billing_month_id, m.install_hash, m.active_days, m.app_ids::uuid[], m.app_days::int[]
           FROM unnest($1::int[], $2::bytea[], $3::int[], $4::text[], $5::text[]) AS m(billing_month_id, install_hash, active_days, app_ids, app_days)
         ON CONFLICT DO NOTHING
         RETURNING install_hash`,
        [
          unknown.map((mark) => mark.billingMonthId),
          unknown.map((mark) => mark.installHash),
          unknown.map((mark) => brandWideDays(mark.appDays)),
          unknown.map((mark) => pgArray([...mark.appDays.keys()])),
          unknown.map((mark) => pgArray([...mark.appDays.values()])),
        ],
      );
      // Hashes are distinct across a batch's months (each month has its own key).
      const added = inserted.length === unknown.length ? null : new Set(inserted.map((row) => row.install_hash.toString('hex')));
      for (const mark of unknown) {
        if (added && !added.has(mark.installHash.toString('hex'))) {
          lost.push(mark);
          continue;
        }
        increases.grow(mark, BRAND_WIDE, undefined, brandWideDays(mark.appDays));
        for (const [appId, days] of mark.appDays) increases.grow(mark, appId, undefined, days);
      }
    }
    return lost;
  }

  /**
   * Adds the increases to the counts. In a closed month a count's frozen figure stays as it was
   * and the increase is recorded as an adjustment.
   */
  async count(manager: EntityManager, increases: CountIncrease[], isClosed: (increase: CountIncrease) => boolean): Promise<void> {
    if (increases.length === 0) return;
    // One order for every writer, so two batches updating the same counts wait rather than deadlock.
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

  /** An install's days in one scope went from `before` (undefined: not there at all) to `after`. */
  grow({ tenantId, month }: ActiveInstallMark, appId: string, before: ActiveDays | undefined, after: ActiveDays): void {
    if (before === undefined) this.add(tenantId, month, appId, 0);
    for (const day of daysIn(after & ~(before ?? 0))) this.add(tenantId, month, appId, day);
  }

  list(): CountIncrease[] {
    return [...this.byKey.values()];
  }

  private add(tenantId: string, month: BillingMonth, appId: string, day: number): void {
    const key = `${tenantId}/${month}/${appId}/${day}`;
    const increase = this.byKey.get(key);
    if (increase) increase.installs++;
    else this.byKey.set(key, { tenantId, month, appId, day, installs: 1 });
  }
}

const MAX_PASSES = 5;

/** Writers of the same installs kept getting in each other's way; the batch is retried as a whole. */
export class ConcurrentMarkingError extends Error {
  readonly code = '40001'; // serialization_failure: retried like one
  constructor(marks: number) {
    super(`${marks} active-install marks kept changing under concurrent writers; retrying the batch`);
    this.name = 'ConcurrentMarkingError';
  }
}

/** The days of all apps together: the brand-wide days. */
export function brandWideDays(appDays: Map<string, ActiveDays>): ActiveDays {
  let days = 0;
  for (const appDaysOfOne of appDays.values()) days |= appDaysOfOne;
  return days;
}

/** A PostgreSQL array literal of uuids or integers (no quoting needed), for one element of a text[] parameter. */
const pgArray = (values: (string | number)[]) => `{${values.join(',')}}`;

const increaseColumns = (list: CountIncrease[]) => [
  list.map((increase) => increase.tenantId),
  list.map((increase) => `${increase.month}-01`),
  list.map((increase) => increase.appId),
  list.map((increase) => increase.day),
  list.map((increase) => increase.installs),
];

/**
 * The index's order. Statements take rows as their arrays list them, so writers mostly lock in one
 * order and touch neighbouring pages together; a deadlock that still happens (40P01) is retried.
 */
function compareMarks(a: ActiveInstallMark, b: ActiveInstallMark): number {
  return a.billingMonthId - b.billingMonthId || Buffer.compare(a.installHash, b.installHash);
}

function compareIncreases(a: CountIncrease, b: CountIncrease): number {
  return a.tenantId.localeCompare(b.tenantId) || a.month.localeCompare(b.month) || a.appId.localeCompare(b.appId) || a.day - b.day;
}
