import { Kafka } from 'kafkajs';
import { TopicSpec } from '@sieve/contracts';
import type { Logger } from '@sieve/telemetry';
import { createKafkaClient, KafkaSettings, physicalTopic } from './settings';

/**
 * Creates the topics that don't exist yet, with their partition counts; existing topics are left
 * as they are (partitions are only ever added deliberately, as that moves keys).
 */
export async function ensureTopics(settings: KafkaSettings, specs: readonly TopicSpec[], logger: Logger): Promise<string[]> {
  const admin = createKafkaClient(settings, logger).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs
      .map((spec) => ({ ...spec, name: physicalTopic(settings, spec.name) }))
      .filter((spec) => !existing.has(spec.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((spec) => ({ topic: spec.name, numPartitions: spec.partitions, replicationFactor: 1 })),
      });
    }
    return missing.map((spec) => spec.name);
  } finally {
    await admin.disconnect();
  }
}

/** A readiness probe: the cluster answers a metadata request. */
export function kafkaReadiness(settings: KafkaSettings, logger: Logger): { name: string; check(): Promise<void> } {
  const kafka: Kafka = createKafkaClient({ ...settings, connectionTimeoutMs: 1_000 }, logger, 0);
  const admin = kafka.admin();
  let connected: Promise<void> | undefined;
  return {
    name: 'kafka',
    async check() {
      connected ??= admin.connect().catch((error: unknown) => {
        connected = undefined;
        throw error;
      });
      await connected;
      await admin.describeCluster();
    },
  };
}
