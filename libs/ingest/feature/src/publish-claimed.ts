import { TopicName } from '@sieve/contracts';
import { Claim, DeduplicationStore } from '@sieve/ingest-data-access';
import { IngestError } from '@sieve/ingest-domain';
import { EventPublisher, OutgoingEvent, PublishFailedError } from '@sieve/kafka';

/**
 * Writes claimed events to Kafka and, once Kafka acknowledged them, marks them accepted; if the
 * write fails, lifts the claims so a retry can write them, and answers "nothing was accepted".
 */
export async function publishClaimed(
  publisher: EventPublisher,
  deduplication: DeduplicationStore,
  claims: readonly Claim[],
  batches: readonly { topic: TopicName; events: readonly OutgoingEvent<TopicName>[] }[],
): Promise<void> {
  try {
    await publisher.publishMany(batches);
  } catch (error) {
    await deduplication.release(claims);
    if (error instanceof PublishFailedError) {
      throw new IngestError('kafka-unavailable', 'The events could not be stored right now; nothing was accepted. Retry later.');
    }
    throw error;
  }
  await deduplication.confirm(claims);
}
