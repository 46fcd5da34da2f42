// Test fixtures of the port: topics of a test's own, and a reader to assert on what was written.
import { randomBytes, randomUUID } from 'node:crypto';
import { Consumer, IHeaders } from 'kafkajs';
import { allTopicSpecs } from '@sieve/contracts';
import { createLogger } from '@sieve/telemetry';
import { ensureTopics } from './admin';
import { createKafkaClient, KafkaSettings, physicalTopic } from './settings';

// Created on first use: services import this library too, and need no extra logger at start-up.
let silentLogger: ReturnType<typeof createLogger> | undefined;
const silent = () => (silentLogger ??= createLogger({ service: 'test', level: 'silent' }));

/**
 * Kafka settings under a namespace of the caller's own, with its topics created (all of them unless
 * named; fewer partitions than production: tests need order and a few partitions, not throughput).
 */
export async function isolatedKafka(
  brokers: string[],
  clientId: string,
  topics?: readonly string[],
  { maxPartitions = 3 }: { maxPartitions?: number } = {},
): Promise<KafkaSettings> {
  const settings: KafkaSettings = { brokers, clientId, topicNamespace: `t-${randomBytes(5).toString('hex')}` };
  await ensureTopics(
    settings,
    allTopicSpecs()
      .filter((spec) => !topics || topics.includes(spec.name))
      .map((spec) => ({ ...spec, partitions: Math.min(spec.partitions, maxPartitions) })),
    silent(),
  );
  return settings;
}

export interface ReadMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  partition: number;
}

/** Reads everything written to a (logical) topic from the beginning, for assertions. */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async start(settings: KafkaSettings, topic: string): Promise<TopicReader> {
    const consumer = createKafkaClient(settings, silent()).consumer({ groupId: `reader-${randomUUID()}` });
    const reader = new TopicReader(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: physicalTopic(settings, topic), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        reader.messages.push({
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: flatten(message.headers),
          partition,
        });
      },
    });
    return reader;
  }

  /** Values parsed as JSON. */
  json<T = Record<string, unknown>>(): T[] {
    return this.messages.map((message) => JSON.parse(message.value ?? 'null') as T);
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}

function flatten(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[key] = first.toString();
  }
  return out;
}
