import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { Client } from 'pg';
import { BillingMonths, BillingPeriodsRepository, createAnalyticsDataSource, UsageCountsRepository } from '@sieve/analytics-data-access';
import { monthSpan } from '@sieve/analytics-domain';
import { ActiveInstallsQuery, BillingSchedule, CountSessionEventsUseCase } from '@sieve/analytics-feature';
import { buildEvent, deadLetterTopicOf, EventOn, Topics } from '@sieve/contracts';
import { LocalKeyFile } from '@sieve/crypto';
import { isolatedKafka } from '@sieve/kafka';
import { getJson, Platform, provisionTenant } from '@sieve/stack';
import { testStack } from '@sieve/testing';
import { drainRate, produceBacklog } from '../backlog';
import { Benchmark, Figures, quantile, timed } from '../harness';

const DAY = 86_400_000;
/** The load: 10 million session events of 1 million installs in a month (override to try smaller). */
const LOAD_EVENTS = Number(process.env.BENCH_ANALYTICS_EVENTS ?? 10_000_000);
const LOAD_INSTALLS = Number(process.env.BENCH_ANALYTICS_INSTALLS ?? 1_000_000);
/** The backlog the running service works through, for the ingest rate. */
const INGEST_EVENTS = Number(process.env.BENCH_ANALYTICS_INGEST_EVENTS ?? 300_000);
const APPS = 3;
const QUERIES = 200;
const NAIVE_QUERIES = 5;
const admission = { lateHorizonMs: 8 * DAY, futureSkewMs: 10 * 60_000 };

/**
 * Event n of a load: which install, app and second of the month. The same formula fills the raw
 * table the naive query scans, so both sides hold the very same events.
 */
const eventOf = (n: number, monthSeconds: number) => ({ install: n % LOAD_INSTALLS, app: n % APPS, second: (n * 7_919) % monthSeconds });

function usageEvent(tenantId: string, appId: string, installId: string, eventTime: Date, acceptedAt: Date): EventOn<typeof Topics.usage> {
  return buildEvent('usage.session-event', { appId, installId, eventTime: eventTime.toISOString(), kind: 'foreground' }, { tenantId, producer: 'bench', correlationId: 'bench', causationId: null, occurredAt: acceptedAt }) as EventOn<typeof Topics.usage>;
}

/** Deletes what a benchmark counted for a brand: the test database is the tests' too. */
async function forget(db: Client, tenantId: string): Promise<void> {
  await db.query(`DELETE FROM monthly_active_installs WHERE billing_month_id IN (SELECT id FROM billing_months WHERE tenant_id = $1)`, [tenantId]);
  for (const table of ['active_install_counts', 'usage_adjustments', 'billing_months', 'billing_accounts']) await db.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenantId]);
  await db.query('VACUUM ANALYZE monthly_active_installs');
}

/** (1) The analytics service draining a backlog from the usage topic, beside plain INSERTs of the same events into a raw table. */
async function ingest(db: Client): Promise<Figures> {
  const kafka = await isolatedKafka(testStack.brokers, 'bench-analytics', [Topics.usage, deadLetterTopicOf(Topics.usage)], { maxPartitions: 12 });
  const tenantId = randomUUID();
  const appIds = Array.from({ length: APPS }, () => randomUUID());
  const now = Date.now();
  const backlog = Array.from({ length: INGEST_EVENTS }, (_, n) => {
    const installId = `idfv-${n % Math.ceil(INGEST_EVENTS / 4)}`;
    return { key: installId, event: usageEvent(tenantId, appIds[n % APPS], installId, new Date(now - ((n * 7_919) % (6 * DAY))), new Date(now)) };
  });
  await produceBacklog(kafka, Topics.usage, backlog);

  const platform = Platform.forTests(kafka.topicNamespace!);
  try {
    await platform.start(['analytics'], { analytics: { LOG_LEVEL: 'warn' } });
    const counted = async () => {
      const metrics = await (await fetch(`${platform.url('analytics')}/metrics`)).text();
      return Number(/sieve_analytics_session_events_counted_total\{[^}]*\} (\d+)/.exec(metrics)?.[1] ?? 0);
    };
    const perSecond = await drainRate(counted, backlog.length, 900_000, 'the analytics service did not count the backlog');

    await db.query(`CREATE TEMP TABLE raw_ingest (tenant_id uuid, app_id uuid, install_id text, event_time timestamptz)`);
    const started = Date.now();
    for (let i = 0; i < backlog.length; i += 5_000) {
      const chunk = backlog.slice(i, i + 5_000).map(({ event }) => event);
      await db.query(`INSERT INTO raw_ingest SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[])`, [
        chunk.map((e) => e.tenantId),
        chunk.map((e) => e.payload.appId),
        chunk.map((e) => e.payload.installId),
        chunk.map((e) => e.payload.eventTime),
      ]);
    }
    const rawPerSecond = backlog.length / ((Date.now() - started) / 1000);
    return {
      'ingest: session events counted/s (the service, from Kafka)': { value: perSecond, unit: 'events/s', better: 'higher' },
      'ingest baseline: raw INSERTs of the same events/s (no counting)': { value: rawPerSecond, unit: 'events/s', better: 'higher' },
    };
  } finally {
    await platform.stop();
    await forget(db, tenantId);
  }
}

