import { z } from 'zod';
import { describeIssues } from '@sieve/contracts';
import { fieldsAtFault } from './ingest.error';

/** The bounds of one batch, so that one request costs the platform what it should. */
export const BATCH_LIMITS = { events: 500, bodyBytes: 512 * 1024, eventBytes: 32 * 1024 } as const;

const clientEventId = z.string().min(1).max(128);
const timestamp = z.iso.datetime({ offset: true });

/**
 * `POST /v1/batches`: what an SDK reports in the background for one install. The envelope is
 * checked as a whole (a bad one is a 400); each event on its own, so a bad event is rejected with
 * its reason and the others still go through.
 */
export const reportBatchRequestSchema = z
  .object({
    installId: z.string().min(1).max(128),
    versions: z.object({ sdk: z.string().min(1).max(32), app: z.string().max(64).optional(), os: z.string().max(64).optional() }).strict(),
    fullPrivacy: z.boolean().optional(),
    events: z.array(z.unknown()).min(1).max(BATCH_LIMITS.events),
  })
  .strict();
export type ReportBatchRequest = z.infer<typeof reportBatchRequestSchema>;

export const batchEventSchema = z.discriminatedUnion('type', [
  /** Product interaction, counted for active usage (not linked to the user). */
  z
    .object({
      type: z.literal('session'),
      clientEventId,
      eventTime: timestamp,
      kind: z.enum(['session-start', 'session-end', 'foreground', 'background']),
      properties: z.record(z.string().max(64), z.unknown()).optional(),
    })
    .strict(),
  z.object({ type: z.literal('faq-search'), clientEventId, query: z.string().trim().min(1).max(500), searchedAt: timestamp }).strict(),
  z
    .object({ type: z.literal('link-click'), clientEventId, conversationId: z.uuid(), messageId: z.uuid(), url: z.url().max(2_048), clickedAt: timestamp })
    .strict(),
  z
    .object({
      type: z.literal('crash'),
      clientEventId,
      crashedAt: timestamp,
      device: z.object({ platform: z.enum(['ios', 'android', 'web']).optional(), model: z.string().max(100).optional() }).strict().optional(),
      crash: z.object({ type: z.string().min(1).max(200), message: z.string().max(2_000).optional(), stackTrace: z.string().max(30_000).optional() }).strict(),
    })
    .strict(),
  z.object({ type: z.literal('diagnostic'), clientEventId, reportedAt: timestamp, name: z.string().min(1).max(100), data: z.record(z.string().max(64), z.unknown()) }).strict(),
]);
export type BatchEvent = z.infer<typeof batchEventSchema>;

/** Performance data: the disclosure says Sieve does not collect it, so the gateway refuses it by name. */
const NOT_COLLECTED_TYPES = new Set(['performance', 'launch-time', 'hang-rate', 'energy']);

export type BatchEventCheck =
  | { ok: true; event: BatchEvent }
  | { ok: false; clientEventId?: string; reason: 'too-large' | 'not-collected' | 'invalid'; message: string; fields?: string[] };

/** Checks one event of a batch on its own: size, whether Sieve collects its kind, and its shape. */
export function checkBatchEvent(raw: unknown): BatchEventCheck {
  const record = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
  const clientEventId = typeof record?.clientEventId === 'string' ? record.clientEventId.slice(0, 128) : undefined;
  const size = Buffer.byteLength(JSON.stringify(raw) ?? '');
  if (size > BATCH_LIMITS.eventBytes) {
    return { ok: false, clientEventId, reason: 'too-large', message: `The event is ${size} bytes; an event may have at most ${BATCH_LIMITS.eventBytes}.` };
  }
  if (typeof record?.type === 'string' && NOT_COLLECTED_TYPES.has(record.type)) {
    return {
      ok: false,
      clientEventId,
      reason: 'not-collected',
      message: `Sieve does not collect performance data ("${record.type}"): its data-collection disclosure says so. Stop sending these events.`,
    };
  }
  const parsed = batchEventSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, clientEventId, reason: 'invalid', message: `The event is invalid: ${describeIssues(parsed.error)}.`, fields: fieldsAtFault(parsed.error) };
  }
  return { ok: true, event: parsed.data };
}
