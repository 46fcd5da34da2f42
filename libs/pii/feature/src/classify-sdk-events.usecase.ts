import { Counter } from 'prom-client';
import { buildEvent, deterministicUuid, EventOn, EventType, PiiFieldClassifiedV1, PayloadOf, TopicName, Topics } from '@sieve/contracts';
import { ConsumedEvent, EventPublisher, OutgoingEvent, PermanentEventError } from '@sieve/kafka';
import { KEY_GONE, TransitKeyConflictError, TransitSealing } from '@sieve/key-vault';
import { ClassificationError, ClassifiedEvent, classifySdkEvents } from '@sieve/pii-domain';
import { metricsRegistry } from '@sieve/telemetry';

export const CLASSIFIER_PRODUCER = 'pii-classifier';

const withheld = new Counter({
  name: 'sieve_classifier_redacted_events_withheld_total',
  help: 'Raw events consumed (late, or again in a replay) whose content was redacted meanwhile: their clean event is not published.',
  registers: [metricsRegistry],
});

/** An event naming a unit whose transit key is another brand's: forged or corrupt, never retried. */
function permanentIfConflict(error: unknown): never {
  if (error instanceof TransitKeyConflictError) throw new PermanentEventError('transit-key-conflict', error.message);
  throw error;
}

/**
 * Classifies a batch of raw SDK events and publishes the clean events (support, usage,
 * diagnostics) and the findings. What a person typed travels sealed under the transit key of its
 * message, attachment or search (made by the gateway, in the key vault): opened here, classified,
 * and sealed again under the same key. Output ids derive from the input's,
 * so a redelivered batch republishes the same events and downstream inboxes recognise them.
 * Resolves only after Kafka acknowledged every write.
 */
export class ClassifySdkEventsUseCase {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly sealing: TransitSealing,
  ) {}

  async execute(batch: ConsumedEvent<typeof Topics.sdkRaw>[]): Promise<void> {
    const byTopic = new Map<TopicName, OutgoingEvent<TopicName>[]>();
    const add = (topic: TopicName, event: OutgoingEvent<TopicName>) => {
      const list = byTopic.get(topic) ?? [];
      list.push(event);
      byTopic.set(topic, list);
    };

    const { opened, keys } = await this.sealing.openKeepingKeys(batch.map(({ event }) => event)).catch(permanentIfConflict);
    // A raw event whose key is gone had its content redacted before it was classified (a long outage, or a replay): nothing of it goes on.
    const live = batch.flatMap(({ traceContext }, index) => {
      const raw = opened[index];
      return raw === KEY_GONE ? [] : [{ raw, traceContext }];
    });
    withheld.inc(batch.length - live.length);

    // The whole batch at once: the detectors run over all of its free text together.
    let classified: ClassifiedEvent[];
    try {
      classified = classifySdkEvents(live.map(({ raw }) => raw));
    } catch (error) {
      if (error instanceof ClassificationError) throw new PermanentEventError('classification-failed', error.message);
      throw error;
    }
    const sealed = await this.sealing
      .seal(
        live.map(({ raw }, index) => ({ tenantId: raw.tenantId, type: classified[index].output?.type ?? 'none', payload: classified[index].output?.payload })),
        // The clean copy goes under the raw event's own key, just read.
        keys,
      )
      .catch(permanentIfConflict);
    live.forEach(({ raw, traceContext }, index) => {
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
      if (output && sealed[index] === KEY_GONE) withheld.inc();
      else if (output) {
        const clean = buildEvent(output.type, sealed[index] as PayloadOf<EventType>, meta('clean'));
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
