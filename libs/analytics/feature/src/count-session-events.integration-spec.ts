import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { BillingMonths, BillingPeriodsRepository, createAnalyticsDataSource, UsageCountsRepository } from '@sieve/analytics-data-access';
import { AdmissionPolicy, admitEventTime, datesBetween, localDateOf } from '@sieve/analytics-domain';
import { GeneratedSessionEvent, generateUsageStream, groundTruth, StreamBrand } from '@sieve/analytics-testing';
import { buildEvent, Topics } from '@sieve/contracts';
import { LocalKeyFile } from '@sieve/crypto';
import { ConsumedEvent } from '@sieve/kafka';
import { quietLogger, testStack } from '@sieve/testing';
import { ActiveInstallsQuery } from './active-installs.query';
import { BillingPeriodsUseCase } from './billing-periods.usecase';
import { BillingSchedule } from './billing-schedule';
import { CountSessionEventsUseCase } from './count-session-events.usecase';
import { LiveUsage } from './live-usage';
import { usageMetrics } from './usage-metrics';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const admission: AdmissionPolicy = { lateHorizonMs: 8 * DAY, futureSkewMs: 10 * 60_000 };

describe('counting active installs', () => {
  let dataSource: DataSource;
  let redis: Redis;
  let billingMonths: BillingMonths;
  let periods: BillingPeriodsRepository;

  /** The use case and the reads over it, with a schedule of the test's choosing. */
  const counting = (schedule = new BillingSchedule({ closeDelayMs: 400 * DAY, sealDelayMs: 500 * DAY })) => ({
    count: new CountSessionEventsUseCase(dataSource, billingMonths, schedule, admission, new LiveUsage(redis, quietLogger)),
    query: new ActiveInstallsQuery(periods, new UsageCountsRepository(dataSource), schedule),
    periods: new BillingPeriodsUseCase(dataSource, periods, new UsageCountsRepository(dataSource), billingMonths, schedule),
  });

  beforeAll(async () => {
    dataSource = createAnalyticsDataSource(testStack.databaseUrl('analytics'), 'analytics-count-test', 4);
    await dataSource.initialize();
    redis = new Redis(testStack.redisUrl);
    billingMonths = new BillingMonths(await LocalKeyFile.open(path.join(mkdtempSync(path.join(tmpdir(), 'analytics-kek-')), 'kek.json'), { create: true }));
    periods = new BillingPeriodsRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    redis.disconnect();
  });

  const consumed = (event: GeneratedSessionEvent): ConsumedEvent<typeof Topics.usage> => ({
    event: buildEvent(
      'usage.session-event',
      { appId: event.appId, installId: event.installId, eventTime: event.eventTime, kind: event.kind },
      { tenantId: event.tenantId, producer: 'test', correlationId: randomUUID(), causationId: null, occurredAt: new Date(event.acceptedAt) },
    ),
    key: event.installId,
    partition: 0,
    offset: '0',
    traceContext: ROOT_CONTEXT,
  });

  const brandIn = async (timeZone: string, apps = 3): Promise<StreamBrand> => {
    const brand = { tenantId: randomUUID(), timeZone, appIds: Array.from({ length: apps }, () => randomUUID()) };
    expect(await periods.setTimeZone(brand.tenantId, timeZone)).toBe('set');
    return brand;
  };

  it('counts a disordered stream with duplicates, late and rejected events exactly: per app and brand, per day, month and range, across DST changes and a month boundary in three zones', async () => {
    const brands = [await brandIn('Europe/Paris'), await brandIn('America/New_York'), await brandIn('Asia/Kolkata', 2)];
    // Europe leaves summer time on 25 October, the US on 1 November; October ends between them.
    const stream = generateUsageStream({
      seed: 6,
      brands,
      installsPerBrand: 150,
      from: new Date('2026-10-22T00:00:00Z'),
      to: new Date('2026-11-04T00:00:00Z'),
      eventsPerInstall: 5,
      admission,
      lateShare: 0.15,
      rejectedShare: 0.05,
      duplicateShare: 0.1,
    });
    const { count, query } = counting();

    // Batches of uneven sizes, two at a time (two partitions of one instance); every third batch is
    // delivered again (a crash before the offset commit), once at the same time as itself (a rebalance's overlap).
    const batches: GeneratedSessionEvent[][] = [];
    for (let start = 0, size = 7; start < stream.length; start += size, size = (size * 7) % 97 + 5) batches.push(stream.slice(start, start + size));
    for (let i = 0; i < batches.length; i += 2) {
      await Promise.all(batches.slice(i, i + 2).map((batch) => count.execute(batch.map(consumed))));
    }
    await Promise.all(batches.filter((_, i) => i % 3 === 0).flatMap((batch, i) => (i % 2 === 0 ? [count.execute(batch.map(consumed)), count.execute(batch.map(consumed))] : [count.execute(batch.map(consumed))])));

    const truth = groundTruth(stream, brands, admission);
    expect(truth.size).toBeGreaterThan(100);
    for (const brand of brands) {
      for (const appId of [undefined, ...brand.appIds]) {
        const scope = appId ?? '*';
        const days = await query.execute(brand.tenantId, { granularity: 'day', from: '2026-10-20', to: '2026-11-05', ...(appId ? { appId } : {}) });
        expect(days.periods.map((p) => [p.period, p.activeInstalls])).toEqual(datesBetween('2026-10-20', '2026-11-05').map((date) => [date, truth.get(`${brand.tenantId}|${scope}|${date}`) ?? 0]));
        const months = await query.execute(brand.tenantId, { granularity: 'month', from: '2026-10', to: '2026-11', ...(appId ? { appId } : {}) });
        expect(months.periods.map((p) => [p.period, p.activeInstalls, p.status])).toEqual(['2026-10', '2026-11'].map((month) => [month, truth.get(`${brand.tenantId}|${scope}|${month}`), 'open']));
        expect(months.note).toMatch(/must not be added up/);
      }
      // A range over the month boundary: distinct over each month's part, never summed across.
      const range = await query.execute(brand.tenantId, { granularity: 'range', from: '2026-10-28', to: '2026-11-02' });
      const distinctIn = (from: string, to: string) =>
        new Set(
          stream
            .filter((e) => e.tenantId === brand.tenantId && !admitEventTime(Date.parse(e.eventTime), Date.parse(e.acceptedAt), admission))
            .filter((e) => {
              const date = localDateOf(Date.parse(e.eventTime), brand.timeZone);
              return date >= from && date <= to;
            })
            .map((e) => e.installId),
        ).size;
      expect(range.periods.map((p) => [p.period, p.activeInstalls])).toEqual([
        ['2026-10-28..2026-10-31', distinctIn('2026-10-28', '2026-10-31')],
        ['2026-11-01..2026-11-02', distinctIn('2026-11-01', '2026-11-02')],
      ]);
    }
  });

  it('answers a local day that is 25 hours long, and puts an event just after local midnight in the new month', async () => {
    const brand = await brandIn('Europe/Paris', 1);
    const [appId] = brand.appIds;
    const event = (installId: string, eventTime: string) => consumed({ tenantId: brand.tenantId, appId, installId, eventTime, acceptedAt: eventTime, kind: 'foreground' });
    await counting().count.execute([
      // 25 October 2026, Paris: 00:00+02:00 to 24:00+01:00 — 25 hours.
      event('a', '2026-10-24T22:00:00.000Z'), // 00:00 local on the 25th
      event('b', '2026-10-25T22:59:59.000Z'), // 23:59:59 local on the 25th, the day's last second
      event('c', '2026-10-25T23:00:00.000Z'), // 00:00 local on the 26th
      // 31 October, 23:30 UTC is already 1 November in Paris.
      event('d', '2026-10-31T23:30:00.000Z'),
      event('e', '2026-10-31T22:59:00.000Z'), // 23:59 local on the 31st
    ]);
    const { query } = counting();
    const days = await query.execute(brand.tenantId, { granularity: 'day', from: '2026-10-25', to: '2026-10-26' });
    expect(days.periods).toMatchObject([
      { period: '2026-10-25', start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z', activeInstalls: 2 },
      { period: '2026-10-26', activeInstalls: 1 },
    ]);
    const months = await query.execute(brand.tenantId, { granularity: 'month', from: '2026-10', to: '2026-11' });
    expect(months.periods).toMatchObject([
      { period: '2026-10', start: '2026-09-30T22:00:00.000Z', end: '2026-10-31T23:00:00.000Z', activeInstalls: 4 },
      { period: '2026-11', activeInstalls: 1 },
    ]);
  });

  it('keeps a closed month’s figures and records what late events add as adjustments', async () => {
    const brand = await brandIn('UTC', 2);
    const [web, mobile] = brand.appIds;
    const { count, query, periods: billing } = counting();
    const event = (appId: string, installId: string, eventTime: string) => consumed({ tenantId: brand.tenantId, appId, installId, eventTime, acceptedAt: '2026-11-05T00:00:00.000Z', kind: 'session-start' });
    await count.execute([event(web, 'i1', '2026-10-30T10:00:00Z'), event(web, 'i2', '2026-10-30T11:00:00Z'), event(mobile, 'i1', '2026-10-31T10:00:00Z')]);

    const closed = await billing.close(brand.tenantId, 'billing-staff-1', '2026-10');
    expect(closed).toMatchObject({ month: '2026-10', status: 'closed', closedBy: 'billing-staff-1', activeInstalls: 2, adjustments: 0 });

    // Late: a new install, a known one on a new day, and a duplicate of a counted event.
    await count.execute([event(mobile, 'i3', '2026-10-31T12:00:00Z'), event(web, 'i2', '2026-10-31T09:00:00Z'), event(web, 'i1', '2026-10-30T10:00:00Z')]);
    await count.execute([event(mobile, 'i3', '2026-10-31T12:00:00Z')]);

    const month = await query.execute(brand.tenantId, { granularity: 'month', from: '2026-10', to: '2026-10' });
    expect(month.periods).toMatchObject([{ status: 'closed', activeInstalls: 2, adjustments: 1, activeInstallsWithAdjustments: 3 }]);
    const day31 = await query.execute(brand.tenantId, { granularity: 'day', from: '2026-10-31', to: '2026-10-31', appId: web });
    expect(day31.periods).toMatchObject([{ status: 'closed', activeInstalls: 0, adjustments: 1, activeInstallsWithAdjustments: 1 }]);
    const adjustments = await billing.adjustments(brand.tenantId, { month: '2026-10' });
    expect(adjustments.map(({ appId, day, installs }) => ({ appId, day, installs })).sort((a, b) => `${a.appId}${a.day}`.localeCompare(`${b.appId}${b.day}`))).toEqual(
      [
        { appId: null, day: null, installs: 1 }, // i3 is new to the brand's month
        { appId: null, day: 31, installs: 2 }, // i3 and i2 on the 31st (i1 was counted there before the close)
        { appId: mobile, day: null, installs: 1 },
        { appId: mobile, day: 31, installs: 1 },
        { appId: web, day: 31, installs: 1 },
      ].sort((a, b) => `${a.appId}${a.day}`.localeCompare(`${b.appId}${b.day}`)),
    );
    expect((await billing.list(brand.tenantId)).find((p) => p.month === '2026-10')).toMatchObject({ status: 'closed', activeInstalls: 2, adjustments: 1 });
    // Closing a month nothing was counted in, long past its closing time, makes no row (the zone stays free to change).
    const empty = await brandIn('UTC', 1);
    const closingAfterADay = counting(new BillingSchedule({ closeDelayMs: DAY, sealDelayMs: 400 * DAY })).periods;
    expect(await closingAfterADay.close(empty.tenantId, 'billing-staff-1', '2026-01')).toMatchObject({ month: '2026-01', status: 'closed', closedBy: 'schedule', activeInstalls: 0 });
    expect(await periods.months(empty.tenantId)).toEqual([]);
    // Closing again changes nothing.
    expect(await billing.close(brand.tenantId, 'billing-staff-2', '2026-10')).toMatchObject({ closedBy: 'billing-staff-1', activeInstalls: 2 });
  });

  it('creates a month already past its closing time closed, so its first late event is an adjustment too', async () => {
    const brand = await brandIn('UTC', 1);
    const { count, query } = counting(new BillingSchedule({ closeDelayMs: DAY, sealDelayMs: 400 * DAY }));
    const eventTime = '2026-09-30T12:00:00.000Z';
    await count.execute([consumed({ tenantId: brand.tenantId, appId: brand.appIds[0], installId: 'late', eventTime, acceptedAt: '2026-10-05T00:00:00.000Z', kind: 'background' })]);
    const month = await query.execute(brand.tenantId, { granularity: 'month', from: '2026-09', to: '2026-09' });
    expect(month.periods).toMatchObject([{ status: 'closed', activeInstalls: 0, adjustments: 1 }]);
  });

  it('counts nothing of events too late, from the future or in a sealed month, and says why in a metric', async () => {
    const brand = await brandIn('UTC', 1);
    const { count, query } = counting();
    const rejectedBefore = async () => Object.fromEntries((await usageMetrics.rejected.get()).values.map((v) => [v.labels.reason, v.value]));
    const before = await rejectedBefore();
    const event = (installId: string, eventTime: string, acceptedAt: string) => consumed({ tenantId: brand.tenantId, appId: brand.appIds[0], installId, eventTime, acceptedAt, kind: 'foreground' });

    await count.execute([event('ok', '2026-08-10T00:00:00Z', '2026-08-10T00:05:00Z')]);
    expect(await periods.close(brand.tenantId, '2026-08', 'test')).toBe(true);
    expect(await periods.seal(brand.tenantId, '2026-08')).toBe(true);
    await count.execute([
      event('too-late', '2026-08-01T00:00:00Z', '2026-08-09T00:00:01Z'), // 8 days and a second
      event('future', '2026-08-10T00:10:01Z', '2026-08-10T00:00:00Z'), // 10 minutes and a second ahead
      event('sealed', '2026-08-20T00:00:00Z', '2026-08-20T00:00:00Z'),
    ]);

    const after = await rejectedBefore();
    expect({ tooLate: after['too-late'] - (before['too-late'] ?? 0), inFuture: after['in-future'] - (before['in-future'] ?? 0), sealed: after['period-sealed'] - (before['period-sealed'] ?? 0) }).toEqual({
      tooLate: 1,
      inFuture: 1,
      sealed: 1,
    });
    expect((await query.execute(brand.tenantId, { granularity: 'month', from: '2026-08', to: '2026-08' })).periods).toMatchObject([{ activeInstalls: 1, adjustments: 0 }]);
    const keys = await dataSource.query(`SELECT hash_key, hash_key_kek_id, sealed_at FROM billing_months WHERE tenant_id = $1`, [brand.tenantId]);
    expect(keys).toEqual([{ hash_key: null, hash_key_kek_id: null, sealed_at: expect.any(Date) }]);
  });

  it('rejects events of a month past its sealing time by the calendar, before the schedule has sealed it, and makes no month for them', async () => {
    const brand = await brandIn('UTC', 1);
    const { count } = counting(new BillingSchedule({ closeDelayMs: DAY, sealDelayMs: 10 * DAY }));
    const before = (await usageMetrics.rejected.get()).values.find((v) => v.labels.reason === 'period-sealed')?.value ?? 0;
    // On time when accepted (a replay of an old backlog, say), but its month ended long ago.
    await count.execute([consumed({ tenantId: brand.tenantId, appId: brand.appIds[0], installId: 'old', eventTime: '2026-03-10T00:00:00Z', acceptedAt: '2026-03-10T00:01:00Z', kind: 'foreground' })]);
    expect((await usageMetrics.rejected.get()).values.find((v) => v.labels.reason === 'period-sealed')?.value).toBe(before + 1);
    expect(await periods.months(brand.tenantId)).toEqual([]);
  });

  it('takes brand and app ids in any letter case as the same ids, and refuses an event whose ids are not UUIDs', async () => {
    const brand = await brandIn('UTC', 1);
    const { count, query } = counting();
    const event = (tenantId: string, appId: string, installId: string) => consumed({ tenantId, appId, installId, eventTime: '2026-11-02T10:00:00Z', acceptedAt: '2026-11-02T10:00:00Z', kind: 'foreground' });
    await count.execute([event(brand.tenantId, brand.appIds[0], 'a'), event(brand.tenantId.toUpperCase(), brand.appIds[0].toUpperCase(), 'b')]);
    const month = await query.execute(brand.tenantId, { granularity: 'month', from: '2026-11', to: '2026-11', appId: brand.appIds[0] });
    expect(month.periods[0].activeInstalls).toBe(2);
    await expect(count.execute([event(brand.tenantId, 'not-a-uuid', 'c')])).rejects.toMatchObject({ name: 'PermanentEventError', reason: 'invalid-event' });
  });

  it('keeps install ids only as hashes that differ from month to month', async () => {
    const brand = await brandIn('UTC', 1);
    const installId = `D3A1F7E2-${randomUUID()}`;
    const event = (eventTime: string) => consumed({ tenantId: brand.tenantId, appId: brand.appIds[0], installId, eventTime, acceptedAt: eventTime, kind: 'session-start' });
    await counting().count.execute([event('2026-10-31T23:00:00Z'), event('2026-11-01T01:00:00Z')]);

    const rows: { month: string; install_hash: Buffer }[] = await dataSource.query(
      `SELECT to_char(b.month, 'YYYY-MM') AS month, i.install_hash FROM monthly_active_installs i JOIN billing_months b ON b.id = i.billing_month_id WHERE b.tenant_id = $1 ORDER BY b.month`,
      [brand.tenantId],
    );
    expect(rows.map((row) => row.month)).toEqual(['2026-10', '2026-11']);
    expect(rows[0].install_hash.equals(rows[1].install_hash)).toBe(false);
    // Every column of the brand's rows as PostgreSQL writes them (bytea as hex): no install id, raw or hex.
    const months: { id: number; row: string }[] = await dataSource.query(`SELECT id, b::text AS row FROM billing_months b WHERE tenant_id = $1`, [brand.tenantId]);
    const installs: { row: string }[] = await dataSource.query(`SELECT i::text AS row FROM monthly_active_installs i WHERE billing_month_id = ANY($1::int[])`, [months.map((month) => month.id)]);
    const everything = [...months, ...installs];
    expect(everything).toHaveLength(4);
    for (const { row } of everything) {
      expect(row).not.toContain(installId);
      expect(row).not.toContain(Buffer.from(installId).toString('hex'));
    }
  });

  it('refuses to move the billing time zone once usage is counted in another one', async () => {
    const brand = await brandIn('America/Los_Angeles', 1);
    await counting().count.execute([consumed({ tenantId: brand.tenantId, appId: brand.appIds[0], installId: 'x', eventTime: '2026-11-02T00:00:00Z', acceptedAt: '2026-11-02T00:00:00Z', kind: 'foreground' })]);
    expect(await periods.setTimeZone(brand.tenantId, 'Europe/Paris')).toEqual({ fixedBy: '2026-11' });
    expect(await periods.setTimeZone(brand.tenantId, 'America/Los_Angeles')).toBe('set');
    expect(await periods.timeZoneOf(brand.tenantId)).toBe('America/Los_Angeles');
  });
});
