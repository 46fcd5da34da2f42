import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from '@sieve/telemetry';

export const kafkaMetrics = {
  published: new Counter({
    name: 'sieve_kafka_published_total',
    help: 'Events acknowledged by Kafka, by topic.',
    labelNames: ['topic'],
    registers: [metricsRegistry],
  }),
  publishFailures: new Counter({
    name: 'sieve_kafka_publish_failures_total',
    help: 'Publish calls that Kafka did not acknowledge in time, by topic.',
    labelNames: ['topic'],
    registers: [metricsRegistry],
  }),
  consumed: new Counter({
    name: 'sieve_kafka_consumed_total',
    help: 'Events whose effects were made durable, by topic and consumer group.',
    labelNames: ['topic', 'group'],
    registers: [metricsRegistry],
  }),
  retries: new Counter({
    name: 'sieve_kafka_handler_retries_total',
    help: 'Handler attempts retried after a transient or unclassified failure.',
    labelNames: ['topic', 'group'],
    registers: [metricsRegistry],
  }),
  deadLettered: new Counter({
    name: 'sieve_kafka_dead_lettered_total',
    help: 'Events sent to a dead-letter topic, by reason.',
    labelNames: ['topic', 'group', 'reason'],
    registers: [metricsRegistry],
  }),
  batchSeconds: new Histogram({
    name: 'sieve_kafka_batch_duration_seconds',
    help: 'Time to process and commit one fetched batch.',
    labelNames: ['topic', 'group'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metricsRegistry],
  }),
};
