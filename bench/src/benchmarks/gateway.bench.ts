import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Redis from 'ioredis';
import { Partitioners } from 'kafkajs';
import { deadLetterTopicOf, Topics } from '@sieve/contracts';
import { createKafkaClient, isolatedKafka, KafkaSettings, physicalTopic } from '@sieve/kafka';
import { Platform, provisionTenant } from '@sieve/stack';
import { quietLogger, testStack } from '@sieve/testing';
import { Benchmark, Figures, quantile } from '../harness';
import { runLoad } from '../http-load';

const DURATION_MS = 5_000;
const WARM_UP_MS = 2_000;
const CONCURRENCY = 32;
const BARE_PORT = 4190;
/** Events per batch request, and batch requests in flight: an SDK sends its background events in batches. */
const BATCH_SIZE = 100;
const BATCH_CONCURRENCY = 8;

async function startBareFastify(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, '../bare-fastify.js'), String(BARE_PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`bare fastify exited with ${code}`)));
  });
  return child;
}

/** The raw kafkajs producer (idempotent, acks all): `batch` events per acknowledged send, `concurrency` sends in flight. */
async function rawProducer(kafka: KafkaSettings, batch = 1, concurrency = CONCURRENCY): Promise<{ perSecond: number; p50Ms: number; p99Ms: number }> {
  const producer = createKafkaClient(kafka, quietLogger).producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const topic = physicalTopic(kafka, Topics.usage);
  const value = JSON.stringify({ installId: 'bench', kind: 'session-start' });
  const latencies: number[] = [];
  const deadline = Date.now() + DURATION_MS;
  const started = Date.now();
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        while (Date.now() < deadline) {
          const t0 = process.hrtime.bigint();
          await producer.send({ topic, acks: -1, messages: Array.from({ length: batch }, (_, n) => ({ key: `i-${worker}-${n}`, value })) });
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
      }),
    );
  } finally {
    await producer.disconnect();
  }
  return { perSecond: (latencies.length * batch) / ((Date.now() - started) / 1000), p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99) };
}

/** A batch of BATCH_SIZE session events of one install, every client event id new. */
function batchBody(i: number): string {
  const eventTime = new Date().toISOString();
  const events = Array.from({ length: BATCH_SIZE }, (_, n) => ({ type: 'session', clientEventId: `bench-${i}-${n}-${randomUUID()}`, eventTime, kind: 'session-start' }));
  return JSON.stringify({ installId: `idfv-${i % 1000}`, versions: { sdk: '10.3.0' }, events });
}

/**
 * Side by side in one run, on this machine with the broker on it: (a) a bare Fastify endpoint,
 * (b) the raw kafkajs producer (one acknowledged event per send, and batches of BATCH_SIZE: the
 * ceiling for (d) on this machine), (c) the gateway's single-event endpoint (a further message in
 * a conversation; opening one, its heaviest request, beside it), whose concurrent requests share
 * produce calls (the publisher's SendQueue) while each still waits for its own acknowledgement,
 * and (d) its batch endpoint. The rate limits are lifted for the run: it measures what the gateway
 * can take, not what a brand may send.
 */
