/**
 * Calls `tick` again and again: at once while it says there is more to do, otherwise after
 * `idleMs` or as soon as someone nudges it. What the outbox relay and the redaction runner run on.
 */
export class PollingLoop {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly tick: () => Promise<boolean>,
    private readonly idleMs: number,
    /** A tick that threw: reported, and the loop waits before the next. */
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the tick in hand. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** There is work now: don't wait out the idle time. */
  nudge(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (await this.tick()) continue;
      } catch (error) {
        this.onError(error);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.idleMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
