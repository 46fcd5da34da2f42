import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** The frame around every event on every topic. Consumers parse it strictly. */
export const envelopeSchema = z
  .object({
    id: z.uuid(),
    type: z.string().min(1),
    version: z.number().int().positive(),
    occurredAt: z.iso.datetime({ offset: true }),
    producer: z.string().min(1),
    tenantId: z.string().min(1),
    correlationId: z.string().min(1),
    causationId: z.string().min(1).nullable(),
    payload: z.unknown(),
  })
  .strict();

export type Envelope<TType extends string = string, TPayload = unknown> = Omit<
  z.infer<typeof envelopeSchema>,
  'type' | 'payload'
> & { type: TType; payload: TPayload };

export interface EnvelopeMeta {
  tenantId: string;
  producer: string;
  correlationId: string;
  /** The event that caused this one; null for events caused by a request. */
  causationId: string | null;
  /** Deterministic ids make a retried request produce the same event. */
  id?: string;
  occurredAt?: Date;
}

export function envelope<TType extends string, TPayload>(
  type: TType,
  version: number,
  payload: TPayload,
  meta: EnvelopeMeta,
): Envelope<TType, TPayload> {
  return {
    id: meta.id ?? randomUUID(),
    type,
    version,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    producer: meta.producer,
    tenantId: meta.tenantId,
    correlationId: meta.correlationId,
    causationId: meta.causationId,
    payload,
  };
}
