import { z } from 'zod';
import { BillingMonthState, BillingPeriodsRepository, BRAND_WIDE, CountRow, UsageCountsRepository } from '@sieve/analytics-data-access';
import { BillingMonth, checkLocalDate, checkMonth, datesBetween, daySpan, dayRange, lastDayOf, LocalDate, monthsBetween, monthSpan } from '@sieve/analytics-domain';
import { AnalyticsError } from './analytics.error';
import { BillingSchedule } from './billing-schedule';
import { figuresOf } from './figures';
import { invalidIfThrows, parseRequest } from './parse-request';

const MAX_DAYS = 400;
const MAX_MONTHS = 36;

export const activeInstallsQuerySchema = z
  .object({
    granularity: z
      .enum(['day', 'month', 'range'])
      .default('month')
      .describe('day: a figure per day; month: a figure per billing month; range: distinct installs over from..to, a figure per billing month it touches.'),
    from: z.string().describe('First period: YYYY-MM for month, YYYY-MM-DD for day and range (in the brand’s billing time zone).'),
    to: z.string().describe('Last period, inclusive, written like from.'),
    appId: z.uuid().optional().describe('One app of the brand; without it, the whole brand (an install active in two apps counts once).'),
    format: z.enum(['json', 'csv']).optional().describe('Or send Accept: text/csv.'),
  })
  .strict();

export interface PeriodFigure {
  /** 'YYYY-MM', 'YYYY-MM-DD', or 'YYYY-MM-DD..YYYY-MM-DD' for part of a month. */
  period: string;
  start: string;
  end: string;
  status: 'open' | 'closed';
  /** Distinct active installs; in a closed month, the figure frozen when it closed. */
  activeInstalls: number;
  /** Installs late events added after the month closed (0 while open); null for part-month ranges, whose figure includes them. */
  adjustments: number | null;
  activeInstallsWithAdjustments: number;
}

export interface ActiveInstallsReport {
  tenantId: string;
  appId: string | null;
  timeZone: string;
  granularity: 'day' | 'month' | 'range';
  from: string;
  to: string;
  exact: true;
  periods: PeriodFigure[];
  /** Said when figures of different billing months sit side by side and must not be added up. */
  note?: string;
}

const SPANS_MONTHS_NOTE =
  'Each billing month is counted on its own: install ids are hashed with a key of the month, so an install active in two months cannot be recognised as the same one. Figures of different months must not be added up to distinct installs over the whole range.';

/** Exact active installs of a brand or one of its apps, per day, per month, or over a range. */
export class ActiveInstallsQuery {
  constructor(
    private readonly periods: BillingPeriodsRepository,
    private readonly counts: UsageCountsRepository,
    private readonly schedule: BillingSchedule,
  ) {}

  async execute(tenantId: string, query: unknown): Promise<ActiveInstallsReport> {
    const request = parseRequest(activeInstallsQuerySchema, query);
    const timeZone = await this.periods.timeZoneOf(tenantId);
    const appId = request.appId ?? BRAND_WIDE;
    const states = new Map((await this.periods.months(tenantId)).map((state) => [state.month, state]));
    const statusOf = (month: BillingMonth) => this.statusOf(month, timeZone, states.get(month));
    const { granularity, from, to } = request;
    let periods: PeriodFigure[];

    if (granularity === 'month') {
      const months = checkedMonths(from, to);
      const rows = byPeriod(await this.counts.counts(tenantId, appId, months[0], months[months.length - 1], 'month'));
      periods = months.map((month) => figure(month, monthSpan(month, timeZone), statusOf(month), rows.get(`${month}/0`)));
    } else {
      const dates = checkedDates(from, to);
      const months = monthsBetween(from, to);
      if (granularity === 'day') {
        const rows = byPeriod(await this.counts.counts(tenantId, appId, months[0], months[months.length - 1], 'day'));
        periods = dates.map((date) => figure(date, daySpan(date, timeZone), statusOf(date.slice(0, 7)), rows.get(`${date.slice(0, 7)}/${Number(date.slice(8))}`)));
      } else {
        periods = await Promise.all(months.map((month) => this.rangeWithin(tenantId, appId, month, from, to, timeZone, statusOf(month))));
      }
    }
    const spansMonths = granularity !== 'day' && periods.length > 1;
    return { tenantId, appId: request.appId ?? null, timeZone, granularity, from, to, exact: true, periods, ...(spansMonths ? { note: SPANS_MONTHS_NOTE } : {}) };
  }

