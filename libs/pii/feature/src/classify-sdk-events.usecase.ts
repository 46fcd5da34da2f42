import { buildEvent, deterministicUuid, EventOn, EventType, PiiFieldClassifiedV1, PayloadOf, TopicName, Topics } from '@sieve/contracts';
import { ConsumedEvent, EventPublisher, OutgoingEvent, PermanentEventError } from '@sieve/kafka';
import { ClassificationError, ClassifiedEvent, classifySdkEvents } from '@sieve/pii-domain';

export const CLASSIFIER_PRODUCER = 'pii-classifier';

/**
 * Classifies a batch of raw SDK events and publishes the clean events (support, usage,
 * diagnostics) and the findings. Output ids derive from the input's, so a redelivered batch
 * republishes the same events and downstream inboxes recognise them. Resolves only after Kafka
 * acknowledged every write.
 */
export class ClassifySdkEventsUseCase {
  constructor(private readonly publisher: EventPublisher) {}

  async execute(batch: ConsumedEvent<typeof Topics.sdkRaw>[]): Promise<void> {
    const byTopic = new Map<TopicName, OutgoingEvent<TopicName>[]>();
    const add = (topic: TopicName, event: OutgoingEvent<TopicName>) => {
      const list = byTopic.get(topic) ?? [];
      list.push(event);
      byTopic.set(topic, list);
    };

    // The whole batch at once: the detectors run over all of its free text together.
    let classified: ClassifiedEvent[];
    try {
      classified = classifySdkEvents(batch.map(({ event }) => event));
    } catch (error) {
      if (error instanceof ClassificationError) throw new PermanentEventError('classification-failed', error.message);
      throw error;
    }
    batch.forEach(({ event: raw, traceContext }, index) => {
      const meta = (suffix: string) => ({
        id: deterministicUuid(raw.id, suffix),
        // When the gateway accepted it: the same on a redelivery, and what analytics measures lateness from.
        occurredAt: new Date(raw.occurredAt),
        tenantId: raw.tenantId,
        producer: CLASSIFIER_PRODUCER,
        correlationId: raw.correlationId,
        causationId: raw.id,
      });
      const { output, fieldDecisions, textFindings } = classified[index];
      const key = output?.key ?? raw.id;
      if (output) {
        const clean = buildEvent(output.type, output.payload as PayloadOf<EventType>, meta('clean'));
        add(output.topic, { key, traceContext, event: clean as EventOn<TopicName> });
      }
      // Findings: what was dropped, and what was found in free text; kept fields are not news.
      const findings: PiiFieldClassifiedV1[] = [
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
      findings.forEach((finding, position) => {
        add(Topics.piiFindings, { key, traceContext, event: buildEvent('pii.field-classified', finding, meta(`finding-${position}`)) });
      });
    });
    await this.publisher.publishMany([...byTopic].map(([topic, events]) => ({ topic, events })));
  }
}
