import { DataSource } from 'typeorm';
import { z } from 'zod';
import { BillingMonths, BillingMonthState, BillingPeriodsRepository, BRAND_WIDE, CLOSED_BY_SCHEDULE, CountRow, UsageCountsRepository } from '@sieve/analytics-data-access';
import { BillingMonth, checkMonth, monthSpan } from '@sieve/analytics-domain';
import { AnalyticsError } from './analytics.error';
import { BillingSchedule } from './billing-schedule';
import { figuresOf } from './figures';
import { invalidIfThrows, parseRequest } from './parse-request';
import { usageMetrics } from './usage-metrics';

export interface BillingPeriodView {
  month: BillingMonth;
  timeZone: string;
  start: string;
  end: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  /** 'schedule', or the staff id of who closed it early. */
  closedBy: string | null;
  /** When its hashing key was destroyed: nothing more can count in it. */
  sealedAt: string | null;
  /** Brand-wide distinct active installs: the frozen figure once closed. */
  activeInstalls: number;
  adjustments: number;
}

export interface AdjustmentView {
  month: BillingMonth;
  appId: string | null;
  /** The day of the month the adjusted figure is of; null for the whole month. */
  day: number | null;
  installs: number;
  recordedAt: string;
}

export const adjustmentsQuerySchema = z.object({ month: z.string().optional().describe('Only this billing month (YYYY-MM).') }).strict();

/** Billing months for billing staff: the list with their state, adjustments, closing early. */
export class BillingPeriodsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: BillingPeriodsRepository,
    private readonly counts: UsageCountsRepository,
    private readonly billingMonths: BillingMonths,
    private readonly schedule: BillingSchedule,
  ) {}

  /** Every month of the brand with counted usage (or closed early), oldest first. */
  async list(tenantId: string): Promise<BillingPeriodView[]> {
    const months = await this.periods.months(tenantId);
    if (months.length === 0) return [];
    return this.views(tenantId, months);
  }

  async adjustments(tenantId: string, query: unknown): Promise<AdjustmentView[]> {
    const { month } = parseRequest(adjustmentsQuerySchema, query);
    const rows = await this.periods.adjustments(tenantId, month === undefined ? undefined : invalidIfThrows(() => checkMonth(month)));
    return rows.map((row) => ({
      month: row.month,
      appId: row.appId === BRAND_WIDE ? null : row.appId,
      day: row.day === 0 ? null : row.day,
      installs: row.installs,
      recordedAt: row.recordedAt.toISOString(),
    }));
  }

  /**
   * Closes a month that has ended, ahead of its scheduled closing (when billing invoices it).
   * Closing a closed month changes nothing.
   */
  async close(tenantId: string, staffId: string, month: string): Promise<BillingPeriodView> {
    const checked = invalidIfThrows(() => checkMonth(month));
    const timeZone = await this.periods.timeZoneOf(tenantId);
    if (!this.schedule.hasEnded(checked, timeZone)) {
      throw new AnalyticsError('conflict', `${checked} has not ended yet in ${timeZone}; a month can be closed from ${new Date(this.schedule.endOf(checked, timeZone)).toISOString()}.`);
    }
    if (!(await this.periods.month(tenantId, checked))) {
      // Nothing counted in it. Past its closing time it is closed already (a late event would
      // open it closed); before, it gets its row (and key) now, so late events become adjustments.
      if (this.schedule.isPastClosing(checked, timeZone)) return this.emptyClosedMonth(tenantId, checked, timeZone);
      await this.dataSource.transaction((manager) => this.billingMonths.open(manager, [{ tenantId, month: checked, timeZone, pastClosing: false }]));
    }
    if (await this.periods.close(tenantId, checked, staffId)) usageMetrics.periodsClosed.inc({ by: 'staff' });
    const [closed] = await this.views(tenantId, [(await this.periods.month(tenantId, checked))!]);
    return closed;
  }

  /** A month nothing was counted in, closed by time: its view without a row. */
  private emptyClosedMonth(tenantId: string, month: BillingMonth, timeZone: string): BillingPeriodView {
    const closedAt = new Date(this.schedule.endOf(month, timeZone) + this.schedule.settings.closeDelayMs);
    return view({ tenantId, month, timeZone, closedAt, closedBy: CLOSED_BY_SCHEDULE, sealedAt: null }, undefined);
  }

  /** The months (in order, of one brand) with their brand-wide figures. */
  private async views(tenantId: string, months: BillingMonthState[]): Promise<BillingPeriodView[]> {
    const rows = await this.counts.counts(tenantId, BRAND_WIDE, months[0].month, months[months.length - 1].month, 'month');
    const totals = new Map(rows.map((row) => [row.month, row]));
    return months.map((state) => view(state, totals.get(state.month)));
  }
}

function view(state: BillingMonthState, row: CountRow | undefined): BillingPeriodView {
  const span = monthSpan(state.month, state.timeZone);
  const { activeInstalls, adjustments } = figuresOf(row, state.closedAt !== null);
  return {
    month: state.month,
    timeZone: state.timeZone,
    start: span.start.toISOString(),
    end: span.end.toISOString(),
    status: state.closedAt ? 'closed' : 'open',
    closedAt: state.closedAt?.toISOString() ?? null,
    closedBy: state.closedBy,
    sealedAt: state.sealedAt?.toISOString() ?? null,
    activeInstalls,
    adjustments,
  };
}
