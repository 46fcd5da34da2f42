import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { buildClearEvent, ClearEnvelope, deterministicUuid, EventOn, EventTypeOn, Topics } from '@sieve/contracts';
import { ConsumedEvent, EventPublisher, isolatedKafka, KafkaSettings, TopicReader } from '@sieve/kafka';
import { KeyVault, openKeyVault } from '@sieve/key-vault';
import { eventually, quietLogger, testStack } from '@sieve/testing';
import { ClassifySdkEventsUseCase } from './classify-sdk-events.usecase';

type Raw = EventOn<typeof Topics.sdkRaw>;

describe('classifying sealed raw SDK events, over real Kafka and the key vault', () => {
  jest.setTimeout(60_000);
  let kafka: KafkaSettings;
  let vault: KeyVault;
  let publisher: EventPublisher;
  let support: TopicReader;
  let classify: ClassifySdkEventsUseCase;
  const tenantId = randomUUID();
  const appId = randomUUID();

  beforeAll(async () => {
    kafka = await isolatedKafka(testStack.brokers, 'classifier-test', [Topics.sdkRaw, Topics.support, Topics.usage, Topics.diagnostics, Topics.piiFindings]);
    vault = await openKeyVault(testStack.keyVault(), 'classifier-test');
    publisher = new EventPublisher(kafka, quietLogger, { timeoutMs: 10_000 });
    support = await TopicReader.start(kafka, Topics.support);
    classify = new ClassifySdkEventsUseCase(publisher, vault.sealing);
  });

  afterAll(async () => {
    await support.stop();
    await publisher.disconnect();
    await vault.dataSource.destroy();
  });

  const consumed = (event: Raw, offset = 0): ConsumedEvent<typeof Topics.sdkRaw> => ({ event, key: event.id, partition: 0, offset: String(offset), traceContext: ROOT_CONTEXT });
  const message = (body: string): ClearEnvelope<EventTypeOn<typeof Topics.sdkRaw>> => {
    const conversationId = randomUUID();
    return buildClearEvent(
      'sdk.message-sent',
      { appId, installId: 'idfv-1', clientEventId: randomUUID(), fullPrivacy: false, versions: { sdk: '10.3.0' }, conversationId, message: { id: deterministicUuid(conversationId, 'm'), body } },
      { tenantId, producer: 'test', correlationId: randomUUID(), causationId: null },
    );
  };
  const sealedRaw = async (body: string) => (await vault.sealing.sealEvents([message(body)]))[0] as Raw;
  const cleanOf = (raw: Raw) => support.json<EventOn<typeof Topics.support>>().filter(({ causationId }) => causationId === raw.id);

  it('opens what the gateway sealed, classifies it, and seals the clean copy under the same key', async () => {
    const raw = await sealedRaw('my card is 4111 1111 1111 1111');
    expect(JSON.stringify(raw)).not.toContain('4111');
    await classify.execute([consumed(raw)]);

    const [clean] = await eventually(() => {
      const found = cleanOf(raw);
      expect(found).toHaveLength(1);
      return found;
    });
    const rawKey = (raw.payload as { message: { body: { keyId: string } } }).message.body.keyId;
    expect((clean.payload as { message: { body: { keyId: string } } }).message.body.keyId).toBe(rawKey);
    const [opened] = await vault.sealing.open([clean]);
    expect(opened).toMatchObject({ payload: { message: { body: expect.not.stringContaining('4111 1111 1111 1111'), piiTags: ['financial.payment'] } } });
  });

  it('publishes nothing of a raw event whose content was redacted before it was classified (its key destroyed)', async () => {
    const redacted = await sealedRaw('my backup code is 991-22');
    const kept = await sealedRaw('thanks a lot');
    await vault.transitKeys.destroy({ tenantId, keyIds: [(redacted.payload as { message: { id: string } }).message.id] });

    await classify.execute([consumed(redacted, 0), consumed(kept, 1)]);
    await eventually(() => expect(cleanOf(kept)).toHaveLength(1));
    expect(cleanOf(redacted)).toEqual([]);
  });

  it('still reads raw events of version 1, which travelled clear', async () => {
    const legacy = { ...message('where is my parcel'), version: 1 } as Raw;
    await classify.execute([consumed(legacy)]);
    const [clean] = await eventually(() => {
      const found = cleanOf(legacy);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(await vault.sealing.open([clean])).toEqual([expect.objectContaining({ payload: expect.objectContaining({ message: expect.objectContaining({ body: 'where is my parcel' }) }) })]);
  });
});
