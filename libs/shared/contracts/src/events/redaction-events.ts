import { z } from 'zod';

/** How many ids one request may name: more than that is a conversation, a time range or an erasure. */
export const MAX_REDACTION_IDS = 1_000;

/**
 * Part of a message's text, as offsets into the body as the agent API returns it (JavaScript
 * string indices, UTF-16 code units, `end` exclusive) — the same offsets the classifier's findings use.
 */
export const textRange = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(1) })
  .strict()
  .refine(({ start, end }) => end > start, { message: 'end must be greater than start' });
export type TextRange = z.infer<typeof textRange>;

/** Ids a request names (messages, attachments): one to `MAX_REDACTION_IDS`. */
export const redactionIds = z.array(z.uuid()).min(1).max(MAX_REDACTION_IDS);

/** What a redaction job removes. Every kind but `end-user` lies within one conversation. */
export const redactionTarget = z.discriminatedUnion('kind', [
  /** One message: its whole body, or only these ranges of it. */
  z.object({ kind: z.literal('message'), messageId: z.uuid(), ranges: z.array(textRange).min(1).max(100).optional() }).strict(),
  /** These messages of the conversation, whole. */
  z.object({ kind: z.literal('messages'), conversationId: z.uuid(), messageIds: redactionIds }).strict(),
  /** Every message of the conversation sent in [from, to), whole. */
  z.object({ kind: z.literal('messages-sent-between'), conversationId: z.uuid(), from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }).strict(),
  /** These attachments of the conversation: names and bytes. */
  z.object({ kind: z.literal('attachments'), conversationId: z.uuid(), attachmentIds: redactionIds }).strict(),
  /** Every message and attachment of the conversation, and its custom fields. */
  z.object({ kind: z.literal('conversation'), conversationId: z.uuid() }).strict(),
  /** Erasure: the end user's identity, conversations, messages, attachments, FAQ searches, link clicks and data keys. */
  z.object({ kind: z.literal('end-user'), endUserId: z.uuid() }).strict(),
]);
export type RedactionTarget = z.infer<typeof redactionTarget>;
export type RedactionTargetKind = RedactionTarget['kind'];

/**
 * An agent or admin asked for content to be removed (or an admin approved a request that needed
 * it): the job is ready to run. Ids only: the reason, typed by a person, stays in the job.
 */
export const redactionRequestedV2 = z
  .object({
    jobId: z.uuid(),
    requestedBy: z.string().min(1),
    target: redactionTarget,
  })
  .strict();
export type RedactionRequestedV2 = z.infer<typeof redactionRequestedV2>;

/** Version 1 also carried the reason; still read (the worker reads jobs from the database, by id). */
export const redactionRequestedV1 = redactionRequestedV2.extend({ reason: z.string().min(1).max(500) }).strict();

/**
 * A job's removal is done in the ticket store: every other holder of a copy purges what it keeps
 * of the named content and confirms. Ids only, never the content.
 */
export const redactionCompletedV1 = z
  .object({
    jobId: z.uuid(),
    kind: z.enum(['message', 'messages', 'messages-sent-between', 'attachments', 'conversation', 'end-user']),
    /** Whose content it was (Sieve's end user id, never the install's): on an erasure, holders drop everything of theirs. */
    endUserId: z.uuid(),
    conversationIds: z.array(z.uuid()),
    /** The removed messages that others may hold copies of: agent replies (the gateway holds them for the install). */
    messageIds: z.array(z.uuid()),
    attachmentIds: z.array(z.uuid()),
  })
  .strict();
export type RedactionCompletedV1 = z.infer<typeof redactionCompletedV1>;

/** The gateway's store of agent replies waiting for their install: a holder that confirms purges. */
export const PENDING_REPLIES_HOLDER = 'ingest-gateway.pending-replies';

/** A holder of copies purged what a completed redaction named (ids, never the content). */
export const redactionPurgeConfirmedV1 = z
  .object({
    jobId: z.uuid(),
    /** Which store, e.g. "ingest-gateway.pending-replies". */
    holder: z.string().min(1).max(100),
    /** How many copies it held and removed. */
    purged: z.number().int().min(0),
    confirmedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type RedactionPurgeConfirmedV1 = z.infer<typeof redactionPurgeConfirmedV1>;
