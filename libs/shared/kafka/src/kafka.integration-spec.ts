import { randomUUID } from 'node:crypto';
import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { buildEvent, deadLetterTopicOf, EventOn, MessageHeaders, Topics } from '@sieve/contracts';
import { eventually, quietLogger, testStack } from '@sieve/testing';
import { ConsumedEvent } from './consumer';
import {
  createKafkaClient,
  EventPublisher,
  EventSubscription,
  isolatedKafka,
  KafkaSettings,
  PermanentEventError,
  physicalTopic,
  TopicReader,
  TransientDependencyError,
} from './index';

type UsageEvent = EventOn<typeof Topics.usage>;

function sessionEvent(installId: string): UsageEvent {
  return buildEvent(
    'usage.session-event',
    { appId: 'app-1', installId, eventTime: new Date().toISOString(), kind: 'session-start' },
    { tenantId: 'tenant-1', producer: 'test', correlationId: `corr-${installId}`, causationId: null },
  );
}

describe('the Kafka port against a real broker', () => {
  jest.setTimeout(90_000);
  let settings: KafkaSettings;
  let publisher: EventPublisher;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(() => {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  });

  beforeEach(async () => {
    settings = await isolatedKafka(testStack.brokers, 'kafka-port-test', [Topics.usage, deadLetterTopicOf(Topics.usage)]);
    publisher = new EventPublisher(settings, quietLogger);
    cleanups.push(() => publisher.disconnect());
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  function subscribe(groupId: string, handler: (events: ConsumedEvent<typeof Topics.usage>[]) => Promise<void>, retryAttempts = 3) {
    const subscription = new EventSubscription(
      settings,
      { groupId, topic: Topics.usage, handler, retry: { attempts: retryAttempts, initialDelayMs: 20, maxDelayMs: 50 } },
      publisher,
      quietLogger,
    );
    cleanups.push(() => subscription.stop());
    return subscription;
  }

  async function produceRaw(value: string, key = 'install-x'): Promise<void> {
    const producer = createKafkaClient(settings, quietLogger).producer();
    await producer.connect();
    await producer.send({ topic: physicalTopic(settings, Topics.usage), messages: [{ key, value }] });
    await producer.disconnect();
  }

  it('delivers typed events with their correlation id and W3C trace context in the headers', async () => {
    const reader = await TopicReader.start(settings, Topics.usage);
    cleanups.push(() => reader.stop());
    const event = sessionEvent('install-1');
    const spanContext = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1 };
    await publisher.publish(Topics.usage, [{ key: 'install-1', event, traceContext: trace.setSpanContext(context.active(), spanContext) }]);

    const [message] = await eventually(() => {
      expect(reader.messages).toHaveLength(1);
      return reader.messages;
    });
    expect(message.key).toBe('install-1');
    expect(message.headers[MessageHeaders.correlationId]).toBe('corr-install-1');
    expect(message.headers[MessageHeaders.traceparent]).toBe('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    expect(JSON.parse(message.value ?? '')).toEqual(event);
  });

  it('commits only after the handler succeeded: a failed batch is delivered again, a handled one never', async () => {
    const seen: string[] = [];
    let failuresLeft = 1;
    const first = subscribe('commit-group', async (events) => {
      seen.push(...events.map((e) => e.event.payload.installId));
      if (failuresLeft-- > 0) throw new TransientDependencyError('database is restarting');
    });
    await first.start();
    await publisher.publish(Topics.usage, [{ key: 'a', event: sessionEvent('a') }]);
    // The first attempt fails, the retry succeeds; then the offset is committed.
    await eventually(() => expect(seen).toEqual(['a', 'a']));
    await first.stop();

    // A new member of the same group starts after the committed offset.
    const secondSeen: string[] = [];
    const second = subscribe('commit-group', async (events) => {
      secondSeen.push(...events.map((e) => e.event.payload.installId));
    });
    await second.start();
    await publisher.publish(Topics.usage, [{ key: 'a', event: sessionEvent('b') }]);
    await eventually(() => expect(secondSeen).toEqual(['b']));
  });

  it('redelivers a batch whose dependency stays down past the retry budget, instead of dropping it', async () => {
    let attempts = 0;
    let down = true;
    const delivered: string[] = [];
    const subscription = subscribe(
      'redeliver-group',
      async (events) => {
        attempts++;
        if (down) throw new TransientDependencyError('database unavailable');
        delivered.push(...events.map((e) => e.event.payload.installId));
      },
      2,
    );
    await subscription.start();
    await publisher.publish(Topics.usage, [{ key: 'k', event: sessionEvent('kept') }]);
    await eventually(() => expect(attempts).toBeGreaterThanOrEqual(4), { timeoutMs: 60_000 });
    down = false;
    await eventually(() => expect(delivered).toEqual(['kept']), { timeoutMs: 60_000 });
  });

  it('dead-letters an unparseable message with its reason and keeps the partition flowing', async () => {
    const deadLetters = await TopicReader.start(settings, deadLetterTopicOf(Topics.usage));
    cleanups.push(() => deadLetters.stop());
    const handled: string[] = [];
    const subscription = subscribe('poison-group', async (events) => {
      handled.push(...events.map((e) => e.event.payload.installId));
    });
    await subscription.start();

    await produceRaw('{"this is": not json', 'same-key');
    await produceRaw(JSON.stringify({ ...sessionEvent('x'), payload: { installId: 42 } }), 'same-key');
    await publisher.publish(Topics.usage, [{ key: 'same-key', event: sessionEvent('after-poison') }]);

    await eventually(() => expect(handled).toEqual(['after-poison']));
    await eventually(() => expect(deadLetters.messages).toHaveLength(2));
    const [notJson, badPayload] = deadLetters.messages;
    expect(notJson.headers[MessageHeaders.deadLetterReason]).toBe('not-json');
    expect(notJson.value).toBe('{"this is": not json');
    expect(badPayload.headers[MessageHeaders.deadLetterReason]).toBe('invalid-payload');
    expect(badPayload.headers[MessageHeaders.deadLetterDetail]).toContain('payload.installId');
    expect(badPayload.headers[MessageHeaders.deadLetterSource]).toMatch(new RegExp(`^${physicalTopic(settings, Topics.usage)}/\\d+/\\d+$`));
  });

  it('isolates the one event a handler rejects permanently; the rest of its batch is applied', async () => {
    const deadLetters = await TopicReader.start(settings, deadLetterTopicOf(Topics.usage));
    cleanups.push(() => deadLetters.stop());
    const applied: string[] = [];
    const subscription = subscribe('isolate-group', async (events) => {
      if (events.some((e) => e.event.payload.installId === 'bad')) {
        throw new PermanentEventError('unknown-app', 'no such app');
      }
      applied.push(...events.map((e) => e.event.payload.installId));
    });
    // Publish first so the three arrive in one batch.
    await publisher.publish(Topics.usage, ['one', 'bad', 'three'].map((id) => ({ key: 'one-partition', event: sessionEvent(id) })));
    await subscription.start();

    await eventually(() => expect(applied).toEqual(['one', 'three']));
    await eventually(() => expect(deadLetters.messages).toHaveLength(1));
    expect(deadLetters.messages[0].headers[MessageHeaders.deadLetterReason]).toBe('unknown-app');
    expect(JSON.parse(deadLetters.messages[0].value ?? '').payload.installId).toBe('bad');
  });

  it('on stop, finishes the batch in hand and commits it before leaving the group', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const finished: string[] = [];
    const slow = subscribe('shutdown-group', async (events) => {
      await gate;
      finished.push(...events.map((e) => e.event.payload.installId));
    });
    await slow.start();
    await publisher.publish(Topics.usage, [{ key: 's', event: sessionEvent('in-flight') }]);
    await eventually(() => expect(finished).toEqual([]), { timeoutMs: 2_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // let the batch reach the handler
    const stopping = slow.stop();
    release();
    await stopping;
    expect(finished).toEqual(['in-flight']);

    const redelivered: string[] = [];
    const next = subscribe('shutdown-group', async (events) => {
      redelivered.push(...events.map((e) => e.event.payload.installId));
    });
    await next.start();
    const marker = randomUUID();
    await publisher.publish(Topics.usage, [{ key: 's', event: sessionEvent(marker) }]);
    await eventually(() => expect(redelivered).toEqual([marker]));
  });

  it('reports a write Kafka never acknowledged as a failure, within the timeout', async () => {
    const unreachable = new EventPublisher({ brokers: ['127.0.0.1:1'], clientId: 'nowhere' }, quietLogger, { timeoutMs: 1_500, retries: 1 });
    const started = Date.now();
    await expect(unreachable.publish(Topics.usage, [{ key: 'k', event: sessionEvent('lost') }])).rejects.toThrow(
      'Kafka did not acknowledge the write to usage.session-events.v1',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