export const gatewayBenchmark: Benchmark = {
  name: 'gateway',
  description: 'bare Fastify vs raw kafkajs producer vs the gateway: single events and batches',
  async run(): Promise<Figures> {
    Platform.build();
    const kafka = await isolatedKafka(testStack.brokers, 'bench', [Topics.sdkRaw, Topics.usage, Topics.agentReplies, deadLetterTopicOf(Topics.agentReplies), Topics.redactionCompleted, deadLetterTopicOf(Topics.redactionCompleted), Topics.redactionConfirmations]);
    const tenant = await provisionTenant(
      { ingest: testStack.databaseUrl('ingest'), tickets: testStack.databaseUrl('tickets') },
      { tenantId: randomUUID(), tenantName: 'Bench', appId: randomUUID(), appName: 'Bench app', staff: [] },
    );

    const bare = await startBareFastify();
    const platform = Platform.forTests(kafka.topicNamespace!);
    try {
      const sample = (i: number) =>
        JSON.stringify({ clientEventId: `bench-${i}-${randomUUID()}`, installId: `idfv-${i % 1000}`, message: { body: 'Where is my order?' }, versions: { sdk: '10.3.0' } });
      const bare = (durationMs: number) => runLoad({ url: `http://127.0.0.1:${BARE_PORT}/v1/echo`, method: 'POST', body: sample, concurrency: CONCURRENCY, durationMs });
      await bare(WARM_UP_MS);
      const bareResult = await bare(DURATION_MS);

      const producer = await rawProducer(kafka);
      const batchedProducer = await rawProducer(kafka, BATCH_SIZE, BATCH_CONCURRENCY);

      await platform.start(['ingest-gateway'], { 'ingest-gateway': { LOG_LEVEL: 'warn', APP_EVENTS_PER_SECOND: '10000000', INSTALL_EVENTS_PER_MINUTE: '10000000' } });
      /**
       * Posts to a gateway endpoint as the SDK, after a warm-up that is not counted (the process
       * is measured compiled, as it runs in production); every answer must be `expected`.
       */
      const loadGateway = async (path: string, body: (i: number) => string, concurrency: number, expected: number) => {
        const load = (durationMs: number) =>
          runLoad({
            url: `${platform.url('ingest-gateway')}${path}`,
            method: 'POST',
            headers: { 'x-sieve-app-id': tenant.appId, 'x-sieve-api-key': tenant.apiKey },
            body,
            concurrency,
            durationMs,
          });
        await load(WARM_UP_MS);
        const result = await load(DURATION_MS);
        if ((result.statuses[expected] ?? 0) !== result.requests) throw new Error(`${path} answered other than ${expected}: ${JSON.stringify(result.statuses)}`);
        return result;
      };
      const gateway = await loadGateway(`/v1/conversations/${randomUUID()}/messages`, sample, CONCURRENCY, 202);
      const conversations = await loadGateway('/v1/conversations', sample, CONCURRENCY, 202);
      const batches = await loadGateway('/v1/batches', batchBody, BATCH_CONCURRENCY, 200);
      const batchedEventsPerSecond = batches.perSecond * BATCH_SIZE;

      return {
        bare_fastify_requests_per_s: { value: Math.round(bareResult.perSecond), unit: 'req/s', better: 'higher' },
        bare_fastify_p99: { value: bareResult.p99Ms, unit: 'ms', better: 'lower' },
        kafkajs_producer_events_per_s: { value: Math.round(producer.perSecond), unit: 'events/s', better: 'higher' },
        kafkajs_producer_p50: { value: producer.p50Ms, unit: 'ms', better: 'lower' },
        kafkajs_producer_p99: { value: producer.p99Ms, unit: 'ms', better: 'lower' },
        gateway_single_events_per_s: { value: Math.round(gateway.perSecond), unit: 'events/s', better: 'higher' },
        gateway_single_p50: { value: gateway.p50Ms, unit: 'ms', better: 'lower' },
        gateway_single_p99: { value: gateway.p99Ms, unit: 'ms', better: 'lower' },
        gateway_open_conversation_per_s: { value: Math.round(conversations.perSecond), unit: 'req/s', better: 'higher' },
        gateway_open_conversation_p99: { value: conversations.p99Ms, unit: 'ms', better: 'lower' },
        gateway_single_fraction_of_bare_fastify: { value: gateway.perSecond / bareResult.perSecond, unit: 'ratio', better: 'higher' },
        gateway_single_fraction_of_kafkajs_producer: { value: gateway.perSecond / producer.perSecond, unit: 'ratio', better: 'higher' },
        gateway_batched_events_per_s: { value: Math.round(batchedEventsPerSecond), unit: 'events/s', better: 'higher' },
        [`gateway_batch_of_${BATCH_SIZE}_p50`]: { value: batches.p50Ms, unit: 'ms', better: 'lower' },
        [`gateway_batch_of_${BATCH_SIZE}_p99`]: { value: batches.p99Ms, unit: 'ms', better: 'lower' },
        [`kafkajs_producer_batches_of_${BATCH_SIZE}_events_per_s`]: { value: Math.round(batchedProducer.perSecond), unit: 'events/s', better: 'higher' },
        gateway_batched_fraction_of_kafkajs_batches: { value: batchedEventsPerSecond / batchedProducer.perSecond, unit: 'ratio', better: 'higher' },
      };
    } finally {
      await platform.stop();
      bare.kill('SIGTERM');
      await forgetAcceptedEvents(tenant.appId);
    }
  },
};

/**
 * Deletes the deduplication marks this run left in Redis (one per accepted event, kept for days):
 * a few runs leave a million, and whatever scans the test Redis (the redaction proof) reads them all.
 */
async function forgetAcceptedEvents(appId: string): Promise<void> {
  const redis = new Redis(testStack.redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `ingest:*{${appId}}*`, 'COUNT', 5_000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
