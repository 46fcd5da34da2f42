import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { EventOn, Topics } from '@sieve/contracts';
import { DeduplicationStore, RateLimiter, RateLimits } from '@sieve/ingest-data-access';
import { IngestError, ReportBatchRequest } from '@sieve/ingest-domain';
import { EventPublisher, isolatedKafka, KafkaSettings, TopicReader } from '@sieve/kafka';
import { KeyVault, openKeyVault } from '@sieve/key-vault';
import { eventually, quietLogger, testStack } from '@sieve/testing';
import { AppPrincipal } from './app-authenticator';
import { RawEventPublisher } from './raw-event-publisher';
import { ReportBatchUseCase } from './report-batch.usecase';

const now = () => new Date().toISOString();
const session = (clientEventId: string, properties?: Record<string, unknown>) => ({ type: 'session', clientEventId, eventTime: now(), kind: 'session-start', ...(properties ? { properties } : {}) });

describe('reporting a batch of background events, over real Kafka and Redis', () => {
  jest.setTimeout(60_000);
  let kafka: KafkaSettings;
  let redis: Redis;
  let publisher: EventPublisher;
  let reader: TopicReader;
  let vault: KeyVault;
  let app: AppPrincipal;
  const cleanups: (() => Promise<unknown>)[] = [];

  const useCase = (limits: Partial<RateLimits> = {}, eventPublisher = publisher) => {
    const deduplication = new DeduplicationStore(redis, { acceptedTtlSeconds: 600, pendingTtlMs: 3_000 }, quietLogger);
    return new ReportBatchUseCase(
      new RawEventPublisher(eventPublisher, vault.sealing, deduplication),
      deduplication,
      new RateLimiter(redis, { appEventsPerSecond: 10_000, installEventsPerMinute: 1_000, ...limits }, quietLogger),
    );
  };
  const batch = (events: unknown[], installId = `idfv-${randomUUID()}`): ReportBatchRequest => ({ installId, versions: { sdk: '10.3.0' }, events });
  const written = () => reader.json<{ type: string; payload: Record<string, unknown> }>();

  beforeAll(async () => {
    kafka = await isolatedKafka(testStack.brokers, 'ingest-batch-test', [Topics.sdkRaw]);
    redis = new Redis(testStack.redisUrl);
    publisher = new EventPublisher(kafka, quietLogger, { timeoutMs: 10_000 });
    reader = await TopicReader.start(kafka, Topics.sdkRaw);
    vault = await openKeyVault(testStack.keyVault(), 'ingest-batch-test');
    cleanups.push(() => reader.stop(), () => publisher.disconnect(), () => redis.quit(), () => vault.dataSource.destroy());
  });

  beforeEach(() => {
    app = { appId: randomUUID(), tenantId: randomUUID(), fullPrivacy: false, identitySecret: null };
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('answers each event on its own: accepted ones are in Kafka, bad ones are rejected with their reason', async () => {
    const request = batch([
      session('s-1'),
      { type: 'faq-search', clientEventId: 'f-1', query: 'how do I reset my password', searchedAt: now() },
      { type: 'crash', clientEventId: 'c-1', crashedAt: now(), crash: { type: 'NullPointerException', stackTrace: 'at Main.run' } },
      { type: 'performance', clientEventId: 'p-1', launchTimeMs: 840 },
      { type: 'session', clientEventId: 's-2', eventTime: 'yesterday', kind: 'session-start' },
      session('s-3', { blob: 'x'.repeat(40_000) }),
    ]);
    const results = await useCase().execute(app, request, { correlationId: 'c' });

    expect(results.map((result) => [result.clientEventId, result.status, 'reason' in result ? result.reason : undefined])).toEqual([
      ['s-1', 'accepted', undefined],
      ['f-1', 'accepted', undefined],
      ['c-1', 'accepted', undefined],
      ['p-1', 'rejected', 'not-collected'],
      ['s-2', 'rejected', 'invalid'],
      ['s-3', 'rejected', 'too-large'],
    ]);
    expect(results[4]).toMatchObject({ fields: ['eventTime'] });
    await eventually(() => expect(written().filter((event) => event.payload.appId === app.appId)).toHaveLength(3));
    const mine = reader.messages.filter((message) => message.value?.includes(app.appId));
    const byType = Object.fromEntries(mine.map((message) => [(JSON.parse(message.value!) as { type: string }).type, message.key]));
    // Install events by install id; a crash report by itself, so nothing ties reports to an install.
    expect(byType['sdk.session-event']).toBe(request.installId);
    expect(byType['sdk.faq-searched']).toBe(request.installId);
    expect(byType['sdk.crash-reported']).not.toBe(request.installId);
    // The query travels sealed under its search's transit key: not in the bytes Kafka keeps, and opened with the key vault.
    expect(mine.map(({ value }) => value).join('\n')).not.toContain('reset my password');
    const [search] = await vault.sealing.open(mine.map(({ value }) => JSON.parse(value!) as EventOn<typeof Topics.sdkRaw>).filter(({ type }) => type === 'sdk.faq-searched'));
    expect(search).toMatchObject({ version: 2, payload: { query: 'how do I reset my password' } });
  });

  it('answers a retried batch "duplicate" and writes nothing again', async () => {
    const request = batch([session('s-1'), session('s-2')]);
    await useCase().execute(app, request, { correlationId: 'c' });
    const retried = await useCase().execute(app, request, { correlationId: 'c' });
    expect(retried.map((result) => result.status)).toEqual(['duplicate', 'duplicate']);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(written().filter((event) => event.payload.appId === app.appId)).toHaveLength(2);
  });

  it('writes the same event sent twice at once only once, and answers the second "duplicate"', async () => {
    const request = batch([session('same')]);
    const [first, second] = await Promise.all([useCase().execute(app, request, { correlationId: 'a' }), useCase().execute(app, request, { correlationId: 'b' })]);
    expect([first[0].status, second[0].status].sort()).toEqual(['accepted', 'duplicate']);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(written().filter((event) => event.payload.appId === app.appId)).toHaveLength(1);
  });

  it('refuses an install over its rate with when to retry, and writes nothing of that request', async () => {
    const installId = `idfv-${randomUUID()}`;
    const limited = useCase({ installEventsPerMinute: 3 });
    await limited.execute(app, batch([session('a'), session('b')], installId), { correlationId: 'c' });
    const refused = limited.execute(app, batch([session('c'), session('d')], installId), { correlationId: 'c' });
    await expect(refused).rejects.toMatchObject({ code: 'rate-limited', retryAfterSeconds: expect.any(Number) });
    await expect(refused).rejects.toBeInstanceOf(IngestError);
    // Another install of the same app is not held back by this one.
    await expect(limited.execute(app, batch([session('e')]), { correlationId: 'c' })).resolves.toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(written().filter((event) => event.payload.appId === app.appId).map((event) => event.payload.clientEventId).sort()).toEqual(['a', 'b', 'e']);
  });

  it('accepts nothing while Kafka is unreachable, and everything once it is back', async () => {
    const unreachable = new EventPublisher({ ...kafka, brokers: ['127.0.0.1:1'] }, quietLogger, { timeoutMs: 1_500, retries: 1 });
    cleanups.push(() => unreachable.disconnect());
    const request = batch([session('x'), session('y')]);
    await expect(useCase({}, unreachable).execute(app, request, { correlationId: 'c' })).rejects.toMatchObject({ code: 'kafka-unavailable' });

    // The SDK retries: the claims of the failed attempt were lifted, so both are written now.
    const retried = await useCase().execute(app, request, { correlationId: 'c' });
    expect(retried.map((result) => result.status)).toEqual(['accepted', 'accepted']);
    await eventually(() => expect(written().filter((event) => event.payload.appId === app.appId)).toHaveLength(2));
  });

  it('drops a brand’s session properties under full privacy', async () => {
    const request = { ...batch([session('s', { plan: 'gold' })]), fullPrivacy: true };
    await useCase().execute(app, request, { correlationId: 'c' });
    await eventually(() => expect(written().find((event) => event.payload.appId === app.appId)?.payload).toMatchObject({ fullPrivacy: true }));
    expect(written().find((event) => event.payload.appId === app.appId)?.payload).not.toHaveProperty('properties');
  });
});
