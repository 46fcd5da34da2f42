import { z } from 'zod';

/** An agent or admin asked for content to be removed. */
export const redactionRequestedV1 = z
  .object({
    jobId: z.uuid(),
    requestedBy: z.string().min(1),
    reason: z.string().min(1).max(500),
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('message'), messageId: z.uuid() }).strict(),
      z.object({ kind: z.literal('conversation'), conversationId: z.uuid() }).strict(),
    ]),
  })
  .strict();
export type RedactionRequestedV1 = z.infer<typeof redactionRequestedV1>;
