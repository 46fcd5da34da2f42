/**
 * Every Kafka topic Sieve uses. Names are frozen literals `<context>.<event>.v<major>`: renaming
 * one strands the data already on the old topic, so a breaking change is a new topic beside it.
 * Partition counts are deliberate: keyed topics get enough partitions for the consumer instances
 * we expect to scale to, since a partition is the unit of parallelism and order.
 */
export const Topics = {
  /** Everything the SDK sends, as the gateway accepted it, before classification. */
  sdkRaw: 'ingest.sdk-events.v1',
  /** Support events after classification, keyed by conversation id. */
  support: 'support.conversation-events.v1',
  /** Session events for active-usage counting, keyed by install id. */
  usage: 'usage.session-events.v1',
  /** Crash and other diagnostics reports; not linked to a user. */
  diagnostics: 'diagnostics.reports.v1',
  /** What the classifier found and did: type, field, offsets, action — never the value. */
  piiFindings: 'pii.findings.v1',
  /** Agent replies on their way back to the install that wrote, keyed by install id. */
  agentReplies: 'tickets.agent-replies.v1',
  /** Redaction and erasure requests recorded by the ticket store. */
  redactionRequests: 'tickets.redaction-requests.v1',
  /** Redactions carried out, for every holder of a copy to purge. */
  redactionCompleted: 'redaction.completed.v1',
  /** Holders of copies confirming they purged what a completed redaction named. */
  redactionConfirmations: 'redaction.confirmations.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export const DEAD_LETTER_SUFFIX = '.dlq';

export function deadLetterTopicOf(topic: TopicName): string {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}

/** Partitions per topic; dead-letter topics get one, they are for people to read, not throughput. */
export const TopicPartitions: Readonly<Record<TopicName, number>> = {
  [Topics.sdkRaw]: 12,
  [Topics.support]: 12,
  [Topics.usage]: 12,
  [Topics.diagnostics]: 3,
  [Topics.piiFindings]: 3,
  [Topics.agentReplies]: 6,
  [Topics.redactionRequests]: 3,
  [Topics.redactionCompleted]: 3,
  [Topics.redactionConfirmations]: 3,
};

/** Topics that consumers read, and therefore have a dead-letter topic. */
export const ConsumedTopics: readonly TopicName[] = [
  Topics.sdkRaw,
  Topics.support,
  Topics.usage,
  Topics.diagnostics,
  Topics.agentReplies,
  Topics.redactionRequests,
  Topics.redactionCompleted,
  Topics.redactionConfirmations,
];

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
}

/** Every topic with its partition count, dead letters included: what the stack creates. */
export function allTopicSpecs(): TopicSpec[] {
  const main = Object.values(Topics).map((name) => ({ name, partitions: TopicPartitions[name] }));
  const deadLetters = ConsumedTopics.map((name) => ({ name: deadLetterTopicOf(name), partitions: 1 }));
  return [...main, ...deadLetters];
}
