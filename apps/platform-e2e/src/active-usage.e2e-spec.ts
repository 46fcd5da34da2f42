import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { BRAND_WIDE } from '@sieve/analytics-data-access';
import { AdmissionPolicy, BillingMonth, datesBetween, daySpan, LocalDate, localDateOf, monthsBetween, monthSpan, startOfLocalDate } from '@sieve/analytics-domain';
import { GeneratedSessionEvent, generateUsageStream, groundTruth, StreamBrand } from '@sieve/analytics-testing';
import { Topics } from '@sieve/contracts';
import { isolatedKafka, KafkaSettings, TopicReader } from '@sieve/kafka';
import { getJson, Json, Platform, postJson, provisionTenant, ProvisionedTenant } from '@sieve/stack';
import { eventually, testStack } from '@sieve/testing';

const DAY = 86_400_000;
/** Wide enough to reach back to each zone's latest clock change (the default is 8 days). */
const HORIZON_DAYS = 400;
const admission: AdmissionPolicy = { lateHorizonMs: HORIZON_DAYS * DAY, futureSkewMs: 10 * 60_000 };
const ZONE = 'America/New_York';
const OTHER_ZONE = 'Europe/Paris';

type UsageBrand = Pick<ProvisionedTenant, 'tenantId' | 'staffTokens'> & { appIds: string[]; apiKeys: Record<string, string> };

/** The most recent local day of a zone that is not 24 hours long: a clock change. */
function latestClockChange(zone: string): LocalDate {
  for (let date = localDateOf(Date.now() - DAY, zone); ; date = localDateOf(startOfLocalDate(date, zone).getTime() - DAY / 2, zone)) {
    const { start, end } = daySpan(date, zone);
    if (end.getTime() - start.getTime() !== DAY) return date;
  }
}

/** Last month and this month in a zone, as of now: the stream always crosses a month boundary. */
function recentMonths(zone: string): { lastMonth: BillingMonth; thisMonth: BillingMonth } {
  const thisMonth = localDateOf(Date.now(), zone).slice(0, 7);
  const lastMonth = localDateOf(monthSpan(thisMonth, zone).start.getTime() - 1, zone).slice(0, 7);
  return { lastMonth, thisMonth };
}

/**
 * Active usage through the real pipeline: SDK batches → gateway → raw topic → classifier → usage
 * topic → analytics (PostgreSQL) → the billing API, against a ground truth worked out from the
 * stream itself, with the analytics process killed while it counts.
 */
