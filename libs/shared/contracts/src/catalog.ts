import { z } from 'zod';
import { Envelope, envelope, EnvelopeMeta, envelopeSchema } from './envelope';
import { piiFieldClassifiedV1 } from './events/pii-events';
import { redactionCompletedV1, redactionPurgeConfirmedV1, redactionRequestedV1, redactionRequestedV2 } from './events/redaction-events';
import { diagnosticsCrashReportedV1, diagnosticsReportedV1 } from './events/diagnostics-events';
import {
  sdkAttachmentAddedV1,
  sdkAttachmentAddedV2,
  sdkConversationOpenedV1,
  sdkConversationOpenedV2,
  sdkCrashReportedV1,
  sdkDiagnosticReportedV1,
  sdkFaqSearchedV1,
  sdkFaqSearchedV2,
  sdkLinkClickedV1,
  sdkMessageSentV1,
  sdkMessageSentV2,
  sdkSessionEventV1,
} from './events/sdk-events';
import {
  supportAttachmentAddedClear,
  supportAttachmentAddedV2,
  supportConversationOpenedClear,
  supportConversationOpenedV2,
  supportFaqSearchedClear,
  supportFaqSearchedV2,
  supportLinkClickedV1,
  supportMessageSentClear,
  supportMessageSentV2,
} from './events/support-events';
import { agentRepliedClear, agentRepliedV2 } from './events/reply-events';
import { usageSessionEventV1 } from './events/usage-events';
import { TopicName, Topics } from './topics';

/**
 * Each event type with the payload schema of its current version, and of the earlier versions
 * consumers still read (`previous`): a breaking change adds a version here and keeps the old one's
 * schema and fixtures; consumers upcast old shapes at their boundary. Event type strings are frozen.
 */
export const EventCatalog = {
  // Version 2 seals what a person typed under transit keys from the gateway on; version 1 carried it clear.
  'sdk.conversation-opened': { version: 2, schema: sdkConversationOpenedV2, previous: { 1: sdkConversationOpenedV1 } },
  'sdk.message-sent': { version: 2, schema: sdkMessageSentV2, previous: { 1: sdkMessageSentV1 } },
  'sdk.attachment-added': { version: 2, schema: sdkAttachmentAddedV2, previous: { 1: sdkAttachmentAddedV1 } },
  'sdk.session-event': { version: 1, schema: sdkSessionEventV1 },
  'sdk.faq-searched': { version: 2, schema: sdkFaqSearchedV2, previous: { 1: sdkFaqSearchedV1 } },
  'sdk.link-clicked': { version: 1, schema: sdkLinkClickedV1 },
  'sdk.crash-reported': { version: 1, schema: sdkCrashReportedV1 },
  'sdk.diagnostic-reported': { version: 1, schema: sdkDiagnosticReportedV1 },
  // Version 2 seals what a person typed under transit keys; version 1 carried it clear (TransitSealing.open passes it on).
  'support.conversation-opened': { version: 2, schema: supportConversationOpenedV2, previous: { 1: supportConversationOpenedClear } },
  'support.message-sent': { version: 2, schema: supportMessageSentV2, previous: { 1: supportMessageSentClear } },
  'support.attachment-added': { version: 2, schema: supportAttachmentAddedV2, previous: { 1: supportAttachmentAddedClear } },
  'support.faq-searched': { version: 2, schema: supportFaqSearchedV2, previous: { 1: supportFaqSearchedClear } },
  'support.link-clicked': { version: 1, schema: supportLinkClickedV1 },
  'diagnostics.crash-reported': { version: 1, schema: diagnosticsCrashReportedV1 },
  'diagnostics.reported': { version: 1, schema: diagnosticsReportedV1 },
  'pii.field-classified': { version: 1, schema: piiFieldClassifiedV1 },
  'usage.session-event': { version: 1, schema: usageSessionEventV1 },
  // Version 2 leaves the free-text reason in the job; version 1 carried it (its readers use only the ids).
  'tickets.redaction-requested': { version: 2, schema: redactionRequestedV2, previous: { 1: redactionRequestedV1 } },
  'redaction.completed': { version: 1, schema: redactionCompletedV1 },
  'redaction.purge-confirmed': { version: 1, schema: redactionPurgeConfirmedV1 },
  'tickets.agent-replied': { version: 2, schema: agentRepliedV2, previous: { 1: agentRepliedClear } },
} as const satisfies Record<string, { version: number; schema: z.ZodType; previous?: Record<number, z.ZodType> }>;

