import { BillingPeriodsRepository, CLOSED_BY_SCHEDULE } from '@sieve/analytics-data-access';
import { Logger } from '@sieve/telemetry';
import { BillingSchedule } from './billing-schedule';
import { usageMetrics } from './usage-metrics';

/**
 * Closes billing months once they are past their closing time and seals them once no event can
 * count in them any more. Every instance runs it; closing and sealing are each done once.
 */
export class PeriodScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly periods: BillingPeriodsRepository,
    private readonly schedule: BillingSchedule,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  async start(): Promise<void> {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    await this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; resolves when done. Overlapping calls share the pass under way. */
  tick(): Promise<void> {
    this.running ??= this.pass()
      .catch((error: unknown) => this.logger.error({ err: error }, 'closing or sealing billing months failed; the next pass tries again'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    const now = Date.now();
    for (const month of await this.periods.unfinishedMonths()) {
      if (!month.closedAt && this.schedule.isPastClosing(month.month, month.timeZone, now)) {
        if (await this.periods.close(month.tenantId, month.month, CLOSED_BY_SCHEDULE)) {
          usageMetrics.periodsClosed.inc({ by: CLOSED_BY_SCHEDULE });
          this.logger.info({ tenantId: month.tenantId, month: month.month }, 'billing month closed');
        }
      }
      if (!month.sealedAt && this.schedule.isDueToSeal(month.month, month.timeZone, now) && (await this.periods.seal(month.tenantId, month.month))) {
        usageMetrics.periodsSealed.inc();
        this.logger.info({ tenantId: month.tenantId, month: month.month }, 'billing month sealed: its install hashing key is destroyed');
      }
    }
  }
}
