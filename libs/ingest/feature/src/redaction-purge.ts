import { buildEvent, PENDING_REPLIES_HOLDER, Topics } from '@sieve/contracts';
import { PendingReplies } from '@sieve/ingest-data-access';
import { ConsumedEvent, EventPublisher, OutgoingEvent } from '@sieve/kafka';
import { Logger } from '@sieve/telemetry';
import { GATEWAY_PRODUCER } from './raw-event-meta';

/**
 * Completed redactions: the gateway drops the agent replies still waiting for their install that
 * hold removed content, then confirms each job. Confirmations are published after the purges and the
 * consumer commits only after that, so a crash redelivers the batch: the purge finds nothing the
 * second time and the job is confirmed again (purged 0), which the worker's receipt absorbs.
 */
export class RedactionPurge {
  constructor(
    private readonly pending: PendingReplies,
    private readonly publisher: EventPublisher,
    private readonly logger: Logger,
  ) {}

  /** The batch handler for the redaction-completed topic. */
  async purge(events: ConsumedEvent<typeof Topics.redactionCompleted>[]): Promise<void> {
    const confirmations: OutgoingEvent<typeof Topics.redactionConfirmations>[] = [];
    for (const { event, traceContext } of events) {
      const { jobId, kind, endUserId, conversationIds, messageIds } = event.payload;
      const purged = await this.pending.purge(endUserId, { kind, conversationIds, messageIds });
      // Ids and counts only: the install and the content stay out of logs.
      this.logger.info({ jobId, purged }, 'pending replies purged for a completed redaction');
      const confirmation = buildEvent(
        'redaction.purge-confirmed',
        { jobId, holder: PENDING_REPLIES_HOLDER, purged, confirmedAt: new Date().toISOString() },
        { tenantId: event.tenantId, producer: GATEWAY_PRODUCER, correlationId: event.correlationId, causationId: event.id },
      );
      confirmations.push({ key: jobId, traceContext, event: confirmation });
    }
    await this.publisher.publish(Topics.redactionConfirmations, confirmations);
  }
}
