import { context, Context, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { Batch, Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { deadLetterTopicOf, EventOn, MessageHeaders, parseEvent, TopicName } from '@sieve/contracts';
import { Logger, withLogContext } from '@sieve/telemetry';
import { classifyFailure, ErrorClassifier, PermanentEventError, TransientDependencyError } from './errors';
import { kafkaMetrics } from './metrics';
import { EventPublisher, PublishFailedError } from './publisher';
import { createKafkaClient, KafkaSettings, physicalTopic } from './settings';
import { contextFromHeaders } from './trace-headers';

export interface ConsumedEvent<T extends TopicName> {
  event: EventOn<T>;
  key: string | null;
  partition: number;
  offset: string;
  /** The producer's trace, to continue in whatever this event causes. */
  traceContext: Context;
}

export interface BatchContext {
  /** Tell the group this member is alive; call during long work. */
  heartbeat(): Promise<void>;
}

/**
 * Applies a batch of events. It must resolve only once the effects are durable (committed to the
 * database, acknowledged by Kafka): offsets are committed right after. It must be idempotent: a
 * crash between effect and commit redelivers the batch.
 */
export type BatchHandler<T extends TopicName> = (events: ConsumedEvent<T>[], batch: BatchContext) => Promise<void>;

export interface RetryPolicy {
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface SubscriptionOptions<T extends TopicName> {
  groupId: string;
  topic: T;
  handler: BatchHandler<T>;
  /** App-specific rules (e.g. which database errors are transient), asked before the built-in ones. */
  classifiers?: ErrorClassifier[];
  retry?: Partial<RetryPolicy>;
  /** Partitions of this instance processed at once; order holds within each partition. */
  partitionsConsumedConcurrently?: number;
  fromBeginning?: boolean;
  sessionTimeoutMs?: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 5, initialDelayMs: 200, maxDelayMs: 5_000 };

/** Stops a batch without committing; kafkajs restarts the member and the batch is redelivered. */
export class RedeliverBatchError extends Error {
  constructor(message: string, options: { cause?: unknown }) {
    super(message, options);
    this.name = 'RedeliverBatchError';
  }
}

type Segment<T extends TopicName> =
  | { kind: 'valid'; items: { message: KafkaMessage; consumed: ConsumedEvent<T> }[] }
  | { kind: 'invalid'; message: KafkaMessage; reason: string; detail: string };

/**
 * A consumer-group member over one topic. Per fetched batch: unparseable messages are dead-lettered
 * in place; runs of valid events go to the handler together; a run that fails permanently is
 * retried one event at a time so only the bad event is dead-lettered and the partition keeps
 * flowing. Offsets are committed only after the handler (or the dead-letter write) succeeded.
 */
export class EventSubscription<T extends TopicName> {
  private readonly consumer: Consumer;
  private readonly retry: RetryPolicy;
  private readonly physicalName: string;
  private readonly deadLetterTopic: string;
  private readonly tracer = trace.getTracer('@sieve/kafka');

  constructor(
    settings: KafkaSettings,
    private readonly options: SubscriptionOptions<T>,
    private readonly deadLetters: EventPublisher,
    private readonly logger: Logger,
    kafka: Kafka = createKafkaClient(settings, logger),
  ) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.physicalName = physicalTopic(settings, options.topic);
    this.deadLetterTopic = physicalTopic(settings, deadLetterTopicOf(options.topic));
    this.consumer = kafka.consumer({
      groupId: physicalTopic(settings, options.groupId),
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: 3_000,
      // A fetch waits at most this long for data; it also bounds how long stop() waits for an idle fetch.
      maxWaitTimeInMs: 1_000,
      allowAutoTopicCreation: false,
      retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 10_000 },
    });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.physicalName, fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.processBatch(payload),
    });
    this.logger.info({ topic: this.physicalName, group: this.options.groupId }, 'consumer started');
  }

  /** Finishes the batch in hand, commits it, and leaves the group. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    this.logger.info({ topic: this.physicalName, group: this.options.groupId }, 'consumer stopped');
  }

  private async processBatch({ batch, heartbeat, isRunning, isStale, resolveOffset, commitOffsetsIfNecessary }: EachBatchPayload): Promise<void> {
    const labels = { topic: this.options.topic, group: this.options.groupId };
    const endTimer = kafkaMetrics.batchSeconds.startTimer(labels);
    let lastDone: string | undefined;
    const commit = async () => {
      if (lastDone === undefined) return;
      // The batch-scoped commit, unlike consumer.commitOffsets, still commits while the consumer
      // is stopping: the batch finished during a graceful shutdown must not be redelivered.
      await commitOffsetsIfNecessary({
        topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: (BigInt(lastDone) + 1n).toString() }] }],
      });
    };
    try {
      for (const segment of this.segments(batch)) {
        // After a seek the fetched messages are no longer the ones to process: stop, don't commit.
        if (isStale()) return;
        // Stopping: commit what is done; the rest is redelivered to whoever gets the partition.
        if (!isRunning()) break;
        if (segment.kind === 'invalid') {
          await this.deadLetter(segment.message, batch.partition, segment.reason, segment.detail);
          lastDone = segment.message.offset;
        } else {
          await this.handleRun(segment.items, batch.partition, heartbeat);
          lastDone = segment.items[segment.items.length - 1].message.offset;
          kafkaMetrics.consumed.inc(labels, segment.items.length);
        }
        resolveOffset(lastDone);
        await heartbeat();
      }
      await commit();
    } catch (error) {
      // Keep what is done, then let kafkajs restart the member so the rest is redelivered.
      await commit().catch(() => undefined);
      throw error;
    } finally {
      endTimer();
    }
  }

  private *segments(batch: Batch): Generator<Segment<T>> {
    let run: { message: KafkaMessage; consumed: ConsumedEvent<T> }[] = [];
    for (const message of batch.messages) {
      const parsed = parseEvent(this.options.topic, message.value);
      if (parsed.ok) {
        run.push({
          message,
          consumed: {
            event: parsed.event,
            key: message.key?.toString() ?? null,
            partition: batch.partition,
            offset: message.offset,
            traceContext: contextFromHeaders(message.headers),
          },
        });
        continue;
      }
      if (run.length > 0) yield { kind: 'valid', items: run };
      run = [];
      yield { kind: 'invalid', message, reason: parsed.reason, detail: parsed.detail };
    }
    if (run.length > 0) yield { kind: 'valid', items: run };
  }

  private async handleRun(
    items: { message: KafkaMessage; consumed: ConsumedEvent<T> }[],
    partition: number,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const outcome = await this.attempt(items.map((item) => item.consumed), heartbeat);
    if (outcome.ok) return;
    if (outcome.kind === 'transient') {
      throw new RedeliverBatchError(`${this.options.topic}: a dependency stayed unavailable after ${this.retry.attempts} attempts`, {
        cause: outcome.error,
      });
    }
    if (items.length === 1) {
      const reason = outcome.error instanceof PermanentEventError ? outcome.error.reason : 'unclassified-error';
      await this.deadLetter(items[0].message, partition, reason, describeError(outcome.error));
      return;
    }
    // Isolate the event that cannot be processed; the others still go through, in order.
    for (const item of items) await this.handleRun([item], partition, heartbeat);
  }

  private async attempt(
    events: ConsumedEvent<T>[],
    heartbeat: () => Promise<void>,
  ): Promise<{ ok: true } | { ok: false; kind: 'transient' | 'permanent'; error: unknown }> {
    const labels = { topic: this.options.topic, group: this.options.groupId };
    let delay = this.retry.initialDelayMs;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.runHandler(events, heartbeat);
        return { ok: true };
      } catch (error) {
        const kind = classifyFailure(error, this.options.classifiers);
        const log = { ...labels, attempt, kind, events: events.length, error: describeError(error) };
        if (kind === 'permanent') return { ok: false, kind, error };
        if (attempt >= this.retry.attempts) {
          this.logger.error(log, 'handler failed on every attempt');
          return { ok: false, kind: kind === 'transient' ? 'transient' : 'permanent', error };
        }
        this.logger.warn(log, 'handler failed, retrying');
        kafkaMetrics.retries.inc(labels);
        await sleepWithHeartbeat(delay, heartbeat);
        delay = Math.min(delay * 2, this.retry.maxDelayMs);
      }
    }
  }

  private runHandler(events: ConsumedEvent<T>[], heartbeat: () => Promise<void>): Promise<void> {
    const links = events.map((e) => trace.getSpanContext(e.traceContext)).filter((c) => c !== undefined).map((c) => ({ context: c }));
    // A single event continues its producer's trace; a batch links to each of them.
    const parent = events.length === 1 ? events[0].traceContext : ROOT_CONTEXT;
    return this.tracer.startActiveSpan(
      `${this.options.topic} process`,
      { kind: SpanKind.CONSUMER, links, attributes: { 'messaging.system': 'kafka', 'messaging.batch.message_count': events.length } },
      parent,
      (span) =>
        withLogContext({ correlationId: events.length === 1 ? events[0].event.correlationId : undefined }, async () => {
          try {
            await context.with(trace.setSpan(parent, span), () => this.options.handler(events, { heartbeat }));
          } finally {
            span.end();
          }
        }),
    );
  }

  private async deadLetter(message: KafkaMessage, partition: number, reason: string, detail: string): Promise<void> {
    const headers: IHeaders = { ...message.headers };
    const ownHeaders = {
      [MessageHeaders.deadLetterReason]: reason,
      [MessageHeaders.deadLetterDetail]: detail.slice(0, 1_000),
      [MessageHeaders.deadLetterSource]: `${this.physicalName}/${partition}/${message.offset}`,
    };
    await this.deadLetters.sendRaw(this.deadLetterTopic, [
      { key: message.key, value: message.value, headers: { ...stringHeaders(headers), ...ownHeaders } },
    ]);
    kafkaMetrics.deadLettered.inc({ topic: this.options.topic, group: this.options.groupId, reason });
    this.logger.warn(
      { topic: this.physicalName, partition, offset: message.offset, reason, detail },
      'event dead-lettered',
    );
  }
}

function stringHeaders(headers: IHeaders): Record<string, string | Buffer> {
  const out: Record<string, string | Buffer> = {};
  for (const [key, value] of Object.entries(headers)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[key] = first;
  }
  return out;
}

/**
 * Error text for logs and dead letters. Our own errors' messages name problems, never values; other
 * libraries' messages may quote input (PostgreSQL does), so only their class and code are kept.
 */
function describeError(error: unknown): string {
  if (error instanceof PermanentEventError || error instanceof TransientDependencyError || error instanceof PublishFailedError) {
    return `${error.name}: ${error.message}`;
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name} (${code})` : error.name;
  }
  return typeof error;
}

/**
 * Waits between attempts while telling the group this member is alive. kafkajs reports a rebalance
 * by failing the heartbeat: that error ends the batch (uncommitted), as the partition may be gone.
 */
async function sleepWithHeartbeat(ms: number, heartbeat: () => Promise<void>): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, until - Date.now())));
    await heartbeat();
  }
}
