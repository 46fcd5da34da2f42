import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { buildEvent, deadLetterTopicOf, endUserIdOf, EventOn, PENDING_REPLIES_HOLDER, RedactionCompletedV1, RedactionPurgeConfirmedV1, Topics } from '@sieve/contracts';
import { PendingReplies } from '@sieve/ingest-data-access';
import { EventPublisher, EventSubscription, isolatedKafka, KafkaSettings, TopicReader } from '@sieve/kafka';
import { eventually, quietLogger, testStack } from '@sieve/testing';
import { RedactionPurge } from './redaction-purge';

type Completed = EventOn<typeof Topics.redactionCompleted>;
type Confirmation = EventOn<typeof Topics.redactionConfirmations>;

describe('purging held agent replies when a redaction completes, over real Kafka and Redis', () => {
  jest.setTimeout(90_000);
  let kafka: KafkaSettings;
  let redis: Redis;
  let pending: PendingReplies;
  let publisher: EventPublisher;
  let confirmations: TopicReader;
  const cleanups: (() => Promise<unknown>)[] = [];

  let tenantId: string;
  let appId: string;
  let installId: string;
  let otherInstallId: string;

  beforeAll(async () => {
    kafka = await isolatedKafka(testStack.brokers, 'ingest-redaction-purge-test', [
      Topics.redactionCompleted,
      deadLetterTopicOf(Topics.redactionCompleted),
      Topics.redactionConfirmations,
    ]);
    redis = new Redis(testStack.redisUrl);
    pending = new PendingReplies(redis, 600);
    publisher = new EventPublisher(kafka, quietLogger, { timeoutMs: 10_000 });
    confirmations = await TopicReader.start(kafka, Topics.redactionConfirmations);
    // The gateway's own wiring: a group on the completed topic whose handler is the purge.
    const purge = new RedactionPurge(pending, publisher, quietLogger);
    const subscription = new EventSubscription(
      kafka,
      { groupId: 'ingest-gateway.redaction-purge', topic: Topics.redactionCompleted, handler: (events) => purge.purge(events) },
      publisher,
      quietLogger,
    );
    await subscription.start();
    cleanups.push(
      () => subscription.stop(),
      () => confirmations.stop(),
      () => publisher.disconnect(),
      () => redis.quit(),
    );
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  beforeEach(() => {
    tenantId = randomUUID();
    appId = randomUUID();
    installId = `idfv-${randomUUID()}`;
    otherInstallId = `idfv-${randomUUID()}`;
  });

  const hold = (conversationId: string, id = randomUUID(), install = installId) =>
    pending.hold(endUserIdOf(tenantId, appId, install), { id, conversationId, body: 'Your refund is on its way', sentAt: new Date().toISOString() }).then(() => id);
  const heldIds = async (install = installId) => (await pending.of(endUserIdOf(tenantId, appId, install))).map((reply) => reply.id).sort();

  /** What the redaction worker publishes once the ticket store has removed the content. */
  const completed = (payload: Omit<RedactionCompletedV1, 'jobId' | 'endUserId'>): Completed =>
    buildEvent(
      'redaction.completed',
      { jobId: randomUUID(), endUserId: endUserIdOf(tenantId, appId, installId), ...payload },
      { tenantId, producer: 'redaction-worker', correlationId: `corr-${randomUUID()}`, causationId: randomUUID() },
    );
  const deliver = (event: Completed) => publisher.publish(Topics.redactionCompleted, [{ key: event.payload.jobId, event }]);
  const confirmationsOf = (jobId: string) => confirmations.json<Confirmation>().filter((event) => event.payload.jobId === jobId);
  /** Waits for the job's `count`-th confirmation: the purge is done once it is published. */
  const confirmed = (jobId: string, count = 1) =>
    eventually(() => {
      const found = confirmationsOf(jobId);
      expect(found).toHaveLength(count);
      return found;
    });

  it('removes only the named messages of the install, and confirms how many it held', async () => {
    // Given three replies of the install, and one of another install under an id the job names
    const [first, second, kept] = [await hold(randomUUID()), await hold(randomUUID()), await hold(randomUUID())];
    await hold(randomUUID(), first, otherInstallId);

    // When a redaction of two of them (and of an end user's message, which is not held here) completes
    const event = completed({ kind: 'messages', conversationIds: [randomUUID()], messageIds: [first, second, randomUUID()], attachmentIds: [] });
    await deliver(event);
    const [confirmation] = await confirmed(event.payload.jobId);

    // Then the others stay, in this install and the other one
    expect(await heldIds()).toEqual([kept]);
    expect(await heldIds(otherInstallId)).toEqual([first]);
    expect(confirmation.type).toBe('redaction.purge-confirmed');
    expect(confirmation.payload).toEqual<RedactionPurgeConfirmedV1>({
      jobId: event.payload.jobId,
      holder: PENDING_REPLIES_HOLDER,
      purged: 2,
      confirmedAt: expect.any(String) as string,
    });
    expect(Date.now() - Date.parse(confirmation.payload.confirmedAt)).toBeLessThan(60_000);
    expect(confirmation).toMatchObject({
      producer: 'ingest-gateway',
      tenantId: event.tenantId,
      correlationId: event.correlationId,
      causationId: event.id,
    });
    expect(confirmation.id).not.toBe(event.id);
    expect(confirmations.messages.find((message) => message.value?.includes(confirmation.id))?.key).toBe(event.payload.jobId);
  });

  it('removes every reply of a redacted conversation and none of another, whatever message ids the job lists', async () => {
    const redacted = randomUUID();
    const other = randomUUID();
    await hold(redacted);
    await hold(redacted);
    const kept = await hold(other);
    const elsewhere = await hold(redacted, randomUUID(), otherInstallId);

    // The job lists only end-user messages: the conversation id is what names the agent's replies.
    const event = completed({ kind: 'conversation', conversationIds: [redacted], messageIds: [randomUUID()], attachmentIds: [] });
    await deliver(event);
    const [confirmation] = await confirmed(event.payload.jobId);

    expect(await heldIds()).toEqual([kept]);
    expect(await heldIds(otherInstallId)).toEqual([elsewhere]);
    expect(confirmation.payload.purged).toBe(2);
  });

  it('removes all of the install’s replies on an end user’s erasure, and nothing of another install', async () => {
    const named = randomUUID();
    await hold(named);
    await hold(named);
    await hold(randomUUID());
    const elsewhere = await hold(named, randomUUID(), otherInstallId);

    // Only one of the two conversations is named: an erasure drops the install's replies regardless.
    const event = completed({ kind: 'end-user', conversationIds: [named], messageIds: [], attachmentIds: [] });
    await deliver(event);
    const [confirmation] = await confirmed(event.payload.jobId);

    expect(await heldIds()).toEqual([]);
    expect(await redis.exists(`ingest:replies:${endUserIdOf(tenantId, appId, installId)}`)).toBe(0);
    expect(await heldIds(otherInstallId)).toEqual([elsewhere]);
    expect(confirmation.payload.purged).toBe(3);
  });

  it('purges nothing more on a redelivered event, and confirms it again', async () => {
    const redacted = await hold(randomUUID());
    const kept = await hold(randomUUID());
    const event = completed({ kind: 'message', conversationIds: [randomUUID()], messageIds: [redacted], attachmentIds: [] });
    await deliver(event);
    await confirmed(event.payload.jobId);

    // The same event again, as after a crash between the confirmation and the offset commit.
    await deliver(event);
    const [first, second] = await confirmed(event.payload.jobId, 2);

    expect([first.payload.purged, second.payload.purged]).toEqual([1, 0]);
    expect(second).toMatchObject({ causationId: event.id, payload: { holder: PENDING_REPLIES_HOLDER } });
    expect(await heldIds()).toEqual([kept]);
  });
});