/** (2) A brand month of LOAD_EVENTS events from LOAD_INSTALLS installs: the billing query beside COUNT(DISTINCT) over raw events. */
async function monthQuery(db: Client): Promise<Figures> {
  const dataSource = createAnalyticsDataSource(testStack.databaseUrl('analytics'), 'bench-analytics', 4);
  await dataSource.initialize();
  const tenantId = randomUUID();
  try {
    const appIds = Array.from({ length: APPS }, () => randomUUID());
    const month = '2026-10';
    const { start, end } = monthSpan(month, 'UTC');
    const monthSeconds = (end.getTime() - start.getTime()) / 1000;
    const billingMonths = new BillingMonths(await LocalKeyFile.open(path.join(mkdtempSync(path.join(tmpdir(), 'bench-kek-')), 'kek.json'), { create: true }));
    const schedule = new BillingSchedule({ closeDelayMs: 400 * DAY, sealDelayMs: 500 * DAY });
    // Loaded through the counting use case itself (no Kafka in the way: 10M events through the broker would take the hour).
    const count = new CountSessionEventsUseCase(dataSource, billingMonths, schedule, { ...admission, lateHorizonMs: 400 * DAY });
    const loadStarted = Date.now();
    const BATCH = 5_000;
    for (let offset = 0; offset < LOAD_EVENTS; offset += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, LOAD_EVENTS - offset) }, (_, i) => {
        const { install, app, second } = eventOf(offset + i, monthSeconds);
        const eventTime = new Date(start.getTime() + second * 1000);
        return { event: usageEvent(tenantId, appIds[app], `idfv-${install}`, eventTime, eventTime), key: null, partition: 0, offset: '0', traceContext: ROOT_CONTEXT };
      });
      await count.execute(batch);
      if ((offset / BATCH) % 200 === 0) process.stdout.write(`  loaded ${(offset / 1e6).toFixed(1)}M events\n`);
    }
    const loadPerSecond = LOAD_EVENTS / ((Date.now() - loadStarted) / 1000);

    // The naive side: the same events as raw rows, indexed for the query.
    await db.query(`CREATE TEMP TABLE raw_session_events (tenant_id uuid, app_id int, install_id text, event_time timestamptz)`);
    await db.query(
      `INSERT INTO raw_session_events
       SELECT $1, n % ${APPS}, 'idfv-' || (n % ${LOAD_INSTALLS}), $2::timestamptz + make_interval(secs => (n::bigint * 7919) % ${monthSeconds})
         FROM generate_series(0, ${LOAD_EVENTS - 1}) AS n`,
      [tenantId, start.toISOString()],
    );
    await db.query(`CREATE INDEX ON raw_session_events (tenant_id, event_time)`);
    await db.query(`ANALYZE raw_session_events`);

    const query = new ActiveInstallsQuery(new BillingPeriodsRepository(dataSource), new UsageCountsRepository(dataSource), schedule);
    const ask = () => query.execute(tenantId, { granularity: 'month', from: month, to: month });
    const exact = (await ask()).periods[0].activeInstalls;
    const naiveCount = async () =>
      Number((await db.query(`SELECT count(DISTINCT install_id) AS n FROM raw_session_events WHERE tenant_id = $1 AND event_time >= $2 AND event_time < $3`, [tenantId, start, end])).rows[0].n);
    const naive = await naiveCount();
    if (exact !== naive) throw new Error(`the billing query says ${exact} installs, COUNT(DISTINCT) says ${naive}`);
    await timed(20, ask);
    const billing = await timed(QUERIES, ask);
    const overHttp = await monthQueryOverHttp(tenantId, appIds[0], month, exact);
    const naiveTimes = await timed(NAIVE_QUERIES, naiveCount);
    return {
      [`load: ${LOAD_EVENTS.toLocaleString('en-US')} events of ${LOAD_INSTALLS.toLocaleString('en-US')} installs counted/s (use case, no Kafka)`]: { value: loadPerSecond, unit: 'events/s', better: 'higher' },
      'brand month query: distinct active installs (both sides agree)': { value: exact, unit: 'installs', better: 'higher' },
      'brand month query p50 (in process: the read the API makes)': { value: quantile(billing, 0.5), unit: 'ms', better: 'lower' },
      'brand month query p99 (in process: the read the API makes)': { value: quantile(billing, 0.99), unit: 'ms', better: 'lower' },
      'brand month query p50 (HTTP GET /v1/usage/active-installs, token checked)': { value: quantile(overHttp, 0.5), unit: 'ms', better: 'lower' },
      'brand month query p99 (HTTP GET /v1/usage/active-installs, token checked)': { value: quantile(overHttp, 0.99), unit: 'ms', better: 'lower' },
      [`naive COUNT(DISTINCT) over raw events p50 (${NAIVE_QUERIES} runs)`]: { value: quantile(naiveTimes, 0.5), unit: 'ms', better: 'lower' },
      [`naive COUNT(DISTINCT) over raw events max (${NAIVE_QUERIES} runs)`]: { value: Math.max(...naiveTimes), unit: 'ms', better: 'lower' },
    };
  } finally {
    await dataSource.destroy();
    await forget(db, tenantId);
  }
}

