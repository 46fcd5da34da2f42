import { BillingMonth, monthSpan } from '@sieve/analytics-domain';

export interface BillingScheduleSettings {
  /** How long after its end (in the brand's zone) a month closes by itself. */
  closeDelayMs: number;
  /** How long after its end a closed month is sealed: the late-event horizon and a grace for consumer lag. */
  sealDelayMs: number;
}

/** When billing months close and seal, from their end in the brand's time zone. */
export class BillingSchedule {
  private readonly ends = new Map<string, number>();

  constructor(readonly settings: BillingScheduleSettings) {}

  /** The month's end: the first instant of the next month in the zone. */
  endOf(month: BillingMonth, timeZone: string): number {
    const key = `${timeZone}/${month}`;
    let end = this.ends.get(key);
    if (end === undefined) {
      end = monthSpan(month, timeZone).end.getTime();
      this.ends.set(key, end);
    }
    return end;
  }

  hasEnded(month: BillingMonth, timeZone: string, now = Date.now()): boolean {
    return now >= this.endOf(month, timeZone);
  }

  isPastClosing(month: BillingMonth, timeZone: string, now = Date.now()): boolean {
    return now >= this.endOf(month, timeZone) + this.settings.closeDelayMs;
  }

  isDueToSeal(month: BillingMonth, timeZone: string, now = Date.now()): boolean {
    return now >= this.endOf(month, timeZone) + this.settings.sealDelayMs;
  }
}
