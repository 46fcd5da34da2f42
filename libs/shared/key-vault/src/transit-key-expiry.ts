import type { Logger } from '@sieve/telemetry';
import { TransitKeys } from './transit-keys';

/**
 * Deletes transit keys once no topic can still hold the events they sealed (Kafka's retention, 7
 * days by default, and a day to spare): the vault holds about a week of live keys, whatever the
 * volume, and the tombstones of destroyed ones.
 */
export class TransitKeyExpiry {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly keys: TransitKeys,
    private readonly logger: Logger,
    private readonly options: { retentionHours: number; intervalMs: number },
  ) {}

  async start(): Promise<void> {
    this.timer = setInterval(() => void this.expireNow(), this.options.intervalMs);
    await this.expireNow();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; errors are logged (the next pass tries again). */
  expireNow(): Promise<void> {
    this.running ??= (async () => {
      try {
        const deleted = await this.keys.deleteMadeBefore(new Date(Date.now() - this.options.retentionHours * 3_600_000));
        if (deleted > 0) this.logger.info({ deleted }, 'expired transit keys deleted');
      } catch (error) {
        this.logger.warn({ err: error }, 'expired transit keys could not be deleted; the next pass tries again');
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}
