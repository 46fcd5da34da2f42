import { Kafka, logLevel, LogEntry } from 'kafkajs';
import type { Logger } from '@sieve/telemetry';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Prefix of every physical topic name (isolates test runs); topic names themselves stay frozen. */
  topicNamespace?: string | undefined;
  /** How long to wait for a TCP connection to a broker. */
  connectionTimeoutMs?: number;
}

/** The settings of a service, from the KAFKA_* variables of its parsed config. */
export function kafkaSettingsOf(service: string, config: { KAFKA_BROKERS: string[]; KAFKA_TOPIC_NAMESPACE?: string | undefined }): KafkaSettings {
  return { brokers: config.KAFKA_BROKERS, clientId: service, topicNamespace: config.KAFKA_TOPIC_NAMESPACE };
}

export function physicalTopic(settings: Pick<KafkaSettings, 'topicNamespace'>, topic: string): string {
  return settings.topicNamespace ? `${settings.topicNamespace}.${topic}` : topic;
}

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

export function createKafkaClient(settings: KafkaSettings, logger: Logger, retries = 5): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    connectionTimeout: settings.connectionTimeoutMs ?? 3_000,
    retry: { retries, initialRetryTime: 200, maxRetryTime: 5_000 },
    logLevel: logLevel.WARN,
    // kafkajs log entries carry broker metadata only, never message values.
    logCreator: () => (entry: LogEntry) => {
      const { message, ...rest } = entry.log;
      // Retries are bounded on purpose (a request must not wait forever); duplicates a give-up can
      // cause are absorbed downstream by deterministic event ids. Not worth a warning per start.
      const level = message.startsWith('Limiting retries for the idempotent producer') ? 'debug' : LEVELS[entry.level] ?? 'info';
      logger[level]({ kafka: { namespace: entry.namespace, ...rest } }, message);
    },
  });
}
