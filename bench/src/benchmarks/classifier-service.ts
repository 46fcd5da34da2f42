import { randomUUID } from 'node:crypto';
import { Admin } from 'kafkajs';
import { buildClearEvent, ClearEnvelope, deadLetterTopicOf, deterministicUuid, EventOn, EventTypeOn, Topics } from '@sieve/contracts';
import { createKafkaClient, isolatedKafka, KafkaSettings, physicalTopic } from '@sieve/kafka';
import { openKeyVault, TransitSealing } from '@sieve/key-vault';
import { Platform } from '@sieve/stack';
import { quietLogger, testStack } from '@sieve/testing';
import { drainRate, produceBacklog, waitUntil } from '../backlog';
import { quantile } from '../harness';

type RawEvent = ClearEnvelope<EventTypeOn<typeof Topics.sdkRaw>>;

/** Where the classifier writes clean events. */
const OUTPUT_TOPICS = [Topics.support, Topics.usage, Topics.diagnostics];

/** This run's brand: its message ids are its own (a message's transit key belongs to one brand, across runs too). */
const RUN_TENANT = randomUUID();

/** A realistic mix: mostly session events, then support messages (texts from the corpus), some crashes. */
function rawEvent(i: number, texts: readonly string[]): { key: string; event: RawEvent } {
  const meta = { tenantId: RUN_TENANT, producer: 'bench', correlationId: `c-${i}`, causationId: null, id: randomUUID() };
  const base = { appId: 'bench-app', installId: `idfv-${i % 5000}`, clientEventId: `e-${i}`, fullPrivacy: false, versions: { sdk: '10.3.0' } };
  if (i % 10 < 7) {
    return { key: base.installId, event: buildClearEvent('sdk.session-event', { ...base, eventTime: new Date().toISOString(), kind: 'session-start' }, meta) };
  }
  if (i % 10 < 9) {
    const conversationId = deterministicUuid('bench', String(i % 2000));
    const body = texts[i % texts.length];
    return { key: conversationId, event: buildClearEvent('sdk.message-sent', { ...base, conversationId, message: { id: deterministicUuid(RUN_TENANT, 'm', String(i)), body } }, meta) };
  }
  const report = { reportId: randomUUID(), crashedAt: new Date().toISOString(), crash: { type: 'NullPointerException', stackTrace: `at com.app.Main.run(Main.java:${i % 300})` } };
  return { key: report.reportId, event: buildClearEvent('sdk.crash-reported', { ...base, ...report }, meta) };
}

/** Raw events as the gateway writes them: what a person typed sealed under its unit's transit key. */
async function sealed(sealing: TransitSealing, events: { key: string; event: RawEvent }[]): Promise<{ key: string; event: EventOn<typeof Topics.sdkRaw> }[]> {
  const out: { key: string; event: EventOn<typeof Topics.sdkRaw> }[] = [];
  for (let i = 0; i < events.length; i += 1_000) {
    const chunk = events.slice(i, i + 1_000);
    const sealedChunk = await sealing.sealEvents(chunk.map(({ event }) => event));
    out.push(...chunk.map(({ key }, index) => ({ key, event: sealedChunk[index] as EventOn<typeof Topics.sdkRaw> })));
  }
  return out;
}

/** Clean events written so far: the end offsets of the output topics, read without consuming them. */
async function outputCount(kafka: KafkaSettings, admin: Admin): Promise<number> {
  let total = 0;
  for (const topic of OUTPUT_TOPICS) {
    for (const { offset } of await admin.fetchTopicOffsets(physicalTopic(kafka, topic))) total += Number(offset);
  }
  return total;
}

/** For events whose raw write we timed, how long until the classifier wrote their clean event. */
async function watchLatency(kafka: KafkaSettings, sentAt: Map<string, number>) {
  const consumer = createKafkaClient(kafka, quietLogger).consumer({ groupId: `bench-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  for (const topic of OUTPUT_TOPICS) await consumer.subscribe({ topic: physicalTopic(kafka, topic), fromBeginning: false });
  const latencies: number[] = [];
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        const causation = /"causationId":"([^"]+)"/.exec(message.value?.toString() ?? '')?.[1];
        const sent = causation ? sentAt.get(causation) : undefined;
        // The clean event's create time (set by the classifier's producer) minus the raw event's
        // send time: the classifier's added latency, without this watcher's own fetch delay.
        if (sent !== undefined) latencies.push(Number(message.timestamp) - sent);
      }
    },
  });
  await joined;
  return { latencies, stop: () => consumer.disconnect() };
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
  const vault = await openKeyVault(testStack.keyVault(), 'bench-classifier');
  await produceBacklog(kafka, Topics.sdkRaw, await sealed(vault.sealing, Array.from({ length: backlog }, (_, i) => rawEvent(i, texts))));

  const admin = createKafkaClient(kafka, quietLogger).admin();
  await admin.connect();
  const platform = Platform.forTests(kafka.topicNamespace!);
  let watcher: Awaited<ReturnType<typeof watchLatency>> | undefined;
  try {
    await platform.start(['pii-classifier'], { 'pii-classifier': { LOG_LEVEL: 'warn' } });
    // Throughput: from the first clean event written to the last of the backlog.
    const eventsPerSecond = await drainRate(() => outputCount(kafka, admin), backlog, 180_000, 'the classifier did not drain the backlog');

    // Added latency at a steady 2,000 events/s for 5 s, in 100 ms slices.
    const sentAt = new Map<string, number>();
    watcher = await watchLatency(kafka, sentAt);
    const rate = 2_000;
    for (let slice = 0; slice < 50; slice++) {
      const t0 = Date.now();
      const events = await sealed(vault.sealing, Array.from({ length: rate / 10 }, (_, i) => rawEvent(backlog + slice * 1_000 + i, texts)));
      await produceBacklog(kafka, Topics.sdkRaw, events, (chunk, at) => chunk.forEach(({ event }) => sentAt.set(event.id, at)));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (Date.now() - t0))));
    }
    const latencies = watcher.latencies;
    await waitUntil(async () => latencies.length >= (rate / 10) * 50, 60_000, 'the classifier did not keep up');
    return { eventsPerSecond, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), rate };
  } finally {
    await watcher?.stop();
    await admin.disconnect();
    await platform.stop();
    await vault.dataSource.destroy();
  }
}
