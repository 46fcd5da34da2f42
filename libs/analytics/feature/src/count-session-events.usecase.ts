import { DataSource, EntityManager } from 'typeorm';
import { ActiveInstallLedger, ActiveInstallMark, BillingMonths, monthId, MonthToOpen } from '@sieve/analytics-data-access';
import { activeDayOf, AdmissionPolicy, admitEventTime, localDateOf, LocalDate, RejectionReason } from '@sieve/analytics-domain';
import { Topics } from '@sieve/contracts';
import { ConsumedEvent, PermanentEventError } from '@sieve/kafka';
import { BillingSchedule } from './billing-schedule';
import { LiveUsage } from './live-usage';
import { usageMetrics } from './usage-metrics';

/** Its own group: counting reads the usage topic from the beginning, not after an older group's offsets. */
export const ACTIVE_INSTALLS_CONSUMER = 'analytics.active-installs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface PlacedEvent {
  tenantId: string;
  appId: string;
  installId: string;
  date: LocalDate;
}

/**
 * Counts a batch of session events into the brand's exact active-install sets and counts, in one
 * transaction; the consumer commits its offsets after. The sets make every write idempotent, so a
 * redelivered, duplicated or reordered event never changes a figure.
 */
export class CountSessionEventsUseCase {
  private readonly ledger = new ActiveInstallLedger();

  constructor(
    private readonly dataSource: DataSource,
    private readonly billingMonths: BillingMonths,
    private readonly schedule: BillingSchedule,
    private readonly admission: AdmissionPolicy,
    private readonly live?: LiveUsage,
  ) {}

  async execute(batch: ConsumedEvent<typeof Topics.usage>[]): Promise<void> {
    const rejected = new Map<RejectionReason, number>();
    const reject = (reason: RejectionReason) => rejected.set(reason, (rejected.get(reason) ?? 0) + 1);
    const admitted = batch.filter(({ event }) => {
      const reason = admitEventTime(Date.parse(event.payload.eventTime), Date.parse(event.occurredAt), this.admission);
      if (reason) reject(reason);
      return !reason;
    });

    const marks = admitted.length === 0 ? [] : await this.dataSource.transaction((manager) => this.mark(manager, admitted, reject));

    usageMetrics.counted.inc(batch.length - [...rejected.values()].reduce((sum, count) => sum + count, 0));
    for (const [reason, count] of rejected) usageMetrics.rejected.inc({ reason }, count);
    await this.live?.observe(marks);
  }

  private async mark(manager: EntityManager, admitted: ConsumedEvent<typeof Topics.usage>[], reject: (reason: RejectionReason) => void): Promise<ActiveInstallMark[]> {
    const events = admitted.map(({ event }) => ({ tenantId: idOf(event.tenantId, 'tenantId'), appId: idOf(event.payload.appId, 'appId'), installId: event.payload.installId, eventTime: event.payload.eventTime }));
    const timeZones = await this.billingMonths.lockTimeZones(manager, [...new Set(events.map((event) => event.tenantId))].sort());
    const placed: PlacedEvent[] = [];
    for (const { tenantId, appId, installId, eventTime } of events) {
      const timeZone = timeZones.get(tenantId)!;
      const date = localDateOf(Date.parse(eventTime), timeZone);
      // Decided by the calendar, not by whether the schedule has got round to sealing it yet.
      if (this.schedule.isDueToSeal(date.slice(0, 7), timeZone)) reject('period-sealed');
      else placed.push({ tenantId, appId, installId, date });
    }
    const months = await this.billingMonths.open(manager, this.monthsToOpen(placed, timeZones));

    // One mark per install and month: its days in each app.
    const byKey = new Map<string, ActiveInstallMark>();
    for (const event of placed) {
      const month = months.get(monthId({ tenantId: event.tenantId, month: event.date.slice(0, 7) }))!;
      if (!month.hashInstall) {
        reject('period-sealed');
        continue;
      }
      const installHash = month.hashInstall(event.installId);
      const key = `${month.id}/${installHash.toString('hex')}`;
      let mark = byKey.get(key);
      if (!mark) byKey.set(key, (mark = { billingMonthId: month.id, tenantId: event.tenantId, month: month.month, installHash, appDays: new Map() }));
      mark.appDays.set(event.appId, (mark.appDays.get(event.appId) ?? 0) | activeDayOf(event.date));
    }
    const marks = [...byKey.values()];
    const increases = await this.ledger.mark(manager, marks);
    await this.ledger.count(manager, increases, (increase) => months.get(monthId(increase))!.closed);
    return marks;
  }

  private monthsToOpen(placed: PlacedEvent[], timeZones: Map<string, string>): MonthToOpen[] {
    const months = new Map<string, MonthToOpen>();
    for (const { tenantId, date } of placed) {
      const month = date.slice(0, 7);
      const id = monthId({ tenantId, month });
      if (months.has(id)) continue;
      const timeZone = timeZones.get(tenantId)!;
      months.set(id, { tenantId, month, timeZone, pastClosing: this.schedule.isPastClosing(month, timeZone) });
    }
    return [...months.values()];
  }
}

/** Brand and app ids are UUIDs, compared as the database does (one spelling per id). */
function idOf(value: string, field: string): string {
  const id = value.toLowerCase();
  if (!UUID.test(id)) throw new PermanentEventError('invalid-event', `${field} is not a UUID; the event can't be counted against a brand's app`);
  return id;
}
