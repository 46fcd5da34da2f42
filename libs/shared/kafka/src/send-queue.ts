export interface TopicMessages<M> {
  topic: string;
  messages: M[];
}

interface Pending<M> {
  batches: TopicMessages<M>[];
  size: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces concurrent sends into one produce request ("natural batching"): while a request is in
 * flight, new sends wait and then go together in the next one. No linger delay when idle, and each
 * caller still learns whether its own messages were acknowledged. With an idempotent producer (one
 * request in flight) this is what turns many small sends into few large ones.
 */
export class SendQueue<M> {
  private pending: Pending<M>[] = [];
  private inFlight = false;

  constructor(
    private readonly send: (batches: TopicMessages<M>[]) => Promise<void>,
    /** Most messages per request, so a request stays well below the broker's size limits. */
    private readonly maxMessages = 5_000,
  ) {}

  enqueue(batches: TopicMessages<M>[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const size = batches.reduce((total, batch) => total + batch.messages.length, 0);
      this.pending.push({ batches, size, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = true;
    try {
      while (this.pending.length > 0) {
        const taken: Pending<M>[] = [];
        let size = 0;
        while (this.pending.length > 0 && (taken.length === 0 || size + this.pending[0].size <= this.maxMessages)) {
          const next = this.pending.shift()!;
          taken.push(next);
          size += next.size;
        }
        try {
          await this.send(merge(taken.flatMap((entry) => entry.batches)));
          for (const entry of taken) entry.resolve();
        } catch (error) {
          for (const entry of taken) entry.reject(error);
        }
      }
    } finally {
      this.inFlight = false;
    }
  }
}

/** One entry per topic, messages in the order they were enqueued (order per key is kept). */
function merge<M>(batches: TopicMessages<M>[]): TopicMessages<M>[] {
  const byTopic = new Map<string, M[]>();
  for (const { topic, messages } of batches) {
    const list = byTopic.get(topic);
    if (list) list.push(...messages);
    else byTopic.set(topic, [...messages]);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
