interface Waiting<I, O> {
  items: readonly I[];
  resolve: (result: Map<string, O>) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs concurrent calls of a batch operation as one ("natural batching"): while a run is in
 * flight, new calls wait and then go together in the next. No delay when idle. Each caller gets
 * the answers for its own items. If a combined run fails with an error `isolate` says is one
 * caller's (bad input), its calls are run one by one, so it fails only that caller; any other
 * error fails them all.
 */
export class Coalesced<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private inFlight = false;

  constructor(
    private readonly run: (items: readonly I[]) => Promise<Map<string, O>>,
    /** The key an item's answer has in the run's map. */
    private readonly keyOf: (item: I) => string,
    private readonly isolate: (error: unknown) => boolean,
  ) {}

  call(items: readonly I[]): Promise<Map<string, O>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ items, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = true;
    try {
      while (this.waiting.length > 0) {
        const taken = this.waiting;
        this.waiting = [];
        try {
          const result = await this.run(taken.flatMap(({ items }) => items));
          for (const { items, resolve } of taken) resolve(this.answersFor(items, result));
        } catch (error) {
          if (taken.length === 1 || !this.isolate(error)) for (const { reject } of taken) reject(error);
          else for (const { items, resolve, reject } of taken) await this.run(items).then(resolve, reject);
        }
      }
    } finally {
      this.inFlight = false;
    }
  }

  private answersFor(items: readonly I[], result: Map<string, O>): Map<string, O> {
    const answers = new Map<string, O>();
    for (const item of items) {
      const key = this.keyOf(item);
      if (result.has(key)) answers.set(key, result.get(key)!);
    }
    return answers;
  }
}
