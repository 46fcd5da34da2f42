import { EntityManager } from 'typeorm';
import { buildEvent, Topics } from '@sieve/contracts';
import { OutboxRepository, RedactionJobEntity } from '@sieve/tickets-data-access';
import { TICKET_STORE_PRODUCER } from '../reply-to-conversation.usecase';

/** Tells the redaction worker a job is ready to run, through the outbox of the transaction that made it so. */
export async function announceJob(manager: EntityManager, job: Pick<RedactionJobEntity, 'jobId' | 'tenantId' | 'requestedBy' | 'target' | 'conversationId' | 'endUserId'>, correlationId: string): Promise<void> {
  const event = buildEvent(
    'tickets.redaction-requested',
    { jobId: job.jobId, requestedBy: job.requestedBy, target: job.target },
    { tenantId: job.tenantId, producer: TICKET_STORE_PRODUCER, correlationId, causationId: null },
  );
  await new OutboxRepository(manager).add({ topic: Topics.redactionRequests, key: job.conversationId ?? job.endUserId ?? job.jobId, event });
}
