import { z } from 'zod';
import { EventCatalog, EventType, EventTypeOn, PayloadOf } from './catalog';
import { Envelope, envelope, EnvelopeMeta } from './envelope';
import { endUserIdOf } from './deterministic-id';
import { agentRepliedClear } from './events/reply-events';
import { sdkAttachmentAddedV1, sdkConversationOpenedV1, sdkFaqSearchedV1, sdkMessageSentV1 } from './events/sdk-events';
import { supportAttachmentAddedClear, supportConversationOpenedClear, supportFaqSearchedClear, supportMessageSentClear } from './events/support-events';
import { TransitSealedType } from './events/transit-sealed';
import { TopicName } from './topics';

/** The clear (opened) form of each event type that travels with sealed fields. */
export const ClearEventSchemas = {
  'sdk.conversation-opened': sdkConversationOpenedV1,
  'sdk.message-sent': sdkMessageSentV1,
  'sdk.attachment-added': sdkAttachmentAddedV1,
  'sdk.faq-searched': sdkFaqSearchedV1,
  'support.conversation-opened': supportConversationOpenedClear,
  'support.message-sent': supportMessageSentClear,
  'support.attachment-added': supportAttachmentAddedClear,
  'support.faq-searched': supportFaqSearchedClear,
  'tickets.agent-replied': agentRepliedClear,
} as const satisfies Record<TransitSealedType, z.ZodType>;

/** A payload as its producer makes it and its consumer reads it once opened: the clear form where there is one. */
export type ClearPayloadOf<T extends EventType> = T extends TransitSealedType ? z.infer<(typeof ClearEventSchemas)[T]> : z.infer<(typeof EventCatalog)[T]['schema']>;

/** An event of a topic as its consumer reads it once its sealed fields are opened. */
export type ClearEventOn<T extends TopicName> = {
  [K in EventTypeOn<T>]: Envelope<K, ClearPayloadOf<K>>;
}[EventTypeOn<T>];

/** An event as its producer builds it, before `TransitSealing.sealEvents` seals its personal fields. */
export type ClearEnvelope<T extends EventType> = Envelope<T, ClearPayloadOf<T>>;

/** Builds an event of the current version of its type with its clear payload, to be sealed before it is published. */
export function buildClearEvent<T extends EventType>(type: T, payload: ClearPayloadOf<T>, meta: EnvelopeMeta): ClearEnvelope<T> {
  return envelope(type, EventCatalog[type].version, payload, meta);
}

/** The same event as it travels (what `sealEvents` returns). */
export type SealedEnvelope<T extends EventType> = Envelope<T, PayloadOf<T>>;

/** The schema a producer checks its clear payload with (the topic's own where nothing is sealed). */
export function clearSchemaOf(type: EventType): z.ZodObject {
  return (type in ClearEventSchemas ? ClearEventSchemas[type as TransitSealedType] : EventCatalog[type].schema) as z.ZodObject;
}

/**
 * What an event's transit key belongs to: its own id (the message, attachment or search the
 * event carries, so one message's redaction can destroy just its key), the end user whose data it
 * is, and the conversation (none for an FAQ search). The key vault destroys keys by any of them.
 */
export interface TransitUnit {
  keyId: string;
  tenantId: string;
  subjectId: string;
  conversationId: string | null;
}

export function transitUnitOf(tenantId: string, clear: ClearPayloadOf<TransitSealedType>): TransitUnit {
  const subjectId = endUserIdOf(tenantId, clear.appId, clear.installId);
  if ('searchId' in clear) return { keyId: clear.searchId, tenantId, subjectId, conversationId: null };
  if ('attachment' in clear) return { keyId: clear.attachment.id, tenantId, subjectId, conversationId: clear.conversationId };
  return { keyId: clear.message.id, tenantId, subjectId, conversationId: clear.conversationId };
}
