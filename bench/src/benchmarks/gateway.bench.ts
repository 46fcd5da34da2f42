import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { buildEvent, Topics } from '@sieve/contracts';
import { EventPublisher, isolatedKafka } from '@sieve/kafka';
import { Platform, provisionTenant } from '@sieve/stack';
import { quietLogger, testStack } from '@sieve/testing';
import { Benchmark, Figures, quantile } from '../harness';
import { runLoad } from '../http-load';

const DURATION_MS = 5_000;
const CONCURRENCY = 32;
const BARE_PORT = 4190;

async function startBareFastify(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, '../bare-fastify.js'), String(BARE_PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`bare fastify exited with ${code}`)));
  });
  return child;
}

/** The raw kafkajs producer, one acknowledged event per call, CONCURRENCY calls in flight. */
async function rawProducer(publisher: EventPublisher): Promise<{ perSecond: number; p50Ms: number; p99Ms: number }> {
  const latencies: number[] = [];
  const deadline = Date.now() + DURATION_MS;
  const started = Date.now();
  const meta = { tenantId: 't', producer: 'bench', correlationId: 'c', causationId: null };
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      while (Date.now() < deadline) {
        const event = buildEvent('usage.session-event', { appId: 'a', installId: `i-${worker}`, eventTime: new Date().toISOString(), kind: 'session-start' }, meta);
        const t0 = process.hrtime.bigint();
        await publisher.publish(Topics.usage, [{ key: `i-${worker}`, event }]);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  return { perSecond: latencies.length / ((Date.now() - started) / 1000), p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99) };
}

/**
 * Side by side in one run, on this machine with the broker on it: (a) a bare Fastify endpoint,
 * (b) the raw kafkajs producer, (c) the gateway's single-event endpoint. The gateway's batch
 * endpoint and request coalescing arrive with the gateway issue.
 */
export const gatewayBenchmark: Benchmark = {
  name: 'gateway',
  description: 'bare Fastify vs raw kafkajs producer vs the gateway opening conversations',
  async run(): Promise<Figures> {
    Platform.build();
    const kafka = await isolatedKafka(testStack.brokers, 'bench', [Topics.sdkRaw, Topics.usage]);
    const tenant = await provisionTenant(
      { ingest: testStack.databaseUrl('ingest'), tickets: testStack.databaseUrl('tickets') },
      { tenantId: randomUUID(), tenantName: 'Bench', appId: randomUUID(), appName: 'Bench app', staff: [] },
    );

    const bare = await startBareFastify();
    const platform = new Platform(kafka.topicNamespace!);
    const publisher = new EventPublisher(kafka, quietLogger);
    try {
      const sample = (i: number) =>
        JSON.stringify({ clientEventId: `bench-${i}-${randomUUID()}`, installId: `idfv-${i % 1000}`, message: { body: 'Where is my order?' }, versions: { sdk: '10.3.0' } });
      const bareResult = await runLoad({ url: `http://127.0.0.1:${BARE_PORT}/v1/echo`, method: 'POST', body: sample, concurrency: CONCURRENCY, durationMs: DURATION_MS });

      await publisher.connect();
      const producer = await rawProducer(publisher);

      await platform.start(['ingest-gateway'], { 'ingest-gateway': { LOG_LEVEL: 'warn' } });
      const gateway = await runLoad({
        url: `${platform.url('ingest-gateway')}/v1/conversations`,
        method: 'POST',
        headers: { 'x-sieve-app-id': tenant.appId, 'x-sieve-api-key': tenant.apiKey },
        body: sample,
        concurrency: CONCURRENCY,
        durationMs: DURATION_MS,
      });
      const accepted = gateway.statuses[202] ?? 0;
      if (accepted !== gateway.requests) throw new Error(`the gateway answered other than 202: ${JSON.stringify(gateway.statuses)}`);

      return {
        bare_fastify_requests_per_s: { value: Math.round(bareResult.perSecond), unit: 'req/s', better: 'higher' },
        bare_fastify_p99: { value: bareResult.p99Ms, unit: 'ms', better: 'lower' },
        kafkajs_producer_events_per_s: { value: Math.round(producer.perSecond), unit: 'events/s', better: 'higher' },
        kafkajs_producer_p50: { value: producer.p50Ms, unit: 'ms', better: 'lower' },
        kafkajs_producer_p99: { value: producer.p99Ms, unit: 'ms', better: 'lower' },
        gateway_single_events_per_s: { value: Math.round(gateway.perSecond), unit: 'events/s', better: 'higher' },
        gateway_single_p50: { value: gateway.p50Ms, unit: 'ms', better: 'lower' },
        gateway_single_p99: { value: gateway.p99Ms, unit: 'ms', better: 'lower' },
        gateway_single_fraction_of_bare_fastify: { value: gateway.perSecond / bareResult.perSecond, unit: 'ratio', better: 'higher' },
      };
    } finally {
      await publisher.disconnect().catch(() => undefined);
      await platform.stop();
      bare.kill('SIGTERM');
    }
  },
};
