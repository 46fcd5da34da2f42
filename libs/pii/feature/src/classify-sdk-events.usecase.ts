import { buildEvent, deterministicUuid, EventOn, PiiFieldClassifiedV1, Topics } from '@sieve/contracts';
import { ConsumedEvent, EventPublisher, OutgoingEvent } from '@sieve/kafka';
import { classifyConversationOpened } from '@sieve/pii-domain';

export const CLASSIFIER_PRODUCER = 'pii-classifier';

/**
 * Classifies a batch of raw SDK events and publishes the clean events and the findings. Output ids
 * derive from the input's, so a redelivered batch republishes the same events and downstream
 * inboxes recognise them. Resolves only after Kafka acknowledged both writes.
 */
export class ClassifySdkEventsUseCase {
  constructor(private readonly publisher: EventPublisher) {}

  async execute(batch: ConsumedEvent<typeof Topics.sdkRaw>[]): Promise<void> {
    const clean: OutgoingEvent<typeof Topics.support>[] = [];
    const findings: OutgoingEvent<typeof Topics.piiFindings>[] = [];
    for (const { event: raw, traceContext } of batch) {
      const meta = (suffix: string) => ({
        id: deterministicUuid(raw.id, suffix),
        tenantId: raw.tenantId,
        producer: CLASSIFIER_PRODUCER,
        correlationId: raw.correlationId,
        causationId: raw.id,
      });
      const { clean: payload, fieldDecisions, textFindings } = classifyConversationOpened(raw.payload);
      clean.push({ key: payload.conversationId, traceContext, event: buildEvent('support.conversation-opened', payload, meta('clean')) });
      // Findings: what was dropped, and what was found in free text; kept fields are not news.
      const reported: PiiFieldClassifiedV1[] = [
        ...fieldDecisions
          .filter((decision) => decision.action === 'drop')
          .map((decision) => ({ sourceEventId: raw.id, sourceEventType: raw.type, ...decision })),
        ...textFindings.map(({ type, field, category, action, start, end, confidence, detector }) => ({
          sourceEventId: raw.id,
          sourceEventType: raw.type,
          field,
          category,
          action,
          piiType: type,
          start,
          end,
          confidence,
          detector,
        })),
      ];
      reported.forEach((finding, index) => {
        const event: EventOn<typeof Topics.piiFindings> = buildEvent('pii.field-classified', finding, meta(`finding-${index}`));
        findings.push({ key: payload.conversationId, traceContext, event });
      });
    }
    await Promise.all([this.publisher.publish(Topics.support, clean), this.publisher.publish(Topics.piiFindings, findings)]);
  }
}