describe('active installs for billing', () => {
  jest.setTimeout(240_000);
  let kafka: KafkaSettings;
  let platform: Platform;
  let brand: UsageBrand;
  let otherBrand: UsageBrand;
  let analyticsDb: Client;
  const databases = { ingest: testStack.databaseUrl('ingest'), tickets: testStack.databaseUrl('tickets') };
  const analyticsSettings = { LATE_EVENT_HORIZON_HOURS: String(HORIZON_DAYS * 24), PERIOD_CLOSE_DELAY_HOURS: String(400 * 24) };

  /** A brand with two apps and a billing and an agent token. */
  async function provisionBrand(name: string): Promise<UsageBrand> {
    const tenantId = randomUUID();
    const staff = [
      { id: randomUUID(), role: 'billing' as const, label: `${name} billing` },
      { id: randomUUID(), role: 'agent' as const, label: `${name} agent` },
    ];
    const first = await provisionTenant(databases, { tenantId, tenantName: name, appId: randomUUID(), appName: `${name} iOS`, staff });
    const second = await provisionTenant(databases, { tenantId, tenantName: name, appId: randomUUID(), appName: `${name} Android`, staff });
    // The second provisioning issued the staff tokens anew: its tokens are the valid ones.
    return { tenantId, appIds: [first.appId, second.appId], apiKeys: { [first.appId]: first.apiKey, [second.appId]: second.apiKey }, staffTokens: second.staffTokens };
  }

  const billing = (tenant: UsageBrand) => ({ authorization: `Bearer ${tenant.staffTokens.billing}` });
  const usage = (path: string) => `${platform.url('analytics')}/v1/usage${path}`;

  /** The stream as SDKs send it: one batch request per install and app. */
  async function sendThroughGateway(events: GeneratedSessionEvent[], tenants: UsageBrand[]): Promise<void> {
    const byInstall = new Map<string, GeneratedSessionEvent[]>();
    for (const event of events) byInstall.set(`${event.appId}/${event.installId}`, [...(byInstall.get(`${event.appId}/${event.installId}`) ?? []), event]);
    const requests = [...byInstall.values()].map((list) => async () => {
      const tenant = tenants.find((t) => t.appIds.includes(list[0].appId))!;
      const response = await postJson(
        `${platform.url('ingest-gateway')}/v1/batches`,
        { installId: list[0].installId, versions: { sdk: '10.3.0' }, events: list.map((e) => ({ type: 'session', clientEventId: randomUUID(), eventTime: e.eventTime, kind: e.kind })) },
        { 'x-sieve-app-id': list[0].appId, 'x-sieve-api-key': tenant.apiKeys[list[0].appId] },
      );
      expect(response.status).toBe(200);
      expect(response.body.results.every((r: Json) => r.status === 'accepted')).toBe(true);
    });
    for (let i = 0; i < requests.length; i += 16) await Promise.all(requests.slice(i, i + 16).map((request) => request()));
  }

  const brandWideTotal = async (tenantId: string): Promise<number> =>
    Number((await analyticsDb.query(`SELECT coalesce(sum(installs), 0) AS n FROM active_install_counts WHERE tenant_id = $1 AND app_id = $2 AND day = 0`, [tenantId, BRAND_WIDE])).rows[0].n);

  beforeAll(async () => {
    Platform.build();
    kafka = await isolatedKafka(testStack.brokers, 'active-usage');
    [brand, otherBrand] = await Promise.all([provisionBrand('Usage A'), provisionBrand('Usage B')]);
    analyticsDb = new Client({ connectionString: testStack.databaseUrl('analytics') });
    await analyticsDb.connect();
    platform = Platform.forTests(kafka.topicNamespace!);
    await platform.start(['ticket-store', 'ingest-gateway', 'pii-classifier', 'analytics'], { analytics: analyticsSettings });
  });

  afterAll(async () => {
    await platform?.stop();
    await analyticsDb?.end();
  });

  it('counts exactly what a disordered, duplicated stream says — over a month boundary and each zone’s latest clock change — after the counting process was killed mid-stream', async () => {
    expect((await fetchPut(usage('/settings'), { timeZone: ZONE }, billing(brand))).status).toBe(200);
    expect((await fetchPut(usage('/settings'), { timeZone: OTHER_ZONE }, billing(otherBrand))).status).toBe(200);
    const brands: StreamBrand[] = [
      { tenantId: brand.tenantId, timeZone: ZONE, appIds: brand.appIds },
      { tenantId: otherBrand.tenantId, timeZone: OTHER_ZONE, appIds: otherBrand.appIds },
    ];
    // From last month's 21st (over the month boundary) to now, and two days either side of each
    // brand's latest clock change; some too old or from the future.
    const now = Date.now();
    const from = new Date(monthSpan(recentMonths(ZONE).lastMonth, ZONE).start.getTime() + 20 * DAY);
    const clockChanges = brands.map((b) => {
      const date = latestClockChange(b.timeZone);
      return { brand: b, firstDay: localDateOf(startOfLocalDate(date, b.timeZone).getTime() - 2 * DAY, b.timeZone), lastDay: localDateOf(startOfLocalDate(date, b.timeZone).getTime() + 3 * DAY, b.timeZone) };
    });
    const stream = [
      ...generateUsageStream({ seed: 2026, brands, installsPerBrand: 250, from, to: new Date(now - 60_000), eventsPerInstall: 5, admission, duplicateShare: 0.1 }),
      ...clockChanges.flatMap(({ brand: b, firstDay, lastDay }, i) =>
        generateUsageStream({ seed: 7 + i, brands: [b], installsPerBrand: 80, from: startOfLocalDate(firstDay, b.timeZone), to: daySpan(lastDay, b.timeZone).end, eventsPerInstall: 4, admission, duplicateShare: 0.1 }),
      ),
    ];
    const tooOld = brands.map((b, i) => ({ tenantId: b.tenantId, appId: b.appIds[0], installId: `too-old-${i}`, eventTime: new Date(now - (HORIZON_DAYS + 1) * DAY).toISOString(), acceptedAt: '', kind: 'foreground' as const }));
    const future = brands.map((b, i) => ({ tenantId: b.tenantId, appId: b.appIds[1], installId: `future-${i}`, eventTime: new Date(now + DAY).toISOString(), acceptedAt: '', kind: 'foreground' as const }));

    // Analytics is down while the stream arrives, and killed again once it has counted a part of it.
    await platform.kill('analytics');
    const [rawTopic, usageTopic] = await Promise.all([TopicReader.start(kafka, Topics.sdkRaw), TopicReader.start(kafka, Topics.usage)]);
    await sendThroughGateway([...stream, ...tooOld, ...future], [brand, otherBrand]);
    await eventually(() => expect([rawTopic.messages.length, usageTopic.messages.length]).toEqual(Array(2).fill(stream.length + tooOld.length + future.length)), { timeoutMs: 60_000 });
    await usageTopic.stop();
    await platform.start(['analytics'], { analytics: analyticsSettings }, 'live');
    await eventually(async () => expect(await brandWideTotal(brand.tenantId) + (await brandWideTotal(otherBrand.tenantId))).toBeGreaterThan(0), { timeoutMs: 60_000, intervalMs: 5 });
    await platform.kill('analytics');
    await platform.start(['analytics'], { analytics: analyticsSettings });

    // Measured from the gateway's acceptance (now), not from the generator's; the too old and future events count nowhere.
    const truth = groundTruth(stream.map((e) => ({ ...e, acceptedAt: new Date(now).toISOString() })), brands, admission);
    for (const [index, [tenant, zone]] of ([[brand, ZONE], [otherBrand, OTHER_ZONE]] as const).entries()) {
      const today = localDateOf(now, zone);
      const firstDay = localDateOf(from.getTime() - 2 * DAY, zone);
      const { firstDay: clockChangeFirstDay, lastDay: clockChangeLastDay } = clockChanges[index];
      const months = monthsBetween(clockChangeFirstDay < firstDay ? clockChangeFirstDay : firstDay, today);
      expect(months.length).toBeGreaterThanOrEqual(2);
      await eventually(
        async () => {
          const { body } = await getJson(usage(`/active-installs?granularity=month&from=${months[0]}&to=${months[months.length - 1]}`), billing(tenant));
          expect(body.periods.map((p: Json) => p.activeInstalls)).toEqual(months.map((month) => truth.get(`${tenant.tenantId}|*|${month}`) ?? 0));
        },
        { timeoutMs: 90_000 },
      );
      for (const appId of [undefined, ...tenant.appIds]) {
        const scope = appId ?? '*';
        for (const [first, last] of [[firstDay, today], [clockChangeFirstDay, clockChangeLastDay]]) {
          const { status, body } = await getJson(usage(`/active-installs?granularity=day&from=${first}&to=${last}${appId ? `&appId=${appId}` : ''}`), billing(tenant));
          expect(status).toBe(200);
          expect(body).toMatchObject({ tenantId: tenant.tenantId, timeZone: zone, exact: true });
          expect(body.periods.map((p: Json) => [p.period, p.activeInstalls])).toEqual(datesBetween(first, last).map((date) => [date, truth.get(`${tenant.tenantId}|${scope}|${date}`) ?? 0]));
        }
      }
      // The clock change's day is 23 or 25 hours long, and its figure is of exactly those hours.
      const changeDay = (await getJson(usage(`/active-installs?granularity=day&from=${latestClockChange(zone)}&to=${latestClockChange(zone)}`), billing(tenant))).body.periods[0];
      expect([23, 25]).toContain((Date.parse(changeDay.end) - Date.parse(changeDay.start)) / 3_600_000);
      expect(changeDay.activeInstalls).toBeGreaterThan(0);
    }
    // Lateness is measured from the gateway's acceptance, which the classifier hands on unchanged.
    const accepted = new Map(rawTopic.json<Json>().map((raw) => [raw.id, raw.occurredAt]));
    expect(usageTopic.json<Json>().every((event) => event.occurredAt === accepted.get(event.causationId))).toBe(true);
    await rawTopic.stop();
  });

  it('answers in CSV, to billing tokens only, each brand its own figures', async () => {
    const { lastMonth, thisMonth } = recentMonths(ZONE);
    const months = `granularity=month&from=${lastMonth}&to=${thisMonth}`;
    const csv = await fetch(usage(`/active-installs?${months}&format=csv`), { headers: billing(brand) });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    const json = (await getJson(usage(`/active-installs?${months}`), billing(brand))).body;
    expect(lines[0]).toBe('period,start,end,status,active_installs,adjustments,active_installs_with_adjustments');
    expect(lines.slice(1)).toEqual(json.periods.map((p: Json) => `${p.period},${p.start},${p.end},${p.status},${p.activeInstalls},${p.adjustments},${p.activeInstallsWithAdjustments}`));
    const byAccept = await fetch(usage(`/active-installs?${months}`), { headers: { ...billing(brand), accept: 'text/csv' } });
    expect(await byAccept.text()).toBe(lines.join('\n') + '\n');

    expect((await getJson(usage('/periods'))).status).toBe(401);
    expect((await getJson(usage('/periods'), { authorization: 'Bearer sieve_st_not-a-token' })).status).toBe(401);
    const agent = await getJson(usage(`/active-installs?${months}`), { authorization: `Bearer ${brand.staffTokens.agent}` });
    expect(agent).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    // Another brand's app id, asked with this brand's token: nothing of the other brand's.
    const foreign = await getJson(usage(`/active-installs?${months}&appId=${otherBrand.appIds[0]}`), billing(brand));
    expect(foreign.body.periods.map((p: Json) => p.activeInstalls)).toEqual([0, 0]);
    const bad = await getJson(usage('/active-installs?granularity=month&from=2026-13&to=2026-11'), billing(brand));
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid-request', message: expect.stringContaining('"2026-13" is not a month written YYYY-MM') } } });
  });

  it('closes a month on request; a late event then shows as an adjustment, and the frozen figure stays', async () => {
    const { lastMonth, thisMonth } = recentMonths(ZONE);
    const lastMonthFigure = async () => (await getJson(usage(`/active-installs?granularity=month&from=${lastMonth}&to=${lastMonth}`), billing(brand))).body.periods[0];
    const before = await lastMonthFigure();
    expect((await postJson(usage(`/periods/${thisMonth}/close`), {}, billing(brand))).status).toBe(409);
    const closed = await postJson(usage(`/periods/${lastMonth}/close`), {}, billing(brand));
    expect(closed).toMatchObject({ status: 200, body: { month: lastMonth, status: 'closed', activeInstalls: before.activeInstalls, adjustments: 0 } });

    // Late: at noon on the last day of last month, for an install not seen before.
    const eventTime = new Date(monthSpan(lastMonth, ZONE).end.getTime() - 12 * 3_600_000).toISOString();
    const late: GeneratedSessionEvent = { tenantId: brand.tenantId, appId: brand.appIds[0], installId: `late-${randomUUID()}`, eventTime, acceptedAt: '', kind: 'session-start' };
    await sendThroughGateway([late], [brand]);
    await eventually(async () => {
      expect(await lastMonthFigure()).toMatchObject({ status: 'closed', activeInstalls: before.activeInstalls, adjustments: 1, activeInstallsWithAdjustments: before.activeInstalls + 1 });
    });
    const { body: adjustments } = await getJson(usage(`/adjustments?month=${lastMonth}`), billing(brand));
    expect(adjustments.adjustments).toEqual(expect.arrayContaining([expect.objectContaining({ month: lastMonth, appId: null, day: null, installs: 1 })]));
    const { body: periods } = await getJson(usage('/periods'), billing(brand));
    expect(periods.periods.find((p: Json) => p.month === lastMonth)).toMatchObject({ status: 'closed', adjustments: 1 });
    // The other brand's months are untouched.
    expect((await getJson(usage('/periods'), billing(otherBrand))).body.periods.every((p: Json) => p.status === 'open')).toBe(true);
  });

  it('serves an approximate live view labelled as such, close to the exact figure', async () => {
    const today = localDateOf(Date.now(), ZONE);
    const exact = (await getJson(usage(`/active-installs?granularity=month&from=${today.slice(0, 7)}&to=${today.slice(0, 7)}`), billing(brand))).body.periods[0].activeInstalls;
    const { status, body } = await getJson(usage('/live'), billing(brand));
    expect(status).toBe(200);
    expect(body).toMatchObject({ approximate: true, standardError: 0.0081, thisMonth: { period: today.slice(0, 7) } });
    expect(Math.abs(body.thisMonth.activeInstalls - exact)).toBeLessThanOrEqual(Math.ceil(exact * 0.05));
    const docs = await getJson(`${platform.url('analytics')}/docs/openapi.json`);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/v1/usage/active-installs', '/v1/usage/periods', '/v1/usage/adjustments', '/v1/usage/live']));
  });
});

async function fetchPut(url: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Json };
}
