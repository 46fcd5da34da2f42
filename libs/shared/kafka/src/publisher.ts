import { Context } from '@opentelemetry/api';
import { CompressionTypes, Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { EventOn, MessageHeaders, TopicName } from '@sieve/contracts';
import type { Logger } from '@sieve/telemetry';
import { kafkaMetrics } from './metrics';
import { SendQueue } from './send-queue';
import { createKafkaClient, KafkaSettings, physicalTopic } from './settings';
import { traceHeaders } from './trace-headers';

export interface OutgoingEvent<T extends TopicName> {
  /** Partition key: events with one key keep their order. */
  key: string;
  event: EventOn<T>;
  /** Trace the event continues; the active context if omitted. */
  traceContext?: Context;
}

/** Kafka did not acknowledge a write in time; nothing may be reported as accepted. */
export class PublishFailedError extends Error {
  constructor(
    readonly topic: string,
    options: { cause?: unknown },
  ) {
    super(`Kafka did not acknowledge the write to ${topic}`, options);
    this.name = 'PublishFailedError';
  }
}

export interface PublisherOptions {
  /** Upper bound on one publish call, retries included. */
  timeoutMs?: number;
  /** kafkajs retries per request before giving up. */
  retries?: number;
}

/**
 * Idempotent producer (acks from all in-sync replicas, one request in flight so retries cannot
 * reorder or duplicate). `publish` resolves only once Kafka has acknowledged every event.
 */
export class EventPublisher {
  private readonly producer: Producer;
  private connecting?: Promise<void>;
  private readonly timeoutMs: number;
  private readonly queue: SendQueue<Message>;

  constructor(
    private readonly settings: KafkaSettings,
    private readonly logger: Logger,
    options: PublisherOptions = {},
    kafka: Kafka = createKafkaClient(settings, logger, options.retries ?? 3),
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connecting = undefined;
    });
    this.queue = new SendQueue<Message>(async (topicMessages) => {
      await this.connect();
      await this.producer.sendBatch({ topicMessages, acks: -1, compression: CompressionTypes.None });
    });
  }

  /** Connects once; later calls reuse the connection, and a failed attempt is retried on next use. */
  connect(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  async publish<T extends TopicName>(topic: T, events: readonly OutgoingEvent<T>[]): Promise<void> {
    await this.publishMany([{ topic, events }]);
  }

  /**
   * Publishes to several topics in one produce request per broker (kafkajs sendBatch): a consumer
   * that writes clean events and findings for a batch pays one round trip, not one per topic, and
   * concurrent calls share requests (SendQueue). Resolves when Kafka acknowledged these events.
   */
  async publishMany(batches: readonly { topic: TopicName; events: readonly OutgoingEvent<TopicName>[] }[]): Promise<void> {
    const nonEmpty = batches.filter((batch) => batch.events.length > 0);
    if (nonEmpty.length === 0) return;
    // Events that continue the active trace share its headers, worked out once for the whole call.
    let activeTrace: Record<string, string> | undefined;
    const traceOf = (traceContext?: Context) => (traceContext ? traceHeaders(traceContext) : (activeTrace ??= traceHeaders()));
    const topicMessages = nonEmpty.map(({ topic, events }) => ({
      topic: physicalTopic(this.settings, topic),
      messages: events.map(({ key, event, traceContext }) => ({
        key,
        value: JSON.stringify(event),
        headers: {
          [MessageHeaders.correlationId]: event.correlationId,
          [MessageHeaders.eventType]: event.type,
          ...traceOf(traceContext),
        },
      })),
    }));
    const topics = nonEmpty.map((batch) => batch.topic).join(', ');
    try {
      await withTimeout(this.queue.enqueue(topicMessages), this.timeoutMs);
    } catch (error) {
      for (const { topic, events } of nonEmpty) kafkaMetrics.publishFailures.inc({ topic }, events.length);
      throw new PublishFailedError(topics, { cause: error });
    }
    for (const { topic, events } of nonEmpty) kafkaMetrics.published.inc({ topic }, events.length);
  }

  /** Sends raw messages (dead letters) to a physical topic, with the same acknowledgement rules. */
  async sendRaw(topic: string, messages: { key: Buffer | null; value: Buffer | null; headers: Record<string, string | Buffer> }[]): Promise<void> {
    await withTimeout(
      (async () => {
        await this.connect();
        await this.producer.send({ topic, acks: -1, messages });
      })(),
      this.timeoutMs,
    );
  }

  async disconnect(): Promise<void> {
    this.connecting = undefined;
    await this.producer.disconnect();
    this.logger.debug('kafka producer disconnected');
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no acknowledgement within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
