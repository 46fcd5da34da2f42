import { ClearEnvelope, EventOn, EventTypeOn, Topics } from '@sieve/contracts';
import { Claim, DeduplicationStore } from '@sieve/ingest-data-access';
import { IngestError } from '@sieve/ingest-domain';
import { classifyFailure, EventPublisher, PublishFailedError } from '@sieve/kafka';
import { KEY_GONE, TransitKeyConflictError, TransitSealing } from '@sieve/key-vault';
import { classifyDatabaseError } from '@sieve/persistence';

/** A raw SDK event as the gateway builds it, before what a person typed is sealed. */
export interface ClearRawEvent {
  /** Partition key: events with one key keep their order. */
  key: string;
  event: ClearEnvelope<EventTypeOn<typeof Topics.sdkRaw>>;
}

/**
 * Writes accepted SDK traffic to the raw topic. What a person typed is sealed first, under the
 * transit key of its message, attachment or search (`TRANSIT_SEALED_FIELDS`): the key its clean
 * copies travel under too, so a redaction leaves the copy the raw topic retains unreadable as
 * well. Claims are marked accepted once Kafka acknowledged the events; if sealing or the write
 * fails they are lifted, so a retry can write them, and the answer is "nothing was accepted".
 */
export class RawEventPublisher {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly sealing: TransitSealing,
    private readonly deduplication: DeduplicationStore,
  ) {}

  async publishClaimed(claims: readonly Claim[], events: readonly ClearRawEvent[]): Promise<void> {
    try {
      const sealed = await this.sealing.seal(events.map(({ event }) => event));
      // A unit whose key is destroyed was redacted since: a late retry of it, accepted and not written again.
      const written = events.flatMap(({ key, event }, index) => (sealed[index] === KEY_GONE ? [] : [{ key, event: { ...event, payload: sealed[index] } as EventOn<typeof Topics.sdkRaw> }]));
      await this.publisher.publish(Topics.sdkRaw, written);
    } catch (error) {
      await this.deduplication.release(claims);
      if (error instanceof PublishFailedError) {
        throw new IngestError('kafka-unavailable', 'The events could not be stored right now; nothing was accepted. Retry later.');
      }
      if (error instanceof TransitKeyConflictError) {
        throw new IngestError('invalid-request', 'An id in the request belongs to another brand’s message, attachment or search; nothing was accepted.');
      }
      if (classifyFailure(error, [classifyDatabaseError]) === 'transient') {
        throw new IngestError('dependency-unavailable', 'The events could not be sealed right now (the key vault does not answer); nothing was accepted. Retry later.');
      }
      throw error;
    }
    await this.deduplication.confirm(claims);
  }
}
