import { randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import { buildEvent, deadLetterTopicOf, deterministicUuid, EventOn, Topics } from '@sieve/contracts';
import { createKafkaClient, isolatedKafka, KafkaSettings, physicalTopic } from '@sieve/kafka';
import { Platform } from '@sieve/stack';
import { quietLogger, testStack } from '@sieve/testing';
import { quantile } from '../harness';

type RawEvent = EventOn<typeof Topics.sdkRaw>;

/** A realistic mix: mostly session events, then support messages (texts from the corpus), some crashes. */
function rawEvent(i: number, texts: readonly string[]): { key: string; event: RawEvent } {
  const meta = { tenantId: 'bench-tenant', producer: 'bench', correlationId: `c-${i}`, causationId: null, id: randomUUID() };
  const base = { appId: 'bench-app', installId: `idfv-${i % 5000}`, clientEventId: `e-${i}`, fullPrivacy: false, versions: { sdk: '10.3.0' } };
  if (i % 10 < 7) {
    return { key: base.installId, event: buildEvent('sdk.session-event', { ...base, eventTime: new Date().toISOString(), kind: 'session-start' }, meta) };
  }
  if (i % 10 < 9) {
    const conversationId = deterministicUuid('bench', String(i % 2000));
    const body = texts[i % texts.length];
    return { key: conversationId, event: buildEvent('sdk.message-sent', { ...base, conversationId, message: { id: deterministicUuid('m', String(i)), body } }, meta) };
  }
  const report = { reportId: randomUUID(), crashedAt: new Date().toISOString(), crash: { type: 'NullPointerException', stackTrace: `at com.app.Main.run(Main.java:${i % 300})` } };
  return { key: report.reportId, event: buildEvent('sdk.crash-reported', { ...base, ...report }, meta) };
}

async function produce(kafka: KafkaSettings, events: { key: string; event: RawEvent }[], sentAt?: Map<string, number>): Promise<void> {
  const producer = createKafkaClient(kafka, quietLogger).producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    for (let i = 0; i < events.length; i += 1_000) {
      const chunk = events.slice(i, i + 1_000);
      const now = Date.now();
      chunk.forEach(({ event }) => sentAt?.set(event.id, now));
      await producer.send({ topic: physicalTopic(kafka, Topics.sdkRaw), messages: chunk.map(({ key, event }) => ({ key, value: JSON.stringify(event) })) });
    }
  } finally {
    await producer.disconnect();
  }
}

/** Counts clean events as they arrive and, for those whose raw event we timed, the time it took. */
async function watchOutputs(kafka: KafkaSettings, sentAt: Map<string, number>) {
  const consumer = createKafkaClient(kafka, quietLogger).consumer({ groupId: `bench-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  for (const topic of [Topics.support, Topics.usage, Topics.diagnostics]) await consumer.subscribe({ topic: physicalTopic(kafka, topic), fromBeginning: true });
  const state = { count: 0, firstAt: 0, lastAt: 0, latencies: [] as number[] };
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const now = Date.now();
      if (state.count === 0) state.firstAt = now;
      state.count += batch.messages.length;
      state.lastAt = now;
      for (const message of batch.messages) {
        const causation = /"causationId":"([^"]+)"/.exec(message.value?.toString() ?? '')?.[1];
        const sent = causation ? sentAt.get(causation) : undefined;
        // The clean event's create time (set by the classifier's producer) minus the raw event's
        // send time: the classifier's added latency, without this watcher's own fetch delay.
        if (sent !== undefined) state.latencies.push(Number(message.timestamp) - sent);
      }
    },
  });
  return { state, stop: () => consumer.disconnect() };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the classifier did not keep up within the time allowed');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The classifier service end to end on this machine, broker included: (1) sustained throughput
 * draining a backlog of raw events; (2) added latency at a steady rate (raw written → clean read).
 */
export async function classifierServiceFigures(texts: readonly string[]): Promise<{ eventsPerSecond: number; p50Ms: number; p99Ms: number; rate: number }> {
  Platform.build();
  const kafka = await isolatedKafka(
    testStack.brokers,
    'bench-classifier',
    [Topics.sdkRaw, Topics.support, Topics.usage, Topics.diagnostics, Topics.piiFindings, deadLetterTopicOf(Topics.sdkRaw)],
    { maxPartitions: 12 },
  );
  const backlog = 60_000;
  await produce(kafka, Array.from({ length: backlog }, (_, i) => rawEvent(i, texts)));

  const sentAt = new Map<string, number>();
  const watcher = await watchOutputs(kafka, sentAt);
  const platform = new Platform(kafka.topicNamespace!);
  try {
    const started = Date.now();
    await platform.start(['pii-classifier'], { 'pii-classifier': { LOG_LEVEL: 'warn' } });
    await waitFor(() => watcher.state.count >= backlog, 180_000);
    const eventsPerSecond = backlog / ((watcher.state.lastAt - Math.max(started, watcher.state.firstAt - 1)) / 1000);

    // Steady rate: 2,000 events/s for 5 s, in 100 ms slices.
    const rate = 2_000;
    for (let slice = 0; slice < 50; slice++) {
      const t0 = Date.now();
      await produce(kafka, Array.from({ length: rate / 10 }, (_, i) => rawEvent(backlog + slice * 1_000 + i, texts)), sentAt);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (Date.now() - t0))));
    }
    await waitFor(() => watcher.state.latencies.length >= (rate / 10) * 50, 60_000);
    const latencies = watcher.state.latencies;
    return { eventsPerSecond, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), rate };
  } finally {
    await watcher.stop();
    await platform.stop();
  }
}
