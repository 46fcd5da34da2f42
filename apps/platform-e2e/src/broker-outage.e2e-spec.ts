import { randomUUID } from 'node:crypto';
import { Topics } from '@sieve/contracts';
import { isolatedKafka, KafkaSettings, TopicReader } from '@sieve/kafka';
import { LocalBroker, Platform, postJson, provisionTenant, ProvisionedTenant } from '@sieve/stack';
import { eventually, testStack } from '@sieve/testing';

/**
 * The real broker goes away under a running gateway and comes back: while it is gone no request is
 * acknowledged, and once it is back the SDK's retries are written, each exactly once.
 */
describe('the gateway through a broker outage', () => {
  jest.setTimeout(240_000);
  let kafka: KafkaSettings;
  let platform: Platform;
  let brand: ProvisionedTenant;
  let broker: LocalBroker;

  beforeAll(async () => {
    broker = LocalBroker.find();
    Platform.build();
    kafka = await isolatedKafka(testStack.brokers, 'outage', [Topics.sdkRaw, Topics.agentReplies, Topics.redactionCompleted, Topics.redactionConfirmations]);
    brand = await provisionTenant(
      { ingest: testStack.databaseUrl('ingest'), tickets: testStack.databaseUrl('tickets') },
      { tenantId: randomUUID(), tenantName: 'Outage', appId: randomUUID(), appName: 'Outage app', staff: [] },
    );
    platform = Platform.forTests(kafka.topicNamespace!);
    await platform.start(['ingest-gateway'], { 'ingest-gateway': { PUBLISH_TIMEOUT_MS: '3000' } });
  });

  afterAll(async () => {
    // Whatever happened, the broker is up again for whoever runs next.
    if (broker && !(await broker.isListening())) await broker.start();
    await platform?.stop();
  });

  it('acknowledges nothing while the broker is down, and loses nothing once it is back', async () => {
    const conversationId = randomUUID();
    const send = (clientEventId: string) =>
      postJson(
        `${platform.url('ingest-gateway')}/v1/conversations/${conversationId}/messages`,
        { clientEventId, installId: 'idfv-outage', message: { body: `message ${clientEventId}` }, versions: { sdk: '10.3.0' } },
        { 'x-sieve-app-id': brand.appId, 'x-sieve-api-key': brand.apiKey },
      );
    const before = randomUUID();
    expect((await send(before)).status).toBe(202);

    await broker.stop();

    const during = Array.from({ length: 5 }, () => randomUUID());
    const refused = await Promise.all(during.map(send));
    for (const response of refused) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(response.body.error.code).toBe('kafka-unavailable');
    }

    await broker.start();
    // The SDK retries until it is answered; the first answer after the outage is "accepted".
    for (const clientEventId of during) {
      await eventually(async () => expect((await send(clientEventId)).body).toMatchObject({ status: 'accepted' }), { timeoutMs: 60_000, intervalMs: 1_000 });
    }

    const raw = await TopicReader.start(kafka, Topics.sdkRaw);
    try {
      const written = () => raw.json<{ payload: { clientEventId: string } }>().map((event) => event.payload.clientEventId);
      await eventually(() => expect(new Set(written())).toEqual(new Set([before, ...during])), { timeoutMs: 30_000 });
      expect(written()).toHaveLength(1 + during.length);
    } finally {
      await raw.stop();
    }
  });
});
