import { z } from 'zod';

/**
 * A personal value on a clean topic: encrypted under a transit key of its own (AES-256-GCM, the
 * key in the key vault), so that a redaction can make the copy Kafka retains unreadable by
 * destroying that key. `sealed` is the sealed value in base64url.
 */
export const transitSealed = z.object({ keyId: z.uuid(), sealed: z.base64url().min(1).max(200_000) }).strict();
export type TransitSealed = z.infer<typeof transitSealed>;

/** A personal field's schema in an event's two forms: clear (what producers build and consumers read once opened), or sealed (as it travels). */
export type SealableText = z.ZodType<string> | typeof transitSealed;
export type SealableJson = z.ZodType<Record<string, unknown>> | typeof transitSealed;

/** How a field's plaintext is kept in the sealed value: text as it is, objects as JSON. */
export type SealedFieldEncoding = 'text' | 'json';

/**
 * The fields of each event type that travel sealed, by path into the payload: from the gateway's
 * raw topic on, under the same key. Everything else on the clean topics is ids, categories,
 * versions and times — nothing a person typed.
 */
export const TRANSIT_SEALED_FIELDS = {
  'sdk.conversation-opened': { 'message.body': 'text', 'identity.name': 'text', 'identity.email': 'text', 'device.advertisingId': 'text', customFields: 'json', metadata: 'json' },
  'sdk.message-sent': { 'message.body': 'text' },
  'sdk.attachment-added': { 'attachment.fileName': 'text' },
  'sdk.faq-searched': { query: 'text' },
  'support.conversation-opened': { 'message.body': 'text', 'identity.name': 'text', 'identity.email': 'text', customFields: 'json', metadata: 'json' },
  'support.message-sent': { 'message.body': 'text' },
  'support.attachment-added': { 'attachment.fileName': 'text' },
  'support.faq-searched': { query: 'text' },
  'tickets.agent-replied': { 'message.body': 'text' },
} as const satisfies Record<string, Record<string, SealedFieldEncoding>>;

export type TransitSealedType = keyof typeof TRANSIT_SEALED_FIELDS;

export const isTransitSealedType = (type: string): type is TransitSealedType => type in TRANSIT_SEALED_FIELDS;

/** The version from which these types' fields travel sealed; earlier versions (still read) carry them clear. */
export const TRANSIT_SEALED_SINCE_VERSION = 2;

/** Whether this event's personal fields are sealed (a type that has them, in a version that seals them). */
export const carriesSealedFields = (event: { type: string; version: number }): event is { type: TransitSealedType; version: number } =>
  isTransitSealedType(event.type) && event.version >= TRANSIT_SEALED_SINCE_VERSION;

/** Each sealed field present in a payload: its path, encoding, the object holding it and its name there. */
function* sealedFieldsOf(type: TransitSealedType, payload: Record<string, unknown>) {
  for (const [path, encoding] of Object.entries(TRANSIT_SEALED_FIELDS[type]) as [string, SealedFieldEncoding][]) {
    const keys = path.split('.');
    const parent = keys.slice(0, -1).reduce<Record<string, unknown> | undefined>((node, key) => node?.[key] as Record<string, unknown> | undefined, payload);
    const name = keys[keys.length - 1];
    if (parent && parent[name] !== undefined) yield { path, encoding, parent, name };
  }
}

/**
 * Rewrites the sealed fields of a payload (in a copy): `transform` gets each present field's path,
 * encoding and value, and returns its replacement. Sealing and opening are both this walk.
 */
export function mapSealedFields(type: TransitSealedType, payload: unknown, transform: (path: string, encoding: SealedFieldEncoding, value: unknown) => unknown): unknown {
  const copy = structuredClone(payload) as Record<string, unknown>;
  for (const { path, encoding, parent, name } of sealedFieldsOf(type, copy)) parent[name] = transform(path, encoding, parent[name]);
  return copy;
}

/** The values of a payload's sealed fields, as they are (no copy). */
export function sealedValuesOf(type: TransitSealedType, payload: unknown): unknown[] {
  return [...sealedFieldsOf(type, payload as Record<string, unknown>)].map(({ parent, name }) => parent[name]);
}