  /** The part of from..to inside one month: a whole month or a single day is a kept count; anything else is counted from the month's set. */
  private async rangeWithin(tenantId: string, appId: string, month: BillingMonth, from: LocalDate, to: LocalDate, timeZone: string, status: 'open' | 'closed'): Promise<PeriodFigure> {
    const first = from > `${month}-01` ? Number(from.slice(8)) : 1;
    const last = to.slice(0, 7) > month ? lastDayOf(month) : Number(to.slice(8));
    const firstDate = `${month}-${String(first).padStart(2, '0')}`;
    const lastDate = `${month}-${String(last).padStart(2, '0')}`;
    const span = { start: daySpan(firstDate, timeZone).start, end: daySpan(lastDate, timeZone).end };
    if (first === 1 && last === lastDayOf(month)) {
      const [row] = await this.counts.counts(tenantId, appId, month, month, 'month');
      return figure(month, span, status, row);
    }
    if (first === last) {
      const row = (await this.counts.counts(tenantId, appId, month, month, 'day')).find((candidate) => candidate.day === first);
      return figure(firstDate, span, status, row);
    }
    const installs = await this.counts.distinctOnDays(tenantId, appId, month, dayRange(first, last));
    return { period: `${firstDate}..${lastDate}`, start: span.start.toISOString(), end: span.end.toISOString(), status, activeInstalls: installs, adjustments: null, activeInstallsWithAdjustments: installs };
  }

  private statusOf(month: BillingMonth, timeZone: string, state: BillingMonthState | undefined): 'open' | 'closed' {
    if (state) return state.closedAt ? 'closed' : 'open';
    // No event counted in it yet: it closes by time (a late event would open it closed).
    return this.schedule.isPastClosing(month, timeZone) ? 'closed' : 'open';
  }
}

function figure(period: string, span: { start: Date; end: Date }, status: 'open' | 'closed', row: CountRow | undefined): PeriodFigure {
  return { period, start: span.start.toISOString(), end: span.end.toISOString(), status, ...figuresOf(row, status === 'closed') };
}

function byPeriod(rows: CountRow[]): Map<string, CountRow> {
  return new Map(rows.map((row) => [`${row.month}/${row.day}`, row]));
}

function checkedMonths(from: string, to: string): BillingMonth[] {
  const months = monthsBetween(`${invalidIfThrows(() => checkMonth(from))}-01`, `${invalidIfThrows(() => checkMonth(to))}-01`);
  if (months.length > MAX_MONTHS) throw new AnalyticsError('invalid-request', `A query covers at most ${MAX_MONTHS} months; ask for a shorter range.`);
  return months;
}

function checkedDates(from: string, to: string): LocalDate[] {
  invalidIfThrows(() => checkLocalDate(from));
  invalidIfThrows(() => checkLocalDate(to));
  invalidIfThrows(() => monthsBetween(from, to));
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_DAYS) throw new AnalyticsError('invalid-request', `A query covers at most ${MAX_DAYS} days; ask for a shorter range.`);
  return datesBetween(from, to);
}

const CSV_COLUMNS = ['period', 'start', 'end', 'status', 'activeInstalls', 'adjustments', 'activeInstallsWithAdjustments'] as const;

/** The report as CSV: a header, then a line per period (the values have no commas or quotes). */
export function activeInstallsCsv(report: ActiveInstallsReport): string {
  const header = 'period,start,end,status,active_installs,adjustments,active_installs_with_adjustments';
  return [header, ...report.periods.map((period) => CSV_COLUMNS.map((column) => period[column] ?? '').join(','))].join('\n') + '\n';
}