/** The same month query through the running service: HTTP, the billing token checked with the ticket store, JSON. */
async function monthQueryOverHttp(tenantId: string, appId: string, month: string, exact: number): Promise<number[]> {
  const tenant = await provisionTenant(
    { ingest: testStack.databaseUrl('ingest'), tickets: testStack.databaseUrl('tickets') },
    { tenantId, tenantName: 'Bench billing', appId, appName: 'Bench app', staff: [{ id: randomUUID(), role: 'billing', label: 'Bench billing' }] },
  );
  const kafka = await isolatedKafka(testStack.brokers, 'bench-analytics-http');
  const platform = Platform.forTests(kafka.topicNamespace!);
  try {
    await platform.start(['ticket-store', 'analytics'], { 'ticket-store': { LOG_LEVEL: 'warn' }, analytics: { LOG_LEVEL: 'warn' } });
    const url = `${platform.url('analytics')}/v1/usage/active-installs?granularity=month&from=${month}&to=${month}`;
    const headers = { authorization: `Bearer ${tenant.staffTokens.billing}` };
    const ask = async () => {
      const response = await getJson(url, headers);
      if (response.status !== 200 || response.body.periods[0].activeInstalls !== exact) throw new Error(`the billing API answered ${response.status}`);
    };
    await timed(20, ask);
    return await timed(QUERIES, ask);
  } finally {
    await platform.stop();
  }
}

/**
 * Analytics on this machine: (1) usage events counted per second by the running service from a
 * Kafka backlog, beside raw INSERTs; (2) the brand month query after loading a month of 10 million
 * events from 1 million installs, beside COUNT(DISTINCT) over the same raw events.
 */
export const analyticsBenchmark: Benchmark = {
  name: 'analytics',
  description: 'usage events counted per second, and the brand month query at 10M events / 1M installs vs COUNT(DISTINCT)',
  async run(): Promise<Figures> {
    Platform.build();
    const db = new Client({ connectionString: testStack.databaseUrl('analytics') });
    await db.connect();
    try {
      return { ...(await ingest(db)), ...(await monthQuery(db)) };
    } finally {
      await db.end();
    }
  },
};