export type EventType = keyof typeof EventCatalog;
export type PayloadOf<T extends EventType> = z.infer<(typeof EventCatalog)[T]['schema']>;

/** Which event types may travel on which topic: a wrong pair fails to compile. */
export const TopicEvents = {
  [Topics.sdkRaw]: [
    'sdk.conversation-opened',
    'sdk.message-sent',
    'sdk.attachment-added',
    'sdk.session-event',
    'sdk.faq-searched',
    'sdk.link-clicked',
    'sdk.crash-reported',
    'sdk.diagnostic-reported',
  ],
  [Topics.support]: ['support.conversation-opened', 'support.message-sent', 'support.attachment-added', 'support.faq-searched', 'support.link-clicked'],
  [Topics.usage]: ['usage.session-event'],
  [Topics.diagnostics]: ['diagnostics.crash-reported', 'diagnostics.reported'],
  [Topics.piiFindings]: ['pii.field-classified'],
  [Topics.agentReplies]: ['tickets.agent-replied'],
  [Topics.redactionRequests]: ['tickets.redaction-requested'],
  [Topics.redactionCompleted]: ['redaction.completed'],
  [Topics.redactionConfirmations]: ['redaction.purge-confirmed'],
} as const satisfies Record<TopicName, readonly EventType[]>;

export type EventTypeOn<T extends TopicName> = (typeof TopicEvents)[T][number];

/** A typed event of one of the types a topic carries. */
export type EventOn<T extends TopicName> = {
  [K in EventTypeOn<T>]: Envelope<K, PayloadOf<K>>;
}[EventTypeOn<T>];

/** Builds an event of the current version of its type; the payload is type-checked, not parsed. */
export function buildEvent<T extends EventType>(type: T, payload: PayloadOf<T>, meta: EnvelopeMeta): Envelope<T, PayloadOf<T>> {
  return envelope(type, EventCatalog[type].version, payload, meta);
}

export type EventParseResult<T extends TopicName> =
  | { ok: true; event: EventOn<T> }
  | { ok: false; reason: EventRejectionReason; detail: string };

export type EventRejectionReason = 'not-json' | 'invalid-envelope' | 'unexpected-type' | 'unknown-version' | 'invalid-payload';

/**
 * Parses a message read from `topic` strictly: the envelope, the type the topic may carry, the
 * version and the payload. `detail` names the offending paths, never their values, so it can be
 * logged and put on a dead-letter topic.
 */
export function parseEvent<T extends TopicName>(topic: T, raw: Buffer | string | null): EventParseResult<T> {
  let json: unknown;
  try {
    json = JSON.parse(raw === null ? '' : raw.toString());
  } catch {
    return { ok: false, reason: 'not-json', detail: 'message value is not valid JSON' };
  }
  const frame = envelopeSchema.safeParse(json);
  if (!frame.success) {
    return { ok: false, reason: 'invalid-envelope', detail: describeIssues(frame.error) };
  }
  const allowed: readonly string[] = TopicEvents[topic];
  if (!allowed.includes(frame.data.type)) {
    return { ok: false, reason: 'unexpected-type', detail: `event type "${frame.data.type}" does not belong on ${topic}` };
  }
  const entry: { version: number; schema: z.ZodType; previous?: Record<number, z.ZodType> } = EventCatalog[frame.data.type as EventType];
  // An earlier version a consumer still reads keeps its own shape and version number: the consumer upcasts it.
  const schema = frame.data.version === entry.version ? entry.schema : entry.previous?.[frame.data.version];
  if (!schema) {
    return { ok: false, reason: 'unknown-version', detail: `${frame.data.type} has no version ${frame.data.version}` };
  }
  const payload = schema.safeParse(frame.data.payload);
  if (!payload.success) {
    return { ok: false, reason: 'invalid-payload', detail: describeIssues(payload.error, 'payload') };
  }
  return { ok: true, event: { ...frame.data, payload: payload.data } as EventOn<T> };
}

/** Names the paths and what was wrong at each, without echoing any value. */
export function describeIssues(error: z.ZodError, prefix?: string): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
      return `${path}: ${issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.code}`;
    })
    .join('; ');
}
