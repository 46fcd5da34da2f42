import { Partitioners } from 'kafkajs';
import { Envelope } from '@sieve/contracts';
import { createKafkaClient, KafkaSettings, physicalTopic } from '@sieve/kafka';
import { quietLogger } from '@sieve/testing';

/**
 * Writes events straight to a topic, a thousand per produce request: the backlog a service under
 * measurement then works through. `onSend` learns when each chunk left (for latency figures).
 */
export async function produceBacklog(kafka: KafkaSettings, topic: string, events: readonly { key: string; event: Envelope }[], onSend?: (chunk: readonly { event: Envelope }[], at: number) => void): Promise<void> {
  const producer = createKafkaClient(kafka, quietLogger).producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    for (let i = 0; i < events.length; i += 1_000) {
      const chunk = events.slice(i, i + 1_000);
      onSend?.(chunk, Date.now());
      await producer.send({ topic: physicalTopic(kafka, topic), messages: chunk.map(({ key, event }) => ({ key, value: JSON.stringify(event) })) });
    }
  } finally {
    await producer.disconnect();
  }
}

/**
 * Events per second a service worked through a backlog: `done()` says how many it has finished,
 * timed from the first one finished to the last (start-up and group joining not counted).
 */
export async function drainRate(done: () => Promise<number>, total: number, timeoutMs: number, what: string): Promise<number> {
  let firstAt = 0;
  await waitUntil(
    async () => {
      const count = await done();
      if (count > 0 && firstAt === 0) firstAt = Date.now();
      return count >= total;
    },
    timeoutMs,
    what,
  );
  return total / ((Date.now() - firstAt) / 1000);
}

/** Polls `condition` until it holds; fails naming `what` did not happen in time. */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
