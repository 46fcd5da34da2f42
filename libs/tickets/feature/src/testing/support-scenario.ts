import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { buildClearEvent, ClearEnvelope, ClearPayloadOf, deterministicUuid, EventOn, Topics } from '@sieve/contracts';
import { ConsumedEvent } from '@sieve/kafka';
import { TransitSealing } from '@sieve/key-vault';

// Test support: support events as the ticket store's consumer hands them over, for one brand's install.

type SupportType = EventOn<typeof Topics.support>['type'];

/** A support event as the consumer hands it over, still clear: `sealingFirst` seals it as the classifier would. */
export function consumed<T extends SupportType>(tenantId: string, type: T, payload: ClearPayloadOf<T>, occurredAt?: Date): ConsumedEvent<typeof Topics.support> {
  const event = buildClearEvent(type, payload, { tenantId, producer: 'test', correlationId: randomUUID(), causationId: null, occurredAt }) as unknown as EventOn<typeof Topics.support>;
  return { event, key: null, partition: 0, offset: '0', traceContext: ROOT_CONTEXT };
}

/** A consumer's handler that is given clear events (`consumed`), sealed first with the key vault as they would travel. */
export function sealingFirst<H extends { execute(batch: ConsumedEvent<typeof Topics.support>[]): Promise<void> }>(handler: H, sealing: TransitSealing): H {
  const execute = async (batch: ConsumedEvent<typeof Topics.support>[]) => {
    const sealed = await sealing.sealEvents(batch.map(({ event }) => event as unknown as ClearEnvelope<EventOn<typeof Topics.support>['type']>));
    return handler.execute(batch.map((consumedEvent, index) => ({ ...consumedEvent, event: sealed[index] as EventOn<typeof Topics.support> })));
  };
  return Object.assign(Object.create(handler) as H, { execute });
}

/** A brand's app and one of its installs, writing a conversation. */
export function scenario(tenantId = randomUUID()) {
  const appId = randomUUID();
  const installId = `idfv-${randomUUID()}`;
  const conversationId = randomUUID();
  const marker = randomUUID().slice(0, 8);
  return {
    tenantId,
    appId,
    installId,
    conversationId,
    marker,
    opened: (overrides: { conversationId?: string; body?: string; messageId?: string } = {}) =>
      consumed(tenantId, 'support.conversation-opened', {
        appId,
        installId,
        conversationId: overrides.conversationId ?? conversationId,
        countryCode: 'FR',
        message: { id: overrides.messageId ?? deterministicUuid(overrides.conversationId ?? conversationId, 'first'), body: overrides.body ?? `Where is order ${marker}?`, piiTags: ['contact.email'] },
        identity: { name: `Ada ${marker}`, email: `ada.${marker}@example.com` },
        versions: { sdk: '10.0.0', app: '2.1' },
        device: { platform: 'android' },
        customFields: { tier: 'gold', note: `call ${marker}` },
      }),
    message: (body: string, occurredAt?: Date) => consumed(tenantId, 'support.message-sent', { appId, installId, conversationId, message: { id: randomUUID(), body } }, occurredAt),
    attachment: (blobKey: string) =>
      consumed(tenantId, 'support.attachment-added', {
        appId,
        installId,
        conversationId,
        attachment: { id: randomUUID(), blobKey, fileName: `receipt-${marker}.png`, contentType: 'image/png', sizeBytes: 9 },
      }),
    faqSearch: () => consumed(tenantId, 'support.faq-searched', { appId, installId, searchId: randomUUID(), query: `refund ${marker}`, searchedAt: new Date().toISOString() }),
    linkClick: () =>
      consumed(tenantId, 'support.link-clicked', { appId, conversationId, messageId: randomUUID(), url: 'https://help.example.com/refunds', clickedAt: new Date().toISOString() }),
  };
}

